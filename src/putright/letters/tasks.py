"""Background work for letters, through the django-tasks API (run by `putright worker`)."""

from django_tasks import task


@task()
def send_letter(letter_id: int) -> str:
    """Send an issued letter by e-mail. Failures are recorded on the case and retried by
    `letter_send` itself, so the task never raises for a transport error."""
    from putright.letters.services import letter_send

    return letter_send(letter_id=letter_id).send_status
