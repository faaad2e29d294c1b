"""Writes of the governance app. Each checks its rule in putright.rules (continuity 8.5,
governance 9.4, 9.5, 9.7) and raises InvalidInput naming each bad field; only the complaints
officer, managers and administrators record (governance users read)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates
from putright.accounts.models import User
from putright.errors import InvalidInput, NotPermitted
from putright.governance.models import (
    Accountability,
    Incident,
    Meeting,
    OrganisationalChange,
    ReportKind,
    ReportPresented,
)
from putright.oversight import permissions
from putright.rules import continuity, governance


def _require_editor(user: User) -> None:
    if not permissions.can_edit_oversight(user):
        raise NotPermitted(permissions.EDITORS_ONLY)


def _text(value) -> str:
    return (value or "").strip()


# --- exceptional circumstances (8.5) ---------------------------------------------------------


INCIDENT_FIELDS = (
    "title",
    "description",
    "starts_on",
    "ends_on",
    "ombudsman_informed_on",
    "notice",
    "notice_published_on",
    "compliance_by",
)


def _incident_values(**values) -> dict:
    cleaned = {name: values.get(name) for name in INCIDENT_FIELDS}
    for name in ("title", "description", "notice"):
        cleaned[name] = _text(cleaned[name])
    continuity.check(**cleaned, today=dates.today())
    return cleaned


@transaction.atomic
def incident_record(
    *,
    user: User,
    title: str,
    description: str,
    starts_on: dt.date | None,
    ends_on: dt.date | None = None,
    ombudsman_informed_on: dt.date | None = None,
    notice: str = "",
    notice_published_on: dt.date | None = None,
    compliance_by: dt.date | None = None,
) -> Incident:
    _require_editor(user)
    values = _incident_values(
        title=title,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        ombudsman_informed_on=ombudsman_informed_on,
        notice=notice,
        notice_published_on=notice_published_on,
        compliance_by=compliance_by,
    )
    return Incident.objects.create(**values, recorded_by=user)


@transaction.atomic
def incident_update(*, user: User, incident: Incident, **changes) -> Incident:
    """Change an incident as it unfolds: its end, the day the Ombudsman was told, the notice and
    its publication, the date for returning to compliance."""
    _require_editor(user)
    unknown = sorted(set(changes) - set(INCIDENT_FIELDS))
    if unknown:
        raise InvalidInput({name: "Not a field of an incident." for name in unknown})
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    current = {name: getattr(incident, name) for name in INCIDENT_FIELDS}
    values = _incident_values(**{**current, **changes})
    for name, value in values.items():
        setattr(incident, name, value)
    incident.save()
    return incident


# --- organisational change (8.3) -------------------------------------------------------------


@transaction.atomic
def organisational_change_record(
    *, user: User, kind: str, changed_on: dt.date | None, description: str
) -> OrganisationalChange:
    _require_editor(user)
    errors = {}
    if kind not in OrganisationalChange.Kind.values:
        errors["kind"] = f"Choose one of: {', '.join(OrganisationalChange.Kind.values)}."
    if changed_on is None:
        errors["changed_on"] = "Enter the date of the change."
    if not _text(description):
        errors["description"] = "Describe the change."
    if errors:
        raise InvalidInput(errors)
    return OrganisationalChange.objects.create(
        kind=kind, changed_on=changed_on, description=_text(description), recorded_by=user
    )


# --- accountability (9.4, 9.5) ---------------------------------------------------------------


@transaction.atomic
def accountability_set(
    *,
    user: User,
    mrc_user: User | None = None,
    mrc_name: str = "",
    mrc_appointed_on: dt.date | None = None,
    senior_lead_user: User | None = None,
    senior_lead_name: str = "",
    senior_lead_job_title: str = "",
    senior_lead_appointed_on: dt.date | None = None,
) -> Accountability:
    _require_editor(user)
    mrc_name, senior_lead_name = _text(mrc_name), _text(senior_lead_name)
    governance.check_accountability(
        mrc_user=mrc_user,
        mrc_name=mrc_name,
        senior_lead_user=senior_lead_user,
        senior_lead_name=senior_lead_name,
    )
    record, _ = Accountability.objects.select_for_update().get_or_create(pk=1)
    record.mrc_user, record.mrc_name, record.mrc_appointed_on = mrc_user, mrc_name, mrc_appointed_on
    record.senior_lead_user = senior_lead_user
    record.senior_lead_name = senior_lead_name
    record.senior_lead_job_title = _text(senior_lead_job_title)
    record.senior_lead_appointed_on = senior_lead_appointed_on
    record.save()
    return record


# --- the governing body's meetings and reports (9.3, 9.7) ------------------------------------


@transaction.atomic
def meeting_record(*, user: User, held_on: dt.date | None, body: str, notes: str = "") -> Meeting:
    """A meeting held or scheduled."""
    _require_editor(user)
    errors = {}
    if held_on is None:
        errors["held_on"] = "Enter the date of the meeting."
    if not _text(body):
        errors["body"] = "Say which body met: the Board, or the committee's name."
    if errors:
        raise InvalidInput(errors)
    return Meeting.objects.create(
        held_on=held_on, body=_text(body), notes=_text(notes), recorded_by=user
    )


@transaction.atomic
def report_presented_record(
    *,
    user: User,
    meeting: Meeting,
    kind: str,
    title: str = "",
    ombudsman_case=None,
) -> ReportPresented:
    """A report that went to a meeting: the governing body pack, the annual report, the
    self-assessment, an Ombudsman determination (9.7) or another report."""
    _require_editor(user)
    if kind not in ReportKind.values:
        raise InvalidInput({"kind": f"Choose one of: {', '.join(ReportKind.values)}."})
    governance.check_presentation(
        meeting=meeting, kind=kind, ombudsman_case=ombudsman_case, today=dates.today()
    )
    title = _text(title)
    if kind == ReportKind.DETERMINATION and not title:
        title = f"Ombudsman determination: {ombudsman_case}"
    if not title:
        raise InvalidInput({"title": "Give the report's title."})
    if (
        ombudsman_case is not None
        and meeting.reports.filter(ombudsman_case=ombudsman_case).exists()
    ):
        raise InvalidInput(
            {"ombudsman_case": "This determination is already recorded at this meeting."}
        )
    return ReportPresented.objects.create(
        meeting=meeting, kind=kind, title=title, ombudsman_case=ombudsman_case, recorded_by=user
    )
