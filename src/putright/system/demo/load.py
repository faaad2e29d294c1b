"""Loads the demo landlord: settings, staff, and a year of complaints played through the same
services the API and web UI call, so every demo case is one the Code's rules allow.

Each step is played "on its day": the clock the services read is set to that day while the
service runs, so the events, notes and letters carry the dates they would have had, and a
service's own check that a date is not in the future still applies.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
import zoneinfo
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from putright import dates
from putright.accounts.models import User
from putright.accounts.services import user_create
from putright.complaints import services
from putright.complaints.models import Complaint, OutstandingAction, Remedy
from putright.landlord.models import ClosureDay, HomesOwned
from putright.landlord.selectors import landlord_settings, working_day_calendar
from putright.letters import services as letter_services
from putright.letters import sign_off
from putright.rules.exclusions import letter_kind
from putright.rules.sign_off import RESPONSE_KINDS
from putright.system.demo.governance import governance_set_up
from putright.system.demo.heard import heard_set_up
from putright.system.demo.oversight import oversight_set_up
from putright.system.demo.plan import ESCALATION_WINDOW_DAYS, ComplaintPlan, Planner, Step
from putright.system.demo.record import record_set_up, reviewer_for, sign_off_set_up
from putright.system.demo.registers import registers_set_up
from putright.system.demo.stage2 import Stage2
from putright.system.demo.submission import submission_set_up
from putright.system.demo.surveys import surveys_set_up

DEMO_PASSWORD = "putright-demo"
LANDLORD_NAME = "Riverside Homes Demo"
LONDON = zoneinfo.ZoneInfo("Europe/London")

# username, role, first name, last name
STAFF = [
    ("olivia", "officer", "Olivia", "Okafor"),
    ("hannah", "handler", "Hannah", "Hughes"),
    ("harry", "handler", "Harry", "Hall"),
    ("hamid", "handler", "Hamid", "Hussain"),
    ("martin", "manager", "Martin", "Marsh"),
    ("grace", "governance", "Grace", "Green"),
    ("adam", "admin", "Adam", "Adeyemi"),
]


class DemoError(Exception):
    """A planned step that a service refused: a bug in the plan or in the service."""


@dataclass
class Summary:
    complaints: int = 0
    seconds: float = 0.0
    by_status: Counter = field(default_factory=Counter)
    records: dict = field(default_factory=dict)

    def lines(self) -> list[str]:
        statuses = ", ".join(f"{key}: {n}" for key, n in sorted(self.by_status.items()))
        records = ", ".join(f"{key.replace('_', ' ')}: {n}" for key, n in self.records.items())
        return [
            f"Loaded {LANDLORD_NAME}: {self.complaints} complaints in {self.seconds:.1f} s.",
            f"  {statuses}",
            f"  {records}",
            f"Sign in as olivia (complaints officer) with password {DEMO_PASSWORD!r}; the other "
            f"staff are {', '.join(u for u, *_ in STAFF[1:])}, with the same password.",
        ]


@contextlib.contextmanager
def clock_at(instant: dt.datetime):
    """The services' clock (django.utils.timezone.now, read by putright.dates.today and by
    auto_now_add fields) set to `instant` for the duration."""
    original = timezone.now
    timezone.now = lambda: instant
    try:
        yield
    finally:
        timezone.now = original


def staff_set_up() -> dict[str, User]:
    users = {}
    # One hash for everyone: hashing is deliberately slow (about a second each here).
    password = make_password(DEMO_PASSWORD)
    for username, role, first, last in STAFF:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = user_create(
                username=username,
                role=role,
                email=f"{username}@riverside-homes.example",
                first_name=first,
                last_name=last,
            )
            user.password = password
            user.save(update_fields=["password"])
        elif user.role != role:
            raise DemoError(
                f"A user called {username!r} already exists with role {user.role}; the demo "
                f"needs them to be {role}."
            )
        users[username] = user
    return users


def _reporting_year(day: dt.date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def landlord_set_up(today: dt.date) -> None:
    settings = landlord_settings()
    settings.name = LANDLORD_NAME
    settings.address = "Riverside House\n2 Quay Street\nRiverside\nRV1 4QS"
    settings.complaints_email = "complaints@riverside-homes.example"
    settings.complaints_phone = "0300 555 0199"
    settings.complaints_policy_url = "https://riverside-homes.example/complaints"
    # Internal targets shorter than the Code's, tracked beside the statutory deadlines.
    settings.internal_stage1_acknowledge_days = 2
    settings.internal_stage1_respond_days = 8
    settings.internal_stage2_acknowledge_days = 3
    settings.internal_stage2_respond_days = 15
    settings.escalation_window_days = ESCALATION_WINDOW_DAYS
    settings.financial_year_end = 3  # March: the annual submission is due by 30 September
    settings.full_clean()
    settings.save()

    # Whole days the office is closed: between Christmas and New Year, and staff training days
    # (one past, one to come). Added before any complaint exists, so no deadline needs moving.
    calendar = working_day_calendar()
    christmas = today.year if today >= dt.date(today.year, 12, 29) else today.year - 1
    closures = [
        (dt.date(christmas, 12, day), "Office closed between Christmas and New Year")
        for day in (29, 30, 31)
    ]
    closures += [
        (calendar.add_working_days(today - dt.timedelta(days=120), 0), "Staff training day"),
        (calendar.add_working_days(today + dt.timedelta(days=24), 0), "Staff training day"),
    ]
    for day, reason in closures:
        if calendar.is_working_day(day):
            ClosureDay.objects.get_or_create(date=day, defaults={"reason": reason})

    # Homes owned for each reporting year the demo touches (TSM CH01 rates).
    current = _reporting_year(today)
    for year in range(current - 2, current + 1):
        HomesOwned.objects.get_or_create(
            reporting_year=year, defaults={"homes": 12_400 - 60 * (current - year)}
        )


class Player:
    """Plays each plan's steps, dated up to today, through the services."""

    def __init__(self, users: dict[str, User], today: dt.date) -> None:
        self.users = users
        self.today = today
        self.references: dict[int, str] = {}
        self.stage2 = Stage2(users)

    def play(self, plan: ComplaintPlan) -> Complaint:
        state = _CaseState()
        last = None
        for step in plan.steps:
            if step.on > self.today:
                break
            instant = dt.datetime.combine(step.on, dt.time(9), LONDON) + dt.timedelta(
                minutes=step.minute
            )
            if last is not None and instant <= last:
                instant = last + dt.timedelta(minutes=1)
            last = instant
            try:
                with clock_at(instant.astimezone(dt.UTC)):
                    self._step(plan, step, state)
            except Exception as error:
                reference = state.complaint.reference if state.complaint else "(not yet logged)"
                raise DemoError(
                    f"{reference}: the {step.action} step on {step.on} was refused: "
                    f"{type(error).__name__}: {error}"
                ) from error
        self.references[id(plan)] = state.complaint.reference
        return state.complaint

    def _letter(self, user, complaint, kind: str, on: dt.date, *, recent: bool) -> None:
        """Draft and issue the step's letter, as a handler would (UX review M7: the demo's
        cases carry their letters, and the letters' evidence is not 0 of 79)."""
        if recent and (self.today - on).days > RECENT_LETTER_DAYS:
            return
        letter = letter_services.letter_draft(user=user, complaint=complaint, kind=kind)
        if kind in RESPONSE_KINDS:
            # 6.7: the demo landlord has each response reviewed by someone else before it goes.
            sign_off.letter_sign_off(
                user=reviewer_for(self.users, user, RESPONSE_KINDS[kind]),
                letter=letter,
                note="Every point answered.",
            )
        # By post: no e-mail queued for residents who do not exist.
        letter_services.letter_issue(user=user, letter=letter, delivery="post")

    def _step(self, plan: ComplaintPlan, step: Step, state: _CaseState) -> None:
        user = self.users[step.actor] if step.actor else None
        params = step.params
        complaint = state.complaint
        match step.action:
            case "service_request":
                request = plan.service_request
                state.service_request = services.service_request_log(
                    user=user,
                    resident=plan.resident,
                    received_on=step.on,
                    channel=request["channel"],
                    description=request["description"],
                    category=request["category"],
                )
            case "service_request_done":
                services.service_request_complete(
                    user=user, service_request=state.service_request, completed_on=step.on
                )
            case "log" if state.service_request is not None:
                # 1.5: a complaint about the response to a service request.
                state.complaint = services.complaint_raise_from_service_request(
                    user=user,
                    service_request=state.service_request,
                    received_on=step.on,
                    description=plan.intake["description"],
                    channel=plan.intake["channel"],
                )
            case "log":
                related = self.references[id(plan.related_to)] if plan.related_to else None
                state.complaint, _ = services.complaint_log(
                    user=user,
                    resident=plan.resident,
                    received_on=step.on,
                    related_to=related,
                    **plan.intake,
                )
            case "acknowledge":
                state.complaint = services.complaint_acknowledge(
                    user=user,
                    complaint=complaint,
                    acknowledged_on=step.on,
                    handler=self.users[params["handler"]],
                    definition=params["definition"],
                )
                self._letter(user, state.complaint, "acknowledgement", step.on, recent=True)
            case "related_issue":
                # 6.8: raised before the stage 1 response, so added to this complaint.
                services.complaint_log(
                    user=user,
                    resident=plan.resident,
                    received_on=step.on,
                    channel=plan.intake["channel"],
                    description=params["description"],
                    category=plan.intake["category"],
                    related_to=complaint.reference,
                )
            case "note":
                services.note_add(user=user, complaint=complaint, text=params["text"])
            case "remedy_offer":
                services.remedy_offer(
                    user=user,
                    complaint=complaint,
                    type=params["type"],
                    description=params["description"],
                    offered_on=step.on,
                )
            case "extend":
                state.complaint = services.complaint_extend(
                    user=user,
                    complaint=complaint,
                    working_days=params["working_days"],
                    reason=params["reason"],
                    good_reason=params.get("good_reason", ""),
                    resident_informed_on=step.on,
                )
            case "respond":
                guided = {**params, "remedies": self.stage2.from_guide(params["remedies"])}
                if complaint.stage == 2:
                    self.stage2.panel(user, complaint, step.on)
                    guided["decision_maker"] = self.stage2.decision_maker(complaint)
                state.complaint = services.complaint_respond(
                    user=user, complaint=complaint, responded_on=step.on, **guided
                )
                remedies = Remedy.objects.filter(complaint=complaint).order_by("-pk")
                actions = OutstandingAction.objects.filter(complaint=complaint).order_by("-pk")
                state.responses[step.on] = (
                    list(remedies[: len(params["remedies"])])[::-1],
                    list(actions[: len(params["outstanding_actions"])])[::-1],
                )
                kind = f"stage{state.complaint.stage}_response"
                self._letter(user, state.complaint, kind, step.on, recent=True)
            case "remedy_complete":
                remedy = state.responses[params["responded_on"]][0][params["index"]]
                services.remedy_complete(user=user, remedy=remedy, completed_on=step.on)
            case "action_complete":
                action = state.responses[params["responded_on"]][1][params["index"]]
                services.action_complete(user=user, action=action, completed_on=step.on)
            case "escalate":
                state.complaint = services.complaint_escalate(
                    user=user, complaint=complaint, requested_on=step.on
                )
            case "refuse":
                state.complaint = services.complaint_refuse(
                    user=user,
                    complaint=complaint,
                    reason=params["reason"],
                    explanation=params["explanation"],
                    decided_on=step.on,
                )
                # 2.4: the resident is told, with the Ombudsman's details, in the letter.
                letter = letter_services.letter_draft(
                    user=user, complaint=state.complaint, kind=letter_kind(complaint.stage)
                )
                letter_services.letter_issue(user=user, letter=letter, delivery="post")
            case "withdraw":
                state.complaint = services.complaint_withdraw(
                    user=user,
                    complaint=complaint,
                    withdrawn_on=step.on,
                    reason="The resident says the matter has been sorted out.",
                )
            case "close":
                state.complaint = services.complaint_close(
                    user=user, complaint=complaint, closed_on=step.on
                )
            case _:
                raise DemoError(f"Unknown demo step {step.action!r}.")


# Letters for the cases of the last months only: each issued letter is a PDF (tens of
# milliseconds), and `make run` should stay quick. Older cases show the letters as due.
RECENT_LETTER_DAYS = 120


@dataclass
class _CaseState:
    complaint: Complaint | None = None
    service_request: object = None
    # responded_on -> (remedies, actions) created by that response
    responses: dict = field(default_factory=dict)


def load_demo(*, complaints: int, seed: int, progress=None) -> Summary:
    """Set up the demo landlord and play `complaints` complaints. Call on an empty database."""
    started = time.monotonic()
    today = dates.today()
    if connection.vendor == "postgresql":
        # Each step commits on its own, as it would in use; for a bulk load, don't wait for
        # each commit to reach the disk (a crash loses only the last steps, never integrity).
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")
    with transaction.atomic():
        users = staff_set_up()
        landlord_set_up(today)
        sign_off_set_up(users)
    planner = Planner(calendar=working_day_calendar(), today=today, seed=seed)
    player = Player(users, today)
    summary = Summary()
    for number, plan in enumerate(planner.plans(complaints), start=1):
        complaint = player.play(plan)
        summary.by_status[f"{complaint.status} (stage {complaint.stage})"] += 1
        summary.complaints += 1
        if progress and number % 50 == 0:
            progress(f"  {number} complaints...")
    with transaction.atomic():
        summary.records = registers_set_up(users, today)  # first: the self-assessment reads them
        summary.records.update(oversight_set_up(users, today))
        summary.records.update(surveys_set_up(users, today))
        summary.records.update(governance_set_up(users, today))
        summary.records.update(submission_set_up(users, today))
        summary.records.update(record_set_up(users, today))
        summary.records.update(heard_set_up(users, today))
    summary.seconds = time.monotonic() - started
    return summary
