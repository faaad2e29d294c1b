"""The two kinds of refusal every service raises, shared by the API, the web UI and the CLI.

- `InvalidInput`: a field's value is wrong (HTTP 400, an error summary on a form).
- `RuleBroken`: the request breaks a Code rule or the case's state (HTTP 409), naming the
  provision where one applies.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class InvalidInput(Exception):
    def __init__(self, errors: dict[str, str | list[str]]):
        self.errors = {
            field: messages if isinstance(messages, list) else [messages]
            for field, messages in errors.items()
        }
        super().__init__("; ".join(f"{f}: {' '.join(m)}" for f, m in self.errors.items()))


def nested(error: InvalidInput, prefix: str) -> InvalidInput:
    """A nested service call's errors named under `prefix`, as the outer form knows them: a
    complaint logged from a follow-up names "complaint.channel", and its resident's fields
    "complaint.name" rather than "resident.name"."""
    return InvalidInput(
        {
            f"{prefix}.{key.split('.', 1)[1] if key.startswith('resident.') else key}": messages
            for key, messages in error.errors.items()
        }
    )


class RuleBroken(Exception):
    def __init__(self, error: str, detail: str, provision: str | None = None):
        self.error = error
        self.detail = detail
        self.provision = provision
        super().__init__(f"{detail} (Code {provision})" if provision else detail)

    def as_dict(self) -> dict[str, str | None]:
        return {"error": self.error, "detail": self.detail, "provision": self.provision}


class NotPermitted(Exception):
    """The user's role does not allow this action on this case."""


def collect_errors(*checks: Callable[[], Any]) -> list[Any]:
    """Run every check, gathering each field's error so that one InvalidInput names them all.
    Returns the checks' values in order."""
    errors: dict[str, list[str]] = {}
    values = []
    for check in checks:
        try:
            values.append(check())
        except InvalidInput as error:
            errors.update(error.errors)
            values.append(None)
    if errors:
        raise InvalidInput(errors)
    return values
