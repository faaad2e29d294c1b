"""9.8: the officer and the person are reminded before training expires, exactly once."""

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings

from putright.complaints.models import Event
from putright.reminders.models import ReminderSent
from putright.reminders.sweep import reminders_sweep
from tests.training.factories import handling_course, trained

pytestmark = pytest.mark.django_db

D = dt.date


def test_a_record_expiring_within_30_days_is_reminded_once_to_officer_and_person(olivia, hannah):
    course = handling_course(olivia)
    # Completed 15 December 2024: expires 14 December 2025, 20 days from today.
    record = trained(olivia, hannah, course, D(2024, 12, 15))
    assert reminders_sweep() == {"training_expires": 1}
    [message] = mail.outbox
    assert sorted(message.to) == ["hannah@landlord.example", "olivia@landlord.example"]
    assert "Complaint handling" in message.subject and "Sunday 14 December 2025" in message.body
    assert ReminderSent.objects.filter(
        kind="training_expires", object_key=f"training:{record.pk}", due_on=D(2025, 12, 14)
    ).exists()
    assert Event.objects.filter(type="reminder_sent", parameters__kind="training_expires").exists()

    assert reminders_sweep() == {}
    assert len(mail.outbox) == 1


def test_a_record_further_off_than_the_setting_waits(olivia, hannah):
    course = handling_course(olivia)
    trained(olivia, hannah, course, D(2025, 2, 1))  # expires 31 January 2026
    assert reminders_sweep() == {}
    with override_settings(PUTRIGHT_TRAINING_REMINDER_DAYS=90):
        assert reminders_sweep() == {"training_expires": 1}


def test_a_refresher_already_recorded_stops_the_reminder(olivia, hannah):
    course = handling_course(olivia)
    trained(olivia, hannah, course, D(2024, 12, 15))
    trained(olivia, hannah, course, D(2025, 11, 20))
    assert reminders_sweep() == {}
    assert mail.outbox == []


def test_the_officers_digest_lists_contractor_requests_past_their_date(olivia):
    from tests.contractors.factories import request_for

    late = request_for(olivia, sent_on=D(2025, 11, 3), due_on=D(2025, 11, 10))
    assert reminders_sweep()["overdue_digest"] == 1
    digest = next(m for m in mail.outbox if "digest" in m.subject)
    assert "Contractors' information past the date asked (5.5)" in digest.body
    assert late.complaint.reference in digest.body
