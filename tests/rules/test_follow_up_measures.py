"""The measures that follow a case beyond its deadlines: service requests reviewed (1.4), a
complaints officer named (4.1), the complaints policy published (3.4), intervals for updates
agreed when a response runs late (5.9), outstanding actions done by the date promised (6.6,
6.17) and lessons learned from upheld complaints (9.1). Each is shown passing here;
tests/rules/test_every_figure_can_fail.py shows each failing.

Today is Monday 24 November 2025; the period is the reporting year 2025/26.
"""

import datetime as dt

import pytest

from putright.complaints import services
from putright.landlord.models import LandlordSettings
from putright.oversight import services as oversight
from putright.people import services as people
from putright.rules.service_requests import past_review, review_cutoff
from putright.selfassessment.live_evidence import live_evidence
from tests.factories import acknowledge, log_complaint, on_day, respond
from tests.factories import played_on as _on

pytestmark = pytest.mark.django_db

D = dt.date
PERIOD = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


def figure(ref):
    found = [f for f in live_evidence(**PERIOD) if f.ref == ref]
    return found[0] if found else None


def counts(ref):
    item = figure(ref)
    return (item.met, item.total, item.pending, item.breaches) if item else None


def _request(user, received_on):
    return services.service_request_log(
        user=user,
        resident={"name": "Rosa Patel", "email": "rosa@example.org"},
        received_on=received_on,
        channel="phone",
        description="The bathroom extractor fan has stopped.",
    )


# 1.4 -------------------------------------------------------------------------------------------


def test_the_review_limit_at_its_edge(hannah):
    # 20 working days before Monday 24 November 2025 is Monday 27 October.
    assert review_cutoff(D(2025, 11, 24)) == D(2025, 10, 27)
    on_the_edge = _request(hannah, D(2025, 10, 27))
    past_it = _request(hannah, D(2025, 10, 24))
    assert counts("1.4") == (0, 1, 1, [f"service request {past_it.pk}"])
    assert list(past_review(D(2025, 11, 24))) == [past_it]
    assert on_the_edge not in past_review(D(2025, 11, 24))


def test_a_request_completed_or_raised_as_a_complaint_is_in_hand(hannah):
    completed = _request(hannah, D(2025, 9, 1))
    _on(D(2025, 9, 5), services.service_request_complete, user=hannah, service_request=completed)
    raised = _request(hannah, D(2025, 9, 1))
    _on(
        D(2025, 9, 8),
        services.complaint_raise_from_service_request,
        user=hannah,
        service_request=raised,
        received_on=D(2025, 9, 8),
        description="Nobody came about the fan, twice.",
    )
    assert counts("1.4") == (2, 2, 0, [])


def test_the_landlord_sets_the_review_limit(hannah):
    request = _request(hannah, D(2025, 10, 24))
    assert figure("1.4").breaches == [f"service request {request.pk}"]
    LandlordSettings.objects.update_or_create(pk=1, defaults={"service_request_review_days": 40})
    assert counts("1.4") == (0, 0, 1, [])


# 4.1 -------------------------------------------------------------------------------------------


def test_an_active_complaints_officer_meets_4_1(olivia):
    assert counts("4.1") == (1, 1, 0, [])
    olivia.is_active = False
    olivia.save()
    assert counts("4.1") == (0, 1, 0, ["no complaints officer"])


# 3.4 -------------------------------------------------------------------------------------------


def test_the_published_policy_is_linked_from_the_public_pages_and_meets_3_4(client):
    LandlordSettings.objects.update_or_create(
        pk=1, defaults={"complaints_policy_url": "https://landlord.example/our-policy"}
    )
    assert counts("3.4") == (1, 1, 0, [])
    page = client.get("/complain/").content.decode()
    assert 'href="https://landlord.example/our-policy"' in page
    LandlordSettings.objects.filter(pk=1).update(complaints_policy_url="")
    assert counts("3.4") == (0, 1, 0, ["no complaints policy address"])
    assert "https://landlord.example/our-policy" not in client.get("/complain/").content.decode()


# 5.9 -------------------------------------------------------------------------------------------


OCTOBER_1 = D(2025, 10, 1)


def _acknowledged(olivia, hannah, received=OCTOBER_1):
    case = log_complaint(user=olivia, received_on=received)
    acknowledge(case, user=hannah, handler=hannah, on=received)
    return case


def test_a_late_response_with_an_interval_agreed_meets_5_9(olivia, hannah):
    late = _acknowledged(olivia, hannah)  # due Wednesday 15 October
    _on(
        D(2025, 10, 14),
        people.update_interval_agree,
        user=hannah,
        complaint=late,
        interval_working_days=5,
        agreed_on=D(2025, 10, 14),
        method="phone",
    )
    respond(late, user=hannah, on=D(2025, 10, 30))
    on_time = _acknowledged(olivia, hannah)
    respond(on_time, user=hannah, on=D(2025, 10, 10))  # not outside the timescale: not judged
    assert counts("5.9") == (1, 1, 0, [])


def test_an_extended_response_needs_an_interval_agreed(olivia, hannah):
    case = _acknowledged(olivia, hannah)
    _on(
        D(2025, 10, 10),
        services.complaint_extend,
        user=hannah,
        complaint=case,
        working_days=5,
        reason="Surveyor's report awaited.",
        resident_informed_on=D(2025, 10, 10),
    )
    assert counts("5.9") == (0, 1, 0, [case.reference])


def test_an_overdue_response_needs_an_interval_agreed(olivia, hannah):
    case = _acknowledged(olivia, hannah, received=D(2025, 11, 3))  # due Monday 17 November
    assert counts("5.9") == (0, 1, 0, [case.reference])


# 6.6 and 6.17 ----------------------------------------------------------------------------------


def test_actions_done_by_the_date_promised(olivia, hannah):
    done = _acknowledged(olivia, hannah)
    respond(
        done,
        user=hannah,
        on=D(2025, 10, 10),
        actions=[
            {"description": "Replace the ceiling", "due_on": D(2025, 10, 31)},
            {"description": "Check the loft", "due_on": D(2025, 12, 1)},
        ],
    )
    on_time, _not_yet_due = done.actions.order_by("due_on")
    with on_day(D(2025, 10, 30)):
        services.action_complete(user=hannah, action=on_time, completed_on=D(2025, 10, 30))
    assert counts("6.6") == (1, 1, 1, [])
    assert figure("6.17") is None  # no stage 2 actions


def test_an_action_done_late_is_a_breach(olivia, hannah):
    case = _acknowledged(olivia, hannah)
    respond(
        case,
        user=hannah,
        on=D(2025, 10, 10),
        actions=[{"description": "Replace the ceiling", "due_on": D(2025, 10, 31)}],
    )
    with on_day(D(2025, 11, 4)):
        action = case.actions.get()
        services.action_complete(user=hannah, action=action, completed_on=D(2025, 11, 4))
    assert counts("6.6") == (0, 1, 0, [case.reference])


# 9.1 -------------------------------------------------------------------------------------------


def test_an_upheld_complaint_with_a_lesson_meets_9_1(olivia, hannah):
    learned = _acknowledged(olivia, hannah)
    respond(learned, user=hannah, on=D(2025, 10, 10))
    not_upheld = _acknowledged(olivia, hannah)
    respond(not_upheld, user=hannah, on=D(2025, 10, 10), decision="not_upheld")
    recent = _acknowledged(olivia, hannah, received=D(2025, 11, 3))
    respond(recent, user=hannah, on=D(2025, 11, 10))
    _on(
        D(2025, 10, 20),
        oversight.lesson_record,
        user=olivia,
        title="Leaks reported twice are inspected",
        description="A second report of a leak books an inspection, not a repeat repair.",
        complaints=[learned.reference],
        identified_on=D(2025, 10, 20),
    )
    # The one answered a fortnight ago is pending: learning takes a little time to record.
    assert counts("9.1") == (1, 1, 1, [])
