"""Governance fixtures: an incident, a determined Ombudsman case, meetings, built through the
services."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from putright.governance import services
from putright.oversight import services as oversight
from tests.factories import log_complaint

D = dt.date


@pytest.fixture
def api(db):
    def make(user):
        client = APIClient()
        client.force_authenticate(user=user)
        return client

    return make


@pytest.fixture
def incident(olivia):
    """A cyber attack from 3 to 14 November 2025, told to the Ombudsman, its notice published
    and a date for returning to compliance given."""
    return services.incident_record(
        user=olivia,
        title="Cyber attack",
        description="Our systems were taken offline.",
        starts_on=D(2025, 11, 3),
        ends_on=D(2025, 11, 14),
        ombudsman_informed_on=D(2025, 11, 4),
        notice="We may be slower to answer complaints.",
        notice_published_on=D(2025, 11, 4),
        compliance_by=D(2025, 12, 1),
    )


@pytest.fixture
def determined(martin):
    """An Ombudsman case determined on 1 October 2025."""
    complaint = log_complaint(user=martin, received_on=D(2025, 6, 2))
    case = oversight.ombudsman_case_open(
        user=martin, complaint=complaint, referred_on=D(2025, 7, 1), ombudsman_reference="HOS-1"
    )
    return oversight.ombudsman_determination_record(
        user=martin,
        case=case,
        determined_on=D(2025, 10, 1),
        findings=[{"element": "Repairs", "finding": "maladministration"}],
    )
