"""The Ombudsman's annual submission pack: what its submission form asks for, from the records
that hold it. The homes come from the landlord's settings (HomesOwned); the links are the public
pages of what was published (the self-assessment, the annual report, and the governing body's
response published with the report); the comply answers are the year's self-assessment's. The
due date is rules.submission's. Nothing here is a copy: the pack is read afresh each time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse

from putright import dates, spreadsheets
from putright.rules import submission as rule
from putright.selfassessment.models import SelfAssessment, Status

SUBMITTED = "submitted_to_ombudsman"
STATUS_ORDER = {Status.PUBLISHED: 0, Status.APPROVED: 1, Status.DRAFT: 2}


@dataclass
class Link:
    name: str
    url: str = ""
    missing: str = ""  # why there is no link yet


@dataclass
class Pack:
    landlord: str
    financial_year_start: dt.date
    financial_year_end: dt.date
    due_on: dt.date | None
    homes: int | None
    homes_lcra: int | None
    homes_lcho: int | None
    self_assessment: SelfAssessment | None
    links: list[Link] = field(default_factory=list)
    answers: list[dict] = field(default_factory=list)
    submitted_on: dt.date | None = None
    missing: list[str] = field(default_factory=list)

    @property
    def submitted(self) -> bool:
        return self.submitted_on is not None

    def shown_on(self, day: dt.date) -> bool:
        return rule.Submission(self.financial_year_end, self.homes, self.due_on).shown_on(
            day, submitted=self.submitted
        )

    def as_dict(self) -> dict:
        return {
            "landlord": self.landlord,
            "financial_year_start": self.financial_year_start.isoformat(),
            "financial_year_end": self.financial_year_end.isoformat(),
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "homes": self.homes,
            "homes_lcra": self.homes_lcra,
            "homes_lcho": self.homes_lcho,
            "self_assessment": self.self_assessment.pk if self.self_assessment else None,
            "links": [
                {"name": link.name, "url": link.url or None, "missing": link.missing}
                for link in self.links
            ],
            "provisions": self.answers,
            "submitted_on": self.submitted_on.isoformat() if self.submitted_on else None,
            "missing": self.missing,
        }


def _absolute(path: str) -> str:
    # The Ombudsman's form asks for web addresses: the public site's, where it is configured.
    return settings.PUTRIGHT_SITE_URL.rstrip("/") + path


def _homes_row(year_end: dt.date):
    from putright.landlord.models import HomesOwned

    year = rule.reporting_year_of(year_end)
    return HomesOwned.objects.filter(reporting_year__lte=year).order_by("-reporting_year").first()


def _homes_for(year_end: dt.date) -> int | None:
    row = _homes_row(year_end)
    return row.homes if row else None


def year_self_assessment(start: dt.date, end: dt.date) -> SelfAssessment | None:
    """The self-assessment for the financial year against the Code in force at its end: one
    whose period ends in the year, the furthest along (published, approved, draft) first."""
    from putright.timescales.code import code_version_on

    version = code_version_on(end) or "2024"
    candidates = SelfAssessment.objects.filter(
        code_version__key=version, period_end__range=(start, end)
    ).select_related("code_version")
    ranked = sorted(
        candidates, key=lambda sa: (STATUS_ORDER[sa.status], -sa.period_end.toordinal())
    )
    return ranked[0] if ranked else None


def submitted_on(self_assessment: SelfAssessment | None) -> dt.date | None:
    if self_assessment is None:
        return None
    change = self_assessment.changes.filter(type=SUBMITTED).order_by("-sequence").first()
    return dt.date.fromisoformat(change.after["submitted_on"]) if change else None


def pack(day: dt.date | None = None, *, with_answers: bool = True) -> Pack:
    """The pack for the financial year being worked towards on `day`; without the answers
    (which the officer's home does not show) in a few queries."""
    from putright.landlord.selectors import landlord_settings
    from putright.oversight.models import AnnualReport

    day = day or dates.today()
    landlord = landlord_settings()
    current = rule.submission_on(day, month=landlord.financial_year_end, homes_for=_homes_for)
    start, end = current.financial_year_start, current.financial_year_end
    homes_row = _homes_row(end)
    self_assessment = year_self_assessment(start, end)
    result = Pack(
        landlord=landlord.name,
        financial_year_start=start,
        financial_year_end=end,
        due_on=current.due_on,
        homes=current.homes,
        homes_lcra=homes_row.homes_lcra if homes_row else None,
        homes_lcho=homes_row.homes_lcho if homes_row else None,
        self_assessment=self_assessment,
        submitted_on=submitted_on(self_assessment),
    )
    if current.homes is None:
        result.missing.append("The number of homes is not recorded in the landlord's settings.")
    result.links.append(_self_assessment_link(self_assessment))
    report = AnnualReport.objects.filter(reporting_year=rule.reporting_year_of(end)).first()
    result.links += _report_links(report, rule.reporting_year_of(end))
    result.missing += [f"{link.name}: {link.missing}" for link in result.links if link.missing]
    if self_assessment is not None and with_answers:
        result.answers = [
            {
                "ref": answer.ref,
                "requirement": answer.requirement,
                "comply": answer.comply,
                "comply_label": answer.get_comply_display() if answer.comply else "",
            }
            for answer in self_assessment.answers.order_by("position")
        ]
        unanswered = [a["ref"] for a in result.answers if not a["comply"]]
        if unanswered:
            result.missing.append(f"No comply answer for {', '.join(unanswered)}.")
    return result


def _self_assessment_link(self_assessment: SelfAssessment | None) -> Link:
    link = Link("The published self-assessment")
    if self_assessment is None:
        link.missing = "no self-assessment against the Code for the year."
    elif self_assessment.status != Status.PUBLISHED:
        link.missing = f"the year's self-assessment is {self_assessment.get_status_display()}."
    else:
        link.url = _absolute(reverse("selfassessment:published_detail", args=[self_assessment.pk]))
    return link


def _report_links(report, year: int) -> list[Link]:
    report_link = Link("The annual complaints performance and service improvement report")
    response_link = Link("The governing body's response")
    if report is None or report.published_on is None:
        report_link.missing = response_link.missing = (
            f"the annual report for {year}/{(year + 1) % 100:02d} is not published."
        )
        return [report_link, response_link]
    path = reverse("oversight:public_report", args=[report.reporting_year])
    report_link.url = _absolute(path)
    # Published alongside the report (8.2), as its section 7.
    response_link.url = _absolute(path) + "#section-7"
    return [report_link, response_link]


def pack_csv(result: Pack) -> str:
    """The pack as the submission form's fields, then a comply answer per provision."""
    rows = [
        ["Landlord", result.landlord],
        ["Financial year", f"{result.financial_year_start} to {result.financial_year_end}"],
        ["Submission due", result.due_on.isoformat() if result.due_on else ""],
        ["Number of homes", result.homes if result.homes is not None else ""],
        ["Homes (LCRA)", result.homes_lcra if result.homes_lcra is not None else ""],
        ["Homes (LCHO)", result.homes_lcho if result.homes_lcho is not None else ""],
        *([link.name, link.url or f"(missing: {link.missing})"] for link in result.links),
        [],
        ["Provision", "Comply"],
        *([answer["ref"], answer["comply_label"]] for answer in result.answers),
    ]
    return spreadsheets.csv_text(rows)
