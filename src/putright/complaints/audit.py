"""The record cannot be quietly changed (5.12): each stream of events (a complaint's, a
resident's, or the system's) is a hash chain.

Every event carries its place in its stream (`sequence`, from 0), the hash of the event before it
and its own hash over everything it says: the stream, the sequence, the complaint and resident,
the type, who acted (with a snapshot of their name and role at the time, so that renaming a user
changes nothing in history), when, and the parameters. The database triggers refuse UPDATE,
DELETE and TRUNCATE; the chain catches what they cannot (a row rewritten by someone who could
drop the triggers, a restore from a doctored backup): `verify()` recomputes every chain and
reports each row changed, removed or inserted out of order. `putright audit verify` runs it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from django.db import connection

GENESIS = "0" * 64


def stream_for(*, complaint_id: int | None, resident_id: int | None) -> str:
    if complaint_id is not None:
        return f"complaint:{complaint_id}"
    if resident_id is not None:
        return f"resident:{resident_id}"
    return "system"


def _instant(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def digest(
    *,
    previous_hash: str,
    stream: str,
    sequence: int,
    complaint_id: int | None,
    resident_id: int | None,
    type: str,
    actor_id: int | None,
    actor_name: str,
    actor_display: str,
    actor_role: str,
    actor_label: str,
    occurred_at: dt.datetime,
    parameters,
) -> str:
    body = json.dumps(
        [
            previous_hash,
            stream,
            sequence,
            complaint_id,
            resident_id,
            type,
            actor_id,
            actor_name,
            actor_display,
            actor_role,
            actor_label,
            _instant(occurred_at),
            parameters,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def lock_stream(stream: str) -> None:
    """Serialise writers of one stream for the rest of the transaction, so that two events
    never take the same place. SQLite serialises writers already; the unique (stream, sequence)
    constraint catches anything that slips through."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [stream])


def next_place(stream: str, rows) -> tuple[int, str]:
    """(sequence, previous hash) for a new row at the end of `stream`, whose rows so far are
    `rows` (a queryset): the stream is locked for the rest of the transaction first."""
    lock_stream(stream)
    last = rows.order_by("-sequence").values_list("sequence", "hash").first()
    return (last[0] + 1, last[1]) if last else (0, GENESIS)


def digest_of(event, previous_hash: str) -> str:
    return digest(
        previous_hash=previous_hash,
        stream=event.stream,
        sequence=event.sequence,
        complaint_id=event.complaint_id,
        resident_id=event.resident_id,
        type=event.type,
        actor_id=event.actor_id,
        actor_name=event.actor_name,
        actor_display=event.actor_display,
        actor_role=event.actor_role,
        actor_label=event.actor_label,
        occurred_at=event.occurred_at,
        parameters=event.parameters,
    )


@dataclass(frozen=True)
class Problem:
    stream: str
    sequence: int | None
    event_id: int | None
    kind: str  # "changed", "removed", "out_of_order"
    detail: str

    def __str__(self) -> str:
        where = f"{self.stream} #{self.sequence}" + (
            f" (row {self.event_id})" if self.event_id else ""
        )
        return f"{self.kind}: {where}: {self.detail}"


def verify(events=None) -> tuple[int, list[Problem]]:
    """(events checked, problems) over the event log's chains."""
    from putright.complaints.models import Event

    rows = (events if events is not None else Event.objects.all()).order_by(
        "stream", "sequence", "pk"
    )
    return verify_chains(rows, digest_of)


def verify_chains(rows, digest_of_row) -> tuple[int, list[Problem]]:
    """(rows checked, problems) for any append-only table kept as hash chains: `rows` ordered by
    stream then sequence, each with `stream`, `sequence`, `previous_hash`, `hash` and `pk`;
    `digest_of_row(row, previous_hash)` recomputes a row's hash. The event log and the
    self-assessment history share this check."""
    problems: list[Problem] = []
    checked = 0
    current, expected, previous = None, 0, GENESIS
    for row in rows.iterator(chunk_size=2000):
        checked += 1
        if row.stream != current:
            current, expected, previous = row.stream, 0, GENESIS
        if row.sequence > expected:
            problems.append(
                Problem(
                    current,
                    expected,
                    None,
                    "removed",
                    f"rows {expected} to {row.sequence - 1} are missing",
                )
            )
        elif row.sequence < expected:
            problems.append(
                Problem(current, row.sequence, row.pk, "out_of_order", "a repeated place")
            )
        if row.previous_hash != previous:
            problems.append(
                Problem(
                    current,
                    row.sequence,
                    row.pk,
                    "out_of_order",
                    "it does not follow the row before it in the chain",
                )
            )
        if digest_of_row(row, row.previous_hash) != row.hash:
            problems.append(
                Problem(
                    current,
                    row.sequence,
                    row.pk,
                    "changed",
                    "its content does not match its hash",
                )
            )
        expected, previous = row.sequence + 1, row.hash
    return checked, problems
