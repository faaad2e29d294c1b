"""The demo's learning, Ombudsman and self-assessment records (UX review M7: half the manager
pages were empty, and a sales demo opened on blank registers). Made through the services from
the demo's own complaints, after they are played, so that every record points at real cases."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count

from putright.accounts.models import User
from putright.complaints.models import Complaint, Stage
from putright.errors import RuleBroken
from putright.oversight import services as oversight
from putright.oversight.models import Lesson
from putright.oversight.periods import reporting_year_of
from putright.selfassessment import services as selfassessment

# What a landlord learned from its most common complaints: (category, title, description).
LESSONS = {
    "damp_mould": (
        "Inspect damp and mould within 10 working days",
        "Residents waited weeks for a first visit. Surveyors now book an inspection when the "
        "complaint is acknowledged, and the handler checks it happened.",
    ),
    "repairs": (
        "Give a repair date when a repair is raised",
        "Complaints started when repairs were raised without a date. The contact centre now "
        "books an appointment in the same call.",
    ),
    "communication": (
        "Call back within one working day",
        "Residents complained that nobody rang back. Messages now go to a shared queue with a "
        "one-day target that team leaders see.",
    ),
}
STATUSES = [Lesson.Status.IMPLEMENTED, Lesson.Status.IN_PROGRESS, Lesson.Status.IDENTIFIED]


def _lessons(officer: User, manager: User, today: dt.date) -> int:
    made = 0
    categories = (
        Complaint.objects.values("category").annotate(n=Count("pk")).order_by("-n", "category")
    )
    for row, status in zip(
        [r for r in categories if r["category"] in LESSONS], STATUSES, strict=False
    ):
        title, description = LESSONS[row["category"]]
        cases = list(
            Complaint.objects.filter(category=row["category"])
            .order_by("received_on")
            .values_list("reference", flat=True)[:3]
        )
        identified = Complaint.objects.get(reference=cases[0]).received_on + dt.timedelta(30)
        lesson = oversight.lesson_record(
            user=officer,
            title=title,
            description=description,
            complaints=cases,
            owner=manager,
            category=row["category"],
            identified_on=min(identified, today),
            target_on=today + dt.timedelta(days=60),
        )
        if status != Lesson.Status.IDENTIFIED:
            oversight.lesson_update_status(
                user=officer,
                lesson=lesson,
                status=status,
                implemented_on=today if status == Lesson.Status.IMPLEMENTED else None,
            )
        made += 1
    return made


def _ombudsman_cases(manager: User, today: dt.date) -> int:
    """Two cases taken to the Ombudsman after a stage 2 response: one determined, with an order
    still to comply with, and one waiting, with evidence asked for."""
    answered = list(
        Stage.objects.filter(number=2, responded_on__isnull=False)
        .select_related("complaint")
        .order_by("responded_on")[:2]
    )
    for index, stage in enumerate(answered):
        referred = min(stage.responded_on + dt.timedelta(days=21), today)
        case = oversight.ombudsman_case_open(
            user=manager,
            complaint=stage.complaint,
            referred_on=referred,
            ombudsman_reference=f"2025{stage.complaint.pk:05d}",
        )
        if index == 0 and referred + dt.timedelta(days=30) <= today:
            oversight.ombudsman_determination_record(
                user=manager,
                case=case,
                determined_on=referred + dt.timedelta(days=30),
                code_non_compliance=True,
                self_assessment_review=True,
                summary="The stage 2 response came late and did not say what would be put right.",
                findings=[
                    {
                        "element": "The landlord's handling of the repair",
                        "finding": "service_failure",
                    },
                    {"element": "Complaint handling", "finding": "maladministration"},
                ],
                orders=[
                    {
                        "kind": "order",
                        "description": "Pay the resident £250 for the time and trouble caused.",
                        "due_on": referred + dt.timedelta(days=58),
                    },
                    {"kind": "recommendation", "description": "Train stage 2 reviewers on 6.17."},
                ],
            )
        else:
            oversight.evidence_request_record(
                user=manager,
                case=case,
                description="The complaint file, the repair records and both responses.",
                requested_on=referred,
                due_on=referred + dt.timedelta(days=15),
            )
    return len(answered)


def _self_assessment(officer: User, today: dt.date) -> int:
    """This year's self-assessment, started, with Putright's live evidence taken in for the
    first answers it has records for: the page a complaints officer would open to carry on."""
    from putright.system.demo.load import clock_at

    year = reporting_year_of(today)
    # Started six weeks ago, before the demo's organisational change (system/demo/governance.py),
    # so that a new self-assessment is shown due after it (8.3).
    started = dt.datetime.combine(today - dt.timedelta(days=42), dt.time(10), tzinfo=dt.UTC)
    with clock_at(started):
        assessment = selfassessment.selfassessment_create(
            user=officer,
            code_version="2024",
            period_start=dt.date(year, 4, 1),
            period_end=dt.date(year + 1, 3, 31),
            title=f"Self-assessment {year}/{(year + 1) % 100:02d}",
        )
    accepted = 0
    for answer in assessment.answers.order_by("pk"):
        if accepted == 8:
            break
        try:
            selfassessment.answer_accept_live_evidence(user=officer, answer=answer)
        except RuleBroken:  # a provision Putright holds no records for: the officer answers it
            continue
        accepted += 1
    return 1


def oversight_set_up(users: dict[str, User], today: dt.date) -> dict[str, int]:
    officer, manager = users["olivia"], users["martin"]
    return {
        "lessons": _lessons(officer, manager, today),
        "ombudsman_cases": _ombudsman_cases(manager, today),
        "self_assessments": _self_assessment(officer, today),
    }
