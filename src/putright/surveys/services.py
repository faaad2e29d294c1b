"""Writes for surveys: a response entered by staff, an import from the survey provider (all
or nothing, idempotent on the provider's response id) and the follow-up of a dissatisfied
comment (1.3, 1.6), which can raise a complaint through complaints.services.complaint_log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction

from putright import dates, text
from putright.complaints.models import Complaint
from putright.errors import InvalidInput, RuleBroken, nested
from putright.inputs import FIRST_DATE
from putright.people.models import Resident
from putright.rules import surveys as rule
from putright.surveys import permissions
from putright.surveys.models import (
    FollowUpChoice,
    OfferMethod,
    Satisfaction,
    SurveyFollowUp,
    SurveyResponse,
    SurveySource,
    SurveyTenure,
)

PROVIDER_ID_MAX = 100


def _date(errors: dict, name: str, value, *, not_before: dt.date | None = None, label: str = ""):
    if value is None or value == "":
        errors[name] = ["Enter the date (YYYY-MM-DD)."]
    elif not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        errors[name] = ["Enter a date (YYYY-MM-DD)."]
    elif value > dates.today():
        errors[name] = ["The date cannot be in the future."]
    elif value < FIRST_DATE:
        errors[name] = [f"The date cannot be before {FIRST_DATE.isoformat()}."]
    elif not_before is not None and value < not_before:
        errors[name] = [f"The date cannot be before {label} ({not_before.isoformat()})."]


def clean_survey(data: dict) -> tuple[dict, dict[str, list[str]]]:
    """The fields of a survey response as stored, and the errors by field name. `complaint` is
    a reference, `resident` an id, `tenancy_reference` (an import's) finds the resident."""
    errors: dict[str, list[str]] = {}
    provider_id = text.clean_line(str(data.get("provider_response_id") or "")).strip()
    if len(provider_id) > PROVIDER_ID_MAX:
        errors["provider_response_id"] = [f"At most {PROVIDER_ID_MAX} characters."]
    _date(errors, "responded_on", data.get("responded_on"))
    tenure = data.get("tenure")
    if tenure not in SurveyTenure.values:
        errors["tenure"] = ["Choose LCRA (low cost rental) or LCHO (low cost home ownership)."]
    complained = data.get("complained_last_12_months")
    if not isinstance(complained, bool):
        errors["complained_last_12_months"] = [
            "Say whether they report making a complaint in the last 12 months (yes or no)."
        ]
    satisfaction = data.get("satisfaction") or ""
    if satisfaction not in ("", *Satisfaction.values):
        errors["satisfaction"] = [f"Choose one of: {', '.join(Satisfaction.labels)}, or blank."]
    comment = text.clean_text(str(data.get("comment") or "")).strip()
    if len(comment) > text.TEXT:
        errors["comment"] = [f"At most {text.TEXT:,} characters."]
    complaint = None
    reference = data.get("complaint")
    reference = reference.strip() if isinstance(reference, str) else ""
    if reference:
        complaint = Complaint.objects.select_related("resident").filter(reference=reference).first()
        if complaint is None:
            errors["complaint"] = [f"No complaint has reference {reference!r}."]
    resident = None
    if data.get("resident") not in (None, ""):
        wanted = str(data["resident"])
        resident = Resident.objects.filter(pk=int(wanted)).first() if wanted.isdigit() else None
        if resident is None:
            errors["resident"] = ["No resident has that id."]
    tenancy = (data.get("tenancy_reference") or "").strip()
    if resident is None and complaint is not None:
        resident = complaint.resident
    if resident is None and tenancy:
        found = list(
            Resident.objects.filter(
                tenancy_reference=tenancy, merged_into__isnull=True, anonymised_at__isnull=True
            )[:2]
        )
        # Linked only when one resident holds the tenancy: a shared tenancy stays unlinked.
        resident = found[0] if len(found) == 1 else None
    if resident is not None and resident.merged_into_id:
        resident = resident.merged_into
    cleaned = {
        "provider_response_id": provider_id,
        "responded_on": data.get("responded_on"),
        "tenure": tenure,
        "complained_last_12_months": complained,
        "satisfaction": satisfaction,
        "comment": comment,
        "complaint": complaint,
        "resident": resident,
    }
    return cleaned, errors


@transaction.atomic
def survey_record(*, user, **data) -> SurveyResponse:
    """A response entered by staff (from a paper or phone survey, say)."""
    permissions.require_recorder(user)
    cleaned, errors = clean_survey(data)
    provider_id = cleaned["provider_response_id"]
    if provider_id and SurveyResponse.objects.filter(provider_response_id=provider_id).exists():
        errors.setdefault("provider_response_id", []).append(
            f"A response with id {provider_id!r} is already recorded."
        )
    if errors:
        raise InvalidInput(errors)
    return SurveyResponse.objects.create(**cleaned, source=SurveySource.STAFF, recorded_by=user)


# --- import ------------------------------------------------------------------------------


@dataclass
class Problem:
    row: int  # as the spreadsheet numbers it (the header is row 1)
    column: str
    rule: str

    def __str__(self):
        return f"Row {self.row}, column {self.column}: {self.rule}"


class ImportRefused(InvalidInput):
    """Nothing was imported: every problem named by row and column."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__({f"row {p.row}, {p.column}": p.rule for p in problems})


@dataclass
class ImportResult:
    created: list[SurveyResponse] = field(default_factory=list)
    already_imported: int = 0

    @property
    def follow_ups(self) -> int:
        return sum(
            1 for s in self.created if rule.is_dissatisfied_comment(s.satisfaction, s.comment)
        )


@transaction.atomic
def survey_import(*, user, rows, source: str = "") -> ImportResult:
    """Import parsed rows (`surveys.importing.read`): each a row number, its values by field
    and the problems found reading it. All or nothing: any problem refuses the whole file. A
    response whose provider id is already recorded is left as it is (an import run twice
    imports once)."""
    permissions.require_importer(user)
    from putright.surveys.importing import COLUMN_OF

    problems: list[Problem] = []
    seen: dict[str, int] = {}
    ready = []
    for row in rows:
        problems += [Problem(row.number, column, message) for column, message in row.problems]
        cleaned, errors = clean_survey(row.values)
        for name, messages in errors.items():
            if any(p.row == row.number and p.column == COLUMN_OF.get(name, name) for p in problems):
                continue  # already said why the cell could not be read
            problems += [Problem(row.number, COLUMN_OF.get(name, name), m) for m in messages]
        provider_id = cleaned["provider_response_id"]
        if not provider_id:
            problems.append(
                Problem(row.number, COLUMN_OF["provider_response_id"], "Give the response id.")
            )
        elif provider_id in seen:
            problems.append(
                Problem(
                    row.number,
                    COLUMN_OF["provider_response_id"],
                    f"The response id {provider_id!r} is also on row {seen[provider_id]}.",
                )
            )
        else:
            seen[provider_id] = row.number
        ready.append(cleaned)
    if not rows:
        problems.append(Problem(1, "(all)", "The file has no survey responses."))
    if problems:
        raise ImportRefused(sorted(problems, key=lambda p: p.row))
    existing = set(
        SurveyResponse.objects.filter(provider_response_id__in=list(seen)).values_list(
            "provider_response_id", flat=True
        )
    )
    result = ImportResult()
    for cleaned in ready:
        if cleaned["provider_response_id"] in existing:
            result.already_imported += 1
            continue
        result.created.append(
            SurveyResponse.objects.create(
                **cleaned,
                source=SurveySource.IMPORT,
                source_file=text.clean_line(source)[:200],
                recorded_by=user,
            )
        )
    return result


# --- follow-up (1.3, 1.6) ----------------------------------------------------------------


@transaction.atomic
def follow_up_record(
    *,
    user,
    survey: SurveyResponse,
    offered_on: dt.date,
    method: str,
    choice: str,
    notes: str = "",
    complaint: dict | None = None,
) -> SurveyFollowUp:
    """Record that the resident was offered the complaints process after a dissatisfied comment
    and what they chose. "raise_complaint" logs the complaint through complaint_log (with
    `complaint`: channel, description, category, and the resident's name when the survey has
    no resident) and links it."""
    permissions.require_recorder(user)
    survey = SurveyResponse.objects.select_for_update().get(pk=survey.pk)
    if not rule.is_dissatisfied_comment(survey.satisfaction, survey.comment):
        raise RuleBroken(
            "not_dissatisfied",
            "Only a dissatisfied survey comment is followed up with the offer to complain.",
            "1.6",
        )
    errors: dict[str, list[str]] = {}
    _date(errors, "offered_on", offered_on, not_before=survey.responded_on, label="the response")
    if method not in OfferMethod.values:
        errors["method"] = [f"Choose one of: {', '.join(OfferMethod.values)}."]
    if choice not in FollowUpChoice.values:
        errors["choice"] = [f"Choose one of: {', '.join(FollowUpChoice.values)}."]
    notes = text.clean_text(notes or "").strip()
    if errors:
        raise InvalidInput(errors)
    raised = None
    if choice == FollowUpChoice.RAISE_COMPLAINT:
        if survey.follow_ups.filter(complaint__isnull=False).exists():
            raise RuleBroken(
                "complaint_already_raised",
                "A complaint has already been raised from this survey comment.",
                "1.6",
            )
        raised = _raise_complaint(user, survey, offered_on, complaint or {})
    follow_up = SurveyFollowUp.objects.create(
        survey=survey,
        offered_on=offered_on,
        method=method,
        choice=choice,
        complaint=raised,
        notes=notes,
        recorded_by=user,
    )
    return follow_up


def _raise_complaint(user, survey: SurveyResponse, offered_on: dt.date, data: dict) -> Complaint:
    from putright.complaints.services import complaint_log

    if survey.resident_id:
        resident = {"id": survey.resident_id}
    else:
        resident = {
            key: data.get(key) or ""
            for key in ("name", "email", "phone", "tenancy_reference")
            if data.get(key) or key == "name"
        }
    try:
        complaint, _ = complaint_log(
            user=user,
            resident=resident,
            received_on=offered_on,
            channel=data.get("channel") or "",
            description=data.get("description") or survey.comment,
            category=data.get("category") or None,
            actor_label="",
        )
    except InvalidInput as error:
        # Named as the follow-up's own fields: complaint.channel, complaint.name...
        raise nested(error, "complaint") from error
    return complaint
