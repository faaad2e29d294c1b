"""Writes of the oversight app: the learning register, Ombudsman cases, and the annual report's
governing body response and publication."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates, text
from putright.accounts.models import User
from putright.complaints.models import Complaint
from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.oversight import permissions
from putright.oversight.models import (
    AnnualReport,
    Determination,
    EvidenceRequest,
    Finding,
    Lesson,
    OmbudsmanCase,
    OmbudsmanReport,
    Order,
)
from putright.oversight.periods import reporting_year as reporting_year_period
from putright.selfassessment.selectors import selfassessment_for_annual_report

OVERSIGHT_EDITORS = permissions.EDITORS
# Leaves a lesson's owner as it is when only the status changes.
UNCHANGED = object()


def _require_editor(user: User) -> None:
    if not permissions.can_edit_oversight(user):
        raise NotPermitted(permissions.EDITORS_ONLY)


def _required(errors: dict, field: str, value, message: str):
    if value in (None, "") or (isinstance(value, str) and not value.strip()):
        errors[field] = message
    return value.strip() if isinstance(value, str) else value


def _complaints(references: list[str] | None) -> list[Complaint]:
    references = list(references or [])
    found = list(Complaint.objects.filter(reference__in=references))
    missing = sorted(set(references) - {c.reference for c in found})
    if missing:
        raise InvalidInput({"complaints": f"No complaint has reference {', '.join(missing)}."})
    return found


# --- learning (9.1 to 9.4) -------------------------------------------------------------------


@transaction.atomic
def lesson_record(
    *,
    user: User,
    title: str,
    description: str,
    complaints: list[str] | None = None,
    owner: User | None = None,
    category: str = "",
    service_area: str = "",
    identified_on: dt.date | None = None,
    target_on: dt.date | None = None,
) -> Lesson:
    _require_editor(user)
    errors: dict[str, str] = {}
    title = _required(errors, "title", title, "Give the lesson a title.")
    description = _required(errors, "description", description, "Describe what was learned.")
    if errors:
        raise InvalidInput(errors)
    lesson = Lesson.objects.create(
        title=title,
        description=description,
        owner=owner,
        category=category or "",
        service_area=(service_area or "").strip(),
        identified_on=identified_on or dates.today(),
        target_on=target_on,
    )
    lesson.complaints.set(_complaints(complaints))
    return lesson


@transaction.atomic
def lesson_update_status(
    *,
    user: User,
    lesson: Lesson,
    status: str,
    implemented_on: dt.date | None = None,
    owner: User | object | None = UNCHANGED,
) -> Lesson:
    _require_editor(user)
    if status not in Lesson.Status.values:
        raise InvalidInput({"status": f"Choose one of: {', '.join(Lesson.Status.values)}."})
    if status == Lesson.Status.IMPLEMENTED:
        implemented_on = implemented_on or dates.today()
        if implemented_on < lesson.identified_on:
            raise InvalidInput(
                {"implemented_on": "A lesson cannot be implemented before it was identified."}
            )
    else:
        implemented_on = None
    lesson.status = status
    lesson.implemented_on = implemented_on
    fields = ["status", "implemented_on"]
    if owner is not UNCHANGED:
        lesson.owner = owner
        fields.append("owner")
    lesson.save(update_fields=fields)
    return lesson


# --- Ombudsman cases -------------------------------------------------------------------------


@transaction.atomic
def ombudsman_case_open(
    *,
    user: User,
    complaint: Complaint,
    referred_on: dt.date,
    ombudsman_reference: str = "",
) -> OmbudsmanCase:
    _require_editor(user)
    if referred_on < complaint.received_on:
        raise InvalidInput(
            {"referred_on": "The referral cannot be before the complaint was received."}
        )
    return OmbudsmanCase.objects.create(
        complaint=complaint,
        referred_on=referred_on,
        ombudsman_reference=(ombudsman_reference or "").strip(),
    )


@transaction.atomic
def evidence_request_record(
    *, user: User, case: OmbudsmanCase, description: str, requested_on: dt.date, due_on: dt.date
) -> EvidenceRequest:
    _require_editor(user)
    if due_on < requested_on:
        raise InvalidInput({"due_on": "The deadline cannot be before the request."})
    return EvidenceRequest.objects.create(
        case=case, description=description.strip(), requested_on=requested_on, due_on=due_on
    )


@transaction.atomic
def ombudsman_determination_record(
    *,
    user: User,
    case: OmbudsmanCase,
    determined_on: dt.date,
    findings: list[dict],
    orders: list[dict] | None = None,
    code_non_compliance: bool = False,
    summary: str = "",
    self_assessment_review: bool = False,
) -> OmbudsmanCase:
    """The Ombudsman's determination: a finding per element, with orders and recommendations."""
    _require_editor(user)
    if case.determined_on is not None:
        raise RuleBroken("already_determined", "This Ombudsman case is already determined.")
    errors: dict[str, str] = {}
    if determined_on < case.referred_on:
        errors["determined_on"] = "The determination cannot be before the referral."
    if not findings:
        errors["findings"] = "Record the finding for each element of the complaint."
    for index, item in enumerate(findings or []):
        if not (item.get("element") or "").strip():
            errors[f"findings[{index}].element"] = "Name the element of the complaint."
        if item.get("finding") not in Finding.values:
            errors[f"findings[{index}].finding"] = f"Choose one of: {', '.join(Finding.values)}."
    for index, item in enumerate(orders or []):
        if item.get("kind") not in Order.Kind.values:
            errors[f"orders[{index}].kind"] = "Choose order or recommendation."
        if not (item.get("description") or "").strip():
            errors[f"orders[{index}].description"] = "Describe the order or recommendation."
    if errors:
        raise InvalidInput(errors)
    case.determined_on = determined_on
    case.code_non_compliance = code_non_compliance
    case.self_assessment_review = self_assessment_review
    case.summary = (summary or "").strip()
    case.save(
        update_fields=["determined_on", "code_non_compliance", "self_assessment_review", "summary"]
    )
    Determination.objects.bulk_create(
        Determination(case=case, element=i["element"].strip(), finding=i["finding"])
        for i in findings
    )
    Order.objects.bulk_create(
        Order(
            case=case,
            kind=i["kind"],
            description=i["description"].strip(),
            amount=i.get("amount"),
            due_on=i.get("due_on"),
        )
        for i in orders or []
    )
    return case


@transaction.atomic
def order_comply(*, user: User, order: Order, complied_on: dt.date, evidence: str) -> Order:
    _require_editor(user)
    if not (evidence or "").strip():
        raise InvalidInput({"evidence": "Record the evidence of compliance sent to the Ombudsman."})
    order.complied_on = complied_on
    order.compliance_evidence = evidence.strip()
    order.save(update_fields=["complied_on", "compliance_evidence"])
    return order


@transaction.atomic
def ombudsman_report_record(
    *, user: User, kind: str, title: str, received_on: dt.date, summary: str = "", url: str = ""
) -> OmbudsmanReport:
    _require_editor(user)
    if kind not in OmbudsmanReport.Kind.values:
        raise InvalidInput({"kind": f"Choose one of: {', '.join(OmbudsmanReport.Kind.values)}."})
    if not (title or "").strip():
        raise InvalidInput({"title": "Give the report's title."})
    return OmbudsmanReport.objects.create(
        kind=kind, title=title.strip(), received_on=received_on, summary=summary, url=url
    )


# --- annual report (8.1, 8.2, 3.5) -----------------------------------------------------------


@transaction.atomic
def annual_report_response_record(
    *, user: User, reporting_year: int, response: str, commentary: str | None = None
) -> AnnualReport:
    """The governing body's response to the annual report (8.2): recorded by the MRC or
    governance users as well as managers."""
    if not permissions.can_record_response(user):
        raise NotPermitted("Only governance users and managers record the response.")
    response = text.bounded("response", response, text.TEXT)
    if commentary is not None:
        commentary = text.bounded("commentary", commentary, text.TEXT)
    if not response.strip():
        raise InvalidInput({"response": "Record the governing body's response."})
    report, _ = AnnualReport.objects.select_for_update().get_or_create(
        reporting_year=reporting_year
    )
    if report.published_on is not None:
        raise RuleBroken(
            "already_published",
            "The report and response are published; they cannot be changed.",
            "8.2",
        )
    report.governing_body_response = response.strip()
    report.response_recorded_on = dates.today()
    if commentary is not None:
        report.commentary = commentary.strip()
    report.save()
    return report


@transaction.atomic
def annual_report_publish(*, user: User, reporting_year: int) -> AnnualReport:
    """Publish the report with the governing body's response beside it (8.2, 3.5). The HTML is
    frozen so that the published report does not change as cases move on."""
    from putright.oversight.reports import annual_report_html

    _require_editor(user)
    report = AnnualReport.objects.select_for_update().filter(reporting_year=reporting_year).first()
    if report is None or not report.governing_body_response:
        # 8.2: the report is published with the governing body's response beside it.
        raise RuleBroken(
            "response_missing",
            "Record the governing body's response before publishing the annual report.",
            "8.2",
        )
    if report.published_on is not None:
        raise RuleBroken("already_published", "The annual report is already published.", "8.2")
    period = reporting_year_period(reporting_year)
    if selfassessment_for_annual_report(start=period.start, end=period.end) is None:
        # 8.1 a / 8.2: the report includes the self-assessment, approved by the governing body.
        raise RuleBroken(
            "selfassessment_not_approved",
            "The annual report includes the self-assessment against the Code (8.1 a): record the "
            "governing body's approval of a self-assessment ending in this reporting year before "
            "publishing.",
            "8.2",
        )
    report.published_on = dates.today()
    report.published_html = annual_report_html(reporting_year, report=report, public=True)
    report.save(update_fields=["published_on", "published_html"])
    return report
