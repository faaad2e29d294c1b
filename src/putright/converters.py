"""A number in a URL (an id, a year) that every database can hold: Django's own `int` takes any
length of digits, and an id of 10^22 then failed in the database (OverflowError on SQLite, out of
range on PostgreSQL), a 500 that schemathesis found. Eighteen digits always fit a bigint; more is
simply not a page (404)."""

from django.urls import register_converter


class Number:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(Number, "num")
