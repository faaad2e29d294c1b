"""Idempotent intake: the same key sent twice gets the first attempt's complaint back, never a
second complaint (security review, finding 9). A key is scoped (the API user, or the public
form) and bound to what was sent with it: the same key with a different request is refused."""

from __future__ import annotations

import hashlib
import json
import re

from django.db import IntegrityError, transaction

from putright.complaints.models import Complaint, IdempotencyKey
from putright.errors import InvalidInput, RuleBroken

KEY = re.compile(r"^[A-Za-z0-9._:-]{8,100}$")


def scoped(scope: str, key: str | None) -> str | None:
    if key in (None, ""):
        return None
    if not isinstance(key, str) or not KEY.match(key):
        raise InvalidInput(
            {"idempotency_key": "Use 8 to 100 letters, digits, dots, dashes or colons."}
        )
    return f"{scope}:{key}"


def fingerprint(request: dict) -> str:
    body = json.dumps(request, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(body.encode()).hexdigest()


def complaint_for(key: str | None) -> Complaint | None:
    """The complaint a scoped key already made, if any."""
    if key is None:
        return None
    found = IdempotencyKey.objects.select_related("complaint").filter(key=key).first()
    return found.complaint if found else None


def replay(key: str, print_: str) -> tuple[Complaint, bool] | None:
    found = IdempotencyKey.objects.select_related("complaint").filter(key=key).first()
    if found is None:
        return None
    if found.fingerprint != print_:
        raise RuleBroken(
            "idempotency_key_reused",
            "This idempotency key was used for a different request; use a new key for a new "
            "complaint.",
        )
    return found.complaint, found.created


def once(key: str | None, request: dict, make) -> tuple[Complaint, bool]:
    """Run `make()` (which returns (complaint, created)) once per key."""
    if key is None:
        return make()
    print_ = fingerprint(request)
    earlier = replay(key, print_)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            complaint, created = make()
            IdempotencyKey.objects.create(
                key=key, fingerprint=print_, complaint=complaint, created=created
            )
    except IntegrityError:
        # A concurrent attempt with the same key committed first: answer with its complaint.
        earlier = replay(key, print_)
        if earlier is None:
            raise
        return earlier
    return complaint, created
