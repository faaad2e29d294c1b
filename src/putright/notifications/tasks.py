"""Background work for notifications, through the django-tasks API (run by `putright worker`)."""

from django_tasks import task


@task()
def send_tracking_link(complaint_id: int) -> str:
    """Tell the resident their reference and tracking link. Never raises for a transport
    failure: the outcome is recorded on the case."""
    from putright.notifications.services import tracking_link_send

    return tracking_link_send(complaint_id=complaint_id)
