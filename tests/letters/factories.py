"""Cases at each point a letter is written, built through the case engine's services."""

import datetime as dt

from putright.complaints import services as complaint_services
from putright.complaints.selectors import complaint_get
from tests.factories import acknowledge, log_complaint, respond

ROSA = {
    "name": "Rosa Patel",
    "email": "rosa@example.org",
    "address": "Flat 3, 12 Elm Road\nExampletown\nEX2 3AB",
    "tenancy_reference": "T-10023",
}


def _fresh(complaint):
    return complaint_get(reference=complaint.reference)


def awaiting_acknowledgement(**overrides):
    return _fresh(log_complaint(resident=dict(ROSA), **overrides))


def acknowledged(*, officer, handler, stage1_on=dt.date(2025, 11, 5), **overrides):
    complaint = log_complaint(resident=dict(ROSA), **overrides)
    # Stage 1 is the handler's own work, so that the officer can take stage 2 (6.13).
    acknowledge(complaint, user=handler, handler=handler, on=stage1_on)
    return _fresh(complaint)


def extended(*, officer, handler):
    complaint = acknowledged(officer=officer, handler=handler)
    complaint_services.complaint_extend(
        user=handler,
        complaint=complaint,
        working_days=5,
        reason="We are waiting for a roofer's report on where the water is coming from.",
        resident_informed_on=dt.date(2025, 11, 14),
    )
    return _fresh(complaint)


REMEDIES = [
    {"type": "apology", "description": "We apologise for the delay in repairing your ceiling."},
    {
        "type": "financial",
        "description": "A payment for the time and trouble the delay caused you",
        "amount": "75.00",
        "due_on": dt.date(2025, 12, 5),
    },
]
ACTIONS = [
    {
        "description": "Replaster the kitchen ceiling once the roof repair has dried out",
        "due_on": dt.date(2025, 12, 12),
    }
]


RELATED = "The hallway light has also been broken since the roof started leaking"


def stage1_responded(*, officer, handler, remedies=REMEDIES, actions=ACTIONS, **overrides):
    complaint = acknowledged(officer=officer, handler=handler, **overrides)
    # Rosa raises a related issue before the response: it is joined and answered there (6.8).
    log_complaint(
        user=handler,
        resident=dict(ROSA),
        received_on=dt.date(2025, 11, 10),
        description=RELATED,
        related_to=complaint.reference,
    )
    respond(
        complaint,
        user=handler,
        on=dt.date(2025, 11, 14),
        decision="upheld",
        remedies=remedies,
        actions=actions,
    )
    return _fresh(complaint)


def escalated(*, officer, handler):
    complaint = stage1_responded(officer=officer, handler=handler)
    complaint_services.complaint_escalate(
        user=officer, complaint=complaint, requested_on=dt.date(2025, 11, 17)
    )
    return _fresh(complaint)


def stage2_acknowledged(*, officer, handler, stage2_handler):
    complaint = escalated(officer=officer, handler=handler)
    acknowledge(complaint, user=officer, handler=stage2_handler, on=dt.date(2025, 11, 18))
    return _fresh(complaint)


def stage2_responded(*, officer, handler, stage2_handler):
    complaint = stage2_acknowledged(officer=officer, handler=handler, stage2_handler=stage2_handler)
    respond(
        complaint,
        user=officer,
        on=dt.date(2025, 11, 21),
        decision="partly_upheld",
        remedies=[
            {
                "type": "action",
                "description": "A surveyor will inspect the whole roof",
                "due_on": dt.date(2025, 12, 19),
            }
        ],
        actions=[
            {
                "description": "Write to you with the surveyor's findings",
                "due_on": dt.date(2026, 1, 9),
            }
        ],
    )
    return _fresh(complaint)


def refused(*, officer):
    complaint = log_complaint(resident=dict(ROSA))
    complaint_services.complaint_refuse(
        user=officer,
        complaint=complaint,
        reason="legal_proceedings",
        explanation=(
            "You have started a disrepair claim in the county court about the same leak, so the "
            "court will decide this matter."
        ),
        decided_on=dt.date(2025, 11, 6),
    )
    return _fresh(complaint)


def escalation_refused(*, officer, handler):
    complaint = escalated(officer=officer, handler=handler)
    complaint_services.complaint_refuse(
        user=officer,
        complaint=complaint,
        reason="legal_proceedings",
        explanation=(
            "Since our stage 1 response you have started a claim in the county court about the "
            "same leak, so the court will now decide this matter."
        ),
        decided_on=dt.date(2025, 11, 19),
    )
    return _fresh(complaint)
