"""6.7, 6.9, 6.19: a response letter reviewed and signed off before it is issued.

The landlord chooses, per stage, whether a stage 1 or stage 2 response letter must be signed off
and which roles may sign off (letters.SignOffSetting, kept with the letters). Where it is
required, the letter cannot be issued until someone signs it off; nobody signs off a letter they
wrote (drafted or changed); and changing the draft after the sign-off voids it, so that what
was reviewed is what is sent. The review is the landlord's check that the response answers every
point with clear reasons (6.7) and says what 6.9 and 6.19 require.

The measure (6.7): response letters issued in the period where sign-off applied (required for the
stage when the letter was issued), counting those signed off by someone other than their authors.
A stage is judged when sign-off was required for it at any time in the period (a letter issued
then says so: `Letter.sign_off_required`); its letters issued while sign-off was switched off
count too, as breaches: otherwise turning sign-off off for a moment would let an unreviewed
letter out and leave the figure at 100% (review finding). A stage whose sign-off was never
required in the period is not judged: the figure then covers the other stage only (its wording
says which), and disappears when neither was. The rule is enforced, so the figure can fail only
for letters issued before it or while it was switched off.
"""

from __future__ import annotations

import datetime as dt

from putright.errors import NotPermitted, RuleBroken
from putright.rules.figures import ENFORCED, Figure

PROVISION = "6.7"
RESPONSE_KINDS = {"stage1_response": 1, "stage2_response": 2}


def applies(letter, setting) -> bool:
    return letter.kind in RESPONSE_KINDS and setting is not None and setting.required


def check_can_sign_off(user, letter, setting) -> None:
    """Refuse a sign-off by the letter's author, by a role not chosen, or of a letter issued."""
    if letter.kind not in RESPONSE_KINDS:
        raise RuleBroken(
            "not_a_response", "Only stage 1 and stage 2 response letters are signed off."
        )
    if letter.status != "draft":
        raise RuleBroken("letter_issued", "This letter has been issued already.", "5.12")
    if user.pk in letter.authors:
        raise RuleBroken(
            "own_letter",
            "You wrote this letter, so someone else must review and sign it off.",
            PROVISION,
        )
    roles = (setting.roles if setting is not None else None) or []
    if roles and user.role not in roles:
        raise NotPermitted(
            f"Only these roles may sign off a stage {letter.stage} response: {', '.join(roles)}."
        )


def check_issue(letter, setting) -> None:
    """A response letter that needs a sign-off is not issued without a valid one."""
    if not applies(letter, setting):
        return
    if letter.signed_off_by_id is None:
        raise RuleBroken(
            "sign_off_required",
            f"A stage {letter.stage} response letter must be reviewed and signed off by someone "
            "other than its author before it is issued.",
            PROVISION,
        )
    if letter.signed_off_by_id in letter.authors:  # defensive: the sign-off step refuses this
        raise RuleBroken("own_letter", "The letter was signed off by its author.", PROVISION)


def measure(*, period_start: dt.date, period_end: dt.date, code_version: str = "2024"):
    from putright.letters.models import Letter

    rows = (
        Letter.objects.filter(
            status="issued",
            kind__in=list(RESPONSE_KINDS),
            issued_at__date__range=(period_start, period_end),
            complaint__code_version=code_version,
        )
        .order_by("complaint__reference", "pk")
        .values_list(
            "complaint__reference",
            "stage",
            "signed_off_by_id",
            "created_by_id",
            "edited_by_id",
            "editors",
            "sign_off_required",
        )
    )
    rows = list(rows)
    stages = sorted({row[1] for row in rows if row[6]})
    if not stages:
        return None
    which = "Stage 1 and stage 2" if stages == [1, 2] else f"Stage {stages[0]}"
    figure = Figure(
        PROVISION,
        f"{which} response letters signed off before issue by someone other than the author",
        enforced=ENFORCED,
    )
    for reference, stage, signed_off_by, created_by, edited_by, editors, required in rows:
        if stage not in stages:
            continue
        authors = {created_by, edited_by, *(editors or [])}
        ok = signed_off_by is not None and signed_off_by not in authors
        figure.add(ok, reference, "" if ok or required else "issued while sign-off was off")
    return figure
