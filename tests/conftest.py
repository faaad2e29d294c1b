"""The cast every test can call on, so that tests read like stories (STYLE.md, Zulip)."""

import datetime as dt

import pytest
import time_machine

from tests.factories import UserFactory

# Tests run on a fixed "today" unless they travel elsewhere: a Monday in November 2025.
TODAY = dt.date(2025, 11, 24)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Full-strength hashing costs seconds per persona on a shared machine; tests don't need it.
    # The default hashers stay listed so that hashes made outside a test (the demo's
    # module-scoped load) still verify.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


@pytest.fixture(autouse=True)
def _frozen_today(request):
    if request.node.get_closest_marker("real_time"):
        yield None
        return
    # 10:00 in London; tick so that timestamps still order.
    with time_machine.travel(dt.datetime(2025, 11, 24, 10, 0, tzinfo=dt.UTC), tick=True) as t:
        yield t


@pytest.fixture
def today():
    return TODAY


@pytest.fixture
def hannah(db):
    """A complaint handler."""
    return UserFactory(username="hannah", role="handler", first_name="Hannah")


@pytest.fixture
def harry(db):
    """A second complaint handler: independent of Hannah for stage 2 (6.13)."""
    return UserFactory(username="harry", role="handler", first_name="Harry")


@pytest.fixture
def olivia(db):
    """The complaints officer: acts on any case."""
    return UserFactory(username="olivia", role="officer", first_name="Olivia")


@pytest.fixture
def martin(db):
    """A manager."""
    return UserFactory(username="martin", role="manager", first_name="Martin")


@pytest.fixture
def grace(db):
    """A governing body member / the MRC: reads, never changes."""
    return UserFactory(username="grace", role="governance", first_name="Grace")


@pytest.fixture
def adam(db):
    """An administrator."""
    return UserFactory(username="adam", role="admin", first_name="Adam")


@pytest.fixture
def rosa_details():
    """A resident, as she gives her details."""
    return {
        "name": "Rosa Patel",
        "email": "rosa@example.org",
        "phone": "07700 900123",
        "address": "Flat 3, 12 Elm Road, Exampletown EX2 3AB",
        "tenancy_reference": "T-10023",
    }


def _allow_truncate_in_tests(sender, connection, **kwargs):
    # Transactional tests are emptied by TRUNCATE, which the event log refuses otherwise.
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET putright.allow_truncate = 'on'")


from django.db.backends.signals import connection_created  # noqa: E402

connection_created.connect(_allow_truncate_in_tests)
