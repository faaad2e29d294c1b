"""Reads of the governance app: the registers and what the pages show beside them."""

from __future__ import annotations

import datetime as dt

from putright import dates
from putright.governance.models import (
    Accountability,
    Incident,
    Meeting,
    OrganisationalChange,
    ReportPresented,
)
from putright.rules import continuity, governance, reassessment


def accountability() -> Accountability:
    """The one row, or an empty one not yet saved (a read never writes)."""
    found = Accountability.objects.select_related("mrc_user", "senior_lead_user").filter(pk=1)
    return found.first() or Accountability(pk=1)


def incident_list():
    return Incident.objects.select_related("recorded_by")


def incident_rows(today: dt.date | None = None) -> list[dict]:
    """Each incident with whether it is in force today, its notice showing, and the complaints
    received during it."""
    today = today or dates.today()
    shown = continuity.public_notice(today)
    rows = []
    for incident in incident_list():
        rows.append(
            {
                "incident": incident,
                "in_force": incident.starts_on <= today
                and (incident.ends_on is None or incident.ends_on >= today),
                "notice_showing": shown is not None and shown.pk == incident.pk,
                "received": continuity.complaints_received_during(incident, today=today).count(),
            }
        )
    return rows


def published_incident(pk: int) -> Incident | None:
    """An incident whose notice has been published (its public page), or None."""
    return (
        Incident.objects.filter(pk=pk, notice_published_on__lte=dates.today())
        .exclude(notice="")
        .first()
    )


def organisational_changes():
    return OrganisationalChange.objects.select_related("recorded_by")


def reassessment_due():
    return reassessment.due()


def meetings():
    return Meeting.objects.prefetch_related("reports__ombudsman_case")


def meeting_agenda(meeting: Meeting) -> dict:
    """What went to a meeting, and the determinations still to report: each determination
    goes to the governing body's first meeting after it (9.7)."""
    return {
        "meeting": meeting,
        "reports": list(meeting.reports.select_related("ombudsman_case__complaint")),
        "to_report": list(governance.unreported_determinations(meeting.held_on)),
    }


def next_meeting(today: dt.date | None = None) -> Meeting | None:
    today = today or dates.today()
    return Meeting.objects.filter(held_on__gte=today).order_by("held_on", "pk").first()


def reports_presented(start: dt.date, end: dt.date):
    return (
        ReportPresented.objects.filter(meeting__held_on__range=(start, end))
        .select_related("meeting", "ombudsman_case")
        .order_by("meeting__held_on", "pk")
    )
