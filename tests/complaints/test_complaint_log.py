"""complaint_log: intake from any channel (3.1, 3.2), deadlines, the Code version, people."""

import datetime as dt

import pytest

from putright.complaints.models import Channel, Complaint, Event
from putright.complaints.services import complaint_log
from putright.errors import InvalidInput, NotPermitted
from putright.people.models import Representative, Resident
from tests.complaints.factories import D, logged

ROSA = {"name": "Rosa Patel", "email": "rosa@example.org", "tenancy_reference": "T-1"}


def log(user, **overrides):
    data = {
        "resident": dict(ROSA),
        "received_on": D(2025, 11, 3),
        "channel": "email",
        "description": "Nobody has fixed the leaking roof.",
    }
    data.update(overrides)
    return complaint_log(user=user, **data)


@pytest.mark.parametrize("channel", Channel.values)
def test_a_complaint_is_accepted_from_every_channel(olivia, channel):
    complaint, created = log(olivia, channel=channel)
    assert created
    assert complaint.channel == channel
    assert complaint.status == "awaiting_acknowledgement"
    assert complaint.stage == 1
    assert complaint.reference == f"CMP-{complaint.pk:06d}"


def test_logging_sets_the_acknowledgement_deadline_and_records_an_event(olivia):
    complaint, _ = log(olivia, received_on=D(2025, 11, 3))
    stage = complaint.stages.get(number=1)
    assert stage.requested_on == D(2025, 11, 3)
    assert stage.acknowledge_by == D(2025, 11, 10)  # 6.2: 5 working days
    assert stage.respond_by is None  # set from the acknowledgement (6.3)
    [event] = complaint.events.all()
    assert event.type == "complaint_logged"
    assert event.actor == olivia
    assert event.parameters["acknowledge_by"] == "2025-11-10"
    assert event.parameters["code_version"] == "2024"


def test_received_the_friday_before_christmas(olivia):
    complaint, _ = log(olivia, received_on=D(2024, 12, 20))
    # 23, 24, 27, 30, 31 December: Christmas Day and Boxing Day are not working days.
    assert complaint.stages.get().acknowledge_by == D(2024, 12, 31)


def test_received_on_a_saturday_is_acknowledged_by_the_friday_after(olivia):
    # Read strictly (issue 10): 5 working days of Saturday 22 November end on Friday 28th,
    # not Monday 1 December.
    complaint, _ = log(olivia, received_on=D(2025, 11, 22))
    assert complaint.stages.get().acknowledge_by == D(2025, 11, 28)


@pytest.mark.parametrize(
    ("received_on", "version"),
    [
        (D(2024, 3, 28), "2022"),
        (D(2024, 3, 31), "2022"),  # a Sunday, the day before the statutory Code
        (D(2024, 4, 1), "2024"),  # Easter Monday: the 2024 Code is in force
        (D(2022, 3, 31), "2020"),
    ],
)
def test_each_complaint_records_the_code_version_in_force_when_received(
    olivia, received_on, version
):
    complaint, _ = log(olivia, received_on=received_on)
    assert complaint.code_version == version


def test_received_on_easter_monday_2024(olivia):
    complaint, _ = log(olivia, received_on=D(2024, 4, 1))
    # Easter Monday is not a working day: day 1 is Tuesday 2 April, day 5 Monday 8 April.
    assert complaint.stages.get().acknowledge_by == D(2024, 4, 8)


def test_a_complaint_received_today_is_accepted_but_not_tomorrow(olivia, today):
    complaint, _ = log(olivia, received_on=today)
    assert complaint.received_on == today
    with pytest.raises(InvalidInput) as error:
        log(olivia, received_on=today + dt.timedelta(days=1))
    assert "received_on" in error.value.errors


def test_every_bad_field_is_named_at_once_and_nothing_is_written(olivia):
    before = (Complaint.objects.count(), Resident.objects.count(), Event.objects.count())
    with pytest.raises(InvalidInput) as error:
        log(
            olivia,
            resident={"name": ""},
            received_on="yesterday",
            channel="pigeon",
            category="nonsense",
            description="   ",
        )
    assert set(error.value.errors) == {
        "resident.name",
        "received_on",
        "channel",
        "category",
        "description",
    }
    assert (Complaint.objects.count(), Resident.objects.count(), Event.objects.count()) == before


def test_the_issue_cannot_arise_after_the_complaint(olivia):
    with pytest.raises(InvalidInput) as error:
        log(olivia, received_on=D(2025, 11, 3), issue_date=D(2025, 11, 4))
    assert "issue_date" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        log(olivia, issue_date="last spring")
    assert "issue_date" in error.value.errors


def test_a_complaint_about_an_old_issue_is_still_accepted(olivia):
    # There are no blanket exclusions (2.5): refusal is a separate, explained decision.
    complaint, created = log(olivia, received_on=D(2025, 11, 3), issue_date=D(2023, 1, 5))
    assert created
    assert complaint.status == "awaiting_acknowledgement"


def test_a_handler_who_takes_a_complaint_is_its_handler(hannah, olivia):
    by_hannah, _ = log(hannah)
    by_olivia, _ = log(olivia)
    assert by_hannah.stages.get().handler == hannah
    assert by_olivia.stages.get().handler is None


def test_the_public_form_logs_without_a_user(db):
    complaint, _ = log(None, channel="web", actor_label="resident")
    event = complaint.events.get()
    assert event.actor is None
    assert event.actor_label == "resident"


def test_governance_cannot_log_complaints(grace):
    with pytest.raises(NotPermitted):
        log(grace)
    assert not Complaint.objects.exists()


def test_a_representative_acts_for_the_resident(olivia):
    complaint, _ = log(
        olivia,
        representative={"name": "Cllr Amy Shaw", "relationship": "Ward councillor"},
    )
    assert complaint.representative.name == "Cllr Amy Shaw"
    assert complaint.representative.relationship == "Ward councillor"
    assert complaint.resident.name == "Rosa Patel"


def test_a_representative_must_say_how_they_are_related(olivia):
    with pytest.raises(InvalidInput) as error:
        log(olivia, representative={"name": "Sam Patel"})
    assert "representative.relationship" in error.value.errors
    assert not Complaint.objects.exists()
    assert not Representative.objects.exists()


def test_a_group_of_residents_complains_together(olivia):
    complaint, _ = log(
        olivia,
        co_complainants=[
            {"name": "Ben Osei", "tenancy_reference": "T-2"},
            {"name": "Chloe Wu", "tenancy_reference": "T-3"},
            dict(ROSA),  # the lead complainant listed again is not a co-complainant too
        ],
    )
    assert sorted(r.name for r in complaint.co_complainants.all()) == ["Ben Osei", "Chloe Wu"]


def test_one_household_builds_one_resident_record(olivia):
    first = logged(user=olivia, resident=dict(ROSA))
    second = logged(user=olivia, resident={**ROSA, "name": "rosa patel"})
    assert first.resident_id == second.resident_id
