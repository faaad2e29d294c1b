"""Every request body and every form is bounded and cleaned here, before any service sees it
(security review, findings 4, 10 and 18): a text field has a length limit (400 naming it), a list
in a request has a maximum, a date lies inside the working-day calendar, and control and
bidirectional characters are removed (putright.text says which, and why).

The limits are defaults: a field that declares a tighter `max_length` keeps it. API request
serializers derive from `Input`; web forms from `BoundedForm` (GovForm does).
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from rest_framework import serializers

from putright import text
from putright.timescales.calendar import FIRST_YEAR, LAST_YEAR

FIRST_DATE = dt.date(FIRST_YEAR, 1, 1)
LAST_DATE = dt.date(LAST_YEAR, 12, 31)
DATE_MESSAGE = f"Enter a date between {FIRST_DATE:%-d %B %Y} and {LAST_DATE:%-d %B %Y}."
EMAIL = 254
LARGEST_NUMBER = 10**18 - 1  # fits any database's bigint
LIST_MESSAGE = "Send at most {max_length} entries in one request."


def within_calendar(value: dt.date) -> None:
    """Dates the working-day calendar knows: an earlier or later one is a typing slip, and
    would otherwise fail deep in a deadline's arithmetic."""
    if isinstance(value, dt.date) and not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationError(DATE_MESSAGE, code="outside_calendar")


class _AtMost(validators.MaxLengthValidator):
    """Django's own length check (so the API schema shows maxLength), in our words."""

    def __call__(self, value):
        message = text.too_long(value, self.limit_value)
        if message:
            raise ValidationError(message, code="max_length")


def _length_validator(limit: int) -> validators.MaxLengthValidator:
    return _AtMost(limit)


# --- the API -------------------------------------------------------------------------------


def _bound_api_field(field: serializers.Field) -> None:
    if field.read_only:
        return
    if isinstance(field, serializers.CharField) and field.max_length is None:
        # An e-mail address is at most 254 characters (RFC 5321), as the columns that keep one.
        limit = EMAIL if isinstance(field, serializers.EmailField) else text.TEXT
        field.max_length = limit
        field.validators.append(_length_validator(limit))
    elif isinstance(field, serializers.ListSerializer | serializers.ListField):
        if field.max_length is None:
            field.max_length = text.ITEMS
        field.error_messages["max_length"] = LIST_MESSAGE
        # Checked already by the list itself; here so that the schema shows maxItems.
        field.validators.append(validators.MaxLengthValidator(field.max_length))
    elif isinstance(field, serializers.DateField):
        field.validators.append(within_calendar)
    elif isinstance(field, serializers.IntegerField) and field.max_value is None:
        # An id or a count the database can hold (as putright.converters for URLs).
        field.max_value = LARGEST_NUMBER
        field.validators.append(validators.MaxValueValidator(LARGEST_NUMBER))


class Input(serializers.Serializer):
    """The base of every API request body."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            _bound_api_field(field)
        return fields

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        for field in self.fields.values():
            if isinstance(field, serializers.CharField) and not field.read_only:
                key = field.source
                if isinstance(value.get(key), str):
                    value[key] = text.clean(value[key], max_length=field.max_length)
        return value


# --- web forms -----------------------------------------------------------------------------


class BoundedForm(forms.Form):
    """The base of every web form (GovForm and the people app's forms derive from it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length is None:
                field.max_length = text.TEXT
                field.validators.append(_length_validator(text.TEXT))
            elif isinstance(field, forms.DateField):
                field.validators.append(within_calendar)

    def _clean_fields(self):
        # After each field's own cleaning and before the form's clean(), so that every clean()
        # and every service sees the cleaned text.
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            field = self.fields[name]
            if isinstance(field, forms.CharField) and isinstance(value, str):
                self.cleaned_data[name] = text.clean(value, max_length=field.max_length)
