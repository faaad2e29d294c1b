"""6.13 (2022 Code 5.12): the person who considers the complaint at stage 2 is not the person
who considered it at stage 1.

"The person" is read from the record, not from the current handler field: everyone who logged
the complaint as its handler, was assigned to it, acknowledged it, extended it, responded at
stage 1 or signed off a stage 1 letter (the reviewer of the stage 1 response shaped it). None
of them may be the stage 2 handler (assigned, or named when stage 2 is acknowledged), respond
at stage 2, or refuse the escalation; while stage 2 has no handler, a handler among them cannot
act on it at all.

Who "considers" stage 2 is its handler (at any time), whoever responds and whoever refuses the
escalation: those are the people the check refuses and the measure counts, the same set in both.
Recording the stage 2 acknowledgement or an extension for the named handler (an officer's
clerical step) is not considering it, so neither the check nor the measure counts it.
"""

from __future__ import annotations

import datetime as dt

from putright.accounts.models import User
from putright.complaints.events import EventType
from putright.complaints.models import Complaint, Event, Stage
from putright.errors import RuleBroken
from putright.rules.figures import ENFORCED, Figure

# The events that make someone a stage 1 person, and where the person is named in them.
_ACTOR = {
    EventType.STAGE_ACKNOWLEDGED,
    EventType.EXTENSION_GRANTED,
    EventType.STAGE_RESPONDED,
    "letter_signed_off",  # letters.access.LetterEvent.SIGNED_OFF (letters builds on this app)
}
_NAMED = {
    EventType.COMPLAINT_LOGGED: "handler",
    EventType.STAGE_ACKNOWLEDGED: "handler",
    EventType.HANDLER_ASSIGNED: "after",
}
_TYPES = _ACTOR | set(_NAMED)


def _people(rows, number: int) -> tuple[set[int], set[str]]:
    ids, names = set(), set()
    for type_, actor_id, parameters in rows:
        if parameters.get("stage", 1) != number:
            continue
        if type_ in _ACTOR and actor_id:
            ids.add(actor_id)
        key = _NAMED.get(type_)
        if key and parameters.get(key):
            names.add(parameters[key])
    return ids, names


def _rows(complaint_ids):
    return Event.objects.filter(complaint_id__in=complaint_ids, type__in=_TYPES).values_list(
        "complaint_id", "type", "actor_id", "parameters"
    )


def stage1_people(complaint: Complaint) -> set[int]:
    """The users involved in stage 1 of the complaint, read from its events and the stage."""
    rows = [(t, a, p) for _, t, a, p in _rows([complaint.pk])]
    ids, names = _people(rows, 1)
    handler = Stage.objects.filter(complaint=complaint, number=1).values_list(
        "handler_id", flat=True
    )
    ids |= {pk for pk in handler if pk}
    if names:
        ids |= set(User.objects.filter(username__in=names).values_list("pk", flat=True))
    return ids


def provision(code_version: str) -> str:
    return "5.12" if code_version in ("2022", "2020") else "6.13"


def check(complaint: Complaint, user: User | None, *, acting_as: str) -> None:
    """Refuse `user` acting at stage 2 of `complaint` when they were involved at stage 1.
    `acting_as` says how, for the message: "the stage 2 handler", "the stage 2 responder"."""
    if user is None or complaint.stage != 2:
        return
    if user.pk in stage1_people(complaint):
        raise RuleBroken(
            "stage2_not_independent",
            f"{user.username} was involved at stage 1 of {complaint.reference}, so cannot be "
            f"{acting_as}: stage 2 must be considered by someone else.",
            provision(complaint.code_version),
        )


# --- the measure -----------------------------------------------------------------------------

# The stage 2 decisions whose actor considers stage 2 (the same roles `check` guards).
_STAGE2_DECIDERS = {EventType.STAGE_RESPONDED, EventType.COMPLAINT_REFUSED}


def measure(
    *, period_start: dt.date, period_end: dt.date, code_version: str | None
) -> Figure | None:
    """Stage 2 complaints asked for in the period whose stage 2 people (handlers at any time,
    whoever responded or refused the escalation) include none of the stage 1 people."""
    stages = Stage.objects.filter(number=2, requested_on__range=(period_start, period_end))
    if code_version:
        stages = stages.filter(complaint__code_version=code_version)
    cases = dict(stages.values_list("complaint_id", "complaint__reference"))
    if not cases:
        return None
    handlers: dict[tuple[int, int], set[int]] = {}
    for complaint_id, number, handler_id in Stage.objects.filter(
        complaint_id__in=cases
    ).values_list("complaint_id", "number", "handler_id"):
        if handler_id:
            handlers.setdefault((complaint_id, number), set()).add(handler_id)
    by_case: dict[int, list] = {}
    types = _TYPES | _STAGE2_DECIDERS
    for complaint_id, type_, actor_id, parameters in Event.objects.filter(
        complaint_id__in=cases, type__in=types
    ).values_list("complaint_id", "type", "actor_id", "parameters"):
        by_case.setdefault(complaint_id, []).append((type_, actor_id, parameters))
    names = {
        name
        for rows in by_case.values()
        for _, _, parameters in rows
        for name in (
            parameters.get("handler"),
            parameters.get("after"),
            parameters.get("decision_maker"),  # who decided stage 2 (6.20)
        )
        if name
    }
    ids_by_name = dict(User.objects.filter(username__in=names).values_list("username", "pk"))
    figure = Figure(
        ref=provision(code_version or "2024"),
        measure="Stage 2 complaints considered by nobody involved at stage 1",
        enforced=ENFORCED,
    )
    for complaint_id in sorted(cases, key=cases.get):
        rows = by_case.get(complaint_id, [])
        people = {}
        for number in (1, 2):
            ids, named = _people(rows, number)
            if number == 2:
                ids = {
                    a for t, a, p in rows if t in _STAGE2_DECIDERS and a and p.get("stage", 2) == 2
                }
                named |= {
                    p["decision_maker"]
                    for t, _, p in rows
                    if t == EventType.STAGE_RESPONDED
                    and p.get("stage") == 2
                    and p.get("decision_maker")
                }
            people[number] = (
                ids | {ids_by_name[n] for n in named if n in ids_by_name}
            ) | handlers.get((complaint_id, number), set())
        figure.add(not (people[1] & people[2]), cases[complaint_id])
    return figure
