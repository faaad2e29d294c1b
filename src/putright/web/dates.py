"""The GOV.UK date input (review finding R6): three boxes, Day, Month and Year, in a fieldset,
in place of the browser's date picker, whose display changes with the browser's locale.

`GovDateField` is a `forms.DateField`, not a bare MultiValueField, so that what every date field
goes through still applies to it: BoundedForm appends `within_calendar` (2000-2080) to DateFields,
and GovForm gives them their messages. Its widget is a MultiWidget posting `name_0`, `name_1` and
`name_2`; a single value under the field's own name (an ISO date from an older page, a client of
the form, or a draft kept in the session) is still read, in the formats staff typed before.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from putright import dates

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]
EXAMPLE = "For example, 27 3 2025."
PARTS = ("day", "month", "year")
LABELS = ("Day", "Month", "Year")


def _words(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and a {parts[-1]}"


class DateWidget(forms.MultiWidget):
    """Three text boxes with `inputmode="numeric"` (GOV.UK advises against type=number, whose
    spinners and scroll-to-change make dates worse)."""

    def __init__(self, attrs=None):
        box = {"inputmode": "numeric", "autocomplete": "off"}
        super().__init__([forms.TextInput(attrs={**box, "maxlength": n}) for n in (2, 2, 4)], attrs)

    def decompress(self, value):
        if isinstance(value, str):
            value = _parse(value)
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        if any(f"{name}_{i}" in data for i in range(3)):
            return [str(data.get(f"{name}_{i}") or "").strip() for i in range(3)]
        # No parts: a single value, as posted before the three boxes (or by a client).
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return name not in data and all(f"{name}_{i}" not in data for i in range(3))

    def parts(self, value) -> list[str]:
        """What to show in the three boxes: what was typed, or the initial date's parts."""
        if isinstance(value, list | tuple):
            return [str(v or "") for v in value]
        return [v or "" for v in self.decompress(value)]


def _parse(value: str) -> dt.date | None:
    for fmt in DATE_INPUTS:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


class GovDateField(forms.DateField):
    widget = DateWidget

    def __init__(self, *, noun: str, not_future: bool = False, **kwargs):
        # The messages name the date ("Enter the date the problem started as a real date"):
        # several date questions can be on one page and in one error summary.
        self.noun = noun
        self.not_future = not_future
        kwargs.setdefault("input_formats", DATE_INPUTS)
        super().__init__(**kwargs)

    def to_python(self, value):
        if not isinstance(value, list | tuple):
            return super().to_python(value)
        if not any(value):
            return None
        missing = [part for part, typed in zip(PARTS, value, strict=True) if not typed]
        if missing:
            raise ValidationError(
                f"{self.noun[0].upper()}{self.noun[1:]} must include a {_words(missing)}.",
                code="incomplete",
            )
        if not all(typed.isdigit() for typed in value):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        day, month, year = (int(typed) for typed in value)
        if len(value[2]) != 4:
            raise ValidationError("The year must include 4 numbers.", code="invalid_year")
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None

    def validate(self, value):
        super().validate(value)
        if self.not_future and value and value > dates.today():
            raise ValidationError("The date must be today or in the past.", code="future")
