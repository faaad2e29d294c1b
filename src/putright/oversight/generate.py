"""Synthetic landlords for demos and benchmarks: realistic complaint histories inserted in bulk.

The shape follows what landlords publish: around 35 stage 1 complaints per 1,000 homes a year,
more in winter (damp and mould), about one in six escalated, most answered in time, some
extended or late, remedies on upheld complaints. Deadlines come from the same calendar and Code
timescales as the case engine, so the stored booleans agree with what the services would store.
Rows are written in batches with executemany (a bulk insert); no per-row queries.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from putright import dates
from putright.accounts.models import Role, User
from putright.complaints.models import (
    Complaint,
    Extension,
    OutstandingAction,
    Refusal,
    Remedy,
    Stage,
)
from putright.complaints.workflow import Status
from putright.landlord.models import HomesOwned
from putright.landlord.selectors import working_day_calendar
from putright.people.models import Resident
from putright.timescales.code import code_version_on, timescales_for

CATEGORIES = {
    "repairs": 34,
    "damp_mould": 14,
    "communication": 12,
    "antisocial_behaviour": 8,
    "staff_conduct": 5,
    "rent_charges": 6,
    "estate_services": 7,
    "allocations": 4,
    "complaint_handling": 4,
    "other": 6,
}
CHANNELS = {"phone": 40, "email": 25, "web": 25, "letter": 4, "in_person": 4, "social_media": 2}
SERVICE_AREAS = {
    "repairs": "Responsive repairs",
    "damp_mould": "Responsive repairs",
    "communication": "Customer services",
    "antisocial_behaviour": "Neighbourhoods",
    "staff_conduct": "Customer services",
    "rent_charges": "Income",
    "estate_services": "Estate services",
    "allocations": "Lettings",
    "complaint_handling": "Customer services",
    "other": "Customer services",
}
# Relative volume by month (January = 1): more in winter.
SEASON = {1: 1.3, 2: 1.2, 3: 1.1, 4: 0.9, 5: 0.85, 6: 0.8, 7: 0.8, 8: 0.8, 9: 0.9, 10: 1.0}
SEASON |= {11: 1.2, 12: 1.15}
DECISIONS = {"upheld": 35, "partly_upheld": 25, "not_upheld": 40}
REFUSAL_REASONS = {"over_12_months": 5, "legal_proceedings": 2, "previously_considered": 3}
COMPLAINTS_PER_1000_HOMES = 35
BATCH = 5000


def _list(items) -> list:
    return list(items)


def _pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class _Days:
    """Received dates over the span, weighted by season."""

    def __init__(self, rng: random.Random, start: dt.date, end: dt.date):
        self.rng = rng
        self.days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
        # Fewer complaints at weekends.
        self.weights = [SEASON[d.month] * (0.35 if d.weekday() >= 5 else 1.0) for d in self.days]

    def sample(self, n: int) -> list[dt.date]:
        return sorted(self.rng.choices(self.days, weights=self.weights, k=n))


def generate(*, complaints: int, seed: int = 1, years: int = 3, today: dt.date | None = None):
    """Create `complaints` complaints received over the last `years` years up to today."""
    rng = random.Random(seed)
    today = today or dates.today()
    calendar = working_day_calendar()
    start = today - dt.timedelta(days=365 * years)
    handlers = _handlers()
    prefix = f"G{seed % 100:02d}"
    offset = Complaint.objects.filter(reference__startswith=f"{prefix}-").count()
    received = _Days(rng, start, today).sample(complaints)
    with transaction.atomic():
        _homes(complaints, years, start, today)
        for batch_start in range(0, complaints, BATCH):
            batch = received[batch_start : batch_start + BATCH]
            _batch(rng, calendar, handlers, batch, today, prefix, offset + batch_start)
        _reset_sequences()
    return complaints


def _handlers() -> list[User]:
    users = []
    for i in range(1, 7):
        user, _ = User.objects.get_or_create(
            username=f"generated-handler-{i}",
            defaults={"role": Role.HANDLER, "first_name": f"Handler {i}"},
        )
        users.append(user)
    return users


def _homes(complaints: int, years: int, start: dt.date, today: dt.date) -> None:
    per_year = complaints / years
    homes = max(int(per_year * 1000 / COMPLAINTS_PER_1000_HOMES), 100)
    first = start.year if start.month >= 4 else start.year - 1
    last = today.year if today.month >= 4 else today.year - 1
    for year in range(first, last + 1):
        HomesOwned.objects.update_or_create(reporting_year=year, defaults={"homes": homes})


class _Ids:
    """Primary keys handed out here so that rows can be inserted with executemany and linked
    without reading them back; sequences are reset afterwards (PostgreSQL)."""

    def __init__(self, *models):
        self.next = {}
        for model in models:
            last = model.objects.aggregate(m=Max("pk"))["m"] or 0
            self.next[model] = last + 1

    def assign(self, model, objects) -> None:
        for obj in objects:
            obj.pk = self.next[model]
            self.next[model] += 1


def _insert(model, objects) -> None:
    """Plain INSERT ... VALUES with executemany: bulk_create spends most of its time building
    SQL per row, which matters at a million complaints."""
    if not objects:
        return
    now = timezone.now()
    fields = model._meta.concrete_fields
    for field in fields:
        if getattr(field, "auto_now_add", False):
            for obj in objects:
                # A generated step carries the day it happened (an extension entered after the
                # deadline it moves would not count, see rules.timeliness); the rest get now.
                if getattr(obj, field.attname) is None:
                    setattr(obj, field.attname, now)
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"
    attnames = [f.attname for f in fields]
    with connection.cursor() as cursor:
        cursor.executemany(sql, [tuple(getattr(o, a) for a in attnames) for o in objects])


MODELS = (Resident, Complaint, Stage, Extension, Refusal, Remedy, OutstandingAction)


def _reset_sequences() -> None:
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(MODELS)):
            cursor.execute(statement)


def _batch(rng, calendar, handlers, received_days, today, prefix, number_from):
    ids = _Ids(*MODELS)
    repeat_pool = max(len(received_days) * 7 // 8, 1)
    residents = _list(
        Resident(
            name=f"Generated resident {number_from + i}",
            address=f"{rng.randint(1, 120)} {rng.choice(['Elm', 'Oak', 'Ash', 'Birch'])} Road",
            # About one resident in eight complains again: shared tenancy references.
            tenancy_reference=f"GT-{number_from + rng.randint(1, repeat_pool)}",
        )
        for i in range(len(received_days))
    )
    ids.assign(Resident, residents)
    _insert(Resident, residents)
    rows = []
    for i, (resident, received_on) in enumerate(zip(residents, received_days, strict=True)):
        category = _pick(rng, CATEGORIES)
        if category == "damp_mould" and received_on.month in (11, 12, 1, 2):
            category = "damp_mould"
        elif category == "damp_mould" and rng.random() < 0.5:
            category = "repairs"
        complaint = Complaint(
            reference=f"{prefix}-{number_from + i + 1:07d}",
            resident=resident,
            received_on=received_on,
            channel=_pick(rng, CHANNELS),
            description="Generated complaint for demonstration and benchmarking.",
            category=category,
            service_area=SERVICE_AREAS[category],
            code_version=code_version_on(received_on),
        )
        rows.append((complaint, _story(rng, calendar, complaint, today)))
    ids.assign(Complaint, [c for c, _ in rows])
    _insert(Complaint, [c for c, _ in rows])
    stages, extensions, refusals, remedies, actions = [], [], [], [], []
    for complaint, story in rows:
        for stage, stage_extensions in story["stages"]:
            stage.complaint = complaint
            stage.handler = rng.choice(handlers) if stage.acknowledged_on else None
            stages.append((stage, stage_extensions))
        for refusal in story["refusals"]:
            refusal.complaint = complaint
            refusals.append(refusal)
        for item in story["remedies"]:
            item.complaint = complaint
            remedies.append(item)
        for item in story["actions"]:
            item.complaint = complaint
            actions.append(item)
    ids.assign(Stage, [s for s, _ in stages])
    _insert(Stage, [s for s, _ in stages])
    for stage, stage_extensions in stages:
        for extension in stage_extensions:
            extension.stage = stage
            extensions.append(extension)
    for model, objects in (
        (Extension, extensions),
        (Refusal, refusals),
        (Remedy, remedies),
        (OutstandingAction, actions),
    ):
        ids.assign(model, objects)
        _insert(model, objects)


def _stage(rng, calendar, complaint, number, requested_on, today):
    """One stage's life. Returns (stage, extensions, ended) where ended is None when answered,
    else 'open', 'refused' or 'withdrawn'."""
    rules = timescales_for(complaint.code_version).stage(number)
    stage = Stage(number=number, requested_on=requested_on)
    if rules.acknowledge_days is not None:  # 2022 Code stage 2: no acknowledgement timescale
        stage.acknowledge_by = calendar.add_working_days(requested_on, rules.acknowledge_days)
    roll = rng.random()
    if number == 1 and roll < 0.03:
        decided = calendar.add_working_days(requested_on, rng.randint(1, 5))
        if decided <= today:
            return stage, [], ("refused", decided)
    ack_days = rng.randint(0, 5) if rng.random() < 0.93 else rng.randint(6, 9)
    acknowledged_on = calendar.add_working_days(requested_on, ack_days)
    if acknowledged_on > today:
        return stage, [], ("open", None)
    stage.acknowledged_on = acknowledged_on
    stage.acknowledged_within_timescale = (
        acknowledged_on <= stage.acknowledge_by if stage.acknowledge_by else None
    )
    # The response timescale runs from the acknowledgement, or (2022 Code stage 2) the request.
    start = acknowledged_on if rules.respond_from == "acknowledged" else requested_on
    stage.respond_by = calendar.add_working_days(start, rules.respond_days)
    extensions = []
    roll = rng.random()
    if roll < 0.11:
        # Extended: within the limit, or beyond it with a good reason (6.4, 6.15).
        days = rng.randint(3, rules.extension_limit_days)
        good_reason = ""
        if rng.random() < 0.2:
            days = rules.extension_limit_days + rng.randint(5, 15)
            good_reason = "Specialist survey needed; resident agreed."
        informed = min(
            calendar.add_working_days(acknowledged_on, rng.randint(2, rules.respond_days)),
            stage.respond_by,
        )
        before = stage.respond_by
        stage.extended_days = days
        stage.respond_by = calendar.add_working_days(start, rules.respond_days + days)
        if informed <= today:
            extensions.append(
                Extension(
                    working_days=days,
                    reason="More time needed to investigate.",
                    good_reason=good_reason,
                    resident_informed_on=informed,
                    respond_by_before=before,
                    respond_by_after=stage.respond_by,
                    created_at=dt.datetime.combine(informed, dt.time(11), tzinfo=dt.UTC),
                )
            )
        total = rules.respond_days + days
        answer_after = rng.randint(total // 2, total) if rng.random() < 0.85 else total + 3
    elif roll < 0.22:
        answer_after = rules.respond_days + rng.randint(1, 15)  # late
    else:
        answer_after = rng.randint(2, rules.respond_days)
    if rng.random() < 0.04:
        withdrawn = calendar.add_working_days(acknowledged_on, rng.randint(1, 5))
        if withdrawn <= today:
            return stage, extensions, ("withdrawn", withdrawn)
    responded_on = max(calendar.add_working_days(start, answer_after), acknowledged_on)
    if responded_on > today:
        return stage, extensions, ("open", None)
    stage.responded_on = responded_on
    stage.decision = _pick(rng, DECISIONS)
    stage.reasons = "Generated reasons."
    stage.within_timescale = responded_on <= stage.respond_by
    return stage, extensions, None


def _story(rng, calendar, complaint: Complaint, today: dt.date) -> dict:
    story = {"stages": [], "refusals": [], "remedies": [], "actions": []}
    requested_on = complaint.received_on
    for number in (1, 2):
        stage, extensions, ended = _stage(rng, calendar, complaint, number, requested_on, today)
        story["stages"].append((stage, extensions))
        complaint.stage = number
        if ended is not None:
            kind, when = ended
            if kind == "open":
                complaint.status = (
                    Status.INVESTIGATING
                    if stage.acknowledged_on
                    else Status.AWAITING_ACKNOWLEDGEMENT
                )
            elif kind == "refused":
                complaint.status = Status.REFUSED
                complaint.closed_on = when
                story["refusals"].append(
                    Refusal(
                        stage=number,
                        reason=_pick(rng, REFUSAL_REASONS),
                        explanation="Generated: outside the complaints policy for this reason.",
                        decided_on=when,
                        created_at=dt.datetime.combine(when, dt.time(11), tzinfo=dt.UTC),
                    )
                )
            else:
                complaint.status = Status.WITHDRAWN
                complaint.closed_on = when
            return story
        _remedies(rng, story, stage, number, today)
        complaint.status = Status.RESPONDED
        # About one in six stage 1 responses is escalated (6.10).
        escalate_on = stage.responded_on + dt.timedelta(days=rng.randint(1, 25))
        if number == 1 and rng.random() < 0.16 and escalate_on <= today:
            requested_on = escalate_on
            continue
        close_on = stage.responded_on + dt.timedelta(days=28)
        if close_on <= today:
            complaint.status = Status.CLOSED
            complaint.closed_on = close_on
        return story
    return story


def _remedies(rng, story, stage, number, today):
    if stage.decision == "not_upheld":
        return
    offered = stage.responded_on
    if rng.random() < 0.7:
        story["remedies"].append(
            Remedy(stage=number, type="apology", description="Apology.", offered_on=offered)
        )
    if rng.random() < 0.45:
        amount = Decimal(min(int(rng.lognormvariate(4.6, 0.9)), 5000) + 10)
        story["remedies"].append(
            Remedy(
                stage=number,
                type="financial",
                description="Compensation for time and trouble.",
                amount=amount,
                offered_on=offered,
                due_on=offered + dt.timedelta(days=28),
                completed_on=(
                    offered + dt.timedelta(days=rng.randint(3, 40)) if rng.random() < 0.9 else None
                ),
            )
        )
    if rng.random() < 0.25:
        due = offered + dt.timedelta(days=rng.randint(10, 60))
        done = due + dt.timedelta(days=rng.randint(-9, 20)) if rng.random() < 0.8 else None
        story["actions"].append(
            OutstandingAction(
                stage=number,
                description="Complete the repair.",
                due_on=due,
                completed_on=done if done and done <= today else None,
            )
        )
