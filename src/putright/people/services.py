"""Safeguards on the resident: reasonable adjustments (5.10) and restrictions on contact (5.14,
5.15). Risk flags and keeping the resident informed are people.keeping_informed's."""

import datetime as dt

from django.db import transaction

from putright import dates
from putright.errors import InvalidInput, NotPermitted, RuleBroken, collect_errors

# Consent to a representative, and copies for them (3.6), live in people.representatives.
# --- safeguards: adjustments, restrictions, risk flags, keeping informed ----------------------
from putright.people.checks import _after, _choice, _date, _events, _text, require_staff
from putright.people.events import PeopleEventType
from putright.people.keeping_informed import (  # noqa: F401 (callers use them from here)
    require_can_act,
    resident_update_give,
    update_interval_agree,
    vulnerability_clear,
    vulnerability_flag,
)
from putright.people.models import (
    AdjustmentReview,
    AdjustmentSource,
    ReasonableAdjustment,
    Resident,
    Restriction,
    RestrictionReview,
    ReviewOutcome,
)

# Residents and representatives live in people.residents; re-exported for the callers.
from putright.people.residents import (  # noqa: F401
    RESIDENT_FIELDS,
    representative_create,
    resident_find_or_create,
    resident_merge,
)
from putright.rules import reviews


@transaction.atomic
def adjustment_agree(
    *,
    user,
    resident: Resident,
    description: str,
    agreed_on,
    review_on,
    disclosed_disability: str = "",
    source: str = AdjustmentSource.STAFF,
) -> ReasonableAdjustment:
    """Record a reasonable adjustment, and any disability disclosed (5.10, 3.1). `user` is None
    when the resident asks for it on the public form; staff then agree and review it."""
    if user is not None:
        require_staff(user)
    elif source != AdjustmentSource.RESIDENT:
        raise NotPermitted("Sign in to record an adjustment.")
    description, agreed_on, review_on = collect_errors(
        lambda: _text("description", description, "Describe the adjustment."),
        lambda: _date("agreed_on", agreed_on),
        # 5.10: agreed adjustments are kept under active review, so a review date is required.
        lambda: _date("review_on", review_on, past_only=False),
    )
    _after("review_on", review_on, agreed_on, "the date it was agreed")
    reviews.check_review_on("review_on", review_on, agreed_on, kind="adjustment")
    adjustment = ReasonableAdjustment.objects.create(
        resident=resident,
        description=description,
        disclosed_disability=(disclosed_disability or "").strip(),
        agreed_on=agreed_on,
        agreed_by=user,
        review_on=review_on,
        source=source,
    )
    _events().record(
        type=PeopleEventType.ADJUSTMENT_AGREED,
        resident=resident,
        user=user,
        actor_label="" if user else "resident",
        adjustment=adjustment.pk,
        description=adjustment.description,
        disclosed_disability=adjustment.disclosed_disability,
        agreed_on=agreed_on,
        review_on=review_on,
        source=source,
        provision="5.10",
    )
    return adjustment


# An adjustment asked for with a complaint is recorded at once and comes up for review within a
# week, so that staff confirm or change it before the complaint is answered (3.1, 5.10).
ASKED_FOR_REVIEW_WORKING_DAYS = 5


@transaction.atomic
def adjustment_ask_for(*, user, resident: Resident, description: str):
    """Record the adjustments a resident asks for when complaining (the public form, or staff
    taking a complaint by phone). Nothing is recorded when nothing was asked for."""
    if not (description or "").strip():
        return None
    from putright.landlord.selectors import working_day_calendar

    today = dates.today()
    return adjustment_agree(
        user=user,
        resident=resident,
        description=description,
        agreed_on=today,
        review_on=working_day_calendar().add_working_days(today, ASKED_FOR_REVIEW_WORKING_DAYS),
        source=AdjustmentSource.RESIDENT if user is None else AdjustmentSource.STAFF,
    )


def _review_fields(
    outcome, reviewed_on, next_review_on, not_before: dt.date, label: str, kind: str
):
    outcome, reviewed_on, next_review_on = collect_errors(
        lambda: _choice("outcome", outcome, ReviewOutcome),
        lambda: _date("reviewed_on", reviewed_on),
        lambda: _date(
            "next_review_on",
            next_review_on,
            required=outcome != ReviewOutcome.ENDED,
            past_only=False,
        ),
    )
    if reviewed_on < not_before:
        raise InvalidInput(
            {"reviewed_on": f"The review cannot be before {label} ({not_before.isoformat()})."}
        )
    if next_review_on is not None:
        _after("next_review_on", next_review_on, reviewed_on, "the review")
        reviews.check_review_on("next_review_on", next_review_on, reviewed_on, kind=kind)
    return outcome, reviewed_on, next_review_on


@transaction.atomic
def adjustment_review(
    *,
    user,
    adjustment: ReasonableAdjustment,
    outcome: str,
    reviewed_on,
    next_review_on=None,
    notes: str = "",
    description: str | None = None,
) -> AdjustmentReview:
    """Review an adjustment (5.10: kept under active review). An adjustment that continues gets
    its next review date."""
    require_staff(user)
    adjustment = ReasonableAdjustment.objects.select_for_update().get(pk=adjustment.pk)
    if adjustment.ended_on is not None:
        raise RuleBroken("adjustment_ended", "This adjustment has ended; agree a new one instead.")
    outcome, reviewed_on, next_review_on = _review_fields(
        outcome,
        reviewed_on,
        next_review_on,
        adjustment.agreed_on,
        "the date it was agreed",
        "adjustment",
    )
    review = AdjustmentReview.objects.create(
        adjustment=adjustment,
        reviewed_on=reviewed_on,
        outcome=outcome,
        notes=(notes or "").strip(),
        next_review_on=next_review_on,
        reviewed_by=user,
    )
    if outcome == ReviewOutcome.ENDED:
        adjustment.ended_on = reviewed_on
    else:
        adjustment.review_on = next_review_on
        if outcome == ReviewOutcome.CHANGED and (description or "").strip():
            adjustment.description = description.strip()
    adjustment.save()
    _events().record(
        type=PeopleEventType.ADJUSTMENT_REVIEWED,
        resident=adjustment.resident,
        user=user,
        adjustment=adjustment.pk,
        outcome=outcome,
        reviewed_on=reviewed_on,
        next_review_on=next_review_on,
        notes=review.notes,
        provision="5.10",
    )
    return review


def require_restriction_decider(user) -> None:
    require_staff(user)
    # A restriction limits a resident's contact: decided by the complaints officer, a manager or
    # an administrator, not by the handler dealing with the resident.
    if not user.acts_on_any_case:
        raise NotPermitted("Only the complaints officer or a manager can restrict contact.")


@transaction.atomic
def restriction_impose(
    *,
    user,
    resident: Resident,
    behaviour: str,
    restriction: str,
    equality_considered,
    decided_on,
    resident_told_on,
    review_on,
    evidence: str = "",
    equality_notes: str = "",
    ends_on=None,
) -> Restriction:
    """Restrict a resident's contact because of unacceptable behaviour (5.14, 5.15).

    It restricts how they contact the landlord, never whether their complaints are handled."""
    require_restriction_decider(user)
    behaviour, restriction, decided_on, resident_told_on, review_on, ends_on = collect_errors(
        # 5.14: the landlord must be able to evidence its reasons.
        lambda: _text("behaviour", behaviour, "Describe the unacceptable behaviour (5.14)."),
        lambda: _text(
            "restriction", restriction, "Say what contact is restricted, and how (5.15)."
        ),
        lambda: _date("decided_on", decided_on),
        lambda: _date("resident_told_on", resident_told_on),
        # 5.14: restrictions are kept under regular review.
        lambda: _date("review_on", review_on, past_only=False),
        lambda: _date("ends_on", ends_on, required=False, past_only=False),
    )
    if not isinstance(equality_considered, bool):
        raise InvalidInput({"equality_considered": "Say whether the Equality Act was considered."})
    errors = {}
    if resident_told_on < decided_on:
        errors["resident_told_on"] = ["The resident cannot be told before the decision."]
    if review_on <= decided_on:
        errors["review_on"] = ["The review must be after the decision."]
    if ends_on is not None and ends_on < decided_on:
        errors["ends_on"] = ["The restriction cannot end before it was decided."]
    if errors:
        raise InvalidInput(errors)
    reviews.check_review_on("review_on", review_on, decided_on, kind="restriction")
    if not equality_considered:
        # 5.15: restrictions must be proportionate and show regard for the Equality Act 2010.
        raise RuleBroken(
            "equality_not_considered",
            "A restriction on contact must show regard for the Equality Act 2010 (5.15); "
            "consider it before restricting contact.",
            "5.15",
        )
    record = Restriction.objects.create(
        resident=resident,
        behaviour=behaviour,
        evidence=(evidence or "").strip(),
        restriction=restriction,
        equality_considered=True,
        equality_notes=(equality_notes or "").strip(),
        decided_by=user,
        decided_on=decided_on,
        resident_told_on=resident_told_on,
        review_on=review_on,
        ends_on=ends_on,
    )
    _events().record(
        type=PeopleEventType.RESTRICTION_IMPOSED,
        resident=resident,
        user=user,
        restriction=record.pk,
        behaviour=behaviour,
        restricted_contact=restriction,
        decided_on=decided_on,
        resident_told_on=resident_told_on,
        review_on=review_on,
        ends_on=ends_on,
        provision="5.14",
    )
    return record


@transaction.atomic
def restriction_review(
    *,
    user,
    restriction: Restriction,
    outcome: str,
    reviewed_on,
    reasons: str,
    next_review_on=None,
    restriction_text: str | None = None,
) -> RestrictionReview:
    """Review a restriction (5.14: kept under regular review). Ending it lifts it."""
    require_restriction_decider(user)
    restriction = Restriction.objects.select_for_update().get(pk=restriction.pk)
    if restriction.lifted_on is not None:
        raise RuleBroken("restriction_lifted", "This restriction has already been lifted.")
    reasons = _text("reasons", reasons, "Give the reasons for the review's outcome (5.14).")
    outcome, reviewed_on, next_review_on = _review_fields(
        outcome, reviewed_on, next_review_on, restriction.decided_on, "the decision", "restriction"
    )
    review = RestrictionReview.objects.create(
        restriction=restriction,
        reviewed_on=reviewed_on,
        outcome=outcome,
        reasons=reasons,
        next_review_on=next_review_on,
        reviewed_by=user,
    )
    if outcome == ReviewOutcome.ENDED:
        restriction.lifted_on = reviewed_on
        restriction.lifted_by = user
        restriction.lifted_reason = reasons
    else:
        restriction.review_on = next_review_on
        if outcome == ReviewOutcome.CHANGED and (restriction_text or "").strip():
            restriction.restriction = restriction_text.strip()
    restriction.save()
    _events().record(
        type=PeopleEventType.RESTRICTION_REVIEWED,
        resident=restriction.resident,
        user=user,
        restriction=restriction.pk,
        outcome=outcome,
        reviewed_on=reviewed_on,
        next_review_on=next_review_on,
        reasons=reasons,
        provision="5.14",
    )
    return review


@transaction.atomic
def restriction_lift(*, user, restriction: Restriction, lifted_on, reason: str) -> Restriction:
    require_restriction_decider(user)
    restriction = Restriction.objects.select_for_update().get(pk=restriction.pk)
    if restriction.lifted_on is not None:
        raise RuleBroken("restriction_lifted", "This restriction has already been lifted.")
    lifted_on, reason = collect_errors(
        lambda: _date("lifted_on", lifted_on),
        lambda: _text("reason", reason, "Say why the restriction is lifted."),
    )
    if lifted_on < restriction.decided_on:
        raise InvalidInput({"lifted_on": "A restriction cannot be lifted before it was decided."})
    restriction.lifted_on = lifted_on
    restriction.lifted_by = user
    restriction.lifted_reason = reason
    restriction.save()
    _events().record(
        type=PeopleEventType.RESTRICTION_LIFTED,
        resident=restriction.resident,
        user=user,
        restriction=restriction.pk,
        lifted_on=lifted_on,
        reason=reason,
    )
    return restriction
