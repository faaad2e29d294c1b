"""The reminders sweep, run in-process: what is due, to whom, sent once and logged on the case."""

import datetime as dt

import pytest
from django.core import mail
from django.test import override_settings

from putright.complaints.models import Event
from putright.reminders.models import ReminderSent
from putright.reminders.sweep import reminders_sweep
from tests.factories import log_complaint
from tests.reminders.factories import due_things

pytestmark = pytest.mark.django_db

EXPECTED = {
    "acknowledge_due": 1,
    "remedy_due": 1,
    "action_due": 1,
    "adjustment_review_due": 1,
    "restriction_review_due": 1,
    "overdue_digest": 1,
}


def test_each_due_reminder_goes_once_to_the_right_person(olivia, hannah):
    cases = due_things(officer=olivia, handler=hannah)
    assert reminders_sweep() == EXPECTED
    by_subject = {m.subject: m.to for m in mail.outbox}
    ack = next(s for s in by_subject if cases["ack_soon"].reference in s and "acknowledge" in s)
    assert by_subject[ack] == ["hannah@landlord.example"]
    digest = next(m for m in mail.outbox if "digest" in m.subject)
    assert digest.to == ["olivia@landlord.example"]
    assert cases["overdue"].reference in digest.body
    assert Event.objects.filter(
        type="reminder_sent", complaint=cases["ack_soon"], parameters__kind="acknowledge_due"
    ).exists()

    assert reminders_sweep() == {}
    assert len(mail.outbox) == sum(EXPECTED.values())
    assert ReminderSent.objects.count() == sum(EXPECTED.values())


def test_a_deadline_further_off_than_the_setting_is_not_yet_reminded(hannah):
    # Received Friday 21 November: acknowledgement due Friday 28th, 4 working days away.
    log_complaint(user=hannah, received_on=dt.date(2025, 11, 21))
    assert reminders_sweep() == {}
    with override_settings(PUTRIGHT_REMINDER_WORKING_DAYS=4):
        assert reminders_sweep() == {"acknowledge_due": 1}


def test_a_moved_deadline_is_reminded_again(hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 19))
    assert reminders_sweep() == {"acknowledge_due": 1}
    stage = complaint.stages.get()
    stage.acknowledge_by = dt.date(2025, 11, 25)
    stage.save()
    assert reminders_sweep() == {"acknowledge_due": 1}


def test_reminders_count_working_days_over_christmas(hannah, _frozen_today):
    _frozen_today.move_to(dt.datetime(2025, 12, 22, 10, 0, tzinfo=dt.UTC))
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 12, 19))
    assert complaint.stages.get().acknowledge_by == dt.date(2025, 12, 30)
    # On Tuesday 23rd, two working days ahead is Monday 29th: not yet.
    assert reminders_sweep(today=dt.date(2025, 12, 23)) == {}
    # On Christmas Eve, two working days ahead skips Christmas, Boxing Day and the weekend.
    assert reminders_sweep(today=dt.date(2025, 12, 24)) == {"acknowledge_due": 1}


def test_nobody_with_an_address_means_nothing_is_marked_sent(db):
    complaint = log_complaint(received_on=dt.date(2025, 11, 19))
    assert complaint.stages.get().handler is None
    assert reminders_sweep() == {}
    assert not ReminderSent.objects.exists()


def test_a_resident_owed_an_update_is_reminded_to_the_handler(hannah):
    from putright.people.services import update_interval_agree
    from tests.factories import acknowledge

    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 3))
    update_interval_agree(
        user=hannah,
        complaint=complaint,
        interval_working_days=3,
        agreed_on=dt.date(2025, 11, 21),
        method="phone",
    )
    # Friday 21st + 3 working days = Wednesday 26th: within the 2 working days' notice.
    assert reminders_sweep() == {"update_due": 1}
    [message] = mail.outbox
    assert message.to == ["hannah@landlord.example"] and "26 November" in message.body
    assert reminders_sweep() == {}


def test_a_missed_update_is_in_the_officers_digest(olivia, hannah):
    from putright.people.services import update_interval_agree
    from tests.factories import acknowledge

    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 3))
    update_interval_agree(
        user=hannah,
        complaint=complaint,
        interval_working_days=1,
        agreed_on=dt.date(2025, 11, 20),
        method="phone",
    )
    sent = reminders_sweep()
    assert sent["overdue_digest"] == 1
    digest = next(m for m in mail.outbox if "digest" in m.subject)
    assert "owed an update" in digest.body and complaint.reference in digest.body
