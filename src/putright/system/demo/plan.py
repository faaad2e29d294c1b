"""Plans the demo's complaints: what happens to each, and on which day. Pure Python: nothing here
touches the database, so a plan can be checked before it is played through the services.

Each complaint's life is planned in full from the day it was received; the loader plays only the
steps dated up to today, so recent complaints are naturally still open. A set of "pinned"
scenarios is placed on received dates chosen so that, today, every status, stage and outcome the
demo promises is present, however few complaints are asked for.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field, replace

from putright.system.demo import content
from putright.system.demo.scenarios import PINNED, Knobs, Target, matches, random_knobs, simulate
from putright.timescales.calendar import WorkingDayCalendar

OFFICER = "olivia"
# The demo landlord's window for asking for stage 2, in working days after the stage 1 response.
ESCALATION_WINDOW_DAYS = 20
HANDLERS = ["hannah", "harry", "hamid"]
MANAGER = "martin"
REMEDY_TYPES = list(content.REMEDIES)
REMEDY_WEIGHTS = {
    "apology": 40,
    "explanation": 20,
    "action": 20,
    "financial": 18,
    "record_corrected": 5,
    "decision_changed": 3,
    "policy_change": 2,
}


@dataclass
class Step:
    on: dt.date
    action: str
    actor: str | None  # a username; None when the resident acts through their tracking link
    params: dict = field(default_factory=dict)
    minute: int = 0  # minutes after 09:00 London time, so that a day's events have an order


@dataclass
class ComplaintPlan:
    received_on: dt.date
    resident: dict
    intake: dict  # the rest of complaint_log's arguments
    steps: list[Step]
    service_request: dict | None = None
    related_to: ComplaintPlan | None = None  # 6.8: a new complaint about an earlier one
    stage1_responded_on: dt.date | None = None


def _day_and_month(day: dt.date) -> str:
    return f"{day.day} {day:%B}"


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Planner:
    def __init__(self, *, calendar: WorkingDayCalendar, today: dt.date, seed: int) -> None:
        self.calendar = calendar
        self.today = today
        self.seed = seed
        self.first_day = today - dt.timedelta(days=364)
        self._remedies = 0

    def wd(self, day: dt.date, n: int) -> dt.date:
        return self.calendar.add_working_days(day, n)

    # --- the people -----------------------------------------------------------------------

    def resident(self, rng: random.Random) -> dict:
        first, last = rng.choice(content.FIRST_NAMES), rng.choice(content.LAST_NAMES)
        block = rng.choice(content.BLOCKS)
        number = rng.randint(1, 80)
        address = (
            f"Flat {number}, {block}, {rng.choice(content.STREETS)}, Riverside "
            f"{rng.choice(content.POSTCODE_AREAS)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNP')}"
            f"{rng.choice('QRSTUWXYZ')}"
        )
        slug = f"{first}.{last}".lower().replace("'", "")
        return {
            "name": f"{first} {last}",
            "email": f"{slug}@example.org",
            "phone": f"07700 900{rng.randint(0, 999):03d}",
            "address": address,
            "tenancy_reference": f"RH-{rng.randint(10000, 99999)}",
            "preferred_contact_method": rng.choices(
                ["email", "phone", "letter", "text"], weights=[50, 30, 15, 5]
            )[0],
        }

    def representative(self, rng: random.Random) -> dict:
        first, last = rng.choice(content.FIRST_NAMES), rng.choice(content.LAST_NAMES)
        return {
            "name": f"{first} {last}",
            "relationship": rng.choice(content.REPRESENTATIVE_RELATIONSHIPS),
            "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@example.net",
        }

    # --- one complaint ----------------------------------------------------------------------

    def plan(
        self, rng: random.Random, knobs: Knobs, received_on: dt.date, resident: dict
    ) -> ComplaintPlan:
        if knobs.service_request:
            category = rng.choice(list(content.SERVICE_REQUESTS))
        else:
            category = _weighted(rng, content.CATEGORY_WEIGHTS)
        words = content.CATEGORIES[category]
        channel = _weighted(rng, content.CHANNEL_WEIGHTS)
        if channel not in {"web", "email", "social_media"}:
            # Letters, calls and visits arrive on working days.
            received_on = self._working_day_near(received_on)
        block = rng.choice(content.BLOCKS)
        description = rng.choice(words["descriptions"]).format(
            weeks=rng.randint(2, 9),
            times=rng.randint(3, 6),
            block=block,
            day=_day_and_month(received_on - dt.timedelta(days=rng.randint(3, 20))),
        )
        if knobs.refuse == "over_12_months":
            issue_date = received_on - dt.timedelta(days=rng.randint(400, 800))
        elif rng.random() < 0.6:
            issue_date = received_on - dt.timedelta(days=rng.randint(0, 90))
        else:
            issue_date = None
        # 2.3: now and then the landlord accepts an old issue at its discretion.
        discretion = knobs.refuse is None and rng.random() < 0.02
        if discretion:
            issue_date = received_on - dt.timedelta(days=rng.randint(380, 500))
        intake = {
            "channel": channel,
            "description": description,
            "category": category,
            "service_area": rng.choice(words["service_areas"]),
            "issue_date": issue_date,
            "outcome_wanted": words["outcomes"],
            "discretion_applied": discretion,
        }
        if knobs.representative:
            intake["representative"] = self.representative(rng)
        if knobs.group:
            intake["co_complainants"] = [self.resident(rng) for _ in range(rng.randint(2, 4))]
            intake["description"] = (
                f"A complaint from the {rng.choice(content.GROUP_NAMES).format(block=block)}: "
                + description
            )
        # Phone calls are often taken by a handler, who then handles the complaint.
        logged_by = rng.choice(HANDLERS) if channel == "phone" and rng.random() < 0.4 else OFFICER
        steps: list[Step] = []
        service_request = None
        if knobs.service_request:
            requested = received_on - dt.timedelta(days=rng.randint(10, 40))
            service_request = {
                "received_on": requested,
                "channel": channel,
                "description": content.SERVICE_REQUESTS[category],
                "category": category,
            }
            steps.append(Step(requested, "service_request", OFFICER))
            intake["description"] = (
                "I am not happy with how my request to you was dealt with: " + description
            )
        steps.append(Step(received_on, "log", logged_by))
        plan = ComplaintPlan(
            received_on=received_on,
            resident=resident,
            intake=intake,
            steps=steps,
            service_request=service_request,
        )
        if service_request and rng.random() < 0.6:
            # 1.5: the service request stays open while the complaint runs, then is completed.
            steps.append(
                Step(self.wd(received_on, rng.randint(3, 25)), "service_request_done", OFFICER)
            )
        self._stage_one(rng, knobs, plan, logged_by)
        per_day: dict[dt.date, int] = {}
        for step in sorted(steps, key=lambda s: s.on):
            number = per_day[step.on] = per_day.get(step.on, -1) + 1
            step.minute = number * 40 + rng.randint(0, 35)
        plan.steps = sorted(steps, key=lambda s: (s.on, s.minute))
        return plan

    def _stage_one(self, rng, knobs: Knobs, plan: ComplaintPlan, logged_by: str) -> None:
        steps, received_on = plan.steps, plan.received_on
        words = content.CATEGORIES[plan.intake["category"]]
        if knobs.refuse:
            explanation = content.REFUSALS[knobs.refuse].format(
                issue=(plan.intake["issue_date"] or received_on).strftime("%B %Y")
            )
            steps.append(
                Step(
                    self.wd(received_on, rng.randint(1, 4)),
                    "refuse",
                    OFFICER,
                    {"reason": knobs.refuse, "explanation": explanation},
                )
            )
            return
        if knobs.withdraw == "awaiting":
            steps.append(Step(self.wd(received_on, rng.randint(1, 3)), "withdraw", None))
            return
        handler = logged_by if logged_by in HANDLERS else rng.choice(HANDLERS)
        ack_days = rng.randint(6, 12) if knobs.late_ack else rng.choice([0, 1, 1, 2, 2, 3, 4, 5])
        acknowledged_on = self.wd(received_on, ack_days)
        steps.append(
            Step(
                acknowledged_on,
                "acknowledge",
                # The handler acknowledges their own case, leaving the officer free to act
                # at stage 2 (6.13).
                handler,
                {"handler": handler, **self._definition(words)},
            )
        )
        if knobs.related_issue:
            steps.append(
                Step(
                    self.wd(acknowledged_on, rng.randint(1, 3)),
                    "related_issue",
                    OFFICER,
                    {"description": rng.choice(content.RELATED_ISSUES)},
                )
            )
        if rng.random() < 0.5:
            steps.append(
                Step(
                    self.wd(acknowledged_on, rng.randint(1, 4)),
                    "note",
                    handler,
                    {"text": rng.choice(content.NOTES)},
                )
            )
        if rng.random() < 0.04:
            # 5.13: a remedy offered before the response, as soon as a failing is clear.
            steps.append(
                Step(
                    self.wd(acknowledged_on, 2),
                    "remedy_offer",
                    handler,
                    {"type": "apology", "description": content.REMEDIES["apology"]},
                )
            )
        if knobs.withdraw == "investigating":
            steps.append(Step(self.wd(acknowledged_on, rng.randint(2, 6)), "withdraw", handler))
            return
        responded_on = self._respond_steps(
            rng, knobs.extension, knobs.late_response, steps, acknowledged_on, handler, 10, 10
        )
        decision = (
            knobs.decision
            or rng.choices(["upheld", "partly_upheld", "not_upheld"], weights=[35, 30, 35])[0]
        )
        self._response(rng, responded_on, handler, decision, content.REASONS, knobs, steps)
        plan.stage1_responded_on = responded_on
        if knobs.escalate and knobs.stage2_refuse == "window":
            # Closed, then asked for stage 2 after the window: the request is still recorded.
            steps.append(Step(self.wd(responded_on, rng.randint(3, 8)), "close", OFFICER))
            requested_on = self.wd(responded_on, ESCALATION_WINDOW_DAYS + rng.randint(3, 12))
            steps.append(Step(requested_on, "escalate", None))
            self._stage_two(rng, knobs, steps, requested_on, handler, words)
        elif knobs.escalate:
            requested_on = responded_on + dt.timedelta(days=rng.randint(2, 25))
            by_resident = rng.random() < 0.4
            steps.append(Step(requested_on, "escalate", None if by_resident else OFFICER))
            self._stage_two(rng, knobs, steps, requested_on, handler, words)
        else:
            steps.append(Step(self.wd(responded_on, rng.randint(12, 22)), "close", OFFICER))

    def _stage_two(self, rng, knobs, steps, requested_on, stage1_handler, words) -> None:
        if knobs.stage2_refuse:
            reason, explanation = (
                content.STAGE_2_WINDOW_REFUSAL
                if knobs.stage2_refuse == "window"
                else content.STAGE_2_REFUSAL
            )
            steps.append(
                Step(
                    self.wd(requested_on, rng.randint(1, 4)),
                    "refuse",
                    MANAGER,  # never involved at stage 1 (6.13)
                    {"reason": reason, "explanation": explanation},
                )
            )
            return
        # 6.13: someone other than the stage 1 handler.
        handler = rng.choice([h for h in [*HANDLERS, MANAGER] if h != stage1_handler])
        acknowledged_on = self.wd(
            requested_on, rng.randint(6, 8) if knobs.late_ack else rng.randint(1, 4)
        )
        steps.append(
            Step(
                acknowledged_on,
                "acknowledge",
                OFFICER,
                {"handler": handler, **self._definition(words)},
            )
        )
        if knobs.withdraw == "stage2":
            steps.append(Step(self.wd(acknowledged_on, rng.randint(3, 8)), "withdraw", None))
            return
        responded_on = self._respond_steps(
            rng, knobs.stage2_extension, knobs.stage2_late, steps, acknowledged_on, handler, 20, 20
        )
        decision = (
            knobs.decision
            or rng.choices(["upheld", "partly_upheld", "not_upheld"], weights=[25, 30, 45])[0]
        )
        self._response(rng, responded_on, handler, decision, content.STAGE_2_REASONS, knobs, steps)
        steps.append(Step(self.wd(responded_on, rng.randint(1, 5)), "close", OFFICER))

    def _definition(self, words) -> dict:
        return {
            "definition": {
                "understanding": words["understanding"],
                "outcomes_sought": words["outcomes"],
                "responsible_for": words.get("responsible_for")
                or "How we handled the matters you raised, and putting right anything we got "
                "wrong.",
                "not_responsible_for": words["not_responsible_for"]
                or "Nothing you have raised falls outside our responsibility.",
            }
        }

    def _respond_steps(
        self, rng, extension, late, steps, acknowledged_on, handler, respond_days, limit
    ) -> dt.date:
        """Extensions (6.4, 6.15) and the response date, on time or late as planned."""
        extended = 0
        # Working days after the acknowledgement: notes and related issues come first.
        earliest = 5
        if extension:
            first = limit if extension == "beyond" else rng.randint(limit // 2, limit)
            offset = respond_days - rng.randint(1, 3)
            earliest = offset + 1
            on = self.wd(acknowledged_on, offset)
            steps.append(
                Step(
                    on,
                    "extend",
                    handler,
                    {"working_days": first, "reason": rng.choice(content.EXTENSION_REASONS)},
                )
            )
            extended = first
            if extension == "beyond":
                more = rng.randint(3, limit // 2)
                offset = respond_days + first - rng.randint(1, 3)
                earliest = offset + 1
                on = self.wd(acknowledged_on, offset)
                steps.append(
                    Step(
                        on,
                        "extend",
                        handler,
                        {
                            "working_days": more,
                            "reason": rng.choice(content.EXTENSION_REASONS),
                            "good_reason": rng.choice(content.GOOD_REASONS),
                        },
                    )
                )
                extended += more
        due = respond_days + extended
        if late:
            return self.wd(acknowledged_on, due + rng.randint(2, 8))
        return self.wd(acknowledged_on, rng.randint(max(earliest, due - 6), due))

    def _response(self, rng, responded_on, handler, decision, reasons, knobs, steps) -> None:
        """The response step, then the remedies and actions being done (or not) afterwards."""
        remedies, actions = [], []
        if decision != "not_upheld":
            kinds = {self._next_remedy_type(rng) for _ in range(rng.randint(1, 3))}
            if knobs.remedy:
                kinds.add(knobs.remedy)
            for kind in sorted(kinds, key=REMEDY_TYPES.index):
                remedy = {"type": kind, "description": content.REMEDIES[kind]}
                if kind == "financial":
                    remedy["amount"] = rng.choice([50, 75, 100, 150, 250, 400, 650])
                if kind in {"action", "financial", "record_corrected", "policy_change"}:
                    remedy["due_on"] = responded_on + dt.timedelta(days=rng.randint(7, 42))
                remedies.append(remedy)
            for _ in range(rng.choice([0, 1, 1, 2])):
                actions.append(
                    {
                        "description": rng.choice(content.ACTIONS),
                        "due_on": responded_on + dt.timedelta(days=rng.randint(7, 60)),
                    }
                )
        if knobs.actions_state and not actions:
            actions.append(
                {
                    "description": content.ACTIONS[0],
                    "due_on": responded_on + dt.timedelta(days=rng.randint(7, 20)),
                }
            )
        steps.append(
            Step(
                responded_on,
                "respond",
                handler,
                {
                    "decision": decision,
                    "reasons": reasons[decision],
                    "remedies": remedies,
                    "outstanding_actions": actions,
                },
            )
        )
        for index, remedy in enumerate(remedies):
            if "due_on" not in remedy:
                continue  # given in the response itself (an apology, say): done then (7.3)
            due = remedy["due_on"]
            if rng.random() < 0.8:
                done = max(responded_on, due - dt.timedelta(days=rng.randint(0, 6)))
                steps.append(
                    Step(
                        done,
                        "remedy_complete",
                        OFFICER,
                        {"index": index, "responded_on": responded_on},
                    )
                )
        for index, action in enumerate(actions):
            forced = knobs.actions_state if index == 0 else None
            if forced == "overdue":
                continue
            if forced == "completed" or rng.random() < 0.8:
                done = max(responded_on, action["due_on"] - dt.timedelta(days=rng.randint(0, 10)))
                steps.append(
                    Step(
                        done,
                        "action_complete",
                        OFFICER,
                        {"index": index, "responded_on": responded_on},
                    )
                )

    def _next_remedy_type(self, rng: random.Random) -> str:
        # Every kind once first, so that even a small demo offers each; then as often as
        # landlords use them.
        self._remedies += 1
        if self._remedies <= len(REMEDY_TYPES):
            return REMEDY_TYPES[self._remedies - 1]
        return _weighted(rng, REMEDY_WEIGHTS)

    # --- the whole demo -----------------------------------------------------------------------

    def _working_day_near(self, day: dt.date) -> dt.date:
        day = self.calendar.next_working_day(day)
        while day > self.today or not self.calendar.is_working_day(day):
            day -= dt.timedelta(days=1)
        return day

    def plans(self, count: int) -> list[ComplaintPlan]:
        master = random.Random(f"putright-demo:{self.seed}")
        residents: list[dict] = []
        plans: list[ComplaintPlan] = []
        for index in range(count):
            rng = random.Random(f"putright-demo:{self.seed}:{index}")
            if residents and master.random() < 0.15:
                resident = master.choice(residents)  # a resident who complains again
            else:
                resident = self.resident(master)
                residents.append(resident)
            if index < len(PINNED):
                knobs, target = PINNED[index]
                plans.append(self._place(knobs, target, resident, index))
            else:
                knobs = random_knobs(rng)
                received_on = self.first_day + dt.timedelta(days=rng.randint(0, 364))
                plans.append(self.plan(rng, knobs, received_on, resident))
        self._relate(master, plans)
        return sorted(plans, key=lambda p: (p.received_on, p.steps[0].minute))

    def _place(self, knobs: Knobs, target: Target, resident, index) -> ComplaintPlan:
        """Find a received date on which the pinned scenario is, today, where it must be. A
        plan's own draws (how late, how long) can rule every date out, so a few are tried."""
        for attempt in range(10):
            salt = f"putright-demo:{self.seed}:{index}:{attempt}"
            days = list(range(0, 365))
            random.Random(salt).shuffle(days)
            for back in days:
                received_on = self.calendar.next_working_day(self.today - dt.timedelta(days=back))
                if received_on > self.today or received_on < self.first_day:
                    continue
                remedies_before = self._remedies
                plan = self.plan(random.Random(salt), knobs, received_on, resident)
                if matches(simulate(plan, self.today, self.calendar), target) and (
                    knobs.actions_state != "overdue" or _first_action_due(plan) < self.today
                ):
                    return plan
                self._remedies = remedies_before
        raise RuntimeError(f"No received date puts a complaint in {target} today.")

    def _relate(self, rng: random.Random, plans: list[ComplaintPlan]) -> None:
        """A few residents complain again about the same matter after the stage 1 response: a
        new complaint that refers to the first (6.8)."""
        by_date = sorted(plans, key=lambda p: p.received_on)
        for later in by_date:
            if rng.random() >= 0.03 or later.service_request or later.intake.get("co_complainants"):
                continue
            earlier = [
                p
                for p in by_date
                if p.stage1_responded_on and p.stage1_responded_on < later.received_on
            ]
            if earlier:
                first = rng.choice(earlier[-20:])
                later.related_to = first
                later.resident = first.resident
                # Adding to another's case is acting on it (6.8): the complaints officer logs it.
                later.steps = [
                    replace(step, actor=OFFICER) if step.action == "log" else step
                    for step in later.steps
                ]


def _first_action_due(plan: ComplaintPlan) -> dt.date:
    respond = next(s for s in plan.steps if s.action == "respond")
    return respond.params["outstanding_actions"][0]["due_on"]
