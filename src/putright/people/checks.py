"""The checks people's services share: who is staff, and the fields' rules (each names the
field it refuses)."""

import datetime as dt

from putright import dates
from putright.errors import InvalidInput, NotPermitted


# Imported late: the case engine imports people.services for resident_find_or_create.
def _events():
    from putright.complaints import events

    return events


def require_staff(user) -> None:
    if user is None or not user.is_authenticated:
        raise NotPermitted("Sign in to do this.")
    if not user.can_change_cases:
        raise NotPermitted("Governance users can read but not change records.")


def _text(field: str, value, message: str) -> str:
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    if not value:
        raise InvalidInput({field: message})
    return value


def _date(field: str, value, *, required: bool = True, past_only: bool = True):
    if value is None or value == "":
        if required:
            raise InvalidInput({field: "Enter a date (YYYY-MM-DD)."})
        return None
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise InvalidInput({field: "Enter a date (YYYY-MM-DD)."}) from None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise InvalidInput({field: "Enter a date (YYYY-MM-DD)."})
    if past_only and value > dates.today():
        raise InvalidInput({field: "The date cannot be in the future."})
    return value


def _choice(field: str, value, choices) -> str:
    if value not in choices.values:
        raise InvalidInput({field: f"Choose one of: {', '.join(choices.values)}."})
    return value


def _after(field: str, value: dt.date, earlier: dt.date, label: str) -> None:
    if value <= earlier:
        raise InvalidInput({field: f"The date must be after {label} ({earlier.isoformat()})."})
