from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "putright.notifications"
    label = "notifications"

    def ready(self):
        from putright.complaints.signals import complaint_event_recorded
        from putright.notifications import receivers

        # The signal is sent after the complaint's transaction commits: a complaint that was
        # rolled back is never announced.
        complaint_event_recorded.connect(receivers.on_event, dispatch_uid="notifications")
