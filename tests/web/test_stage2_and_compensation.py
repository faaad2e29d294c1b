"""The respond form's decision maker (6.20) and compensation guide (7.4), the stage 2 panel page
(3.6) and the guide's own page, through the web client."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.complaints.models import CompensationBand, Panel
from putright.complaints.services import complaint_escalate
from tests.factories import acknowledge, log_complaint, respond

ANSWER = {
    "responded_on": "2025-11-21",
    "decision": "upheld",
    "reasons": "We got it wrong.",
    "remedy_rows": "1",
    "action_rows": "1",
}


def url(complaint, action=None):
    if action:
        return reverse("web:complaint-action", args=[complaint.reference, action])
    return reverse("web:complaint", args=[complaint.reference])


def some():
    return CompensationBand.objects.get(failure="Distress and inconvenience", impact="some")


@pytest.fixture
def stage1(olivia, hannah):
    case = log_complaint(user=olivia, received_on=dt.date(2025, 11, 3))
    return acknowledge(case, user=hannah, handler=hannah, on=dt.date(2025, 11, 4))


@pytest.fixture
def stage2(stage1, olivia, hannah, harry, martin):
    respond(stage1, user=hannah, on=dt.date(2025, 11, 14))
    complaint_escalate(user=olivia, complaint=stage1, requested_on=dt.date(2025, 11, 17))
    return acknowledge(stage1, user=olivia, handler=harry, on=dt.date(2025, 11, 18))


def test_the_respond_form_shows_the_guide_beside_the_remedies(signed_in, hannah, stage1):
    page = signed_in(hannah).get(url(stage1, "respond")).content.decode()
    assert 'id="compensation-guide"' in page
    assert "£100.00 to £600.00" in page
    assert 'name="remedy_1_band"' in page and 'name="remedy_1_outside_guide_reason"' in page
    assert 'name="decision_maker"' not in page  # stage 1: nobody is named


def test_a_payment_outside_its_band_is_refused_with_the_provision(signed_in, hannah, stage1):
    payment = {
        "remedy_1_type": "financial",
        "remedy_1_description": "For the delay.",
        "remedy_1_amount": "900",
        "remedy_1_due_on": "2025-12-05",
        "remedy_1_band": str(some().pk),
    }
    client = signed_in(hannah)
    answer = client.post(
        url(stage1, "respond"), {**ANSWER, "responded_on": "2025-11-14", **payment}
    )
    assert answer.status_code == 409
    page = answer.content.decode()
    assert "There is a problem" in page and "7.4" in page
    reason = {"remedy_1_outside_guide_reason": "A year without a working kitchen."}
    answer = client.post(
        url(stage1, "respond"), {**ANSWER, "responded_on": "2025-11-14", **payment, **reason}
    )
    assert answer.status_code == 302
    case_page = client.get(url(stage1)).content.decode()
    assert "Why this amount (7.4): A year without a working kitchen." in case_page


def test_stage_2_names_who_decided_and_the_case_page_shows_it(signed_in, harry, stage2):
    client = signed_in(harry)
    form = client.get(url(stage2, "respond")).content.decode()
    assert 'name="decision_maker"' in form
    # 6.13: Hannah handled stage 1, so she is not offered (the service would refuse her).
    assert 'value="martin"' in form and 'value="hannah"' not in form
    answer = client.post(url(stage2, "respond"), {**ANSWER, "decision_maker": "hannah"})
    assert answer.status_code == 400
    answer = client.post(url(stage2, "respond"), {**ANSWER, "decision_maker": "martin"})
    assert answer.status_code == 302
    assert "Decided by (6.20)" in client.get(url(stage2)).content.decode()


def test_the_panel_page_records_a_meeting(signed_in, harry, stage2):
    client = signed_in(harry)
    panel = {
        "held_on": "2025-11-20",
        "members": "Martin Cole, Manager\nAde Okoro",
        "resident_attended": "yes",
        "accompanied_by": "Her son",
    }
    answer = client.post(url(stage2, "panel"), {**panel, "resident_attended": "no"})
    assert answer.status_code == 400 and "There is a problem" in answer.content.decode()
    answer = client.post(url(stage2, "panel"), panel)
    assert answer.status_code == 302
    assert Panel.objects.get().members == ["Martin Cole, Manager", "Ade Okoro"]
    page = client.get(url(stage2)).content.decode()
    assert "accompanied by Her son" in page
    assert "Panel or meeting recorded" in page  # on the timeline too


def test_everyone_reads_the_guide_and_the_officer_keeps_it(signed_in, hannah, olivia):
    page = signed_in(hannah).get(reverse("web:compensation-guide")).content.decode()
    assert "Distress and inconvenience" in page and "Add a band" not in page
    edit = reverse("web:compensation-band", args=[some().pk])
    assert signed_in(hannah).get(edit).status_code == 403
    client = signed_in(olivia)
    change = {
        "failure": "Distress and inconvenience",
        "impact": "some",
        "minimum": "100",
        "maximum": "50",
        "active": "on",
    }
    answer = client.post(edit, change)
    assert answer.status_code == 400 and "cannot be below" in answer.content.decode()
    assert client.post(edit, {**change, "maximum": "650"}).status_code == 302
    assert str(some().maximum) == "650.00"
