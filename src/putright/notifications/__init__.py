"""Telling the resident how to follow their complaint (review finding R1).

A small interface so that the way a message travels is a setting, not code: a backend says
which contact methods it can carry (`channels`) and sends one `Notification`. Putright ships an
e-mail backend; a text message or GOV.UK Notify backend is a class with the same two members,
listed in `PUTRIGHT_NOTIFICATION_BACKENDS`."""
