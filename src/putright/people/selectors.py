"""Reads about residents: their safeguards, the queue order that puts flagged complaints first,
and the updates they are owed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from putright import dates
from putright.people.models import (
    ReasonableAdjustment,
    Resident,
    Restriction,
    UpdateAgreement,
    VulnerabilityFlag,
)


def resident_get(*, pk) -> Resident:
    return Resident.objects.prefetch_related(
        Prefetch(
            "adjustments",
            queryset=ReasonableAdjustment.objects.select_related("agreed_by").prefetch_related(
                "reviews__reviewed_by"
            ),
        ),
        Prefetch(
            "restrictions",
            queryset=Restriction.objects.select_related("decided_by").prefetch_related(
                "reviews__reviewed_by"
            ),
        ),
    ).get(pk=pk)


def active_restrictions(*, today: dt.date | None = None) -> QuerySet[Restriction]:
    today = today or dates.today()
    return Restriction.objects.filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        lifted_on__isnull=True,
        decided_on__lte=today,
    )


@dataclass
class Safeguards:
    """What anyone handling the resident's case must see (5.10, 5.14, 6.1)."""

    adjustments: list[ReasonableAdjustment] = field(default_factory=list)
    restrictions: list[Restriction] = field(default_factory=list)
    vulnerability_flags: list[VulnerabilityFlag] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.adjustments or self.restrictions or self.vulnerability_flags)


def resident_safeguards(resident: Resident, *, today: dt.date | None = None) -> Safeguards:
    """Adjustments in force, active restrictions and open risk flags on any of the resident's
    complaints. Three queries, whatever the numbers."""
    today = today or dates.today()
    return Safeguards(
        adjustments=list(
            ReasonableAdjustment.objects.filter(resident=resident, ended_on__isnull=True)
        ),
        restrictions=list(active_restrictions(today=today).filter(resident=resident)),
        vulnerability_flags=list(
            VulnerabilityFlag.objects.filter(
                Q(complaint__resident=resident) | Q(complaint__co_complainants=resident),
                cleared_on__isnull=True,
            )
            .select_related("complaint")
            .distinct()
        ),
    )


def with_early_attention(queryset: QuerySet) -> QuerySet:
    """Annotate complaints with `early_attention` (an open risk flag, 6.1)."""
    return queryset.annotate(
        early_attention=Exists(
            VulnerabilityFlag.objects.filter(complaint=OuterRef("pk"), cleared_on__isnull=True)
        )
    )


def handler_queue(queryset: QuerySet) -> QuerySet:
    """The handler's queue order: flagged complaints first (6.1), then the oldest."""
    return with_early_attention(queryset).order_by("-early_attention", "received_on", "pk")


def adjustments_due_for_review(*, on_or_before: dt.date) -> QuerySet[ReasonableAdjustment]:
    return ReasonableAdjustment.objects.filter(
        ended_on__isnull=True, review_on__lte=on_or_before
    ).select_related("resident")


def restrictions_due_for_review(*, on_or_before: dt.date) -> QuerySet[Restriction]:
    return Restriction.objects.filter(
        lifted_on__isnull=True, review_on__lte=on_or_before
    ).select_related("resident")


# --- keeping informed (5.9, 6.6, 6.17) -------------------------------------------------------


@dataclass(frozen=True)
class UpdateDue:
    complaint: object
    next_due: dt.date
    last_given: dt.date | None
    interval_working_days: int
    agreed: bool  # False: the default interval for outstanding actions, none agreed yet

    @property
    def missed(self) -> bool:
        return self.next_due < dates.today()


def default_action_update_interval() -> int:
    return int(getattr(settings, "PUTRIGHT_ACTION_UPDATE_WORKING_DAYS", 10))


def updates_due(*, today: dt.date | None = None, within_working_days: int = 0) -> list[UpdateDue]:
    """Complaints owed an update by `today` (plus `within_working_days`): those with an agreed
    interval while the response is late (5.9), and those answered with actions still outstanding
    (6.6, 6.17), which are owed updates at the agreed or default interval until done."""
    from putright.complaints.models import Complaint, OutstandingAction
    from putright.complaints.workflow import Status
    from putright.landlord.selectors import working_day_calendar

    today = today or dates.today()
    calendar = working_day_calendar()
    horizon = calendar.add_working_days(today, within_working_days)
    agreed = Exists(UpdateAgreement.objects.filter(complaint=OuterRef("pk"), ended_on__isnull=True))
    outstanding = Exists(
        OutstandingAction.objects.filter(complaint=OuterRef("pk"), completed_on__isnull=True)
    )
    complaints = (
        Complaint.objects.filter(
            (agreed & Q(status__in=[Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING]))
            | (outstanding & Q(status__in=[Status.RESPONDED, Status.CLOSED]))
        )
        .select_related("resident")
        .prefetch_related("update_agreements", "resident_updates", "stages__handler", "actions")
    )
    due = []
    for complaint in complaints:
        agreement = next((a for a in complaint.update_agreements.all() if a.ended_on is None), None)
        updates = [u.given_on for u in complaint.resident_updates.all()]
        if agreement is not None:
            start = agreement.agreed_on
            interval = agreement.interval_working_days
        else:
            responded = [s.responded_on for s in complaint.stages.all() if s.responded_on]
            if not responded:
                continue
            start = max(responded)
            interval = default_action_update_interval()
        last = max([d for d in updates if d >= start], default=None)
        next_due = calendar.add_working_days(last or start, interval)
        if next_due <= horizon:
            due.append(
                UpdateDue(
                    complaint=complaint,
                    next_due=next_due,
                    last_given=last,
                    interval_working_days=interval,
                    agreed=agreement is not None,
                )
            )
    return sorted(due, key=lambda d: (d.next_due, d.complaint.pk))


def missed_updates(*, today: dt.date | None = None) -> list[UpdateDue]:
    today = today or dates.today()
    return [d for d in updates_due(today=today) if d.next_due < today]


def adjustments_in_force(*, resident: Resident) -> list[ReasonableAdjustment]:
    """What the resident has asked us to do differently, still in force, oldest first."""
    return list(
        ReasonableAdjustment.objects.filter(resident=resident, ended_on__isnull=True).order_by(
            "agreed_on", "pk"
        )
    )


LOOKUP_ROWS = 20


def residents_lookup(*, term: str, limit: int = LOOKUP_ROWS) -> list[Resident]:
    """Residents a caller may be, for the look-up that starts logging a phone complaint: the
    name or address contains the term (a postcode is part of the address; one typed without
    its space is matched with it), or it is the tenancy reference. Anonymised and merged
    records are left out: a complaint is never logged against them. One query."""
    term = " ".join((term or "").split())[:200]
    if not term:
        return []
    condition = (
        Q(name__icontains=term) | Q(address__icontains=term) | Q(tenancy_reference__iexact=term)
    )
    compact = term.replace(" ", "")
    if 5 <= len(compact) <= 7 and compact[-3].isdigit():
        condition |= Q(address__icontains=f"{compact[:-3]} {compact[-3:]}")
    return list(
        Resident.objects.filter(
            condition, anonymised_at__isnull=True, merged_into__isnull=True
        ).order_by("name", "pk")[:limit]
    )


def contact_details_visible(user) -> bool:
    """Whether `user`'s role sees residents' contact details (address, e-mail, phone): the
    roles in PUTRIGHT_CONTACT_DETAILS_ROLES. Data minimisation: a role that does not contact
    residents, such as the governing body, reads cases without them. Every page that shows
    contact details asks here (web's `resident_contact` tag), so the setting is applied once."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.role in settings.PUTRIGHT_CONTACT_DETAILS_ROLES
    )
