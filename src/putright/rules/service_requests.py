"""1.4: service requests are not complaints, but are recorded, monitored and reviewed regularly.

A service request still open more than the landlord's review limit after it was received
(`LandlordSettings.service_request_review_days`, working days, 20 by default) has gone
unreviewed, and the measure counts it as a breach (`past_review` lists them). One completed, or
raised as a complaint (1.5, which leaves it open but in hand), is met.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Exists, OuterRef, Q

from putright.complaints.models import Complaint, ServiceRequest
from putright.rules.figures import Figure

MEASURE = "Service requests completed, in hand as a complaint, or open within the review limit"


def review_cutoff(today: dt.date) -> dt.date:
    """The latest day a request could be received and still be within the review limit today:
    one received before it is past the limit."""
    from putright.landlord.selectors import landlord_settings, working_day_calendar

    limit = landlord_settings().service_request_review_days
    calendar = working_day_calendar()
    day = today
    while calendar.working_days_between(day - dt.timedelta(days=1), today) <= limit:
        day -= dt.timedelta(days=1)
    return day


def past_review(today: dt.date):
    """Open service requests past the review limit, with no complaint raised from them."""
    raised = Exists(Complaint.objects.filter(service_request=OuterRef("pk")))
    return ServiceRequest.objects.filter(
        state=ServiceRequest.State.OPEN, received_on__lt=review_cutoff(today)
    ).exclude(raised)


def measure(*, period_start: dt.date, period_end: dt.date, today: dt.date) -> Figure | None:
    """Requests received in the period, judged as of today."""
    requests = ServiceRequest.objects.filter(received_on__range=(period_start, period_end))
    cutoff = review_cutoff(today)
    raised = Exists(Complaint.objects.filter(service_request=OuterRef("pk")))
    requests = requests.annotate(raised=raised)
    is_open = Q(state=ServiceRequest.State.OPEN, raised=False)
    late = is_open & Q(received_on__lt=cutoff)
    pending = is_open & Q(received_on__gte=cutoff)
    counts = requests.aggregate(
        all=Count("pk"), late=Count("pk", filter=late), pending=Count("pk", filter=pending)
    )
    if not counts["all"]:
        return None
    figure = Figure("1.4", MEASURE)
    figure.pending = counts["pending"]
    figure.total = counts["all"] - counts["pending"]
    figure.met = figure.total - counts["late"]
    if counts["late"]:
        figure.breaches = [
            f"service request {pk}"
            for pk in requests.filter(late).order_by("pk").values_list("pk", flat=True)
        ]
    return figure
