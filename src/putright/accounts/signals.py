"""What signing in, a password change and deactivation do beyond Django's own handling."""

from __future__ import annotations

import time

from django.contrib.auth import SESSION_KEY
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from putright.accounts.models import ApiToken, User

# Session keys (middleware.py reads them).
SIGNED_IN_AT = "putright_signed_in_at"
LAST_SEEN_AT = "putright_last_seen_at"


@receiver(post_save, sender=User, dispatch_uid="putright.accounts.revoke_tokens")
def revoke_tokens_on_password_change_or_deactivation(sender, instance: User, created, **kwargs):
    # Django ends the user's sessions when the password hash changes (the session hash); its API
    # tokens end here. `_password` is set only by set_password() on this instance (not by the
    # hash upgrade Django makes at sign-in, which clears it first).
    if created:
        return
    if getattr(instance, "_password", None) is not None or not instance.is_active:
        ApiToken.objects.filter(user=instance).delete()


@receiver(user_logged_in, dispatch_uid="putright.accounts.session_clock")
def start_the_session_clock(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:  # an API token sign-in: no session
        return
    now = int(time.time())
    session[SIGNED_IN_AT] = now
    session[LAST_SEEN_AT] = now
