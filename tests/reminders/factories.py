"""Cases with something due on "today" (Monday 24 November 2025), built through the services."""

import datetime as dt

from putright.complaints.services import complaint_assign
from putright.people.services import adjustment_agree, restriction_impose
from tests.factories import acknowledge, log_complaint, respond


def due_things(*, officer, handler):
    # Received Wednesday 19 November: acknowledgement due Wednesday 26th, 2 working days away.
    ack_soon = log_complaint(
        user=handler,
        received_on=dt.date(2025, 11, 19),
        resident={"name": "Ann Lee", "email": "ann@example.org", "tenancy_reference": "T-2"},
    )
    # Received in October and never acknowledged: overdue, for the officer's digest.
    overdue = log_complaint(
        user=officer,
        received_on=dt.date(2025, 10, 1),
        resident={"name": "Bob Kay", "tenancy_reference": "T-3"},
    )
    complaint_assign(user=officer, complaint=overdue, handler=handler)
    # Answered, with a remedy and an action due on Tuesday 25th.
    answered = log_complaint(
        user=handler,
        received_on=dt.date(2025, 11, 3),
        resident={"name": "Cat Moss", "tenancy_reference": "T-4"},
    )
    acknowledge(answered, user=handler, on=dt.date(2025, 11, 3))
    respond(
        answered,
        user=handler,
        on=dt.date(2025, 11, 21),
        remedies=[
            {
                "type": "financial",
                "description": "Compensation",
                "amount": "75.00",
                "due_on": dt.date(2025, 11, 25),
            }
        ],
        actions=[{"description": "Fit new window", "due_on": dt.date(2025, 11, 25)}],
    )
    adjustment_agree(
        user=officer,
        resident=answered.resident,
        description="Calls after 4pm only",
        agreed_on=dt.date(2025, 5, 1),
        review_on=dt.date(2025, 11, 25),
    )
    restriction_impose(
        user=officer,
        resident=overdue.resident,
        behaviour="Threats to a contractor.",
        restriction="Contact in writing only.",
        equality_considered=True,
        decided_on=dt.date(2025, 8, 1),
        resident_told_on=dt.date(2025, 8, 1),
        review_on=dt.date(2025, 11, 24),
    )
    return {"ack_soon": ack_soon, "overdue": overdue, "answered": answered}
