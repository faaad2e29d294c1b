"""What the notifications app does when something is recorded on a case."""

from putright.complaints.events import EventType


def on_event(sender, event, **kwargs):
    # Every way in (the public form, staff logging a call or letter, the API, filed e-mail)
    # records complaint_logged: each resident is told how to follow their complaint.
    if event.type == EventType.COMPLAINT_LOGGED and event.complaint_id is not None:
        from putright.notifications.tasks import send_tracking_link

        send_tracking_link.enqueue(event.complaint_id)
