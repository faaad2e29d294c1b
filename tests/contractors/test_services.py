"""5.4 and 5.5: a contractor named on a complaint and a remedy, and the landlord's requests to
it for information, each written with its event on the case's timeline."""

import datetime as dt

import pytest

from putright.complaints.models import Event
from putright.contractors import services
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.rules import contractors as rule
from putright.selfassessment.live_evidence import live_evidence
from tests.contractors.factories import contractor, request_for
from tests.factories import acknowledge, log_complaint, respond

pytestmark = pytest.mark.django_db

D = dt.date
PERIOD = {"code_version": "2024", "period_start": D(2025, 4, 1), "period_end": D(2026, 3, 31)}


def figure_5_5(**period):
    return rule.measure(
        period_start=PERIOD["period_start"],
        period_end=PERIOD["period_end"],
        today=D(2025, 11, 24),
        code_version="2024",
        **period,
    )


def test_the_register_refuses_a_duplicate_and_handlers(olivia, hannah):
    services.contractor_add(user=olivia, name="Riverside Repairs Ltd", service="Repairs")
    with pytest.raises(InvalidInput) as duplicate:
        services.contractor_add(user=olivia, name="riverside repairs ltd", service="Repairs")
    assert "name" in duplicate.value.errors
    with pytest.raises(InvalidInput) as blank:
        services.contractor_add(user=olivia, name="", service="")
    assert set(blank.value.errors) == {"name", "service"}
    with pytest.raises(NotPermitted):
        services.contractor_add(user=hannah, name="Other", service="Repairs")


def test_naming_a_contractor_on_a_complaint_is_an_event(olivia):
    case = log_complaint(user=olivia)
    firm = contractor(olivia)
    services.contractor_name(user=olivia, complaint=case, contractor=firm, role="Roof repair")
    event = Event.objects.get(complaint=case, type="contractor_named")
    assert event.parameters["contractor"] == "Riverside Repairs Ltd"
    with pytest.raises(InvalidInput):
        services.contractor_name(user=olivia, complaint=case, contractor=firm)


def test_taking_a_contractor_off_keeps_the_row_and_says_why(olivia):
    case = log_complaint(user=olivia)
    firm = contractor(olivia)
    named = services.contractor_name(user=olivia, complaint=case, contractor=firm)
    with pytest.raises(InvalidInput):
        services.contractor_unname(user=olivia, involvement=named, reason="")
    named = services.contractor_unname(user=olivia, involvement=named, reason="Wrong firm")
    assert named.removed_on == D(2025, 11, 24)
    assert Event.objects.get(type="contractor_removed").parameters["reason"] == "Wrong firm"
    with pytest.raises(RuleBroken):
        services.contractor_unname(user=olivia, involvement=named, reason="Again")
    # Named again later: a new row.
    services.contractor_name(user=olivia, complaint=case, contractor=firm)


def test_a_handler_names_a_contractor_only_on_their_own_case(olivia, hannah, harry):
    case = log_complaint(user=olivia)
    acknowledge(case, user=olivia, handler=hannah)
    firm = contractor(olivia)
    with pytest.raises(NotPermitted):
        services.contractor_name(user=harry, complaint=case, contractor=firm)
    services.contractor_name(user=hannah, complaint=case, contractor=firm)


def test_the_remedys_contractor_is_an_audited_amendment(olivia, hannah):
    case = log_complaint(user=olivia, received_on=D(2025, 11, 3))
    acknowledge(case, user=olivia, handler=hannah)
    respond(
        case,
        user=hannah,
        on=D(2025, 11, 10),
        remedies=[{"type": "action", "description": "Fix the gutter", "due_on": D(2025, 12, 1)}],
    )
    remedy = case.remedies.get()
    firm = contractor(olivia)
    other = contractor(olivia, name="Greenway Grounds", service="Grounds")
    services.remedy_contractor_set(user=hannah, remedy=remedy, contractor=firm, reason="Theirs")
    services.remedy_contractor_set(user=hannah, remedy=remedy, contractor=other, reason="Moved")
    amended = list(Event.objects.filter(type="amended", complaint=case).order_by("pk"))
    assert [e.parameters["before"] for e in amended] == [
        {"contractor": None},
        {"contractor": "Riverside Repairs Ltd"},
    ]
    assert amended[-1].parameters["after"] == {"contractor": "Greenway Grounds"}
    with pytest.raises(InvalidInput) as same:
        services.remedy_contractor_set(user=hannah, remedy=remedy, contractor=other, reason="x")
    assert "contractor" in same.value.errors
    remedy.refresh_from_db()
    assert remedy.contractor_assignment.contractor == other


def test_a_request_is_due_after_it_is_sent_and_answered_once(olivia):
    with pytest.raises(InvalidInput) as backwards:
        request_for(olivia, sent_on=D(2025, 11, 10), due_on=D(2025, 11, 5))
    assert "due_on" in backwards.value.errors
    with pytest.raises(InvalidInput) as future:
        request_for(
            olivia,
            complaint=log_complaint(user=olivia),
            sent_on=D(2025, 11, 25),
            due_on=D(2025, 12, 5),
        )
    assert "sent_on" in future.value.errors
    request = request_for(olivia, sent_on=D(2025, 11, 10), due_on=D(2025, 11, 20))
    with pytest.raises(InvalidInput):
        services.information_request_answer(
            user=olivia, request=request, answered_on=D(2025, 11, 9)
        )
    services.information_request_answer(user=olivia, request=request, answered_on=D(2025, 11, 19))
    with pytest.raises(RuleBroken) as twice:
        services.information_request_answer(
            user=olivia, request=request, answered_on=D(2025, 11, 20)
        )
    assert twice.value.provision == "5.5"
    assert Event.objects.filter(
        type="contractor_request_answered", parameters__on_time=True
    ).exists()


def test_5_5_passes_when_every_request_is_answered_by_its_due_date(olivia):
    request_for(olivia, sent_on=D(2025, 10, 1), due_on=D(2025, 10, 10), answered_on=D(2025, 10, 10))
    firm = contractor(olivia, name="Greenway Grounds")
    request_for(olivia, firm=firm, sent_on=D(2025, 11, 20), due_on=D(2025, 12, 1))  # not yet due
    figure = figure_5_5()
    assert (figure.met, figure.total, figure.pending, figure.breaches) == (1, 1, 1, [])
    assert figure.proposed is None


def test_5_5_names_the_cases_answered_late_or_not_at_all(olivia):
    firm = contractor(olivia)
    late = request_for(
        olivia,
        firm=firm,
        sent_on=D(2025, 10, 1),
        due_on=D(2025, 10, 10),
        answered_on=D(2025, 10, 13),
    )
    never = request_for(olivia, firm=firm, sent_on=D(2025, 11, 3), due_on=D(2025, 11, 14))
    request_for(
        olivia, firm=firm, sent_on=D(2025, 9, 1), due_on=D(2025, 9, 5), answered_on=D(2025, 9, 4)
    )
    [figure] = [f for f in live_evidence(**PERIOD) if f.ref == "5.5"]
    assert (figure.met, figure.total) == (1, 3)
    assert figure.breaches == sorted([late.complaint.reference, never.complaint.reference])
    assert figure.proposed == "partly"


def test_a_contractors_part_stays_on_the_landlords_two_stages(olivia, hannah, harry):
    """5.4: naming a contractor changes neither the case nor its deadlines: the resident's
    complaint goes through the landlord's own stage 1 and stage 2, and no stage beyond them."""
    from putright.complaints import services as complaints

    case = log_complaint(user=olivia, received_on=D(2025, 9, 1))
    acknowledge(case, user=hannah, handler=hannah, on=D(2025, 9, 1))
    case.refresh_from_db()
    deadline = case.current_stage.respond_by
    services.contractor_name(
        user=olivia, complaint=case, contractor=contractor(olivia), role="Repairs"
    )
    case.refresh_from_db()
    assert (case.current_stage.number, case.current_stage.respond_by) == (1, deadline)
    respond(case, user=hannah, on=D(2025, 9, 5))
    complaints.complaint_escalate(user=olivia, complaint=case, requested_on=D(2025, 9, 8))
    case.refresh_from_db()
    assert case.current_stage.number == 2
    acknowledge(case, user=olivia, handler=harry, on=D(2025, 9, 9))
    respond(case, user=harry, on=D(2025, 9, 20))
    with pytest.raises(RuleBroken):
        complaints.complaint_escalate(user=olivia, complaint=case, requested_on=D(2025, 9, 22))
    assert case.stages.count() == 2
