"""The demo's governance records: exceptional circumstances that ended, with their notice
(8.5); an organisational change that calls for a new self-assessment (8.3); the MRC and the
senior lead named (9.4, 9.5); a year of the governing body's meetings with the reports each
received, one Ombudsman determination reported at the next meeting and one still to report
(9.3, 9.7). Made through the services after the complaints and oversight records."""

from __future__ import annotations

import datetime as dt

from putright.accounts.models import User
from putright.complaints.models import Stage
from putright.governance import services
from putright.governance.models import Meeting
from putright.oversight import services as oversight
from putright.oversight.models import OmbudsmanCase
from putright.oversight.periods import reporting_year_of


def _incident(officer: User, today: dt.date) -> None:
    started = today - dt.timedelta(days=75)
    services.incident_record(
        user=officer,
        title="Cyber attack on our housing system",
        description="Our housing management system was taken offline by a ransomware attack. "
        "Complaints were logged on paper and entered when the system came back.",
        starts_on=started,
        ends_on=started + dt.timedelta(days=12),
        ombudsman_informed_on=started + dt.timedelta(days=1),
        notice="Our systems are affected by a cyber attack. You can still make a complaint by "
        "phone or in writing, but we may take longer than usual to respond. We have told the "
        "Housing Ombudsman and expect to be back to our usual timescales within three weeks.",
        notice_published_on=started + dt.timedelta(days=1),
        compliance_by=started + dt.timedelta(days=21),
    )


def _accountability(officer: User, users: dict[str, User], today: dt.date) -> None:
    services.accountability_set(
        user=officer,
        mrc_user=users["grace"],
        mrc_appointed_on=today - dt.timedelta(days=400),
        senior_lead_name="Sam Lee",
        senior_lead_job_title="Director of Customer Experience",
        senior_lead_appointed_on=today - dt.timedelta(days=500),
    )


def _reported_determination(manager: User, today: dt.date) -> OmbudsmanCase | None:
    """A second determination, older, so that one is reported and the demo's first stays to
    report."""
    stage = (
        Stage.objects.filter(number=2, responded_on__isnull=False, complaint__ombudsman_cases=None)
        .select_related("complaint")
        .order_by("responded_on")
        .first()
    )
    if stage is None:
        return None
    referred = stage.responded_on + dt.timedelta(days=14)
    determined = referred + dt.timedelta(days=20)
    if determined > today - dt.timedelta(days=40):
        return None
    case = oversight.ombudsman_case_open(
        user=manager,
        complaint=stage.complaint,
        referred_on=referred,
        ombudsman_reference=f"2025{stage.complaint.pk:05d}R",
    )
    return oversight.ombudsman_determination_record(
        user=manager,
        case=case,
        determined_on=determined,
        summary="The landlord's stage 2 response put things right.",
        findings=[{"element": "Complaint handling", "finding": "reasonable_redress"}],
    )


def _meetings(officer: User, manager: User, today: dt.date) -> int:
    """Board meetings about every three months over the last year and the next one scheduled;
    the pack at each, the annual report and the self-assessment once."""
    held = [today - dt.timedelta(days=days) for days in (340, 250, 160, 70, 20)]
    meetings = [services.meeting_record(user=officer, held_on=day, body="Board") for day in held]
    services.meeting_record(
        user=officer, held_on=today - dt.timedelta(days=110), body="Customer Services Committee"
    )
    services.meeting_record(user=officer, held_on=today + dt.timedelta(days=30), body="Board")
    for meeting in meetings:
        month = meeting.held_on - dt.timedelta(days=10)
        services.report_presented_record(
            user=officer,
            meeting=meeting,
            kind="pack",
            title=f"Governing body complaints pack to {month:%B %Y}",
        )
    # Last reporting year's annual report and self-assessment, at the first Board meeting at
    # least two months after the year ended (9.7 d).
    year = reporting_year_of(today) - 1
    after = next((m for m in meetings if m.held_on > dt.date(year + 1, 5, 31)), None)
    if after is not None:
        label = f"{year}/{(year + 1) % 100:02d}"
        services.report_presented_record(
            user=officer,
            meeting=after,
            kind="annual_report",
            title=f"Annual complaints performance report {label}",
        )
        services.report_presented_record(
            user=officer,
            meeting=after,
            kind="self_assessment",
            title=f"Self-assessment against the Code {label}",
        )
    case = _reported_determination(manager, today)
    if case is not None:
        first = Meeting.objects.filter(held_on__gt=case.determined_on, held_on__lte=today).first()
        if first is not None:
            services.report_presented_record(
                user=officer, meeting=first, kind="determination", ombudsman_case=case
            )
    return Meeting.objects.count()


def governance_set_up(users: dict[str, User], today: dt.date) -> dict[str, int]:
    officer, manager = users["olivia"], users["martin"]
    _incident(officer, today)
    services.organisational_change_record(
        user=officer,
        kind="restructure",
        changed_on=today - dt.timedelta(days=30),
        description="The complaints team moved from Housing Services into a new Customer "
        "Experience directorate reporting to the Director of Customer Experience.",
    )
    _accountability(officer, users, today)
    return {
        "incidents": 1,
        "organisational_changes": 1,
        "meetings": _meetings(officer, manager, today),
    }
