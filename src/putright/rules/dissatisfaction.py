"""1.3 and 1.5: dissatisfaction the detector heard, followed up with the offer to complain.

1.3: whenever a resident expresses dissatisfaction, the landlord gives them the choice to make a
complaint, whether or not they use the word. 1.5: dissatisfaction with the response to a service
request is raised as a complaint. The detector (`insight.detector`) flags new contact by e-mail
(1.3) and service request descriptions (1.5); each flag is met once staff record the offer and
the resident's choice, or that the message was not dissatisfaction. A flag with no follow-up is
pending for the same working days a dissatisfied survey comment has (`rules.surveys`), then a
breach, named by its number (a message is not a complaint reference). A flagged service
request from which a complaint has been raised by any route is answered: 1.5 is met.

"Followed up" is the offer of the complaints process and the resident's choice, or a member of
staff's judgement, with a reason, that the message was not dissatisfaction after all; the second
is counted as met (the detector was wrong), and the measure's wording says so.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef

from putright.rules.figures import Figure
from putright.rules.surveys import follow_up_due

REFS = {"email": "1.3", "service_request": "1.5"}
MEASURES = {
    "email": "E-mails heard as dissatisfied followed up with the offer of the complaints "
    "process (or judged not dissatisfied, with the reason)",
    "service_request": "Service requests heard as dissatisfied raised as a complaint or "
    "followed up with the offer (or judged not dissatisfied, with the reason)",
}


def label(flag_pk: int) -> str:
    return f"flagged message {flag_pk}"


def _answered():
    """Whether a flag is answered: a follow-up, or a complaint raised from its service request."""
    from putright.complaints.models import Complaint
    from putright.insight.models import FlagFollowUp

    return Exists(FlagFollowUp.objects.filter(flag=OuterRef("pk"))) | Exists(
        Complaint.objects.filter(
            service_request_id=OuterRef("service_request_id"), service_request__isnull=False
        )
    )


def flags_waiting():
    """Flags not answered yet: the staff queue."""
    from putright.insight.models import Flag

    return Flag.objects.annotate(followed_up=_answered()).filter(followed_up=False)


def measures(*, period_start: dt.date, period_end: dt.date, today: dt.date) -> list[Figure]:
    from putright.insight.models import Flag

    rows = list(
        Flag.objects.filter(flagged_on__range=(period_start, period_end))
        .annotate(followed_up=_answered())
        .order_by("flagged_on", "pk")
        .values_list("pk", "source", "flagged_on", "followed_up")
    )
    calendar = None
    figures: dict[str, Figure] = {}
    for pk, source, flagged_on, followed_up in rows:
        figure = figures.setdefault(source, Figure(REFS[source], MEASURES[source]))
        if not followed_up:
            if calendar is None:  # one read of the closure days, and only when something waits
                from putright.landlord.selectors import working_day_calendar

                calendar = working_day_calendar()
            if follow_up_due(flagged_on, calendar) >= today:
                figure.pending += 1
                continue
        figure.add(followed_up, label(pk))
    return [figures[source] for source in REFS if source in figures]
