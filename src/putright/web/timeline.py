"""Plain-English lines for the case timeline, read from the append-only events (5.12)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from putright.complaints.models import Decision, RefusalReason, RemedyType
from putright.contractors import events as contractor_events

TITLES = {
    "complaint_logged": "Complaint logged",
    "related_issue_added": "Related complaint added (6.8)",
    "handler_assigned": "Handler assigned",
    "stage_acknowledged": "Acknowledged and defined",
    "definition_changed": "Complaint definition changed",
    "extension_granted": "Deadline extended",
    "stage_responded": "Response recorded",
    "escalation_requested": "Stage 2 requested",
    "complaint_refused": "Complaint refused",
    "complaint_withdrawn": "Complaint withdrawn",
    "complaint_closed": "Complaint closed",
    "remedy_offered": "Remedy offered",
    "remedy_completed": "Remedy done",
    "action_added": "Action added",
    "action_completed": "Action done",
    "note_added": "Note",
    "attachment_added": "Document added",
    "deadlines_recalculated": "Deadlines recalculated",
    "tracking_link_revoked": "Tracking link revoked",
    "panel_recorded": "Panel or meeting recorded",
    "tracking_link_sent": "Reference and tracking link sent to the resident",
    "tracking_link_not_sent": "Tracking link not sent automatically",
    "letter_issued": "Letter issued",
    "letter_sent": "Letter e-mailed",
    "letter_send_failed": "Letter could not be e-mailed",
    "letter_marked_for_post": "Letter marked for post",
    "email_received": "E-mail received",
    "letter_signed_off": "Response letter signed off (6.7)",
    "letter_sign_off_voided": "Sign-off voided: the letter changed",
    "findings_shared": "Findings shared for the resident's comment",
    "findings_commented": "Resident commented on the findings",
    "findings_no_comment": "No comment on the findings by the date given",
    "representative_consent_recorded": "Representative's consent recorded (3.6)",
    "representative_copies_changed": "Copies of letters to the representative changed",
    "amended": "Record corrected",
    **contractor_events.TITLES,
}

# How the staff timeline can be narrowed (review finding H10): what was said, and letters.
FILTERS = {
    "notes": {"note_added", "email_received", "attachment_added"},
    "letters": {
        "letter_issued",
        "letter_sent",
        "letter_send_failed",
        "letter_marked_for_post",
        "letter_signed_off",
        "letter_sign_off_voided",
    },
}

# Events a resident sees on their tracking page: what happened, not the internal working.
PUBLIC_TYPES = {
    "complaint_logged",
    "stage_acknowledged",
    "extension_granted",
    "stage_responded",
    "escalation_requested",
    "complaint_refused",
    "complaint_withdrawn",
    "complaint_closed",
    "remedy_completed",
    "action_completed",
}

# The resident reads their own timeline: the same events in kinder words (review finding R9).
PUBLIC_TITLES = {
    "complaint_logged": "We received your complaint",
    "stage_acknowledged": "We acknowledged your complaint",
    "extension_granted": "We needed more time and told you why",
    "stage_responded": "We sent our response",
    "escalation_requested": "You asked for stage 2",
    "complaint_refused": "We decided not to take your complaint forward, and wrote to explain why",
    "complaint_withdrawn": "Your complaint was withdrawn",
    "complaint_closed": "Your complaint was closed",
    "remedy_completed": "We did something we promised",
    "action_completed": "We finished an action we promised",
}


def _date(value) -> str:
    if not value:
        return ""
    try:
        return dt.date.fromisoformat(value).strftime("%-d %B %Y")
    except (TypeError, ValueError):
        return str(value)


def _details(event_type: str, p: dict) -> list[str]:
    stage = f"Stage {p['stage']}" if p.get("stage") else ""
    if event_type == "complaint_logged":
        return [
            f"Received {_date(p.get('received_on'))} by "
            f"{str(p.get('channel', '')).replace('_', ' ')}.",
            f"Acknowledge by {_date(p.get('acknowledge_by'))}. "
            f"Code version {p.get('code_version', '')}.",
        ]
    if event_type == "handler_assigned":
        return [f"{stage}: {p.get('before') or 'nobody'} → {p.get('after')}."]
    if event_type == "stage_acknowledged":
        timely = "on time" if p.get("within_timescale") else "late"
        return [
            f"{stage} acknowledged {_date(p.get('acknowledged_on'))} ({timely}); "
            f"handler {p.get('handler')}.",
            f"Respond by {_date(p.get('respond_by'))}.",
        ]
    if event_type == "extension_granted":
        lines = [
            f"{stage}: {p.get('working_days')} working days; respond by "
            f"{_date(p.get('after'))} (was {_date(p.get('before'))}).",
            f"Reason: {p.get('reason')}",
            f"Resident told {_date(p.get('resident_informed_on'))}.",
        ]
        if p.get("good_reason"):
            lines.append(f"Good reason: {p['good_reason']}")
        return lines
    if event_type == "stage_responded":
        decision = Decision(p["decision"]).label if p.get("decision") in Decision.values else ""
        timely = "within the Code timescale" if p.get("within_timescale") else "late"
        lines = [f"{stage}: {decision}, {_date(p.get('responded_on'))} ({timely})."]
        if p.get("decision_maker"):
            lines.append(f"Decided by {p['decision_maker']} ({p.get('decision_maker_role', '')}).")
        return lines
    if event_type == "panel_recorded":
        attended = "The resident attended" if p.get("resident_attended") else "No resident"
        if p.get("resident_attended") and p.get("accompanied_by"):
            attended += f", accompanied by {p['accompanied_by']}"
        members = ", ".join(p.get("members") or [])
        return [f"{stage}, held {_date(p.get('held_on'))}: {members}.", f"{attended}."]
    if event_type == "escalation_requested":
        return [
            f"Requested {_date(p.get('requested_on'))}; acknowledge by "
            f"{_date(p.get('acknowledge_by'))}."
        ]
    if event_type == "complaint_refused":
        reason = p.get("reason")
        label = RefusalReason(reason).label if reason in RefusalReason.values else reason
        return [
            f"{label}.",
            str(p.get("explanation", "")),
            "Told of their right to go to the Ombudsman (2.4).",
        ]
    if event_type in ("complaint_withdrawn", "complaint_closed"):
        when = p.get("withdrawn_on") or p.get("closed_on")
        lines = [f"On {_date(when)}."]
        if p.get("reason"):
            lines.append(str(p["reason"]))
        return lines
    if event_type == "remedy_offered":
        kind = p.get("remedy_type")
        label = RemedyType(kind).label if kind in RemedyType.values else kind
        amount = f" £{p['amount']}" if p.get("amount") else ""
        due = f" Due {_date(p.get('due_on'))}." if p.get("due_on") else ""
        lines = [f"{label}{amount}: {p.get('description', '')}.{due}"]
        if p.get("outside_guide_reason"):
            lines.append(f"Outside the compensation guide (7.4): {p['outside_guide_reason']}")
        return lines
    if event_type == "action_added":
        return [f"{p.get('description', '')}. Due {_date(p.get('due_on'))}."]
    if event_type in ("remedy_completed", "action_completed"):
        return [f"Done {_date(p.get('completed_on'))}."]
    if event_type == "note_added":
        return [str(p.get("text", ""))]
    if event_type == "attachment_added":
        return [f"{p.get('name', '')} ({int(p.get('size') or 0) // 1024 or 1} KB)"]
    if event_type == "related_issue_added":
        return [str(p.get("description", ""))]
    if event_type == "tracking_link_revoked":
        lines = ["Links sent before this no longer open the tracking page; a new one was made."]
        if p.get("reason"):
            lines.append(f"Reason: {p['reason']}")
        return lines
    if event_type == "tracking_link_sent":
        return [f"By {'email' if p.get('channel') == 'email' else 'text message'}."]
    if event_type == "tracking_link_not_sent":
        return [str(p.get("why", ""))]
    if event_type == "deadlines_recalculated":
        return [f"{stage}: {p.get('reason', '')}"]
    if event_type == "letter_issued":
        return [f"{_letter_label(p.get('kind'))}, {stage.lower()}: {p.get('subject', '')}"]
    if event_type == "letter_signed_off":
        return [f"{_letter_label(p.get('kind'))}{': ' + p['note'] if p.get('note') else ''}"]
    if event_type == "findings_commented":
        return [str(p.get("comment", ""))]
    if event_type == "findings_shared":
        return [f"By {p.get('method', '')}; comments by {_date(p.get('comment_by'))}."]
    if event_type in ("letter_sent", "letter_send_failed", "letter_marked_for_post"):
        return [_letter_label(p.get("kind"))] if p.get("kind") else []
    if event_type == "amended":
        return [
            f"{str(p.get('what', '')).capitalize()}, {stage.lower()}. Why: {p.get('reason', '')}",
            *(
                f"{key.replace('_', ' ').capitalize()} was: {value}"
                for key, value in (p.get("before") or {}).items()
            ),
        ]
    if event_type in contractor_events.TITLES:
        return contractor_events.details(event_type, p, _date)
    return []


def _letter_label(kind) -> str:
    from putright.letters.models import LetterKind

    return LetterKind(kind).label if kind in LetterKind.values else "Letter"


@dataclass(frozen=True)
class TimelineEntry:
    type: str
    title: str
    when: dt.datetime
    who: str
    details: list[str]
    letter: int | None = None  # the letter an entry is about, to link to it
    from_resident: bool = False


def describe_events(events, *, public: bool = False) -> list[TimelineEntry]:
    entries = []
    for event in events:
        if public and event.type not in PUBLIC_TYPES:
            continue
        if event.actor_id is not None:
            # Who they were then (5.12), not who the account says they are now.
            who = event.actor_display or event.actor_name
        else:
            who = {"resident": "The resident", "system": "Putright"}.get(
                event.actor_label, event.actor_label.capitalize() or "Putright"
            )
        parameters = event.parameters or {}
        from_resident = event.actor_id is None and event.actor_label == "resident"
        title = (PUBLIC_TITLES if public else TITLES).get(
            event.type, event.type.replace("_", " ").capitalize()
        )
        if event.type == "note_added" and not public:
            # A resident's words and a colleague's note must not look alike (H10).
            title = "Note from the resident" if from_resident else "Staff note"
        entries.append(
            TimelineEntry(
                type=event.type,
                title=title,
                when=event.occurred_at,
                who=who,
                details=[line for line in _details(event.type, parameters) if line],
                letter=parameters.get("letter") if event.type.startswith("letter_") else None,
                from_resident=from_resident,
            )
        )
    return entries


def staff_timeline(events, *, order: str = "newest", show: str = "all") -> list[TimelineEntry]:
    """The case page's timeline: newest first unless asked otherwise, optionally only notes and
    messages, or only letters."""
    entries = describe_events(events)
    if show in FILTERS:
        entries = [entry for entry in entries if entry.type in FILTERS[show]]
    return entries if order == "oldest" else entries[::-1]
