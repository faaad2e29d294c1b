"""The demo's record around a complaint: representatives' consent (one missing, so 3.6 shows a
breach), copies to a representative, signed-off response letters (6.7) and findings comments."""

import datetime as dt

from putright.letters.models import FindingsShared, Letter
from putright.people.models import Representative
from putright.rules import representatives, sign_off

PERIOD = {"period_start": dt.date(2025, 4, 1), "period_end": dt.date(2026, 3, 31)}


def test_representatives_have_consent_but_one_and_one_wants_copies(demo):
    assert Representative.objects.exclude(consent_method="").exists()
    assert Representative.objects.exclude(consent_evidence="").exists()
    assert Representative.objects.filter(wants_copies=True).count() == 1
    figure = representatives.measure(**PERIOD)
    assert len(figure.breaches) == 1  # the one left without, to chase


def test_response_letters_are_signed_off_by_someone_else(demo):
    signed = Letter.objects.filter(status="issued", signed_off_by__isnull=False)
    assert signed.exists()
    assert all(letter.signed_off_by_id not in letter.authors for letter in signed)
    figure = sign_off.measure(**PERIOD)
    assert figure.total and not figure.breaches


def test_findings_are_shared_one_answered(demo):
    assert FindingsShared.objects.filter(commented_on__isnull=False).count() == 1
    assert FindingsShared.objects.filter(commented_on__isnull=True).exists()
