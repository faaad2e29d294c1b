"""A second, plainly written reading of the Code's figures, for the oracle to check the product by.

Plain Python over the model rows and the event log. It deliberately imports nothing from
`putright.rules`, `putright.timescales` or any selector: the working days, the deadlines, the
verdicts and every cohort are worked out again here, one case at a time, the slow obvious way.

The definitions (the product's decisions, issue 10):
- N working days after day D is the Nth working day (Mon-Fri, not an England bank holiday, not a
  landlord closure day) strictly after D.
- acknowledge by = 5 working days after the stage's request (none at stage 2 under the 2022
  Code); respond by = 10 (stage 1) / 20 (stage 2) working days plus the extensions' working days
  after the acknowledgement (after the request at stage 2 under the 2022 Code).
- an extension entered (London date of its row's creation) after the deadline it moved does not
  move it: the standing deadline is the earliest such `respond_by_before`.
- a step dated by its deadline but recorded (London date of its event) after it is backdated.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

import holidays

from putright.accounts.models import User
from putright.complaints.models import Complaint, Event, Extension, Refusal, Remedy, Stage
from putright.landlord.models import ClosureDay
from putright.letters.models import Letter

LONDON = zoneinfo.ZoneInfo("Europe/London")
MET, LATE, BACKDATED, PENDING, EXCLUDED = "met", "late", "backdated", "pending", "excluded"

# version: {stage: (acknowledge days or None, respond days, extension limit, respond counted from)}
TIMESCALES = {
    "2024": {1: (5, 10, 10, "ack"), 2: (5, 20, 20, "ack")},
    "2022": {1: (5, 10, 10, "ack"), 2: (None, 20, 10, "request")},
    "2020": {1: (5, 10, 10, "ack"), 2: (None, 20, 10, "request")},
}
PROVISIONS = {
    "2024": {
        "ack": {1: "6.2", 2: "6.11"},
        "respond": {1: "6.3", 2: "6.14"},
        "extend": {1: "6.4", 2: "6.15"},
        "independence": "6.13",
        "reasons": "2.1",
        "ombudsman": "2.4",
        "escalation": "5.11",
        "remedies": "7.3",
    },
    "2022": {
        "ack": {1: "4.1"},
        "respond": {1: "5.1", 2: "5.13"},
        "extend": {1: "5.1", 2: "5.13"},
        "independence": "5.12",
        "reasons": "1.7",
        "ombudsman": "1.9",
        "escalation": "5.9",
        "remedies": "6.5",
    },
}


def code_version(received_on: dt.date) -> str:
    if received_on >= dt.date(2024, 4, 1):
        return "2024"
    if received_on >= dt.date(2022, 4, 1):
        return "2022"
    if received_on >= dt.date(2020, 7, 1):
        return "2020"
    return ""


def london_date(instant: dt.datetime) -> dt.date:
    return instant.astimezone(LONDON).date()


class Calendar:
    def __init__(self):
        self.bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=range(2019, 2028))
        self.closed = set(ClosureDay.objects.values_list("date", flat=True))

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.bank_holidays and day not in self.closed

    def add(self, day: dt.date, n: int) -> dt.date:
        counted = 0
        while counted < n:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                counted += 1
        return day


@dataclass
class Fig:
    met: int = 0
    total: int = 0
    pending: int = 0
    breaches: list = field(default_factory=list)
    flags: dict = field(default_factory=dict)

    def count(self, ok: bool, reference: str, flag: str = ""):
        self.total += 1
        if ok:
            self.met += 1
        else:
            if reference not in self.breaches:
                self.breaches.append(reference)
                self.breaches.sort()
            if flag:
                self.flags[reference] = flag

    def judge(self, verdict: str, reference: str):
        if verdict == PENDING:
            self.pending += 1
        elif verdict != EXCLUDED:
            self.count(verdict == MET, reference, BACKDATED if verdict == BACKDATED else "")

    def key(self):
        return (self.met, self.total, self.pending, sorted(self.breaches), dict(self.flags))


@dataclass
class Judged:
    """One stage as the reference sees it."""

    reference: str
    complaint_id: int
    version: str
    number: int
    requested_on: dt.date
    acknowledge_by: dt.date | None
    respond_by: dt.date | None
    standing: dt.date | None
    acknowledged_on: dt.date | None
    responded_on: dt.date | None
    acknowledgement: str
    response: str
    extended_days: int
    good_reason: bool
    has_extensions: bool
    refused: bool


def verdict(claimed, due, nominal, recorded, ended, today):
    """`ended` is (the day the stage was refused or withdrawn, the day that was recorded)."""
    if due is None:
        return EXCLUDED
    if claimed is not None:
        if claimed <= due:
            return BACKDATED if recorded is not None and recorded > due else MET
        return BACKDATED if claimed <= nominal else LATE
    if ended is not None:
        ended_on, ended_recorded = ended
        if ended_on > due:
            return LATE
        return BACKDATED if ended_recorded is not None and ended_recorded > due else EXCLUDED
    return LATE if due < today else PENDING


class World:
    """Everything read once from the database; every figure is then plain Python over it."""

    def __init__(self, today: dt.date):
        self.today = today
        self.calendar = Calendar()
        self.complaints = {c.pk: c for c in Complaint.objects.all()}
        self.events = {}
        for event in Event.objects.filter(complaint__isnull=False).order_by("occurred_at", "pk"):
            self.events.setdefault(event.complaint_id, []).append(event)
        self.extensions = {}
        for extension in Extension.objects.order_by("pk"):
            self.extensions.setdefault(extension.stage_id, []).append(extension)
        self.refusals = list(Refusal.objects.order_by("pk"))
        self.remedies = list(Remedy.objects.all())
        self.letters = list(Letter.objects.filter(status="issued"))
        self.usernames = dict(User.objects.values_list("username", "pk"))
        self.stage_rows = list(Stage.objects.all())
        self.stages = [self._judge(stage) for stage in self.stage_rows]

    def _first_event(self, complaint_id, type_, number):
        for event in self.events.get(complaint_id, []):
            if event.type == type_ and event.parameters.get("stage", 1) == number:
                return event
        return None

    def _judge(self, stage: Stage) -> Judged:
        complaint = self.complaints[stage.complaint_id]
        version = code_version(complaint.received_on)
        ack_days, respond_days, _, respond_from = TIMESCALES[version][stage.number]
        extensions = self.extensions.get(stage.pk, [])
        extended = sum(e.working_days for e in extensions)
        acknowledge_by = (
            self.calendar.add(stage.requested_on, ack_days) if ack_days is not None else None
        )
        start = stage.acknowledged_on if respond_from == "ack" else stage.requested_on
        respond_by = self.calendar.add(start, respond_days + extended) if start else None
        standing = respond_by
        late_entries = [
            e.respond_by_before
            for e in extensions
            if london_date(e.created_at) > e.respond_by_before
        ]
        if late_entries and respond_by is not None:
            standing = min(late_entries)
        refusals = [
            (r.decided_on, london_date(r.created_at))
            for r in self.refusals
            if r.complaint_id == stage.complaint_id and r.stage == stage.number
        ]
        ended_on = refusals[0] if refusals else None
        withdrawn = self._first_event(stage.complaint_id, "complaint_withdrawn", 1)
        last_stage = max(s.number for s in self.stage_rows if s.complaint_id == stage.complaint_id)
        if withdrawn is not None and ended_on is None and last_stage == stage.number:
            ended_on = (
                dt.date.fromisoformat(withdrawn.parameters["withdrawn_on"]),
                london_date(withdrawn.occurred_at),
            )
        acked = self._first_event(stage.complaint_id, "stage_acknowledged", stage.number)
        answered = self._first_event(stage.complaint_id, "stage_responded", stage.number)
        return Judged(
            reference=complaint.reference,
            complaint_id=complaint.pk,
            version=version,
            number=stage.number,
            requested_on=stage.requested_on,
            acknowledge_by=acknowledge_by,
            respond_by=respond_by,
            standing=standing,
            acknowledged_on=stage.acknowledged_on,
            responded_on=stage.responded_on,
            acknowledgement=verdict(
                stage.acknowledged_on,
                acknowledge_by,
                acknowledge_by,
                london_date(acked.occurred_at) if acked else None,
                ended_on,
                self.today,
            ),
            response=verdict(
                stage.responded_on,
                standing,
                respond_by,
                london_date(answered.occurred_at) if answered else None,
                ended_on,
                self.today,
            ),
            extended_days=extended,
            good_reason=any(e.good_reason.strip() for e in extensions),
            has_extensions=bool(extensions),
            refused=bool(refusals),
        )

    # --- figures ------------------------------------------------------------------------------

    def cohort(self, start, end, version):
        return [
            s
            for s in self.stages
            if start <= s.requested_on <= end and (version is None or s.version == version)
        ]

    def timeliness(self, start, end, version=None) -> dict:
        """{("acknowledgement", n) / ("response", n): Fig} for the stages that started."""
        figures = {}
        for s in self.cohort(start, end, version):
            if TIMESCALES[version or "2024"][s.number][0] is not None:
                figures.setdefault(("acknowledgement", s.number), Fig()).judge(
                    s.acknowledgement, s.reference
                )
            figures.setdefault(("response", s.number), Fig()).judge(s.response, s.reference)
        return figures

    def responses_in(self, start, end) -> dict:
        """TSM CH02: {stage: (within, responded)}."""
        result = {1: [0, 0], 2: [0, 0]}
        for s in self.stages:
            if s.responded_on is not None and start <= s.responded_on <= end:
                result[s.number][1] += 1
                result[s.number][0] += s.response == MET
        return {n: tuple(v) for n, v in result.items()}

    def received(self, start, end) -> dict:
        """TSM CH01: stages asked for in the period, refused ones left out."""
        counts = {1: 0, 2: 0}
        for s in self.stages:
            if start <= s.requested_on <= end and not s.refused:
                counts[s.number] += 1
        return counts

    def extension_limits(self, start, end, version) -> dict:
        figures = {}
        for s in sorted(self.cohort(start, end, version), key=lambda s: s.reference):
            if s.has_extensions:
                limit = TIMESCALES[version][s.number][2]
                figures.setdefault(s.number, Fig()).count(
                    s.extended_days <= limit or s.good_reason, s.reference
                )
        return figures

    def stage_people(self, complaint_id: int, number: int, recorders: bool = True) -> set[int]:
        """Who took part at a stage, read from the events and the stage row (6.13). Without
        `recorders`, whoever merely recorded a stage 2 acknowledgement or extension is left out."""
        people = set()
        actors = {"stage_acknowledged", "extension_granted", "stage_responded"}
        if number == 2 and not recorders:
            actors = {"stage_responded"}
        if number == 2:
            actors.add("complaint_refused")
        named = {
            "complaint_logged": "handler",
            "stage_acknowledged": "handler",
            "handler_assigned": "after",
        }
        for event in self.events.get(complaint_id, []):
            if event.parameters.get("stage", 1) != number:
                continue
            if event.type in actors and event.actor_id:
                people.add(event.actor_id)
            name = event.parameters.get(named.get(event.type, ""), None)
            if name:
                people.add(self.usernames[name])
        for stage in self.stage_rows:
            if stage.complaint_id == complaint_id and stage.number == number and stage.handler_id:
                people.add(stage.handler_id)
        return people

    def independence(self, start, end, version) -> Fig | None:
        cases = sorted(
            (s for s in self.cohort(start, end, version) if s.number == 2),
            key=lambda s: s.reference,
        )
        if not cases:
            return None
        figure = Fig()
        for s in cases:
            # Who considers stage 2: its handlers, whoever answers it or refuses it; recording
            # the acknowledgement or an extension for the named handler is not considering it.
            shared = self.stage_people(s.complaint_id, 1) & self.stage_people(
                s.complaint_id, 2, recorders=False
            )
            figure.count(not shared, s.reference)
        return figure

    def refusal_figures(self, start, end, version) -> dict:
        """2.1 (explained), 2.4 (told in an issued refusal letter), 5.11 (the same at stage 2)."""
        kinds = {1: "refusal", 2: "escalation_refusal"}
        figures = {}
        rows = sorted(
            (
                r
                for r in self.refusals
                if start <= r.decided_on <= end
                and code_version(self.complaints[r.complaint_id].received_on) == version
            ),
            key=lambda r: (self.complaints[r.complaint_id].reference, r.pk),
        )
        for r in rows:
            reference = self.complaints[r.complaint_id].reference
            told = any(
                letter.complaint_id == r.complaint_id
                and letter.stage == r.stage
                and letter.kind == kinds[r.stage]
                for letter in self.letters
            )
            figures.setdefault("reasons", Fig()).count(bool(r.explanation.strip()), reference)
            figures.setdefault("ombudsman", Fig()).count(told, reference)
            if r.stage == 2:
                figures.setdefault("escalation", Fig()).count(told, reference)
        return figures

    def remedies_figure(self, start, end, version) -> Fig | None:
        figure = Fig()
        for remedy in self.remedies:
            complaint = self.complaints[remedy.complaint_id]
            if (
                not start <= remedy.offered_on <= end
                or code_version(complaint.received_on) != version
            ):
                continue
            if remedy.completed_on is not None and remedy.due_on is not None:
                figure.count(remedy.completed_on <= remedy.due_on, complaint.reference)
            elif remedy.due_on is None or remedy.due_on < self.today:
                figure.count(False, complaint.reference)
            else:
                figure.pending += 1
        return figure if figure.total or figure.pending else None
