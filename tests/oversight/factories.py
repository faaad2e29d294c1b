"""A small landlord's year, built through the case services, with figures worked out by hand
(see the table in test_figures.py)."""

import datetime as dt

from putright.complaints import services
from tests.factories import acknowledge, log_complaint, on_day, respond

D = dt.date


def _log(received_on, *, user, tenancy="T-1", category="repairs", **extra):
    return log_complaint(
        user=user,
        received_on=received_on,
        resident={"name": f"Resident {tenancy}", "tenancy_reference": tenancy},
        category=category,
        **extra,
    )


def small_landlord(*, officer, stage1_handler, stage2_handler):
    """Seven complaints across reporting years 2024 and 2025. Returns them by letter."""
    cases = {}
    # A: received on the last day of reporting year 2024, answered (in time) in 2025.
    a = _log(D(2025, 3, 31), user=officer, tenancy="T-1", channel="email")
    acknowledge(a, user=stage1_handler, handler=stage1_handler, on=D(2025, 3, 31))
    respond(a, user=stage1_handler, on=D(2025, 4, 10), decision="upheld")
    cases["A"] = a
    # B: received on the first day of reporting year 2025. Acknowledged on day 5 (in time),
    # answered late (due 24 April after Easter), escalated, extended at stage 2, in time.
    b = _log(D(2025, 4, 1), user=officer, tenancy="T-1", service_area="Repairs")
    acknowledge(b, user=stage1_handler, handler=stage1_handler, on=D(2025, 4, 8))
    respond(b, user=stage1_handler, on=D(2025, 4, 30), decision="not_upheld")
    with on_day(D(2025, 5, 1)):
        services.complaint_escalate(user=officer, complaint=b, requested_on=D(2025, 5, 1))
    acknowledge(b, user=officer, handler=stage2_handler, on=D(2025, 5, 2))
    with on_day(D(2025, 5, 20)):
        services.complaint_extend(
            user=officer,
            complaint=b,
            working_days=10,
            reason="Waiting for a surveyor's report.",
            resident_informed_on=D(2025, 5, 20),
        )
    respond(b, user=officer, on=D(2025, 6, 10), decision="partly_upheld")
    cases["B"] = b
    # C: refused at stage 1: the issue arose more than 12 months before (2.3).
    c = _log(D(2025, 5, 6), user=officer, tenancy="T-3", issue_date=D(2023, 1, 1))
    with on_day(D(2025, 5, 7)):
        services.complaint_refuse(
            user=officer,
            complaint=c,
            reason="over_12_months",
            explanation="The leak was repaired in January 2023 and not reported since.",
            decided_on=D(2025, 5, 7),
        )
    cases["C"] = c
    # D: withdrawn after acknowledgement.
    d = _log(D(2025, 6, 2), user=officer, tenancy="T-4", category="communication")
    acknowledge(d, user=officer, handler=stage1_handler, on=D(2025, 6, 2))
    with on_day(D(2025, 6, 10)):
        services.complaint_withdraw(user=officer, complaint=d, withdrawn_on=D(2025, 6, 10))
    cases["D"] = d
    # E: extended by 5 working days (no good reason needed), answered in time, with remedies.
    e = _log(D(2025, 7, 1), user=officer, tenancy="T-1", category="damp_mould")
    acknowledge(e, user=officer, handler=stage1_handler, on=D(2025, 7, 2))
    with on_day(D(2025, 7, 10)):
        services.complaint_extend(
            user=officer,
            complaint=e,
            working_days=5,
            reason="Specialist inspection booked.",
            resident_informed_on=D(2025, 7, 10),
        )
    respond(
        e,
        user=officer,
        on=D(2025, 7, 22),
        decision="upheld",
        remedies=[
            {"type": "apology", "description": "We apologise."},
            {
                "type": "financial",
                "description": "For the delay.",
                "amount": "100.00",
                "due_on": D(2025, 8, 5),
            },
            {
                "type": "financial",
                "description": "Damaged carpet.",
                "amount": "300.00",
                "due_on": D(2025, 8, 5),
            },
        ],
        actions=[{"description": "Treat the mould.", "due_on": D(2025, 8, 1)}],
    )
    cases["E"] = e
    # F: received last week, not yet acknowledged, not overdue (due 27 November).
    cases["F"] = _log(D(2025, 11, 20), user=officer, tenancy="T-6")
    # G: received on 10 November, not acknowledged: overdue since 17 November.
    cases["G"] = _log(D(2025, 11, 10), user=officer, tenancy="T-7", channel="email")
    return cases
