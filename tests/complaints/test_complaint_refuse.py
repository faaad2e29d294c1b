"""complaint_refuse: section 2 exclusions, each explained (2.5) with the resident told of their
right to go to the Ombudsman (2.4); refusing to escalate on those grounds only (5.11)."""

import datetime as dt

import pytest

from putright.complaints.services import complaint_refuse
from putright.errors import InvalidInput, RuleBroken
from tests.complaints.factories import D, escalated, fresh, investigating, logged, snapshot

TODAY = D(2025, 11, 24)
EXPLANATION = "The repair was the subject of a county court claim issued in August."


def refuse(complaint, *, user, reason="legal_proceedings", on=TODAY, **kw):
    return complaint_refuse(
        user=user,
        complaint=complaint,
        reason=reason,
        explanation=kw.pop("explanation", EXPLANATION),
        decided_on=on,
        **kw,
    )


@pytest.mark.parametrize("reason", ["legal_proceedings", "previously_considered", "other"])
def test_a_complaint_is_refused_with_an_explanation(olivia, reason):
    complaint = logged(user=olivia, received_on=D(2025, 11, 20))
    complaint = fresh(refuse(complaint, user=olivia, reason=reason))
    assert complaint.status == "refused"
    assert complaint.closed_on == D(2025, 11, 24)
    refusal = complaint.refusals.get()
    assert (refusal.stage, refusal.reason, refusal.explanation) == (1, reason, EXPLANATION)
    # 2.4 is never assumed: the right is given by the refusal letter, not yet issued.
    assert refusal.ombudsman_rights_given is False
    event = complaint.events.last()
    assert event.type == "complaint_refused"
    assert event.parameters["ombudsman_rights_given"] is False
    assert event.parameters["explanation"] == EXPLANATION


def test_every_refusal_is_explained(olivia):
    complaint = logged(user=olivia)
    before = snapshot(complaint)
    with pytest.raises(InvalidInput) as error:
        refuse(complaint, user=olivia, reason="other", explanation="  ")
    assert "2.5" in error.value.errors["explanation"][0]
    with pytest.raises(InvalidInput) as error:
        refuse(complaint, user=olivia, reason="we_do_not_want_to")
    assert "reason" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        refuse(complaint, user=olivia, on=D(2025, 11, 2))
    assert "decided_on" in error.value.errors
    assert snapshot(complaint) == before


@pytest.mark.parametrize(
    ("issue_date", "refusable"),
    [
        (D(2024, 11, 20), False),  # exactly 12 months before receipt: within the window
        (D(2024, 11, 19), True),
    ],
)
def test_the_12_month_window_at_its_edge(olivia, issue_date, refusable):
    complaint = logged(user=olivia, received_on=D(2025, 11, 20), issue_date=issue_date)
    if refusable:
        assert fresh(refuse(complaint, user=olivia, reason="over_12_months")).status == "refused"
    else:
        before = snapshot(complaint)
        with pytest.raises(RuleBroken) as error:
            refuse(complaint, user=olivia, reason="over_12_months")
        assert (error.value.error, error.value.provision) == ("within_12_months", "2.3")
        assert snapshot(complaint) == before


def test_the_12_month_window_from_29_february(olivia):
    # Travel back to a leap day: 12 months before 29 February 2024 is 28 February 2023.
    import datetime as dt

    import time_machine

    with time_machine.travel(dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)):
        within = logged(user=olivia, received_on=D(2024, 2, 29), issue_date=D(2023, 2, 28))
        with pytest.raises(RuleBroken):
            refuse(within, user=olivia, reason="over_12_months", on=D(2024, 3, 1))
        over = logged(user=olivia, received_on=D(2024, 2, 29), issue_date=D(2023, 2, 27))
        refuse(over, user=olivia, reason="over_12_months", on=D(2024, 3, 1))
        assert fresh(over).status == "refused"


def test_an_old_issue_accepted_with_discretion_cannot_then_be_refused_as_old(olivia):
    complaint = logged(
        user=olivia, received_on=D(2025, 11, 20), issue_date=D(2023, 1, 1), discretion_applied=True
    )
    with pytest.raises(RuleBroken) as error:
        refuse(complaint, user=olivia, reason="over_12_months")
    assert (error.value.error, error.value.provision) == ("discretion_applied", "2.3")


def test_refusing_as_old_needs_the_date_the_issue_arose(olivia):
    complaint = logged(user=olivia)
    with pytest.raises(RuleBroken) as error:
        refuse(complaint, user=olivia, reason="over_12_months")
    assert error.value.error == "issue_date_unknown"


@pytest.mark.parametrize("reason", ["previously_considered", "other", "over_12_months"])
def test_a_complaint_under_investigation_is_refused_only_when_legal_proceedings_start(
    olivia, hannah, reason
):
    complaint = investigating(user=olivia, handler=hannah)
    before = snapshot(complaint)
    with pytest.raises(RuleBroken) as error:
        refuse(complaint, user=olivia, reason=reason, issue_date=D(2020, 1, 1))
    assert (error.value.error, error.value.provision) == ("refusal_after_acknowledgement", "2.2")
    assert snapshot(complaint) == before


def test_legal_proceedings_starting_during_the_investigation_end_it(olivia, hannah):
    # L2: a section 2 ground can arise after acknowledgement.
    complaint = investigating(user=olivia, handler=hannah)
    complaint = fresh(refuse(complaint, user=olivia, reason="legal_proceedings"))
    assert (complaint.status, complaint.refusals.get().stage) == ("refused", 1)


def test_a_refusal_cannot_predate_the_acknowledgement(olivia, hannah):
    complaint = investigating(user=olivia, handler=hannah)
    acknowledged_on = complaint.stages.get(number=1).acknowledged_on
    with pytest.raises(InvalidInput) as error:
        refuse(complaint, user=olivia, on=acknowledged_on - dt.timedelta(days=1))
    assert "decided_on" in error.value.errors


def test_escalation_is_refused_only_on_section_2_grounds(olivia, hannah, martin):
    complaint = escalated(user=olivia, handler=hannah, requested_on=D(2025, 11, 17))
    # Olivia and Hannah acted at stage 1, so neither may refuse the escalation (6.13).
    for person in (olivia, hannah):
        with pytest.raises(RuleBroken) as error:
            refuse(complaint, user=person, reason="legal_proceedings")
        assert error.value.provision == "6.13"
    complaint = fresh(refuse(complaint, user=martin, reason="legal_proceedings"))
    assert (complaint.status, complaint.stage) == ("refused", 2)
    assert complaint.refusals.get().stage == 2
    with pytest.raises(RuleBroken) as error:
        refuse(complaint, user=martin)
    assert error.value.error == "complaint_ended"
