"""The demo's last financial year, finished: its self-assessment answered, approved by the
governing body and published, and the annual report published with the governing body's
response, so that the Ombudsman's annual submission pack has its links and a comply answer for
each provision. The landlord's financial year ends in March (landlord_set_up)."""

from __future__ import annotations

import datetime as dt

from putright.accounts.models import User
from putright.oversight import services as oversight
from putright.oversight.periods import reporting_year_of
from putright.selfassessment import services as selfassessment

# A few provisions the demo landlord did not fully meet last year, as landlords' own forms show.
NOT_MET = {"5.14": "partly", "6.7": "no"}


def _last_year(users: dict[str, User], today: dt.date) -> int:
    from putright.system.demo.load import clock_at

    officer, manager, governance = users["olivia"], users["martin"], users["grace"]
    # The latest year ended at least ten weeks ago, so that every step has happened by today.
    year = reporting_year_of(today - dt.timedelta(days=75)) - 1
    start, end = dt.date(year, 4, 1), dt.date(year + 1, 3, 31)
    # Started three weeks after the year ended: long before this year's (system/demo/oversight),
    # which stays the latest started (8.3).
    with clock_at(dt.datetime.combine(end + dt.timedelta(days=21), dt.time(10), tzinfo=dt.UTC)):
        assessment = selfassessment.selfassessment_create(
            user=officer,
            code_version="2024",
            period_start=start,
            period_end=end,
            title=f"Self-assessment {year}/{(year + 1) % 100:02d}",
        )
        for answer in assessment.answers.order_by("position"):
            comply = NOT_MET.get(answer.ref, "yes")
            selfassessment.answer_update(
                user=officer,
                answer=answer,
                comply=comply,
                evidence=f"Complaints policy {year + 1}, reviewed by the Board; case records",
                commentary="" if comply == "yes" else "An improvement action is under way.",
            )
    selfassessment.selfassessment_complete(
        user=officer, self_assessment=assessment, completed_on=end + dt.timedelta(days=40)
    )
    selfassessment.selfassessment_review(
        user=manager, self_assessment=assessment, reviewed_on=end + dt.timedelta(days=50)
    )
    selfassessment.selfassessment_approve(
        user=governance, self_assessment=assessment, approved_on=end + dt.timedelta(days=60)
    )
    selfassessment.selfassessment_publish(
        user=officer, self_assessment=assessment, published_on=end + dt.timedelta(days=70)
    )
    oversight.annual_report_response_record(
        user=governance,
        reporting_year=year,
        response=(
            "The Board has scrutinised the report and the self-assessment. It accepts both, and "
            "asks for the stage 2 actions to be reported at each meeting until they are done."
        ),
    )
    oversight.annual_report_publish(user=manager, reporting_year=year)
    return 1


def submission_set_up(users: dict[str, User], today: dt.date) -> dict[str, int]:
    return {"published_self_assessments": _last_year(users, today)}
