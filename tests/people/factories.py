"""A small, realistic dataset for the people app, built through the services."""

import datetime as dt

from putright.complaints.services import complaint_close, note_add
from putright.people.services import adjustment_agree, restriction_impose
from tests.factories import acknowledge, log_complaint, respond

ROSA = {
    "name": "Rosa Patel",
    "email": "rosa@example.org",
    "phone": "07700 900123",
    "address": "Flat 3, 12 Elm Road, Exampletown EX2 3AB",
    "tenancy_reference": "T-10023",
}
DEREK = {
    "name": "Derek Lowe",
    "email": "derek@example.org",
    "phone": "07700 900456",
    "address": "7 Ash Close, Exampletown EX4 1CD",
    "tenancy_reference": "T-20417",
}


def closed_complaint(*, user, resident, received_on, description, closed_on=None):
    """A complaint taken from receipt to closure, with a remedy, an action and a note."""
    complaint = log_complaint(
        user=user, resident=resident, received_on=received_on, description=description
    )
    acknowledge(complaint, user=user, on=received_on + dt.timedelta(days=2))
    responded_on = received_on + dt.timedelta(days=9)
    respond(
        complaint,
        user=user,
        on=responded_on,
        remedies=[
            {
                "type": "financial",
                "description": "Compensation for the delay",
                "amount": "150.00",
                "due_on": responded_on,
            }
        ],
        actions=[{"description": "Re-plaster the ceiling", "due_on": responded_on}],
    )
    note_add(user=user, complaint=complaint, text=f"Spoke to {resident['name']} at home.")
    return complaint_close(user=user, complaint=complaint, closed_on=closed_on or responded_on)


def dataset(*, officer, handler):
    """Rosa: one complaint closed in 2018 (past retention) and a disability disclosed.
    Derek: one complaint closed in 2018 and one still open (so he is kept), and a restriction."""
    rosa_old = closed_complaint(
        user=officer,
        resident=ROSA,
        received_on=dt.date(2018, 3, 1),
        description="Rosa's kitchen ceiling leaked over the cooker.",
    )
    adjustment_agree(
        user=officer,
        resident=rosa_old.resident,
        description="Large-print letters",
        disclosed_disability="Partial sight",
        agreed_on=dt.date(2018, 3, 1),
        review_on=dt.date(2019, 3, 1),
    )
    derek_old = closed_complaint(
        user=officer,
        resident=DEREK,
        received_on=dt.date(2018, 5, 1),
        description="Derek's boiler failed twice in a week.",
    )
    derek_open = log_complaint(
        user=handler,
        resident=DEREK,
        received_on=dt.date(2025, 11, 17),
        description="Derek says the communal door has been broken since October.",
    )
    restriction_impose(
        user=officer,
        resident=derek_open.resident,
        behaviour="Abusive phone calls to staff on 10 and 12 November.",
        evidence="Call recordings 10/11 and 12/11.",
        restriction="Contact by e-mail only, to the complaints officer, for three months.",
        equality_considered=True,
        equality_notes="No disability disclosed; e-mail is accessible to him.",
        decided_on=dt.date(2025, 11, 14),
        resident_told_on=dt.date(2025, 11, 14),
        review_on=dt.date(2025, 12, 15),
    )
    return {"rosa_old": rosa_old, "derek_old": derek_old, "derek_open": derek_open}
