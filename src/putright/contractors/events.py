"""The contractor events on a complaint's timeline (5.12), one typed function each, written
through complaints.events.record into the complaint's own hash chain."""

from __future__ import annotations

from putright.complaints import events

CONTRACTOR_NAMED = "contractor_named"
CONTRACTOR_REMOVED = "contractor_removed"
REQUEST_SENT = "contractor_request_sent"
REQUEST_ANSWERED = "contractor_request_answered"

TITLES = {
    CONTRACTOR_NAMED: "Contractor named on the complaint",
    CONTRACTOR_REMOVED: "Contractor taken off the complaint",
    REQUEST_SENT: "Information requested from a contractor (5.5)",
    REQUEST_ANSWERED: "Contractor's information received (5.5)",
}


def contractor_named_event(*, complaint, user, involvement):
    return events.record(
        type=CONTRACTOR_NAMED,
        complaint=complaint,
        user=user,
        contractor=involvement.contractor.name,
        role=involvement.role,
        named_on=involvement.named_on,
    )


def contractor_removed_event(*, complaint, user, involvement):
    return events.record(
        type=CONTRACTOR_REMOVED,
        complaint=complaint,
        user=user,
        contractor=involvement.contractor.name,
        removed_on=involvement.removed_on,
        reason=involvement.removed_reason,
    )


def remedy_contractor_amended_event(*, remedy, user, before, after, reason):
    """An audited correction like any other (complaints.services.amend): before and after."""
    return events.record(
        type=events.EventType.AMENDED,
        complaint=remedy.complaint,
        user=user,
        what="remedy contractor",
        stage=remedy.stage,
        before={"contractor": before},
        after={"contractor": after},
        reason=f"{reason} (remedy {remedy.pk})",
    )


def request_sent_event(*, complaint, user, request):
    return events.record(
        type=REQUEST_SENT,
        complaint=complaint,
        user=user,
        request=request.pk,
        contractor=request.contractor.name,
        sent_on=request.sent_on,
        due_on=request.due_on,
        description=request.description,
    )


def request_answered_event(*, complaint, user, request):
    return events.record(
        type=REQUEST_ANSWERED,
        complaint=complaint,
        user=user,
        request=request.pk,
        contractor=request.contractor.name,
        answered_on=request.answered_on,
        due_on=request.due_on,
        on_time=request.answered_on <= request.due_on,
    )


def details(event_type: str, p: dict, date) -> list[str]:
    """The timeline's lines for a contractor event (`date` formats an ISO date)."""
    who = str(p.get("contractor", ""))
    if event_type == CONTRACTOR_NAMED:
        return [f"{who}{': ' + p['role'] if p.get('role') else ''}."]
    if event_type == CONTRACTOR_REMOVED:
        return [f"{who}. Why: {p.get('reason', '')}"]
    if event_type == REQUEST_SENT:
        return [
            f"{who}: {p.get('description', '')}",
            f"Sent {date(p.get('sent_on'))}, due {date(p.get('due_on'))}.",
        ]
    if event_type == REQUEST_ANSWERED:
        timely = "on time" if p.get("on_time") else "late"
        return [f"{who} answered {date(p.get('answered_on'))} ({timely})."]
    return []
