"""1.3, 1.6: every dissatisfied survey comment lands in the follow-up queue, where staff record
that the resident was offered the complaints process and what they chose."""

import datetime as dt

import pytest
from django.db import DatabaseError, transaction

from putright.complaints.models import Complaint
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.surveys import selectors, services
from putright.surveys.models import SurveyFollowUp
from tests.factories import log_complaint

OFFERED = dt.date(2025, 11, 20)


def test_only_dissatisfied_comments_wait_for_a_follow_up(record):
    waiting = record()
    record(satisfaction="fairly_dissatisfied", comment="Slow.", provider_response_id="B")
    record(satisfaction="very_dissatisfied", comment="", provider_response_id="C")  # no comment
    record(satisfaction="fairly_satisfied", comment="Fine.", provider_response_id="D")
    assert [s.comment for s in selectors.follow_up_queue()] == ["Nobody rang me back.", "Slow."]
    assert waiting in selectors.follow_up_queue()


def test_recording_no_complaint_wanted_takes_it_off_the_queue(record, hannah):
    survey = record()
    follow_up = services.follow_up_record(
        user=hannah, survey=survey, offered_on=OFFERED, method="phone", choice="no_complaint"
    )
    assert follow_up.recorded_by == hannah and follow_up.complaint is None
    assert selectors.follow_up_count() == 0


def test_raise_a_complaint_logs_it_through_complaint_log_and_links_it(record, olivia):
    earlier = log_complaint(user=olivia)
    survey = record(complaint=earlier.reference)
    follow_up = services.follow_up_record(
        user=olivia,
        survey=survey,
        offered_on=OFFERED,
        method="phone",
        choice="raise_complaint",
        complaint={"channel": "phone", "category": "communication"},
    )
    raised = follow_up.complaint
    assert raised.pk != earlier.pk and Complaint.objects.count() == 2
    assert raised.resident == earlier.resident
    assert raised.received_on == OFFERED and raised.description == "Nobody rang me back."
    assert raised.events.filter(type="complaint_logged").exists()  # the service's own event
    assert raised.stages.get(number=1).acknowledge_by is not None
    with pytest.raises(RuleBroken) as twice:
        services.follow_up_record(
            user=olivia,
            survey=survey,
            offered_on=OFFERED,
            method="phone",
            choice="raise_complaint",
            complaint={"channel": "phone"},
        )
    assert twice.value.provision == "1.6"


def test_raising_a_complaint_for_an_unknown_resident_needs_their_name(record, olivia):
    survey = record()
    with pytest.raises(InvalidInput) as error:
        services.follow_up_record(
            user=olivia,
            survey=survey,
            offered_on=OFFERED,
            method="email",
            choice="raise_complaint",
            complaint={"channel": ""},
        )
    assert "complaint.name" in error.value.errors and "complaint.channel" in error.value.errors
    assert SurveyFollowUp.objects.count() == 0 and Complaint.objects.count() == 0
    follow_up = services.follow_up_record(
        user=olivia,
        survey=survey,
        offered_on=OFFERED,
        method="email",
        choice="raise_complaint",
        complaint={"channel": "email", "name": "Sam Okoro"},
    )
    assert follow_up.complaint.resident.name == "Sam Okoro"


def test_a_satisfied_response_is_not_followed_up(record, olivia):
    survey = record(satisfaction="very_satisfied")
    with pytest.raises(RuleBroken) as refused:
        services.follow_up_record(
            user=olivia, survey=survey, offered_on=OFFERED, method="phone", choice="no_reply"
        )
    assert refused.value.provision == "1.6"


def test_the_offer_cannot_be_before_the_response_or_in_the_future(record, olivia):
    survey = record()
    for day in (dt.date(2025, 11, 2), dt.date(2025, 11, 25)):
        with pytest.raises(InvalidInput) as error:
            services.follow_up_record(
                user=olivia, survey=survey, offered_on=day, method="phone", choice="no_reply"
            )
        assert "offered_on" in error.value.errors


def test_governance_reads_but_does_not_record(record, grace):
    survey = record()
    with pytest.raises(NotPermitted):
        services.follow_up_record(
            user=grace, survey=survey, offered_on=OFFERED, method="phone", choice="no_reply"
        )
    with pytest.raises(NotPermitted):
        record(user=grace, provider_response_id="G")


def test_a_follow_up_is_append_only_evidence(record, olivia):
    survey = record()
    services.follow_up_record(
        user=olivia, survey=survey, offered_on=OFFERED, method="phone", choice="no_reply"
    )
    # A later reply is a new row; the first stays as it was.
    services.follow_up_record(
        user=olivia, survey=survey, offered_on=OFFERED, method="phone", choice="no_complaint"
    )
    assert list(survey.follow_ups.values_list("choice", flat=True)) == ["no_reply", "no_complaint"]
    with pytest.raises(DatabaseError), transaction.atomic():
        SurveyFollowUp.objects.filter(survey=survey).update(notes="changed")
    with pytest.raises(DatabaseError), transaction.atomic():
        SurveyFollowUp.objects.filter(survey=survey).delete()


def test_a_response_id_is_recorded_once(record):
    record(provider_response_id="X-1")
    with pytest.raises(InvalidInput) as error:
        record(provider_response_id="X-1")
    assert "provider_response_id" in error.value.errors


def test_bad_fields_are_each_named(olivia):
    with pytest.raises(InvalidInput) as error:
        services.survey_record(
            user=olivia,
            responded_on=None,
            tenure="leasehold",
            complained_last_12_months="perhaps",
            satisfaction="ok",
            complaint="CMP-404",
        )
    assert set(error.value.errors) == {
        "responded_on",
        "tenure",
        "complained_last_12_months",
        "satisfaction",
        "complaint",
    }
