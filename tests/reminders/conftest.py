import importlib

import pytest
from rest_framework.test import APIClient

from putright.people.models import Resident
from tests.people.factories import dataset


@pytest.fixture
def api_as(db):
    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user=user)
        return client

    return make


@pytest.fixture
def rosa(db):
    return Resident.objects.create(
        name="Rosa Patel", email="rosa@example.org", tenancy_reference="T-10023"
    )


@pytest.fixture
def cases(olivia, hannah):
    return dataset(officer=olivia, handler=hannah)


@pytest.fixture
def worker_db(transactional_db):
    """A database the real worker can commit to. Afterwards the append-only events (5.12) are
    cleared so the flush between tests can run: PostgreSQL's TRUNCATE does not fire the row
    trigger, but SQLite's DELETE does, so there the trigger is lifted for the clean-up only."""
    yield
    from django.db import connection

    if connection.vendor == "sqlite":
        migration = importlib.import_module(
            "putright.complaints.migrations.0002_events_append_only"
        )
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS complaints_event_no_delete")
            cursor.execute("DELETE FROM complaints_event")
            cursor.execute(migration.SQLITE[1])
