"""UK GDPR: the subject access export (Article 15) and the retention schedule (storage
limitation, Article 5(1)(e)).

Events are append-only in the database (5.12), so anonymisation cannot rewrite them. Instead the
resident is marked anonymised, an event says so, and every reader of event parameters goes
through `event_parameters()`, which redacts the free text of events about anonymised residents.
Dates, codes, numbers and staff usernames survive, so the statistics reports need are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from putright import dates
from putright.errors import NotPermitted
from putright.people.events import PeopleEventType
from putright.people.models import Representative, Resident

REDACTED = "[redacted]"
ANONYMISED_NAME = "Anonymised resident"
ANONYMISED_REPRESENTATIVE = "Anonymised representative"

# Free text that may hold personal data, per model; everything else (dates, stages, decisions,
# categories, amounts, timeliness) is kept for reporting.
FREE_TEXT = {
    "complaints.Complaint": ["description", "outcome_wanted"],
    "complaints.Stage": [
        "escalation_reason",
        "understanding",
        "outcomes_sought",
        "responsible_for",
        "not_responsible_for",
        "reasons",
    ],
    "complaints.Extension": ["reason", "good_reason"],
    "complaints.Refusal": ["explanation"],
    "complaints.Remedy": ["description"],
    "complaints.OutstandingAction": ["description"],
    "complaints.RelatedIssue": ["description"],
    "complaints.Note": ["text"],
    "complaints.Attachment": ["original_name", "description"],
    "people.VulnerabilityFlag": ["reason"],
    "people.UpdateAgreement": ["notes"],
    "people.ResidentUpdate": ["summary"],
    # Letters may not be installed yet: looked up by name, skipped when absent.
    "letters.Letter": ["subject", "body", "html", "recipient"],
    "letters.InboundMessage": ["from_address", "from_name", "to", "subject", "text", "html"],
}
# JSON copies of the case kept beside the text.
CLEARED_JSON = {"letters.Letter": ["context"]}


def _model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


# --- reading event parameters ----------------------------------------------------------------

# Kept when redacting: choice codes, usernames, amounts, case references (CMP-000123), dates.
_CODE = re.compile(r"^([a-z0-9_.\-]*|[A-Z]{2,5}-\d+)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _redact_value(value):
    if isinstance(value, dict):
        return {k: _redact_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_value(v) for v in value]
    if isinstance(value, str) and not (_CODE.match(value) or _ISO_DATE.match(value)):
        return REDACTED
    return value


def event_parameters(event) -> dict:
    """The parameters of an event as they may be shown: redacted of free text when the resident
    it is about has been anonymised. Codes, dates, numbers and usernames are kept."""
    resident = event.resident if event.resident_id else None
    if resident is None and event.complaint_id:
        resident = event.complaint.resident
    if resident is not None and resident.anonymised_at is not None:
        return _redact_value(event.parameters)
    return event.parameters


# --- subject access export -------------------------------------------------------------------


def _value(field: models.Field, obj):
    value = getattr(obj, field.attname)
    if isinstance(field, models.FileField):
        return value.name if value else ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _row(obj, *, exclude: tuple[str, ...] = ()) -> dict:
    row = {}
    for field in obj._meta.concrete_fields:
        if field.name in exclude:
            continue
        if field.is_relation and field.related_model._meta.label == "accounts.User":
            user = getattr(obj, field.name)
            row[field.name] = user.get_username() if user else None
        else:
            row[field.name if not field.is_relation else field.attname] = _value(field, obj)
    return row


def _require_data_protection_role(user) -> None:
    if user is None:
        return  # the CLI, run by an operator
    if not user.is_authenticated or not user.acts_on_any_case:
        raise NotPermitted(
            "Only the complaints officer, a manager or an administrator can export a resident's "
            "data."
        )


def subject_access_data(resident: Resident) -> dict:
    """Everything held about the resident, as JSON-ready data."""
    from putright.complaints.models import Complaint, Event, ServiceRequest

    complaints = (
        Complaint.objects.filter(Q(resident=resident) | Q(co_complainants=resident))
        .distinct()
        .order_by("received_on", "pk")
        .prefetch_related(
            "stages__extensions",
            "stages__handler",
            "refusals",
            "remedies",
            "actions",
            "related_issues",
            "notes__author",
            "attachments",
            "vulnerability_flags",
            "update_agreements",
            "resident_updates",
            "co_complainants",
        )
        .select_related("representative")
    )
    Letter = _model("letters.Letter")
    letters_by_complaint: dict[int, list] = {}
    if Letter is not None:
        for letter in Letter.objects.filter(complaint__in=complaints).order_by("pk"):
            letters_by_complaint.setdefault(letter.complaint_id, []).append(
                _row(letter, exclude=("html",))
            )
    InboundMessage = _model("letters.InboundMessage")
    inbound_by_complaint: dict[int, list] = {}
    if InboundMessage is not None:
        for message in InboundMessage.objects.filter(complaint__in=complaints).order_by("pk"):
            inbound_by_complaint.setdefault(message.complaint_id, []).append(
                _row(message, exclude=("html",))
            )
    exported_complaints = []
    representatives = {}
    for complaint in complaints:
        if complaint.representative is not None:
            representatives[complaint.representative.pk] = _row(complaint.representative)
        item = _row(complaint)
        item["co_complainants"] = [r.pk for r in complaint.co_complainants.all()]
        item["stages"] = [
            {**_row(stage), "extensions": [_row(e) for e in stage.extensions.all()]}
            for stage in complaint.stages.all()
        ]
        for name in (
            "refusals",
            "remedies",
            "actions",
            "related_issues",
            "notes",
            "attachments",
            "vulnerability_flags",
            "update_agreements",
            "resident_updates",
        ):
            item[name] = [_row(obj) for obj in getattr(complaint, name).all()]
        item["letters"] = letters_by_complaint.get(complaint.pk, [])
        item["inbound_messages"] = inbound_by_complaint.get(complaint.pk, [])
        exported_complaints.append(item)
    events = (
        Event.objects.filter(Q(resident=resident) | Q(complaint__in=complaints))
        .select_related("actor", "resident", "complaint__resident")
        .distinct()
        .order_by("occurred_at", "pk")
    )
    return {
        "format": "putright-subject-access-export/1",
        "generated_at": timezone.now().isoformat(),
        "resident": _row(resident),
        "representatives": list(representatives.values()),
        "adjustments": [
            {**_row(a), "reviews": [_row(r) for r in a.reviews.all()]}
            for a in resident.adjustments.prefetch_related("reviews")
        ],
        "restrictions": [
            {**_row(r), "reviews": [_row(v) for v in r.reviews.all()]}
            for r in resident.restrictions.prefetch_related("reviews")
        ],
        "complaints": exported_complaints,
        "service_requests": [
            _row(s) for s in ServiceRequest.objects.filter(resident=resident).order_by("pk")
        ],
        "events": [
            {
                "id": e.pk,
                "type": e.type,
                "complaint": e.complaint.reference if e.complaint_id else None,
                "occurred_at": e.occurred_at.isoformat(),
                "actor": e.actor_name if e.actor_id else e.actor_label,
                "parameters": event_parameters(e),
            }
            for e in events
        ],
    }


@transaction.atomic
def subject_access_export(*, user, resident: Resident) -> dict:
    """The subject access export, recorded in the audit trail."""
    from putright.complaints import events

    _require_data_protection_role(user)
    data = subject_access_data(resident)
    events.record(
        type=PeopleEventType.SUBJECT_ACCESS_EXPORTED,
        resident=resident,
        user=user,
        actor_label="" if user else "cli",
        complaints=len(data["complaints"]),
        events=len(data["events"]),
    )
    return data


# --- retention schedule ----------------------------------------------------------------------


def retention_cutoff(today: dt.date, years: int) -> dt.date:
    """The same day `years` years before; 29 February falls back to the 28th."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def residents_due_for_anonymisation(*, today: dt.date | None = None, years: int | None = None):
    """Residents whose complaints (as complainant or in a group) all closed before the cutoff,
    with no service request still open. Residents with no complaint are left alone."""
    from putright.complaints.models import Complaint, ServiceRequest
    from putright.complaints.workflow import FINAL_STATUSES
    from putright.landlord.selectors import landlord_settings

    today = today or dates.today()
    years = landlord_settings().retention_years if years is None else years
    cutoff = retention_cutoff(today, years)
    theirs = Q(resident=models.OuterRef("pk")) | Q(co_complainants=models.OuterRef("pk"))
    # A complaint in a final status without a closure date is kept, not guessed about.
    kept = Complaint.objects.filter(theirs).filter(
        ~Q(status__in=list(FINAL_STATUSES)) | Q(closed_on__isnull=True) | Q(closed_on__gte=cutoff)
    )
    has_any = Complaint.objects.filter(theirs)
    open_requests = ServiceRequest.objects.filter(
        resident=models.OuterRef("pk"), state=ServiceRequest.State.OPEN
    )
    return (
        Resident.objects.filter(anonymised_at__isnull=True)
        .filter(models.Exists(has_any))
        .exclude(models.Exists(kept))
        .exclude(models.Exists(open_requests))
        .order_by("pk")
    ), cutoff


@dataclass
class AnonymisationRun:
    cutoff: dt.date
    residents: list[int]
    complaints: list[str]
    dry_run: bool


def _redact(label: str, queryset_filter: Q) -> None:
    """Redact a model's free text, clear its JSON copies and delete its files (attachments,
    letter PDFs, raw e-mails) for the rows matching the filter."""
    model = _model(label)
    if model is None:
        return
    fields = {f.name: f for f in model._meta.concrete_fields}
    rows = model.objects.filter(queryset_filter)
    for name, field in fields.items():
        if isinstance(field, models.FileField):
            for row in rows.exclude(**{name: ""}):
                getattr(row, name).delete(save=False)
            rows.update(**{name: ""})
    changes = {name: REDACTED for name in FREE_TEXT[label] if name in fields}
    changes.update({name: {} for name in CLEARED_JSON.get(label, []) if name in fields})
    if changes:
        # A queryset update: issued letters refuse save(), but personal data must still go.
        rows.update(**changes)


@transaction.atomic
def anonymise_expired(
    *, user=None, today: dt.date | None = None, dry_run: bool = False
) -> AnonymisationRun:
    """Apply the retention schedule: anonymise residents whose cases closed more than
    LandlordSettings.retention_years ago, keeping what the statistics need."""
    from putright.complaints import events
    from putright.complaints.models import Complaint, ServiceRequest
    from putright.landlord.selectors import landlord_settings
    from putright.people.models import (
        AdjustmentReview,
        ReasonableAdjustment,
        Restriction,
        RestrictionReview,
    )

    _require_data_protection_role(user)
    years = landlord_settings().retention_years
    residents, cutoff = residents_due_for_anonymisation(today=today, years=years)
    residents = list(residents.select_for_update() if not dry_run else residents)
    complaints = list(
        Complaint.objects.filter(resident__in=residents)
        .order_by("pk")
        .values_list("pk", "reference", "resident_id")
    )
    run = AnonymisationRun(
        cutoff=cutoff,
        residents=[r.pk for r in residents],
        complaints=[ref for _, ref, _ in complaints],
        dry_run=dry_run,
    )
    if dry_run or not residents:
        return run
    complaint_ids = [pk for pk, _, _ in complaints]
    on_complaints = Q(complaint_id__in=complaint_ids)
    Complaint.objects.filter(pk__in=complaint_ids).update(
        description=REDACTED, outcome_wanted=REDACTED
    )
    for label in FREE_TEXT:
        if label == "complaints.Extension":
            _redact(label, Q(stage__complaint_id__in=complaint_ids))
        elif label != "complaints.Complaint":
            _redact(label, on_complaints)
    ServiceRequest.objects.filter(resident__in=residents).update(description=REDACTED)
    ReasonableAdjustment.objects.filter(resident__in=residents).update(
        description=REDACTED, disclosed_disability=REDACTED
    )
    AdjustmentReview.objects.filter(adjustment__resident__in=residents).update(notes=REDACTED)
    Restriction.objects.filter(resident__in=residents).update(
        behaviour=REDACTED,
        evidence=REDACTED,
        restriction=REDACTED,
        equality_notes=REDACTED,
        lifted_reason=REDACTED,
    )
    RestrictionReview.objects.filter(restriction__resident__in=residents).update(reasons=REDACTED)
    # A representative is anonymised once every complaint they acted on is.
    anonymised_ids = set(run.residents) | set(
        Resident.objects.filter(anonymised_at__isnull=False).values_list("pk", flat=True)
    )
    for representative in Representative.objects.filter(
        complaints__pk__in=complaint_ids
    ).distinct():
        resident_ids = set(representative.complaints.values_list("resident_id", flat=True))
        if resident_ids <= anonymised_ids:
            Representative.objects.filter(pk=representative.pk).update(
                name=ANONYMISED_REPRESENTATIVE, relationship="", email="", phone="", address=""
            )
    now = timezone.now()
    for resident in residents:
        Resident.objects.filter(pk=resident.pk).update(
            name=ANONYMISED_NAME,
            email="",
            phone="",
            address="",
            tenancy_reference="",
            anonymised_at=now,
        )
        events.record(
            type=PeopleEventType.RESIDENT_ANONYMISED,
            resident=resident,
            user=user,
            actor_label="" if user else "system",
            retention_years=years,
            cutoff=cutoff,
            complaints=[ref for _, ref, owner in complaints if owner == resident.pk],
        )
    return run
