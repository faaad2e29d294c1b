"""Risk flags on a case, and keeping the resident informed (5.9, 6.6, 6.17): how often they
will hear from us, and each update given. The measures are rules.keeping_informed's."""

from django.db import transaction

from putright import dates
from putright.errors import InvalidInput, NotPermitted, RuleBroken, collect_errors
from putright.people.checks import _choice, _date, _events, _text, require_staff
from putright.people.events import PeopleEventType
from putright.people.models import (
    ContactMethod,
    ResidentUpdate,
    RiskKind,
    UpdateAgreement,
    VulnerabilityFlag,
)
from putright.rules import access


def require_can_act(user, complaint) -> None:
    require_staff(user)
    if not access.user_can_act_on(user, complaint):
        raise NotPermitted(f"{complaint.reference} is assigned to another handler.")


@transaction.atomic
def vulnerability_flag(
    *, user, complaint, kind: str, reason: str, raised_on=None
) -> VulnerabilityFlag:
    """Mark a complaint for early attention (6.1): it rises in the handler's queue.

    Deliberately open to any staff member who can change cases, not only those who may act on
    the case (docs/api.md): a handler who notices a risk on a colleague's case must never be
    blocked from saying so. Clearing a flag is for those who may act on the case."""
    require_staff(user)
    kind, reason, raised_on = collect_errors(
        lambda: _choice("kind", kind, RiskKind),
        lambda: _text("reason", reason, "Say why this complaint needs early attention."),
        lambda: _date("raised_on", raised_on or dates.today()),
    )
    flag = VulnerabilityFlag.objects.create(
        complaint=complaint, kind=kind, reason=reason, raised_on=raised_on, raised_by=user
    )
    _events().record(
        type=PeopleEventType.VULNERABILITY_FLAGGED,
        complaint=complaint,
        user=user,
        flag=flag.pk,
        kind=kind,
        reason=reason,
        raised_on=raised_on,
        provision="6.1",
    )
    return flag


@transaction.atomic
def vulnerability_clear(*, user, flag: VulnerabilityFlag, cleared_on=None) -> VulnerabilityFlag:
    require_can_act(user, flag.complaint)
    flag = VulnerabilityFlag.objects.select_for_update().get(pk=flag.pk)
    if flag.cleared_on is not None:
        raise RuleBroken("already_cleared", "This flag is already cleared.")
    cleared_on = _date("cleared_on", cleared_on or dates.today())
    flag.cleared_on = cleared_on
    flag.cleared_by = user
    flag.save()
    _events().record(
        type=PeopleEventType.VULNERABILITY_CLEARED,
        complaint=flag.complaint,
        user=user,
        flag=flag.pk,
        cleared_on=cleared_on,
    )
    return flag


MAX_UPDATE_INTERVAL_WORKING_DAYS = 20


@transaction.atomic
def update_interval_agree(
    *,
    user,
    complaint,
    interval_working_days,
    agreed_on,
    method: str,
    notes: str = "",
) -> UpdateAgreement:
    """Agree with the resident how often they will hear from us while the response is late
    (5.9), or while outstanding actions are done after it (6.6, 6.17). Replaces any earlier
    agreement on the complaint."""
    from putright.complaints.models import Complaint
    from putright.complaints.workflow import Status

    require_can_act(user, complaint)
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.status in {Status.REFUSED, Status.WITHDRAWN}:
        raise RuleBroken(
            "complaint_ended", f"The complaint was {complaint.status}; there is nothing to update."
        )
    if (
        complaint.status in {Status.RESPONDED, Status.CLOSED}
        and not complaint.actions.filter(completed_on__isnull=True).exists()
    ):
        raise RuleBroken(
            "nothing_outstanding",
            "The complaint has been answered and no actions are outstanding (6.6).",
            "6.6",
        )

    def interval():
        if (
            not isinstance(interval_working_days, int)
            or isinstance(interval_working_days, bool)
            or not 1 <= interval_working_days <= MAX_UPDATE_INTERVAL_WORKING_DAYS
        ):
            raise InvalidInput(
                {
                    "interval_working_days": (
                        f"Enter a whole number of working days from 1 to "
                        f"{MAX_UPDATE_INTERVAL_WORKING_DAYS}."
                    )
                }
            )
        return interval_working_days

    interval_days, agreed_on, method = collect_errors(
        interval,
        lambda: _date("agreed_on", agreed_on),
        lambda: _choice("method", method, ContactMethod),
    )
    if agreed_on < complaint.received_on:
        raise InvalidInput({"agreed_on": "The date cannot be before the complaint was received."})
    complaint.update_agreements.filter(ended_on__isnull=True).update(ended_on=agreed_on)
    agreement = UpdateAgreement.objects.create(
        complaint=complaint,
        stage=complaint.stage,
        interval_working_days=interval_days,
        agreed_on=agreed_on,
        method=method,
        notes=(notes or "").strip(),
        agreed_by=user,
    )
    _events().record(
        type=PeopleEventType.UPDATE_INTERVAL_AGREED,
        complaint=complaint,
        user=user,
        agreement=agreement.pk,
        interval_working_days=interval_days,
        agreed_on=agreed_on,
        method=method,
        provision="5.9",
    )
    return agreement


@transaction.atomic
def resident_update_give(
    *, user, complaint, given_on, method: str, summary: str, action=None
) -> ResidentUpdate:
    """Record an update given to the resident, on the complaint or on one outstanding action
    (5.9, 6.6, 6.17)."""
    require_can_act(user, complaint)
    if action is not None and action.complaint_id != complaint.pk:
        raise InvalidInput({"action": "That action belongs to another complaint."})
    given_on, method, summary = collect_errors(
        lambda: _date("given_on", given_on),
        lambda: _choice("method", method, ContactMethod),
        lambda: _text("summary", summary, "Say what the resident was told."),
    )
    if given_on < complaint.received_on:
        raise InvalidInput({"given_on": "The date cannot be before the complaint was received."})
    update = ResidentUpdate.objects.create(
        complaint=complaint,
        action=action,
        given_on=given_on,
        method=method,
        summary=summary,
        given_by=user,
    )
    _events().record(
        type=PeopleEventType.RESIDENT_UPDATED,
        complaint=complaint,
        user=user,
        update=update.pk,
        action=action.pk if action else None,
        given_on=given_on,
        method=method,
        summary=summary,
    )
    return update
