"""The demo's tenures and satisfaction surveys: homes per tenure for each reporting year,
each resident's tenure, and survey responses imported as the provider would send them (some
about demo complaints, some not), with dissatisfied comments some followed up and some waiting
(1.3, 1.6, TP09). Made through the services after the complaints are played."""

from __future__ import annotations

import datetime as dt

from putright.accounts.models import User
from putright.complaints.models import Stage
from putright.landlord.models import HomesOwned
from putright.people.models import Resident, Tenure
from putright.people.tenure import resident_tenure_set
from putright.surveys import services
from putright.surveys.importing import Row
from putright.surveys.models import FollowUpChoice

LCHO_SHARE = 0.14  # about one home in seven is shared ownership
SCALE = [
    "very_satisfied",
    "fairly_satisfied",
    "very_dissatisfied",
    "fairly_satisfied",
    "neither",
    "fairly_dissatisfied",
    "very_satisfied",
    "",
]
COMMENTS = {
    "very_dissatisfied": "Nobody called me back and I had to chase every week.",
    "fairly_dissatisfied": "The repair was done in the end but the letters did not explain why "
    "it took so long.",
    "very_satisfied": "The handler kept me informed and did what they said.",
}


def _homes() -> int:
    for homes in HomesOwned.objects.all():
        lcho = round(homes.homes * LCHO_SHARE)
        homes.homes_lcra, homes.homes_lcho = homes.homes - lcho, lcho
        homes.full_clean()
        homes.save(update_fields=["homes_lcra", "homes_lcho"])
    return HomesOwned.objects.count()


def _tenures(officer: User) -> None:
    for index, resident in enumerate(Resident.objects.order_by("pk")):
        tenure = Tenure.LCHO if index % 7 == 3 else Tenure.LCRA
        if index % 17 == 5:
            tenure = Tenure.UNKNOWN  # not every record says
        resident_tenure_set(user=officer, resident=resident, tenure=tenure)


def _rows(today: dt.date) -> list[Row]:
    answered = list(
        Stage.objects.filter(number=1, responded_on__isnull=False)
        .select_related("complaint__resident")
        .order_by("responded_on", "pk")
    )
    rows = []
    for index, stage in enumerate(answered[::2]):  # about half answer the survey
        satisfaction = SCALE[index % len(SCALE)]
        resident = stage.complaint.resident
        rows.append(
            Row(
                len(rows) + 2,
                {
                    "provider_response_id": f"RH-TSM-{index + 1:05d}",
                    "responded_on": min(stage.responded_on + dt.timedelta(days=14), today),
                    "complaint": stage.complaint.reference,
                    "tenancy_reference": "",
                    "tenure": "lcho" if resident.tenure == Tenure.LCHO else "lcra",
                    "complained_last_12_months": True,
                    "satisfaction": satisfaction,
                    "comment": COMMENTS.get(satisfaction, ""),
                },
            )
        )
    # Tenants who answered the TSM survey without a complaint on record.
    for index in range(12):
        complained = index % 3 != 0
        rows.append(
            Row(
                len(rows) + 2,
                {
                    "provider_response_id": f"RH-TSM-G{index + 1:04d}",
                    "responded_on": today - dt.timedelta(days=9 * index + 3),
                    "complaint": "",
                    "tenancy_reference": "",
                    "tenure": "lcho" if index % 4 == 1 else "lcra",
                    "complained_last_12_months": complained,
                    "satisfaction": SCALE[(index + 3) % len(SCALE)] if complained else "",
                    "comment": "I complained about the lift and never heard back."
                    if index == 1
                    else "",
                },
            )
        )
    return rows


def _follow_ups(users: dict[str, User], today: dt.date, created) -> int:
    """Two in three dissatisfied comments followed up, the rest left waiting in the queue. None
    raises a complaint here: the demo's complaints are the ones it planned (a follow-up that
    raises one goes through complaint_log, as the tests show)."""
    made = 0
    choices = [FollowUpChoice.NO_COMPLAINT, FollowUpChoice.NO_REPLY]
    dissatisfied = [
        s for s in created if services.rule.is_dissatisfied_comment(s.satisfaction, s.comment)
    ]
    for index, survey in enumerate(dissatisfied):
        if index % 3 == 2:
            continue  # left waiting
        services.follow_up_record(
            user=users["olivia"] if index % 2 else users["hannah"],
            survey=survey,
            offered_on=min(survey.responded_on + dt.timedelta(days=3), today),
            method="phone" if index % 4 else "email",
            choice=choices[made % len(choices)],
            notes="Explained how to make a complaint, and that the survey is not itself one.",
        )
        made += 1
    return made


def surveys_set_up(users: dict[str, User], today: dt.date) -> dict[str, int]:
    officer = users["olivia"]
    homes = _homes()
    _tenures(officer)
    result = services.survey_import(user=officer, rows=_rows(today), source="demo-tsm-survey.csv")
    return {
        "homes_per_tenure": homes,
        "survey_responses": len(result.created),
        "survey_follow_ups": _follow_ups(users, today, result.created),
    }
