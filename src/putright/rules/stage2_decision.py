"""6.20: stage 2 is the landlord's final response and must involve all suitable staff members
needed to issue it. Putright records who decided stage 2 and their role at the time (the
responder unless someone else is named), and any panel or meeting held (3.6).

Suitable, for the live figure, means the decision was made by someone senior to the case work:
a manager or the complaints officer (accounts.Role MANAGER, OFFICER). A complaint handler alone
deciding the final response is what the figure shows as not met; governance (the governing body
and the Member Responsible for Complaints) oversees complaints and does not decide them, and an
administrator runs the system. The person who decides is never someone involved at stage 1:
that is 6.13, checked by rules.independence, the one definition of involvement.
"""

from __future__ import annotations

import datetime as dt

from putright.accounts.models import Role, User
from putright.complaints.models import Complaint, Stage
from putright.errors import InvalidInput
from putright.rules import independence
from putright.rules.figures import Figure

PROVISION = "6.20"
SUITABLE_ROLES = {Role.MANAGER, Role.OFFICER}


def decision_maker(complaint: Complaint, named: User | str | None, responder: User) -> User:
    """Who decided the stage 2 response: the named user (a username or a User), else the
    responder. Refused (409, 6.13) when they were involved at stage 1."""
    if named in (None, ""):
        user = responder
    elif isinstance(named, User):
        user = named
    else:
        name = named.strip() if isinstance(named, str) else ""
        user = User.objects.filter(username=name, is_active=True).first() if name else None
        if user is None:
            raise InvalidInput({"decision_maker": [f"No active member of staff called {name!r}."]})
    if user.role == Role.GOVERNANCE:
        raise InvalidInput(
            {"decision_maker": ["The governing body oversees complaints; it does not decide them."]}
        )
    independence.check(complaint, user, acting_as="the stage 2 decision maker")
    return user


def measure(
    *, period_start: dt.date, period_end: dt.date, code_version: str | None
) -> Figure | None:
    """Stage 2 responses given in the period: met when the decision maker recorded held a
    suitable role when they decided. A response recorded before the rule names nobody."""
    stages = Stage.objects.filter(number=2, responded_on__range=(period_start, period_end))
    if code_version:
        stages = stages.filter(complaint__code_version=code_version)
    rows = stages.values_list("complaint__reference", "decision_maker_role").order_by(
        "complaint__reference"
    )
    figure = Figure(
        PROVISION, "Stage 2 final responses decided by a manager or the complaints officer"
    )
    for reference, role in rows:
        figure.add(role in SUITABLE_ROLES, reference)
    return figure if figure.total else None
