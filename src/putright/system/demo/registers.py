"""The demo's contractor and training registers (issue 13: 3.2, 4.3, 5.4, 5.5, 9.8), made
through the services after the complaints are played, so that the contractors page, the
training register, the case page's contractor panel and their live evidence all show something:
one expired and one expiring training record, a request answered on time, one late and one
overdue."""

from __future__ import annotations

import datetime as dt

from putright.accounts.models import User
from putright.complaints.models import Complaint, Remedy
from putright.contractors import services as contractors
from putright.training import services as training

CONTRACTORS = [
    ("Riverside Repairs Ltd", "Responsive repairs", "complaints@riverside-repairs.example"),
    ("Dryhome Damp Specialists", "Damp and mould surveys and treatment", "01632 960123"),
    ("Greenway Grounds", "Grounds maintenance", "office@greenway.example"),
]

# username: days before today the complaint-handling course was completed (12 months valid).
HANDLING = {"olivia": 100, "martin": 200, "hannah": 300, "harry": 350, "hamid": 400}


def _contractors(officer: User) -> list:
    return [
        contractors.contractor_add(user=officer, name=name, service=service, contact=contact)
        for name, service, contact in CONTRACTORS
    ]


def _training(officer: User, users: dict[str, User], repairs, today: dt.date) -> int:
    handling = training.course_add(
        user=officer,
        name="Complaint handling (Housing Ombudsman's e-learning)",
        complaint_handling=True,
        validity_months=12,
    )
    awareness = training.course_add(
        user=officer,
        name="The complaints process: awareness for all staff",
        awareness=True,
        validity_months=24,
    )
    made = 0
    for username, days in HANDLING.items():
        training.training_record(
            user=officer,
            course=handling,
            staff=users[username],
            completed_on=today - dt.timedelta(days=days),
            evidence="Certificate on the personnel file.",
        )
        made += 1
    for username in ("olivia", "hannah", "harry", "hamid", "martin", "adam"):
        training.training_record(
            user=officer,
            course=awareness,
            staff=users[username],
            completed_on=today - dt.timedelta(days=150),
            evidence="Team briefing attendance list.",
        )
        made += 1
    for person in ("Dave Brook", "Priya Shah"):
        training.training_record(
            user=officer,
            course=awareness,
            contractor=repairs,
            person_name=person,
            completed_on=today - dt.timedelta(days=60),
            evidence="Toolbox talk sign-in sheet.",
        )
        made += 1
    return made


def _case_parts(officer: User, found: list, today: dt.date) -> int:
    repairs, damp, _ = found
    by_category = {"repairs": repairs, "damp_mould": damp}
    complaints = list(
        Complaint.objects.filter(category__in=by_category, received_on__lt=today)
        .order_by("-received_on")
        .prefetch_related("remedies")[:12]
    )
    two_stage = Complaint.objects.filter(stage=2).order_by("-received_on").first()
    if two_stage is not None and two_stage not in complaints:
        complaints.insert(0, two_stage)
    requests = 0
    for index, complaint in enumerate(complaints):
        contractor = by_category.get(complaint.category, repairs)
        contractors.contractor_name(
            user=officer,
            complaint=complaint,
            contractor=contractor,
            role="Carried out the work the complaint is about.",
        )
        remedy = Remedy.objects.filter(complaint=complaint).exclude(type="apology").first()
        if remedy is not None:
            contractors.remedy_contractor_set(
                user=officer,
                remedy=remedy,
                contractor=contractor,
                reason="The contractor is to do the work.",
            )
        if index > 4:
            continue
        sent = max(complaint.received_on + dt.timedelta(days=2), today - dt.timedelta(days=40))
        request = contractors.information_request_send(
            user=officer,
            complaint=complaint,
            contractor=contractor,
            description="Your job records, photographs and notes of the visits for this home.",
            sent_on=sent,
            due_on=sent + dt.timedelta(days=10),
        )
        requests += 1
        # On time, late, never answered (overdue), on time, ...
        if index % 3 == 0:
            answered = sent + dt.timedelta(days=7)
        elif index % 3 == 1:
            answered = sent + dt.timedelta(days=16)
        else:
            continue
        contractors.information_request_answer(
            user=officer,
            request=request,
            answered_on=min(answered, today),
            answer="Job sheets and photographs sent by e-mail.",
        )
    return requests


def registers_set_up(users: dict[str, User], today: dt.date) -> dict[str, int]:
    officer = users["olivia"]
    found = _contractors(officer)
    return {
        "contractors": len(found),
        "training_records": _training(officer, users, found[0], today),
        "contractor_requests": _case_parts(officer, found, today),
    }
