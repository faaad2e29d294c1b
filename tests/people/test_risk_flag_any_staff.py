"""Raising a risk flag (6.1) is a safeguarding action any staff member who sees a risk may take,
on any case: the one deliberate exception to "handlers act only on their own cases" (review
finding 20b; docs/api.md). Governance, who read only, cannot; clearing follows the usual rule."""

import pytest

from putright.complaints.models import Event
from putright.people.models import VulnerabilityFlag
from tests.factories import log_complaint

pytestmark = pytest.mark.django_db

FLAG = {"kind": "safeguarding", "reason": "The resident mentioned a child at risk."}


@pytest.fixture
def hannahs_case(hannah):
    return log_complaint(user=hannah)  # the handler who logs a complaint holds it


def _url(complaint):
    return f"/api/v1/complaints/{complaint.reference}/vulnerability-flags/"


def test_a_handler_can_raise_a_flag_on_another_handlers_case(api_as, harry, hannahs_case):
    answer = api_as(harry).post(_url(hannahs_case), FLAG, format="json")

    assert answer.status_code == 201, answer.data
    flag = VulnerabilityFlag.objects.get(complaint=hannahs_case)
    assert (flag.kind, flag.raised_by) == ("safeguarding", harry)
    event = Event.objects.get(complaint=hannahs_case, type="vulnerability_flagged")
    assert event.actor == harry


def test_but_cannot_act_on_that_case_otherwise(api_as, harry, hannahs_case):
    answer = api_as(harry).post(
        f"/api/v1/complaints/{hannahs_case.reference}/notes/", {"text": "x"}, format="json"
    )
    assert answer.status_code == 403


@pytest.mark.parametrize("body", [FLAG, {"kind": 5, "raised_on": "not a date"}])
def test_governance_cannot_raise_a_flag(api_as, grace, hannahs_case, body):
    answer = api_as(grace).post(_url(hannahs_case), body, format="json")

    assert answer.status_code == 403
    assert not VulnerabilityFlag.objects.exists()
