"""Writes of the training register: courses and completions, by the complaints officer,
managers and administrators. A completion is never edited; a refresher is a new record."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from putright import dates
from putright.accounts.models import User
from putright.contractors.models import Contractor
from putright.errors import InvalidInput, NotPermitted
from putright.oversight import permissions
from putright.rules import training as rule
from putright.training.models import Course, TrainingRecord

EDITORS_ONLY = (
    "Only the complaints officer, managers and administrators keep the training register."
)


def require_editor(user: User) -> None:
    if not permissions.can_edit_oversight(user):
        raise NotPermitted(EDITORS_ONLY)


@transaction.atomic
def course_add(
    *,
    user: User,
    name: str,
    complaint_handling: bool = False,
    awareness: bool = False,
    validity_months: int | None = None,
) -> Course:
    require_editor(user)
    name = (name or "").strip()
    if not name:
        raise InvalidInput({"name": ["Enter the course's name."]})
    if Course.objects.filter(name__iexact=name).exists():
        raise InvalidInput({"name": [f"{name} is a course already."]})
    rule.check_validity(validity_months)
    return Course.objects.create(
        name=name,
        complaint_handling=bool(complaint_handling),
        awareness=bool(awareness),
        validity_months=validity_months,
    )


@transaction.atomic
def training_record(
    *,
    user: User,
    course: Course,
    completed_on: dt.date,
    staff: User | None = None,
    contractor: Contractor | None = None,
    person_name: str = "",
    evidence: str = "",
) -> TrainingRecord:
    """A staff member's completion, or a contractor's named person's."""
    require_editor(user)
    person_name = (person_name or "").strip()
    errors: dict = {}
    if staff is None and contractor is None:
        errors["staff"] = ["Choose the member of staff, or the contractor and their person."]
    elif staff is not None and contractor is not None:
        errors["contractor"] = [
            "A record is for a member of staff or a contractor's person, not both."
        ]
    elif contractor is not None and not person_name:
        errors["person_name"] = ["Enter the name of the contractor's person who was trained."]
    if errors:
        raise InvalidInput(errors)
    rule.check_completed_on(completed_on, dates.today())
    return TrainingRecord.objects.create(
        course=course,
        staff=staff,
        contractor=contractor,
        person_name=person_name if contractor is not None else "",
        completed_on=completed_on,
        expires_on=rule.expires_on(completed_on, course.validity_months),
        evidence=(evidence or "").strip(),
        recorded_by=user,
    )
