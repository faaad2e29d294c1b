"""Keeping the resident informed when a response is late (5.9) and while outstanding actions
are done after it (6.6, 6.17)."""

import datetime as dt

import pytest
from django.test import override_settings

from putright.complaints.services import action_complete
from putright.errors import InvalidInput, RuleBroken
from putright.people import selectors, services
from tests.factories import acknowledge, log_complaint, respond

pytestmark = pytest.mark.django_db


@pytest.fixture
def late(hannah):
    """A stage 1 complaint acknowledged on Monday 3 November: its response is due 17 November."""
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    return acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 3))


def test_an_agreed_interval_schedules_updates_and_flags_a_missed_one(hannah, late):
    services.update_interval_agree(
        user=hannah,
        complaint=late,
        interval_working_days=5,
        agreed_on=dt.date(2025, 11, 14),
        method="phone",
    )
    # Friday 14 November + 5 working days = Friday 21 November: missed by Monday 24th.
    [due] = selectors.updates_due(today=dt.date(2025, 11, 24))
    assert due.complaint == late and due.next_due == dt.date(2025, 11, 21) and due.agreed
    assert [d.complaint for d in selectors.missed_updates()] == [late]

    services.resident_update_give(
        user=hannah,
        complaint=late,
        given_on=dt.date(2025, 11, 24),
        method="phone",
        summary="Surveyor booked for Thursday.",
    )
    assert selectors.missed_updates() == []
    [due] = selectors.updates_due(today=dt.date(2025, 12, 1))
    assert due.next_due == dt.date(2025, 12, 1)


def test_updates_skip_christmas_and_boxing_day(hannah, late):
    services.update_interval_agree(
        user=hannah,
        complaint=late,
        interval_working_days=2,
        agreed_on=dt.date(2025, 11, 24),
        method="email",
    )
    services.resident_update_give(
        user=hannah,
        complaint=late,
        given_on=dt.date(2025, 11, 24),
        method="email",
        summary="Still waiting for the contractor.",
    )
    late.resident_updates.update(given_on=dt.date(2025, 12, 24))
    # Wednesday 24 December + 2 working days: Christmas Day, Boxing Day and the weekend are
    # skipped, so Monday 29th is the first and Tuesday 30th the second.
    assert selectors.updates_due(today=dt.date(2025, 12, 29)) == []
    [due] = selectors.updates_due(today=dt.date(2025, 12, 30))
    assert due.next_due == dt.date(2025, 12, 30)


def test_a_new_agreement_replaces_the_old_one(hannah, late):
    first = services.update_interval_agree(
        user=hannah,
        complaint=late,
        interval_working_days=5,
        agreed_on=dt.date(2025, 11, 14),
        method="phone",
    )
    services.update_interval_agree(
        user=hannah,
        complaint=late,
        interval_working_days=2,
        agreed_on=dt.date(2025, 11, 20),
        method="email",
    )
    first.refresh_from_db()
    assert first.ended_on == dt.date(2025, 11, 20)
    [due] = selectors.updates_due(today=dt.date(2025, 11, 24))
    assert due.interval_working_days == 2


def test_the_interval_and_method_are_checked(hannah, late):
    with pytest.raises(InvalidInput) as error:
        services.update_interval_agree(
            user=hannah, complaint=late, interval_working_days=0, agreed_on=None, method="fax"
        )
    assert set(error.value.errors) == {"interval_working_days", "agreed_on", "method"}


@override_settings(PUTRIGHT_ACTION_UPDATE_WORKING_DAYS=5)
def test_outstanding_actions_after_the_response_are_owed_updates_until_done(hannah, late):
    respond(
        late,
        user=hannah,
        on=dt.date(2025, 11, 14),
        actions=[{"description": "Replace the ceiling", "due_on": dt.date(2025, 12, 12)}],
    )
    [due] = selectors.updates_due(today=dt.date(2025, 11, 24))
    assert due.next_due == dt.date(2025, 11, 21) and not due.agreed
    action = late.actions.get()
    services.resident_update_give(
        user=hannah,
        complaint=late,
        action=action,
        given_on=dt.date(2025, 11, 24),
        method="phone",
        summary="Plasterer booked for 10 December.",
    )
    assert selectors.missed_updates() == []
    action_complete(user=hannah, action=action, completed_on=dt.date(2025, 11, 24))
    assert selectors.updates_due(today=dt.date(2026, 1, 30)) == []
    with pytest.raises(RuleBroken) as error:
        services.update_interval_agree(
            user=hannah,
            complaint=late,
            interval_working_days=5,
            agreed_on=dt.date(2025, 11, 24),
            method="phone",
        )
    assert error.value.provision == "6.6"
