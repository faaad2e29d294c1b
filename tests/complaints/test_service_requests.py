"""Service requests are recorded and monitored (1.4); a complaint raised from one leaves it open
(1.5)."""

import pytest

from putright.complaints.models import Complaint, ServiceRequest
from putright.complaints.services import (
    complaint_raise_from_service_request,
    service_request_complete,
    service_request_log,
)
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from tests.complaints.factories import D

ROSA = {"name": "Rosa Patel", "tenancy_reference": "T-1"}


@pytest.fixture
def repair(hannah):
    return service_request_log(
        user=hannah,
        resident=dict(ROSA),
        received_on=D(2025, 10, 20),
        channel="phone",
        description="Kitchen ceiling leaking.",
        category="repairs",
    )


def test_a_service_request_is_recorded(repair, hannah):
    assert repair.state == "open"
    assert repair.resident.name == "Rosa Patel"
    assert repair.created_by == hannah
    assert repair.resident.events.get().type == "service_request_logged"


def test_a_complaint_raised_from_a_service_request_leaves_it_open(repair, hannah):
    complaint = complaint_raise_from_service_request(
        user=hannah,
        service_request=repair,
        received_on=D(2025, 11, 3),
        description="Three weeks on and the leak is not fixed.",
    )
    assert complaint.service_request == repair
    assert complaint.resident == repair.resident
    assert (complaint.channel, complaint.category) == ("phone", "repairs")
    assert complaint.current_stage.acknowledge_by == D(2025, 11, 10)
    assert fresh_request(repair).state == "open"  # still monitored (1.5)
    completed = service_request_complete(user=hannah, service_request=repair)
    assert (completed.state, completed.completed_on) == ("completed", D(2025, 11, 24))


def fresh_request(request):
    return ServiceRequest.objects.get(pk=request.pk)


def test_the_complaint_cannot_predate_the_request(repair, hannah):
    with pytest.raises(InvalidInput) as error:
        complaint_raise_from_service_request(
            user=hannah, service_request=repair, received_on=D(2025, 10, 19), description="x"
        )
    assert "received_on" in error.value.errors
    assert not Complaint.objects.exists()


def test_a_request_is_completed_once(repair, hannah):
    service_request_complete(user=hannah, service_request=repair, completed_on=D(2025, 11, 1))
    with pytest.raises(RuleBroken):
        service_request_complete(user=hannah, service_request=repair)
    assert fresh_request(repair).completed_on == D(2025, 11, 1)


def test_completion_cannot_predate_the_request(repair, hannah):
    with pytest.raises(InvalidInput):
        service_request_complete(user=hannah, service_request=repair, completed_on=D(2025, 10, 1))
    assert fresh_request(repair).state == "open"


def test_bad_requests_are_named(hannah):
    with pytest.raises(InvalidInput) as error:
        service_request_log(
            user=hannah,
            resident=dict(ROSA),
            received_on=D(2025, 11, 25),
            channel="fax",
            description="",
        )
    assert set(error.value.errors) == {"received_on", "channel", "description"}
    assert not ServiceRequest.objects.exists()


def test_governance_cannot_log_requests(grace):
    with pytest.raises(NotPermitted):
        service_request_log(
            user=grace,
            resident=dict(ROSA),
            received_on=D(2025, 11, 3),
            channel="phone",
            description="x",
        )
