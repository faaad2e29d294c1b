"""A representative's consent (1.3, 3.6): how, when, evidence and who recorded it, through the
service, the API and the case page; and the 3.6 figure."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.complaints.models import Event
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.people import representatives
from putright.rules import representatives as rule
from tests.factories import acknowledge, log_complaint

pytestmark = pytest.mark.django_db

SAM = {"name": "Sam Patel", "relationship": "Son", "email": "sam@example.org"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def represented(user, **overrides):
    return log_complaint(user=user, representative=dict(SAM), **overrides)


def pdf(name="consent.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_consent_is_recorded_with_its_evidence_and_who_recorded_it(olivia):
    case = represented(olivia)
    rep = representatives.representative_consent_record(
        user=olivia,
        complaint=case,
        method="form",
        given_on=dt.date(2025, 11, 3),
        evidence=pdf(),
    )
    assert rep.has_consent
    assert rep.consent_recorded_by == olivia
    assert rep.consent_evidence_type == "application/pdf"
    assert rep.consent_evidence_name == "consent.pdf"
    assert rep.consent_evidence.name.endswith(".pdf")
    assert "consent" not in rep.consent_evidence.name.rsplit("/", 1)[1]  # a random stored name
    event = Event.objects.get(complaint=case, type="representative_consent_recorded")
    assert event.parameters["method"] == "form"
    assert event.parameters["provision"] == "3.6"


def test_evidence_is_checked_by_its_content_not_its_name(olivia):
    case = represented(olivia)
    fake = SimpleUploadedFile("consent.pdf", b"<html><script>x</script>", "application/pdf")
    with pytest.raises(InvalidInput) as error:
        representatives.representative_consent_record(
            user=olivia, complaint=case, method="written", given_on="2025-11-03", evidence=fake
        )
    assert "evidence" in error.value.errors


def test_verbal_consent_needs_a_note_and_dates_cannot_be_in_the_future(olivia):
    case = represented(olivia)
    with pytest.raises(InvalidInput) as error:
        representatives.representative_consent_record(
            user=olivia, complaint=case, method="verbal", given_on="2025-11-03"
        )
    assert "notes" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        representatives.representative_consent_record(
            user=olivia, complaint=case, method="verbal", given_on="2026-01-01", notes="x"
        )
    assert "given_on" in error.value.errors


def test_consent_needs_a_representative_and_someone_who_may_act(olivia, hannah, harry, grace):
    with pytest.raises(RuleBroken) as error:
        representatives.representative_consent_record(
            user=olivia, complaint=log_complaint(user=olivia), method="form", given_on="2025-11-03"
        )
    assert error.value.provision == "3.6"
    case = represented(olivia)
    acknowledge(case, user=hannah, handler=hannah, on=dt.date(2025, 11, 3))
    for outsider in (harry, grace):
        with pytest.raises(NotPermitted):
            representatives.representative_consent_record(
                user=outsider, complaint=case, method="form", given_on="2025-11-03"
            )


def test_the_3_6_figure_counts_acknowledged_cases_with_consent(olivia, hannah):
    period = {"period_start": dt.date(2025, 4, 1), "period_end": dt.date(2026, 3, 31)}
    with_consent, without, pending = represented(olivia), represented(olivia), represented(olivia)
    for case in (with_consent, without):
        acknowledge(case, user=hannah, handler=hannah, on=dt.date(2025, 11, 3))
    representatives.representative_consent_record(
        user=hannah, complaint=with_consent, method="power_of_attorney", given_on="2025-10-01"
    )
    log_complaint(user=olivia)  # no representative: not counted
    figure = rule.measure(**period)
    assert (figure.met, figure.total, figure.pending) == (1, 2, 1)
    assert figure.breaches == [without.reference]
    assert pending.reference not in figure.breaches


def test_the_api_records_consent_with_a_file_and_serves_it_back(olivia):
    from rest_framework.test import APIClient

    case = represented(olivia)
    api = APIClient()
    api.force_authenticate(olivia)
    base = f"/api/v1/complaints/{case.reference}/representative/"
    answer = api.post(
        base + "consent/",
        {"method": "written", "given_on": "2025-11-03", "evidence": pdf()},
        format="multipart",
    )
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert body["consent_method"] == "written"
    assert body["consent_recorded_by"] == "olivia"
    assert body["consent_evidence"] == {"name": "consent.pdf", "content_type": "application/pdf"}
    download = api.get(base + "consent/evidence/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff"
    bad = api.post(
        base + "consent/",
        {"method": "written", "given_on": "2025-11-03", "evidence": pdf(content=b"\x00\x01")},
        format="multipart",
    )
    assert bad.status_code == 400 and "evidence" in bad.json()
    detail = api.get(f"/api/v1/complaints/{case.reference}/")
    assert detail.json()["representative"]["consent_method"] == "written"


def test_the_api_answers_404_without_a_representative(olivia):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(olivia)
    case = log_complaint(user=olivia)
    assert api.get(f"/api/v1/complaints/{case.reference}/representative/").status_code == 404


def test_copies_need_an_address_to_send_them_to(olivia):
    case = log_complaint(user=olivia, representative={"name": "Cllr Ray", "relationship": "MP"})
    with pytest.raises(InvalidInput):
        representatives.representative_copies_set(user=olivia, complaint=case, wants_copies=True)
    case = represented(olivia)
    rep = representatives.representative_copies_set(user=olivia, complaint=case, wants_copies=True)
    assert rep.wants_copies
    assert Event.objects.filter(complaint=case, type="representative_copies_changed").exists()
