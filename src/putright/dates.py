"""Calendar dates are decided in Europe/London; instants are stored in UTC."""

import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    return timezone.localdate()


def london_date(instant: dt.datetime) -> dt.date:
    return timezone.localdate(instant)
