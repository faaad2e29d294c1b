"""Self-assessment history is kept as the event log is (5.12, 8.2): append-only rows, refused
UPDATE, DELETE and TRUNCATE by the database (migration 0002), and a hash chain per
self-assessment so that `putright audit verify` reports a row changed, removed or inserted out of
order by someone who could get past the triggers."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from putright.complaints import audit
from putright.selfassessment.models import Change


def digest_of(change: Change, previous_hash: str) -> str:
    body = json.dumps(
        [
            previous_hash,
            f"self-assessment:{change.self_assessment_id}",
            change.sequence,
            change.ref,
            change.type,
            change.actor_id,
            change.actor_name,
            change.occurred_at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
            change.before,
            change.after,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        cls=DjangoJSONEncoder,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _as_stored(value: dict) -> dict:
    # The hash is over what JSON reads back, so that a date written in is a string when checked.
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def append(self_assessment, *, actor, actor_name: str, type: str, ref: str, before, after):
    """Add one change at the end of its self-assessment's chain, inside the caller's
    transaction (the caller holds the self-assessment's row lock, so places cannot collide;
    the unique (self_assessment, sequence) constraint catches anything that slips through)."""
    sequence, previous_hash = audit.next_place(
        f"self-assessment:{self_assessment.pk}",
        Change.objects.filter(self_assessment=self_assessment),
    )
    change = Change(
        self_assessment=self_assessment,
        actor=actor,
        actor_name=actor_name,
        type=type,
        ref=ref,
        before=_as_stored(before or {}),
        after=_as_stored(after or {}),
        sequence=sequence,
        previous_hash=previous_hash,
        occurred_at=timezone.now(),
    )
    change.hash = digest_of(change, previous_hash)
    change.save()
    return change


def verify() -> tuple[int, list[audit.Problem]]:
    rows = Change.objects.order_by("self_assessment_id", "sequence", "pk")
    return audit.verify_chains(rows, digest_of)
