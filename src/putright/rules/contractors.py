"""5.4 and 5.5: a landlord that has a contractor or agent act for it stays responsible for the
complaint, and makes sure the third party handles complaints in line with the Code.

Putright records which contractor was involved in a complaint and which must carry out a
remedy (5.4: the landlord's own case shows the contractor's part), and the landlord's requests
to a contractor for its information on a complaint, each with a due date. The check: a request
is due on or after the day it is sent, and answered on or after that day and not in the future.
The measure (5.5): requests due in the period answered by their due date; one unanswered past
its due date, or answered late, is a breach; one not yet due is pending.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q

from putright.errors import InvalidInput
from putright.rules.figures import Figure

MEASURE = "Contractors' information on a complaint provided by the date asked (5.5)"


def check_request_dates(*, sent_on: dt.date, due_on: dt.date, today: dt.date) -> None:
    errors = {}
    if sent_on > today:
        errors["sent_on"] = ["The request cannot be sent in the future."]
    if due_on < sent_on:
        errors["due_on"] = [f"The due date cannot be before the request ({sent_on.isoformat()})."]
    if errors:
        raise InvalidInput(errors)


def check_answer_date(*, answered_on: dt.date, sent_on: dt.date, today: dt.date) -> None:
    if answered_on > today:
        raise InvalidInput({"answered_on": ["The answer cannot be in the future."]})
    if answered_on < sent_on:
        raise InvalidInput(
            {"answered_on": [f"The answer cannot be before the request ({sent_on.isoformat()})."]}
        )


def measure(
    *, period_start: dt.date, period_end: dt.date, today: dt.date, code_version: str | None
) -> Figure | None:
    from putright.contractors.models import InformationRequest

    requests = InformationRequest.objects.filter(due_on__range=(period_start, period_end))
    if code_version:
        requests = requests.filter(complaint__code_version=code_version)
    on_time = Q(answered_on__isnull=False, answered_on__lte=F("due_on"))
    late = Q(answered_on__isnull=False, answered_on__gt=F("due_on")) | Q(
        answered_on__isnull=True, due_on__lt=today
    )
    pending = Q(answered_on__isnull=True, due_on__gte=today)
    counts = requests.aggregate(
        met=Count("pk", filter=on_time),
        late=Count("pk", filter=late),
        pending=Count("pk", filter=pending),
    )
    if not (counts["met"] or counts["late"] or counts["pending"]):
        return None
    figure = Figure("5.5", MEASURE)
    figure.met, figure.pending = counts["met"], counts["pending"]
    figure.total = counts["met"] + counts["late"]
    figure.breaches = sorted(
        set(requests.filter(late).values_list("complaint__reference", flat=True))
    )
    return figure
