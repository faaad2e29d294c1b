"""8.4: when the Ombudsman asks a landlord to review its self-assessment after an investigation,
Putright prompts one on the officer's home until a self-assessment is started, and the live
figure shows the request as a breach until then. Only a self-assessment against the Code in force
answers it (and 8.3): an old 2020 form imported for the record does not."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.oversight import services as oversight
from putright.rules import reassessment
from putright.selfassessment.live_evidence import organisation_evidence
from tests.factories import log_complaint, on_day
from tests.selfassessment.factories import start

pytestmark = pytest.mark.django_db

D = dt.date
PERIOD = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


def _determined(user, *, review: bool):
    complaint = log_complaint(user=user, received_on=D(2025, 6, 2))
    case = oversight.ombudsman_case_open(
        user=user, complaint=complaint, referred_on=D(2025, 7, 1), ombudsman_reference="HOS-7"
    )
    return oversight.ombudsman_determination_record(
        user=user,
        case=case,
        determined_on=D(2025, 10, 1),
        findings=[{"element": "Repairs", "finding": "maladministration"}],
        self_assessment_review=review,
    )


def _figure():
    return next((f for f in organisation_evidence(**PERIOD) if f.ref == "8.4"), None)


def test_a_review_request_prompts_a_self_assessment_until_one_is_started(client, olivia, martin):
    case = _determined(martin, review=True)
    assert reassessment.review_due() == case
    client.force_login(olivia)
    home = client.get(reverse("web:home")).content.decode()
    assert "asked for the self-assessment to be reviewed" in home and "(8.4)" in home
    figure = _figure()
    assert (figure.met, figure.total, figure.breaches) == (0, 1, [case.complaint.reference])
    assert figure.proposed == "no"

    with on_day(D(2025, 9, 30)):  # started before the determination: does not answer it
        start(olivia, period_start=D(2024, 4, 1))
    assert reassessment.review_due() == case
    with on_day(D(2025, 10, 1)):
        start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    assert reassessment.review_due() is None
    assert "(8.4)" not in client.get(reverse("web:home")).content.decode()
    assert (_figure().met, _figure().total) == (1, 1)


def test_a_determination_without_the_request_prompts_nothing(martin):
    _determined(martin, review=False)
    assert reassessment.review_due() is None
    assert _figure() is None


def test_an_imported_2020_form_does_not_answer_the_request(olivia, martin):
    case = _determined(martin, review=True)
    with on_day(D(2025, 11, 1)):
        start(olivia, code_version="2020", period_start=D(2024, 4, 1))
    assert reassessment.review_due() == case
    assert _figure().breaches == [case.complaint.reference]


def test_the_determination_form_records_the_request(client, martin):
    complaint = log_complaint(user=martin, received_on=D(2025, 6, 2))
    case = oversight.ombudsman_case_open(
        user=martin, complaint=complaint, referred_on=D(2025, 7, 1)
    )
    client.force_login(martin)
    response = client.post(
        reverse("oversight:determination_add", args=[case.pk]),
        {
            "determined_on_0": "1",
            "determined_on_1": "10",
            "determined_on_2": "2025",
            "self_assessment_review": "on",
            "finding_1_element": "Repairs",
            "finding_1_finding": "maladministration",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    assert case.self_assessment_review and reassessment.review_due() == case
