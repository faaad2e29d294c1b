"""Complaints at each point of the process, built through the services so that every factory-made
case is one the rules would allow."""

import datetime as dt

from putright.complaints import services
from putright.complaints.models import Complaint
from tests.factories import acknowledge, log_complaint, respond

D = dt.date
RECEIVED = D(2025, 11, 3)  # a Monday, three weeks before "today" (Monday 24 November 2025)
ESCALATED = D(2025, 11, 17)


def fresh(complaint: Complaint) -> Complaint:
    return Complaint.objects.get(pk=complaint.pk)


def logged(*, user, received_on=RECEIVED, **overrides) -> Complaint:
    return log_complaint(user=user, received_on=received_on, **overrides)


def investigating(*, user, handler, received_on=RECEIVED, on=None) -> Complaint:
    """Acknowledged (by default the day after it was received) with `handler`."""
    complaint = logged(user=user, received_on=received_on)
    return fresh(
        acknowledge(complaint, user=user, handler=handler, on=on or received_on + dt.timedelta(1))
    )


def responded(*, user, handler, received_on=RECEIVED, acknowledged_on=None, on=None):
    complaint = investigating(
        user=user, handler=handler, received_on=received_on, on=acknowledged_on
    )
    stage = complaint.current_stage
    return fresh(respond(complaint, user=user, on=on or stage.acknowledged_on + dt.timedelta(7)))


def escalated(*, user, handler, requested_on=ESCALATED, **kwargs) -> Complaint:
    complaint = responded(user=user, handler=handler, **kwargs)
    return fresh(
        services.complaint_escalate(user=user, complaint=complaint, requested_on=requested_on)
    )


def extend(complaint, *, user, working_days, on, good_reason=""):
    return fresh(
        services.complaint_extend(
            user=user,
            complaint=complaint,
            working_days=working_days,
            reason="The surveyor's report is not back yet.",
            resident_informed_on=on,
            good_reason=good_reason,
        )
    )


def stage(complaint, number=None):
    return fresh(complaint).stages.get(number=number or fresh(complaint).stage)


def snapshot(complaint: Complaint) -> dict:
    """Everything a refused request must leave as it was."""
    complaint = fresh(complaint)
    return {
        "complaint": {
            f.attname: getattr(complaint, f.attname) for f in Complaint._meta.concrete_fields
        },
        "stages": list(complaint.stages.values()),
        "events": complaint.events.count(),
        "remedies": list(complaint.remedies.values()),
        "actions": list(complaint.actions.values()),
        "refusals": complaint.refusals.count(),
        "extensions": sum(s.extensions.count() for s in complaint.stages.all()),
        "notes": complaint.notes.count(),
        "attachments": complaint.attachments.count(),
        "related_issues": complaint.related_issues.count(),
    }
