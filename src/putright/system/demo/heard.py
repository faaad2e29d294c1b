"""The demo's dissatisfaction heard by the detector (issue 15; 1.3, 1.5): service requests and
new e-mail that read as dissatisfaction, some followed up and some waiting, so that the queue,
the home card and the 1.3 and 1.5 figures show something. Every record goes through the
services, on its own day."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from putright.accounts.models import User
from putright.complaints import services
from putright.insight import services as insight
from putright.letters.inbound import inbound_ingest

REQUESTS = [
    # (days ago, the request as the call handler typed it, the follow-up or None)
    (
        42,
        "Third time I have reported the broken extractor fan and nobody has come. Fed up.",
        ("keep_service_request", "The resident wants the repair done first; offered a complaint."),
    ),
    (
        35,
        "Reported the leak again, still no response and the ceiling is now stained.",
        ("not_dissatisfied", "Reporting a new leak from a different flat; not about our service."),
    ),
    (2, "I have chased this door repair four times now and I am very unhappy.", None),
]
EMAIL = (
    "Still waiting for the damp survey",
    "I was promised a damp survey in September and nobody has been in touch since. This is "
    "the second time I have had to write. I am disappointed with how this has been handled.",
)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(11), tzinfo=dt.UTC)


def heard_set_up(users: dict[str, User], today: dt.date) -> dict[str, int]:
    from putright.system.demo.load import clock_at

    officer = users["olivia"]
    flagged = 0
    for number, (ago, text, follow_up) in enumerate(REQUESTS):
        day = today - dt.timedelta(days=ago)
        with clock_at(_at(day)):
            request = services.service_request_log(
                user=users["hannah"],
                resident={
                    "name": f"Demo Resident {number + 1}",
                    "email": f"heard{number}@example.org",
                },
                received_on=day,
                channel="phone",
                description=text,
                category="repairs",
            )
        flag = getattr(request, "dissatisfaction_flag", None)
        flagged += flag is not None
        if flag is not None and follow_up is not None:
            choice, notes = follow_up
            offered = day + dt.timedelta(days=3)
            with clock_at(_at(offered)):
                insight.flag_follow_up_record(
                    user=officer,
                    flag=flag,
                    choice=choice,
                    offered_on=offered if choice != "not_dissatisfied" else None,
                    method="phone" if choice != "not_dissatisfied" else "",
                    notes=notes,
                )
    message = EmailMessage()
    message["From"] = "Jo Bloggs <jo.bloggs@example.org>"
    message["To"] = "complaints@riverside.example"
    message["Subject"], body = EMAIL
    message["Message-ID"] = "<demo-heard-1@example.org>"
    message.set_content(body)
    with clock_at(_at(today - dt.timedelta(days=21))):  # unanswered since: a 1.3 breach
        stored, _ = inbound_ingest(raw=bytes(message))
    flagged += hasattr(stored, "dissatisfaction_flag")
    return {"dissatisfaction flags": flagged}
