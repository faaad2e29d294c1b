"""UK GDPR: the subject access export and the retention schedule, end to end on a dataset built
through the complaint services (tests/people/factories.py)."""

import datetime as dt
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from putright.complaints.models import Complaint, Event, Note, Remedy, Stage
from putright.errors import NotPermitted
from putright.landlord.selectors import landlord_settings
from putright.people import data_protection
from putright.people.models import Resident

pytestmark = pytest.mark.django_db


def test_the_export_holds_everything_about_the_resident(olivia, cases):
    rosa = cases["rosa_old"].resident
    data = data_protection.subject_access_export(user=olivia, resident=rosa)
    json.dumps(data)  # machine-readable as it stands
    assert data["resident"]["email"] == "rosa@example.org"
    assert [a["disclosed_disability"] for a in data["adjustments"]] == ["Partial sight"]
    [complaint] = data["complaints"]
    assert complaint["reference"] == cases["rosa_old"].reference
    assert [s["number"] for s in complaint["stages"]] == [1]
    assert complaint["remedies"][0]["amount"] == "150.00"
    assert complaint["actions"][0]["description"] == "Re-plaster the ceiling"
    assert complaint["notes"][0]["text"] == "Spoke to Rosa Patel at home."
    assert complaint["letters"] == []
    types = [e["type"] for e in data["events"]]
    assert types[0] == "complaint_logged" and "adjustment_agreed" in types
    # Nobody else's case is in it.
    assert cases["derek_old"].reference not in json.dumps(data)


def test_a_handler_cannot_export(hannah, cases):
    with pytest.raises(NotPermitted):
        data_protection.subject_access_export(user=hannah, resident=cases["rosa_old"].resident)


def test_dry_run_lists_and_changes_nothing(cases):
    out = StringIO()
    call_command("anonymise", "--dry-run", stdout=out)
    assert "Would anonymise 1 resident(s) and 1 complaint(s) closed before 2019-11-24" in (
        out.getvalue()
    )
    assert cases["rosa_old"].reference in out.getvalue()
    assert Resident.objects.filter(anonymised_at__isnull=False).count() == 0
    assert not Event.objects.filter(type="resident_anonymised").exists()


def test_anonymisation_keeps_the_statistics_and_removes_the_person(olivia, cases):
    old = cases["rosa_old"]
    before = {
        "stats": list(
            Stage.objects.filter(complaint=old).values_list(
                "requested_on", "acknowledged_on", "responded_on", "decision", "within_timescale"
            )
        ),
        "category": old.category,
    }
    call_command("anonymise", stdout=StringIO())

    rosa = Resident.objects.get(pk=old.resident_id)
    assert rosa.name == "Anonymised resident"
    assert (rosa.email, rosa.phone, rosa.address, rosa.tenancy_reference) == ("", "", "", "")
    assert rosa.anonymised_at is not None
    complaint = Complaint.objects.get(pk=old.pk)
    assert complaint.description == "[redacted]"
    assert complaint.category == before["category"] and complaint.closed_on == old.closed_on
    assert (
        list(
            Stage.objects.filter(complaint=old).values_list(
                "requested_on", "acknowledged_on", "responded_on", "decision", "within_timescale"
            )
        )
        == before["stats"]
    )
    assert Stage.objects.get(complaint=old).understanding == "[redacted]"
    remedy = Remedy.objects.get(complaint=old)
    assert remedy.amount == Decimal("150.00") and remedy.description == "[redacted]"
    assert Note.objects.get(complaint=old).text == "[redacted]"
    assert rosa.adjustments.get().disclosed_disability == "[redacted]"

    # Derek has a complaint still open: kept whole, though his 2018 case is past retention.
    derek = cases["derek_open"].resident
    derek.refresh_from_db()
    assert derek.name == "Derek Lowe" and derek.anonymised_at is None
    assert Complaint.objects.get(pk=cases["derek_old"].pk).description.startswith("Derek's")

    # The audit trail records the run; events stay, their free text read as redacted.
    event = Event.objects.get(type="resident_anonymised")
    assert event.resident_id == rosa.pk and event.parameters["complaints"] == [old.reference]
    note_event = Event.objects.get(type="note_added", complaint=old)
    assert note_event.parameters["text"] == "Spoke to Rosa Patel at home."  # append-only
    shown = data_protection.event_parameters(note_event)
    assert shown["text"] == "[redacted]" and shown["note"] == note_event.parameters["note"]
    responded = data_protection.event_parameters(
        Event.objects.get(type="stage_responded", complaint=old)
    )
    assert responded["decision"] == "upheld" and responded["responded_on"] == "2018-03-10"
    disclosed = data_protection.event_parameters(Event.objects.get(type="adjustment_agreed"))
    assert disclosed["disclosed_disability"] == "[redacted]"
    assert data_protection.event_parameters(event)["complaints"] == [old.reference]
    export = data_protection.subject_access_export(user=olivia, resident=rosa)
    assert "Rosa" not in json.dumps(export)

    # Running again finds nobody new.
    out = StringIO()
    call_command("anonymise", stdout=out)
    assert "Anonymised 0 resident(s)" in out.getvalue()


def test_the_retention_period_comes_from_the_landlords_settings(cases):
    settings = landlord_settings()
    settings.retention_years = 10
    settings.save()
    run = data_protection.anonymise_expired(dry_run=True)
    assert run.residents == [] and run.cutoff == dt.date(2015, 11, 24)


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (dt.date(2024, 2, 29), dt.date(2018, 2, 28)),
        (dt.date(2026, 3, 31), dt.date(2020, 3, 31)),
        (dt.date(2026, 4, 1), dt.date(2020, 4, 1)),
    ],
)
def test_the_cutoff_is_the_same_day_years_before(today, cutoff):
    assert data_protection.retention_cutoff(today, 6) == cutoff


def test_a_case_closed_exactly_on_the_cutoff_is_kept(olivia):
    from tests.people.factories import ROSA, closed_complaint

    closed_complaint(
        user=olivia,
        resident=ROSA,
        received_on=dt.date(2019, 11, 1),
        description="Fence",
        closed_on=dt.date(2019, 11, 24),
    )
    assert data_protection.anonymise_expired(dry_run=True).residents == []


def test_letters_are_exported_and_then_anonymised(olivia, cases, settings, tmp_path):
    letters = pytest.importorskip("putright.letters.services")
    settings.MEDIA_ROOT = tmp_path
    old = cases["rosa_old"]
    letter = letters.letter_draft(user=olivia, complaint=old, kind="stage1_response")
    letter = letters.letter_issue(user=olivia, letter=letter, delivery="post")
    assert letter.pdf and "Rosa" in letter.body

    export = data_protection.subject_access_export(user=olivia, resident=old.resident)
    [exported] = export["complaints"][0]["letters"]
    assert exported["kind"] == "stage1_response" and "Rosa" in exported["body"]

    data_protection.anonymise_expired()
    letter.refresh_from_db()
    assert letter.body == "[redacted]" and letter.context == {} and not letter.pdf
    assert letter.issued_at is not None and letter.kind == "stage1_response"
    assert not list(tmp_path.rglob("*.pdf"))
