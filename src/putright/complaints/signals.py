"""Other apps (letters, reminders, oversight) hear about the case's events without the case
engine knowing them. Sent only after the transaction that wrote the event has committed."""

from django.dispatch import Signal

# Sent with `event` (a complaints.Event) once it is committed.
complaint_event_recorded = Signal()
