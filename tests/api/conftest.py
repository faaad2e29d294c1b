"""API fixtures: clients signed in as each persona, and complaints at each point of the process,
built through the services (tests/factories.py)."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from putright.complaints.services import complaint_escalate
from tests.factories import acknowledge, log_complaint, respond

RECEIVED = dt.date(2025, 11, 3)  # a Monday, three weeks before "today" (2025-11-24)


@pytest.fixture
def client_for(db):
    def make(user=None):
        client = APIClient()
        if user is not None:
            client.force_authenticate(user=user)
        return client

    return make


@pytest.fixture
def anonymous(client_for):
    return client_for()


@pytest.fixture
def as_olivia(client_for, olivia):
    return client_for(olivia)


@pytest.fixture
def as_hannah(client_for, hannah):
    return client_for(hannah)


@pytest.fixture
def as_harry(client_for, harry):
    return client_for(harry)


@pytest.fixture
def as_grace(client_for, grace):
    return client_for(grace)


@pytest.fixture
def new_complaint(olivia):
    """Logged by the complaints officer on 3 November; no handler yet."""
    return log_complaint(user=olivia, received_on=RECEIVED)


@pytest.fixture
def investigating(new_complaint, olivia, hannah):
    """Hannah acknowledged it on 4 November as its stage 1 handler: respond by 18 November.
    (Olivia, the officer, has not acted at stage 1, so she can act at stage 2, 6.13.)"""
    return acknowledge(new_complaint, user=hannah, handler=hannah, on=dt.date(2025, 11, 4))


@pytest.fixture
def responded(investigating, hannah):
    """Hannah responded at stage 1 on 14 November."""
    return respond(investigating, user=hannah, on=dt.date(2025, 11, 14))


@pytest.fixture
def escalated(responded, olivia):
    """The resident asked for stage 2 on 17 November; no stage 2 handler yet."""
    return complaint_escalate(user=olivia, complaint=responded, requested_on=dt.date(2025, 11, 17))


def url(complaint, action=""):
    reference = complaint if isinstance(complaint, str) else complaint.reference
    return f"/api/v1/complaints/{reference}/" + (f"{action}/" if action else "")


def definition():
    return {
        "understanding": "The kitchen ceiling leaks and the repair is late.",
        "outcomes_sought": "The leak fixed and the ceiling made good.",
        "responsible_for": "The roof repair and the ceiling.",
        "not_responsible_for": "Contents insurance.",
    }


def snapshot(complaint):
    """What a refused request must leave untouched."""
    complaint.refresh_from_db()
    stages = list(
        complaint.stages.values(
            "number", "handler_id", "acknowledged_on", "respond_by", "responded_on", "extended_days"
        )
    )
    return {
        "status": complaint.status,
        "stage": complaint.stage,
        "closed_on": complaint.closed_on,
        "events": complaint.events.count(),
        "stages": stages,
        "remedies": complaint.remedies.count(),
        "actions": complaint.actions.count(),
        "refusals": complaint.refusals.count(),
    }
