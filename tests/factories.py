"""Factories for the case engine. Complaints are built through the services, so that a
factory-made case is one the rules would allow."""

import contextlib
import datetime as dt

import factory
import time_machine

from putright.accounts.models import User
from putright.people.models import Resident


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    role = "handler"
    email = factory.LazyAttribute(lambda u: f"{u.username}@landlord.example")
    password = factory.django.Password("putright-test")


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resident

    name = factory.Faker("name", locale="en_GB")
    email = factory.LazyAttribute(lambda r: f"{r.name.split()[0].lower()}@example.org")
    address = factory.Faker("address", locale="en_GB")
    tenancy_reference = factory.Sequence(lambda n: f"T-{20000 + n}")


@contextlib.contextmanager
def on_day(day: dt.date):
    """Play a step on the day it claims, as the demo does: the record then shows it entered on
    time (an entry made later than the deadline it claims to meet is backdated, 6.2/6.3)."""
    if day is None or day >= dt.date.today():
        yield
        return
    with time_machine.travel(dt.datetime(day.year, day.month, day.day, 11, 0, tzinfo=dt.UTC)):
        yield


def played_on(day: dt.date, action, **kwargs):
    """Call a service as if on `day`: a step recorded on the day it happened (a later entry
    claiming an earlier day is backdated, which the figures count as a breach)."""
    with on_day(day):
        return action(**kwargs)


def log_complaint(*, user=None, received_on=dt.date(2025, 11, 3), **overrides):
    """A stage 1 complaint, logged through the service."""
    from putright.complaints.services import complaint_log

    data = {
        "resident": {"name": "Rosa Patel", "email": "rosa@example.org", "tenancy_reference": "T-1"},
        "received_on": received_on,
        "channel": "phone",
        "description": "The kitchen ceiling has leaked for three weeks and nobody has come.",
        "category": "repairs",
    }
    data.update(overrides)
    with on_day(data["received_on"] if isinstance(data["received_on"], dt.date) else None):
        complaint, _ = complaint_log(user=user, **data)
    return complaint


def acknowledge(complaint, *, user, handler=None, on=None):
    from putright.complaints.services import complaint_acknowledge

    stage = complaint.stages.get(number=complaint.stage)
    with on_day(on or stage.requested_on):
        return complaint_acknowledge(
            user=user,
            complaint=complaint,
            acknowledged_on=on or stage.requested_on,
            handler=handler or user,
            definition={
                "understanding": "The resident says the kitchen ceiling leaks and repairs are "
                "late.",
                "outcomes_sought": "The leak fixed and the ceiling made good.",
                "responsible_for": "Repairs to the roof and the ceiling, and how we kept you "
                "informed.",
                "not_responsible_for": "Contents insurance for damaged belongings.",
            },
        )


def respond(complaint, *, user, on, decision="upheld", remedies=None, actions=None):
    from putright.complaints.services import complaint_respond

    with on_day(on):
        return complaint_respond(
            user=user,
            complaint=complaint,
            responded_on=on,
            decision=decision,
            reasons="The repair was booked late and the resident was not kept informed.",
            remedies=remedies or [],
            outstanding_actions=actions or [],
        )
