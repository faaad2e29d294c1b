"""A task for the worker tests: it records that it ran."""

from django_tasks import task

from putright.landlord.models import ClosureDay


@task()
def close_the_office(day: str) -> str:
    closure = ClosureDay.objects.create(date=day, reason="Closed by a background task")
    return str(closure.date)
