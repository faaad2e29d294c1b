"""The plain dict a letter template sees, built from the case.

Only strings, numbers, lists and dicts go in (dates already written out as a resident reads them),
so that the landlord's wording can use the case's fields and nothing else.
"""

from __future__ import annotations

import datetime as dt
import re

from putright import dates
from putright.complaints.models import Complaint, RefusalReason, RemedyType
from putright.landlord.selectors import landlord_settings
from putright.letters.models import LetterKind
from putright.notifications.services import tracking_address, tracking_link

# The stage each kind of letter speaks for; None means the complaint's current stage.
KIND_STAGE = {
    LetterKind.ACKNOWLEDGEMENT: None,
    LetterKind.EXTENSION: None,
    LetterKind.REFUSAL: 1,
    LetterKind.ESCALATION_REFUSAL: 2,
    LetterKind.STAGE1_RESPONSE: 1,
    LetterKind.STAGE2_RESPONSE: 2,
}


def long_date(value: dt.date | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def money(value) -> str:
    return f"£{value:,.2f}" if value is not None else ""


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _without_provision(label: str) -> str:
    # "Legal proceedings have started (2.3)" reads better to a resident without the number.
    return re.sub(r"\s*\([\d.]+\)$", "", str(label))


def letter_stage(kind: str, complaint: Complaint) -> int:
    return KIND_STAGE[LetterKind(kind)] or complaint.stage


def build(kind: str, complaint: Complaint) -> dict:
    """Everything a letter of this kind may say, read from the case. `complaint` should come from
    `putright.complaints.selectors.complaint_get` (its related rows are prefetched)."""
    number = letter_stage(kind, complaint)
    stage = next((s for s in complaint.stages.all() if s.number == number), None)
    landlord = landlord_settings()
    data: dict = {
        "kind": str(kind),
        "today": long_date(dates.today()),
        "landlord": {
            "name": landlord.name,
            "address": landlord.address,
            "complaints_email": landlord.complaints_email,
            "complaints_phone": landlord.complaints_phone,
            "complaints_policy_url": landlord.complaints_policy_url,
        },
        "ombudsman": {
            "name": landlord.ombudsman_name,
            "address": landlord.ombudsman_address,
            "phone": landlord.ombudsman_phone,
            "email": landlord.ombudsman_email,
            "website": landlord.ombudsman_website,
        },
        "complaint": {
            "reference": complaint.reference,
            "received_on": long_date(complaint.received_on),
            "description": complaint.description,
            "outcome_wanted": complaint.outcome_wanted,
            "category": complaint.get_category_display(),
            # How the resident follows their complaint (review finding R1): on paper the short
            # address, where the reference and a postcode or e-mail address open the case; in
            # an e-mail the private link itself.
            "tracking_address": tracking_address(),
            "tracking_link": tracking_link(complaint),
        },
        "resident": {
            "name": complaint.resident.name,
            "address": complaint.resident.address,
            "email": complaint.resident.email,
        },
        "representative": (
            {
                "name": complaint.representative.name,
                "relationship": complaint.representative.relationship,
            }
            if complaint.representative
            else {}
        ),
        "stage": _stage(stage, number),
        "extension": {},
        "refusal": {},
        "remedies": [],
        "actions": [],
        # 6.8: related issues joined before the stage 1 response are answered in it.
        "related_issues": [
            {"description": issue.description, "received_on": long_date(issue.received_on)}
            for issue in complaint.related_issues.all()
        ]
        if number == 1
        else [],
    }
    if stage is not None:
        extensions = list(stage.extensions.all())
        if extensions:
            latest = extensions[-1]
            data["extension"] = {
                "working_days": latest.working_days,
                "reason": latest.reason,
                "previous_date": long_date(latest.respond_by_before),
                "new_date": long_date(latest.respond_by_after),
                "informed_on": long_date(latest.resident_informed_on),
            }
    refusals = [r for r in complaint.refusals.all() if r.stage == number]
    if refusals:
        refusal = refusals[-1]
        data["refusal"] = {
            "reason": refusal.reason,
            "reason_label": _without_provision(RefusalReason(refusal.reason).label),
            "explanation": refusal.explanation,
            "decided_on": long_date(refusal.decided_on),
        }
    data["remedies"] = [
        {
            "type": remedy.type,
            "type_label": RemedyType(remedy.type).label,
            "description": remedy.description,
            "amount": money(remedy.amount),
            "due_on": long_date(remedy.due_on),
        }
        for remedy in complaint.remedies.all()
        if remedy.stage == number
    ]
    data["actions"] = [
        {"description": action.description, "due_on": long_date(action.due_on)}
        for action in complaint.actions.all()
        if action.stage == number and action.completed_on is None
    ]
    return data


def _stage(stage, number: int) -> dict:
    if stage is None:
        return {"number": number, "name": f"stage {number}"}
    return {
        "number": number,
        "name": f"stage {number}",
        "requested_on": long_date(stage.requested_on),
        "acknowledged_on": long_date(stage.acknowledged_on),
        "handler": _person(stage.handler),
        "understanding": stage.understanding,
        "outcomes_sought": stage.outcomes_sought,
        "responsible_for": stage.responsible_for,
        "not_responsible_for": stage.not_responsible_for,
        "respond_by": long_date(stage.respond_by),
        "responded_on": long_date(stage.responded_on),
        "decision": stage.decision,
        "decision_label": stage.get_decision_display().lower() if stage.decision else "",
        "reasons": stage.reasons,
        "escalation_reason": stage.escalation_reason,
    }
