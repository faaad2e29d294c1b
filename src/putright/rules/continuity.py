"""8.5: exceptional circumstances. A landlord that cannot keep to the Code (for example after a
cyber incident) must inform the Ombudsman, tell residents who may be affected, publish it on its
website and give a timescale for returning to compliance.

An incident is in force from its first day to its last (both inclusive; open while its end is
not known). While it is in force and its notice is published, every public page shows a banner
linking to the notice. A complaint received during an incident is marked: worked out from
`received_on` and the incident's dates, never stored, so that correcting an incident's dates
marks the right complaints. The measure counts incidents in force at any time in the period:
met when the Ombudsman was informed, the notice published and a date given for returning to
compliance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q

from putright.errors import InvalidInput
from putright.rules.figures import Figure

PROVISION = "8.5"


def check(
    *,
    title: str,
    description: str,
    starts_on: dt.date | None,
    ends_on: dt.date | None,
    ombudsman_informed_on: dt.date | None,
    notice: str,
    notice_published_on: dt.date | None,
    compliance_by: dt.date | None,
    today: dt.date,
) -> None:
    """The dates an incident can have, and a notice before it is published."""
    errors: dict[str, str] = {}
    if not (title or "").strip():
        errors["title"] = "Give the incident a title."
    if not (description or "").strip():
        errors["description"] = "Describe what happened and what it affects."
    if starts_on is None:
        errors["starts_on"] = "Enter the date the incident started."
    else:
        if starts_on > today:
            errors["starts_on"] = "The start date cannot be in the future."
        if ends_on is not None and ends_on < starts_on:
            errors["ends_on"] = "The end date cannot be before the start date."
        if compliance_by is not None and compliance_by < starts_on:
            errors["compliance_by"] = (
                "The date for returning to compliance cannot be before the start."
            )
        if ombudsman_informed_on is not None and ombudsman_informed_on < starts_on:
            errors["ombudsman_informed_on"] = (
                "The Ombudsman cannot be told before the incident started."
            )
        if notice_published_on is not None and notice_published_on < starts_on:
            errors["notice_published_on"] = (
                "The notice cannot be published before the incident started."
            )
    if ombudsman_informed_on is not None and ombudsman_informed_on > today:
        errors.setdefault(
            "ombudsman_informed_on", "The date the Ombudsman was told cannot be in the future."
        )
    if notice_published_on is not None:
        if not (notice or "").strip():
            errors["notice"] = "Write the notice for residents before publishing it."
        if notice_published_on > today:
            errors.setdefault(
                "notice_published_on", "The publication date cannot be in the future."
            )
    if errors:
        raise InvalidInput(errors)


def in_force_on(day: dt.date) -> Q:
    """Incidents in force on `day` (both ends inclusive)."""
    return Q(starts_on__lte=day) & (Q(ends_on__isnull=True) | Q(ends_on__gte=day))


def overlapping(start: dt.date, end: dt.date) -> Q:
    """Incidents in force on at least one day of [start, end]."""
    return Q(starts_on__lte=end) & (Q(ends_on__isnull=True) | Q(ends_on__gte=start))


def public_notice(today: dt.date):
    """The incident whose notice the public pages show today, or None: in force and its notice
    published (the latest to start if more than one)."""
    from putright.governance.models import Incident

    return (
        Incident.objects.filter(in_force_on(today), notice_published_on__lte=today)
        .exclude(notice="")
        .order_by("-starts_on", "-pk")
        .first()
    )


@dataclass(frozen=True)
class Span:
    """An incident's dates, for marking complaints without a query each."""

    pk: int
    title: str
    starts_on: dt.date
    ends_on: dt.date | None

    def covers(self, day: dt.date | None) -> bool:
        return (
            day is not None
            and self.starts_on <= day
            and (self.ends_on is None or day <= self.ends_on)
        )


def spans() -> list[Span]:
    """Every incident's dates (a landlord has a handful): one query for a whole list page."""
    from putright.governance.models import Incident

    return [
        Span(*row) for row in Incident.objects.values_list("pk", "title", "starts_on", "ends_on")
    ]


def covering(day: dt.date | None, incidents: list[Span]) -> Span | None:
    """The incident a complaint received on `day` was received during, if any."""
    return next((span for span in incidents if span.covers(day)), None)


def complaints_received_during(incident, *, today: dt.date):
    from putright.complaints.models import Complaint

    last = incident.ends_on or today
    return Complaint.objects.filter(received_on__range=(incident.starts_on, last))


def in_period(start: dt.date, end: dt.date, *, today: dt.date) -> list[dict]:
    """The incidents in force in the period with how many complaints were received during each
    (within the period), for the reports."""
    from django.db.models import Count

    from putright.complaints.models import Complaint
    from putright.governance.models import Incident

    rows = []
    for incident in Incident.objects.filter(overlapping(start, end)).order_by("starts_on", "pk"):
        first = max(start, incident.starts_on)
        last = min(end, incident.ends_on or today)
        received = (
            Complaint.objects.filter(received_on__range=(first, last)).aggregate(n=Count("pk"))["n"]
            if first <= last
            else 0
        )
        rows.append({"incident": incident, "received": received, "met": _met(incident)})
    return rows


def _met(incident) -> bool:
    return bool(
        incident.ombudsman_informed_on
        and incident.notice_published_on
        and (incident.notice or "").strip()
        and incident.compliance_by
    )


def label(incident) -> str:
    return f"{incident.title} (from {incident.starts_on.isoformat()})"


def measure(*, period_start: dt.date, period_end: dt.date) -> Figure | None:
    """Incidents in force in the period: met when the Ombudsman was informed, the notice was
    published and a date for returning to compliance was given. The breaches are incidents."""
    from putright.governance.models import Incident

    incidents = list(
        Incident.objects.filter(overlapping(period_start, period_end)).order_by("starts_on", "pk")
    )
    if not incidents:
        return None
    figure = Figure(
        PROVISION,
        "Exceptional circumstances with the Ombudsman informed, a notice published and a date "
        "for returning to compliance",
    )
    for incident in incidents:
        missing = [
            what
            for what, done in (
                ("Ombudsman not informed", incident.ombudsman_informed_on),
                ("no notice published", incident.notice_published_on and incident.notice.strip()),
                ("no date for returning to compliance", incident.compliance_by),
            )
            if not done
        ]
        figure.add(not missing, label(incident), "; ".join(missing))
    return figure
