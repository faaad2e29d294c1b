"""Random case histories through the public services, every figure recomputed by the reference.

Each step claims a date and is recorded on a day at or after it: mostly the same day, sometimes
weeks later (a backdated entry), sometimes late in the evening (in summer, the next day in
London). Receipts cluster round the Code change (Easter 2024), Easter and the May bank holidays of
2025 (with a landlord closure day) and the weeks before "today" (Mon 24 Nov 2025), where verdicts
are still pending. A step the services refuse must leave no trace.
"""

from __future__ import annotations

import collections
import datetime as dt
import os

import pytest
import time_machine
from django.db import transaction
from hypothesis import event as _event
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from putright.accounts.models import User
from putright.complaints import services
from putright.complaints.models import Complaint, Stage
from putright.landlord.models import ClosureDay, HomesOwned
from putright.letters import services as letters
from putright.letters.models import Letter
from tests.oracle import compare
from tests.oracle.conftest import oracle_settings
from tests.oracle.history import (
    ACTIONS,
    AWAITING,
    BY,
    CLOSURE,
    DEFINITION,
    EPOCH,
    EVENING,
    HANDLERS,
    IDX,
    INVESTIGATING,
    LAG,
    NOW,
    OFFSET,
    RECEIVED,
    REFUSED,
    RESPONDED,
    STAFF,
    TODAY,
    Case,
    snapshot,
)
from tests.oracle.reference import TIMESCALES, World, code_version

pytestmark = pytest.mark.oracle
SEEN: collections.Counter = collections.Counter()


def event(what: str) -> None:
    """Noted for --hypothesis-show-statistics, and counted for ORACLE_STATS=1 (printed with -s)."""
    _event(what)
    SEEN[what] += 1


class CaseHistories(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.savepoint = transaction.savepoint()
        ClosureDay.objects.create(date=CLOSURE, reason="Staff training")
        for year in compare.YEARS:
            HomesOwned.objects.create(reporting_year=year, homes=compare.HOMES)
        roles = {"olivia": "officer", "martin": "manager"}
        self.users = {
            name: User.objects.get_or_create(
                username=name, defaults={"role": roles.get(name, "handler")}
            )[0]
            for name in STAFF
        }
        self.cases: list[Case] = []
        self.checked = False

    def teardown(self):
        try:
            world = World(TODAY)
            for s in world.stages:  # what the histories reached, for --hypothesis-show-statistics
                event(f"stage {s.number} acknowledgement {s.acknowledgement}")
                event(f"stage {s.number} response {s.response}")
            compare.check_all(world)
            self.check_enforced(world)
        finally:
            transaction.savepoint_rollback(self.savepoint)

    # --- helpers -----------------------------------------------------------------------------

    def case(self, index: int, action: str = ""):
        """Mostly a case the action fits (so that histories go deep); one in ten, any case (so
        that the services' refusals are tried too)."""
        fits = ACTIONS.get(action)
        statuses = dict(Complaint.objects.values_list("pk", "status"))
        cases = [c for c in self.cases if fits is None or statuses[c.pk] in fits]
        if index >= 72:
            cases = self.cases
        if not cases:
            return None, None, None
        case = cases[index % len(cases)]
        complaint = Complaint.objects.get(pk=case.pk)
        stage = Stage.objects.filter(complaint=complaint).order_by("-number").first()
        return case, complaint, stage

    def user(self, by: str, stage: Stage) -> User:
        """A named user, or "handler": whoever holds the stage (the officer when nobody does)."""
        if by == "handler":
            return stage.handler or self.users["olivia"]
        return self.users[by]

    def step(self, case: Case, claimed: dt.date, lag: int, evening: bool, service, **kwargs):
        """Run `service(**kwargs)` as recorded `lag` days after `claimed` (never before the
        case's last step, never after now). A refusal must change nothing."""
        day = min(claimed + dt.timedelta(days=lag), TODAY)
        when = dt.datetime.combine(day, dt.time(23, 30) if evening else dt.time(11), dt.UTC)
        when = min(max(when, case.clock), NOW)
        before = snapshot(case.pk)
        with time_machine.travel(when, tick=False):
            try:
                result = service(**kwargs)
            except REFUSED as error:
                event(f"refused: {service.__name__} {type(error).__name__} {error}"[:90])
                assert snapshot(case.pk) == before, "a refused step left a trace"
                return None
        case.clock = when
        event(f"done: {service.__name__}")
        return result

    # --- the rules ---------------------------------------------------------------------------

    @initialize(received=RECEIVED, lag=LAG)
    def first_complaint(self, received, lag):
        self.log(received, "olivia", lag, False)

    @rule(
        received=RECEIVED,
        by=st.sampled_from(["olivia", "hannah", "harry"]),
        lag=LAG,
        evening=EVENING,
    )
    def log(self, received, by, lag, evening):
        if len(self.cases) >= 6:
            return
        case = Case(pk=None, clock=EPOCH)
        made = self.step(
            case,
            received,
            lag,
            evening,
            services.complaint_log,
            user=self.users[by],
            resident={
                "name": "Rosa Patel",
                "email": "rosa@example.org",
                "address": "Flat 3, 12 Elm Road, Exampletown EX2 3AB",
            },
            received_on=received,
            channel="phone",
            category="repairs",
            description="The kitchen ceiling has leaked for three weeks.",
        )
        if made is not None:
            event("logged")
            case.pk = made[0].pk
            self.cases.append(case)
            assert made[0].code_version == code_version(received)

    def acknowledge(self, i, by, handler, offset, lag, evening):
        case, complaint, stage = self.case(i, "acknowledge")
        if case is None:
            return
        on = stage.requested_on + dt.timedelta(days=offset)
        self.step(
            case,
            on,
            lag,
            evening,
            services.complaint_acknowledge,
            user=self.user(by, stage),
            complaint=complaint,
            acknowledged_on=on,
            handler=handler,
            definition=DEFINITION,
        )

    def extend(self, i, by, days, good, offset, lag, evening):
        case, complaint, stage = self.case(i, "extend")
        if case is None:
            return
        told = (stage.acknowledged_on or stage.requested_on) + dt.timedelta(days=offset)
        self.step(
            case,
            told,
            lag,
            evening,
            services.complaint_extend,
            user=self.user(by, stage),
            complaint=complaint,
            working_days=days,
            reason="Surveyor's report awaited",
            resident_informed_on=told,
            good_reason="A specialist survey is booked" if good else "",
        )

    def respond(self, i, by, offset, lag, evening, remedy_due):
        case, complaint, stage = self.case(i, "respond")
        if case is None:
            return
        on = (stage.acknowledged_on or stage.requested_on) + dt.timedelta(days=offset)
        remedies = []
        if remedy_due is not None:
            remedies = [
                {
                    "type": "action",
                    "description": "Fix the ceiling",
                    "due_on": on + dt.timedelta(days=remedy_due),
                }
            ]
        self.step(
            case,
            on,
            lag,
            evening,
            services.complaint_respond,
            user=self.user(by, stage),
            complaint=complaint,
            responded_on=on,
            decision="upheld",
            reasons="The repair was booked late.",
            remedies=remedies,
        )

    @precondition(lambda self: self.cases)
    @rule(i=IDX, offset=st.integers(0, 60), lag=LAG, evening=EVENING)
    def complete_remedy(self, i, offset, lag, evening):
        case, complaint, _ = self.case(i, "remedy")
        if case is None:
            return
        remedy = complaint.remedies.filter(completed_on__isnull=True).first()
        if remedy is None:
            return
        on = remedy.offered_on + dt.timedelta(days=offset)
        self.step(
            case,
            on,
            lag,
            evening,
            services.remedy_complete,
            user=self.users["olivia"],
            remedy=remedy,
            completed_on=on,
        )

    def escalate(self, i, by, offset, lag, evening):
        case, complaint, stage = self.case(i, "escalate")
        if case is None:
            return
        base = max(filter(None, [stage.responded_on, complaint.closed_on, stage.requested_on]))
        on = base + dt.timedelta(days=offset)
        self.step(
            case,
            on,
            lag,
            evening,
            services.complaint_escalate,
            user=self.user(by, stage) if by else None,
            complaint=complaint,
            requested_on=on,
        )

    def refuse(self, i, by, reason, offset, lag, evening):
        case, complaint, stage = self.case(i, "refuse")
        if case is None:
            return
        on = (stage.acknowledged_on or stage.requested_on) + dt.timedelta(days=offset)
        self.step(
            case,
            on,
            lag,
            evening,
            services.complaint_refuse,
            user=self.user(by, stage),
            complaint=complaint,
            reason=reason,
            explanation="A court claim about the same repair was filed.",
            decided_on=on,
        )

    def refusal_letter(self, i, lag):
        case, complaint, _ = self.case(i, "letter")
        if case is None:
            return
        refusal = complaint.refusals.first()
        if refusal is None or Letter.objects.filter(complaint=complaint, status="issued").exists():
            return
        kind = "refusal" if refusal.stage == 1 else "escalation_refusal"
        olivia = self.users["olivia"]
        letter = self.step(
            case,
            refusal.decided_on,
            lag,
            False,
            letters.letter_draft,
            user=olivia,
            complaint=complaint,
            kind=kind,
        )
        if letter is not None:
            self.step(
                case,
                refusal.decided_on,
                lag,
                False,
                letters.letter_issue,
                user=olivia,
                letter=letter,
                delivery="post",
            )

    def withdraw(self, i, by, offset, lag, evening):
        case, complaint, stage = self.case(i, "withdraw")
        if case is None:
            return
        base = max(filter(None, [stage.requested_on, stage.acknowledged_on, stage.responded_on]))
        on = base + dt.timedelta(days=offset)
        self.step(
            case,
            on,
            lag,
            evening,
            services.complaint_withdraw,
            user=self.user(by, stage) if by else None,
            complaint=complaint,
            withdrawn_on=on,
            reason="Sorted out",
        )

    def close(self, i, by, offset, lag):
        case, complaint, stage = self.case(i, "close")
        if case is None:
            return
        on = (stage.responded_on or stage.requested_on) + dt.timedelta(days=offset)
        self.step(
            case,
            on,
            lag,
            False,
            services.complaint_close,
            user=self.user(by, stage),
            complaint=complaint,
            closed_on=on,
        )

    def assign(self, i, by, handler, lag):
        case, complaint, stage = self.case(i, "assign")
        if case is None:
            return
        self.step(
            case,
            case.clock.date(),
            lag,
            False,
            services.complaint_assign,
            user=self.user(by, stage),
            complaint=complaint,
            handler=handler,
        )

    @precondition(lambda self: self.cases)
    @rule(
        i=IDX,
        choice=st.integers(0, 59),
        by=BY,
        handler=st.sampled_from([None, *HANDLERS]),
        days=st.integers(1, 25),
        good=st.booleans(),
        offset=OFFSET,
        lag=LAG,
        evening=EVENING,
    )
    def advance(self, i, choice, by, handler, days, good, offset, lag, evening):
        """The next step a case of this status would take, so that histories go deep."""
        status = Complaint.objects.get(pk=self.cases[i % len(self.cases)].pk).status
        event(f"advance from {status}")
        if choice >= 50:  # now and then, anything at all, to any case: the services refuse
            status, i = "any", i + 72
        steps = {
            "any": [
                "acknowledge",
                "refuse",
                "withdraw",
                "respond",
                "extend",
                "assign",
                "escalate",
                "close",
                "letter",
                "independent",
            ],
            AWAITING: ["acknowledge"] * 4 + ["refuse", "withdraw"],
            INVESTIGATING: ["respond"] * 3 + ["extend"] * 2 + ["withdraw", "assign"],
            RESPONDED: ["escalate"] * 3 + ["close"] * 2 + ["withdraw"],
            "closed": ["escalate"],
            "refused": ["letter"],
        }.get(status)
        if not steps:
            return
        step = steps[choice % len(steps)]
        common = {"i": i, "lag": lag}
        if step == "acknowledge":
            self.acknowledge(by=by, handler=handler, offset=offset, evening=evening, **common)
        elif step == "refuse":
            self.refuse(
                by=by, reason="previously_considered", offset=offset, evening=evening, **common
            )
        elif step == "withdraw":
            self.withdraw(by=None if good else by, offset=offset, evening=evening, **common)
        elif step == "respond":
            self.respond(
                by=by, offset=offset, evening=evening, remedy_due=days if good else None, **common
            )
        elif step == "extend":
            self.extend(
                by=by, days=days // 2 + 1, good=good, offset=offset, evening=evening, **common
            )
        elif step == "assign":
            self.assign(by="olivia" if good else by, handler=handler or "heidi", **common)
        elif step == "escalate":
            self.escalate(by=None if good else "olivia", offset=offset, evening=evening, **common)
        elif step == "close":
            self.close(by="olivia" if good else by, offset=offset, **common)
        elif step == "independent":
            self.acknowledge(
                by="olivia", handler="hannah", offset=offset, evening=evening, **common
            )
        else:
            self.refusal_letter(i=i, lag=lag)

    # The same rule twice more: hypothesis picks among rules evenly, and deep histories need it.
    advance_again = advance
    advance_more = advance

    @precondition(lambda self: self.cases)
    @rule(i=IDX)
    def edit_stage2_handler(self, i):
        """Data from before 6.13 was enforced: a stage 1 person holds stage 2."""
        case, complaint, stage = self.case(i, "edit")
        if case is None:
            return
        first = complaint.stages.get(number=1)
        if stage.number != 2 or first.handler_id is None:
            return
        Stage.objects.filter(pk=stage.pk).update(handler_id=first.handler_id)
        case.edited = True

    @precondition(lambda self: len(self.cases) >= 3 and not self.checked)
    @rule()
    def check_now(self):
        """The figures agree mid-history too (once an example), while more is still to come."""
        self.checked = True
        compare.check_all(World(TODAY), annual_report=False, quick=True)

    # --- what Putright enforces can only fail for edited records -----------------------------

    def check_enforced(self, world: World) -> None:
        edited = {c.pk for c in self.cases if c.edited}
        for s in world.stages:
            limit = TIMESCALES[s.version][s.number][2]
            assert s.extended_days <= limit or s.good_reason, f"{s.reference}: 6.4 let through"
            if s.number != 2 or s.complaint_id in edited:
                continue
            first = world.stage_people(s.complaint_id, 1)
            # Who considers stage 2 (its handlers, the responder, the refuser) never includes a
            # stage 1 person through the services: anything shared is a hole in the enforcement.
            assert not first & world.stage_people(s.complaint_id, 2, recorders=False), (
                f"{s.reference}: a stage 1 person acted at stage 2 through the services"
            )
        for r in world.refusals:
            assert r.explanation.strip()


@pytest.mark.django_db
def test_random_case_histories():
    run_state_machine_as_test(CaseHistories, settings=oracle_settings())
    if os.environ.get("ORACLE_STATS"):
        print("\n".join(f"{n:6d}  {what}" for what, n in sorted(SEEN.items())))
