"""4.1: a person or team is the complaints officer, responsible for complaint handling, for
liaison with the Ombudsman and for reporting to the governing body.

In Putright that is a user with the officer role. The measure is met when at least one such
user can sign in; with none, the officer's digest, the Ombudsman register and the governing
body's reports have nobody to own them.
"""

from __future__ import annotations

from putright.rules.figures import Figure

MEASURE = "A complaints officer named (an active user with the officer role)"


def officers():
    from putright.accounts.models import Role, User

    return User.objects.filter(role=Role.OFFICER, is_active=True)


def measure() -> Figure:
    figure = Figure("4.1", MEASURE)
    figure.add(officers().exists(), "no complaints officer")
    return figure
