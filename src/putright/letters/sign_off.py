"""Review and sign-off of response letters before they are issued (6.7, 6.9, 6.19): the
landlord's settings per stage, the sign-off itself and its voiding when the draft changes. The
rule and its measure are in putright.rules.sign_off."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from putright import text
from putright.accounts.models import Role, User
from putright.complaints import events
from putright.errors import InvalidInput, NotPermitted
from putright.letters.access import LetterEvent, require_can_act
from putright.letters.models import Letter, SignOffSetting
from putright.rules import sign_off as rule

STAGES = (1, 2)
# Who could ever sign off: the governing body reads cases but does not change them.
SIGNING_ROLES = [Role.HANDLER, Role.OFFICER, Role.MANAGER, Role.ADMIN]


def setting_for(stage: int) -> SignOffSetting | None:
    return SignOffSetting.objects.filter(stage=stage).first()


def settings_all() -> list[SignOffSetting]:
    found = {s.stage: s for s in SignOffSetting.objects.all()}
    return [found.get(stage) or SignOffSetting(stage=stage) for stage in STAGES]


def require_configurer(user: User | None) -> None:
    if (
        user is None
        or not user.is_authenticated
        or not (user.manages_settings or user.role in (Role.OFFICER, Role.MANAGER))
    ):
        raise NotPermitted("Only the complaints officer, a manager or an administrator can.")


def require_reviewer(user: User | None, complaint) -> None:
    """A reviewer is someone who may act on the case (the officer or a manager on any case); the
    rule then refuses the letter's own authors and roles the landlord did not choose."""
    if user is None or not user.is_authenticated or not user.can_change_cases:
        raise NotPermitted("Sign in as staff who can change cases to sign off a letter.")
    require_can_act(user, complaint)


@transaction.atomic
def sign_off_configure(*, user: User, stage, required: bool, roles=()) -> SignOffSetting:
    """Whether a response at `stage` must be signed off, and which roles may do it."""
    require_configurer(user)
    if stage not in STAGES:
        raise InvalidInput({"stage": "Choose stage 1 or stage 2."})
    roles = list(dict.fromkeys(roles or []))
    wrong = [r for r in roles if r not in SIGNING_ROLES]
    if wrong:
        raise InvalidInput({"roles": f"Choose from: {', '.join(SIGNING_ROLES)}."})
    if required and not roles:
        raise InvalidInput({"roles": "Choose at least one role that may sign off."})
    setting, _ = SignOffSetting.objects.update_or_create(
        stage=stage, defaults={"required": bool(required), "roles": roles, "updated_by": user}
    )
    return setting


@transaction.atomic
def letter_sign_off(*, user: User, letter: Letter, note: str = "") -> Letter:
    """Someone other than the author reviews the draft response and signs it off."""
    require_reviewer(user, letter.complaint)
    letter = Letter.objects.select_for_update().select_related("complaint").get(pk=letter.pk)
    rule.check_can_sign_off(user, letter, setting_for(letter.stage))
    letter.signed_off_by = user
    letter.signed_off_at = timezone.now()
    letter.sign_off_note = text.bounded("note", note or "", text.TEXT).strip()
    letter.save(update_fields=["signed_off_by", "signed_off_at", "sign_off_note", "updated_at"])
    events.record(
        type=LetterEvent.SIGNED_OFF,
        complaint=letter.complaint,
        user=user,
        letter=letter.pk,
        kind=letter.kind,
        stage=letter.stage,
        note=letter.sign_off_note,
        provision=rule.PROVISION,
    )
    return letter


def void_if_changed(*, user: User, letter: Letter, before: tuple) -> None:
    """Called by the edits to a draft (inside their transaction): a changed letter is no longer
    the one that was reviewed, so its sign-off goes."""
    if letter.signed_off_by_id is None or (letter.subject, letter.body) == before:
        return
    voided = letter.signed_off_by
    letter.signed_off_by = None
    letter.signed_off_at = None
    letter.sign_off_note = ""
    events.record(
        type=LetterEvent.SIGN_OFF_VOIDED,
        complaint=letter.complaint,
        user=user,
        letter=letter.pk,
        kind=letter.kind,
        signed_off_by=voided.get_username(),
        provision=rule.PROVISION,
    )
