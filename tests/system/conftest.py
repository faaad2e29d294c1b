import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.db import transaction

from tests.conftest import TODAY

DEMO_SIZE = 40
DEMO_SEED = 7


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """One demo, loaded once for the module's tests on the suite's "today" and rolled back
    afterwards, so that other tests never see it."""
    with (
        django_db_blocker.unblock(),
        time_machine.travel(dt.datetime(2025, 11, 24, 10, 0, tzinfo=dt.UTC), tick=True),
        transaction.atomic(),
    ):
        from io import StringIO

        out = StringIO()
        call_command("demo", complaints=DEMO_SIZE, seed=DEMO_SEED, not_production=True, stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db):
    assert dt.date(2025, 11, 24) == TODAY
    return demo_output
