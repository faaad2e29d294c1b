"""The daily sweep: find what is due and send each reminder exactly once.

A reminder is sent only by the process that inserts its ReminderSent row; the unique constraint
on (kind, object_key, due_on) refuses every other. The row, the e-mail and the event on the case
share one transaction: if the mail cannot be sent, the row is rolled back and the next sweep
tries again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from putright import dates
from putright.accounts.models import Role, User
from putright.complaints import events
from putright.complaints.models import Complaint, OutstandingAction, Remedy, Stage
from putright.complaints.workflow import Status
from putright.landlord.selectors import working_day_calendar
from putright.people import selectors as people_selectors
from putright.reminders.models import ReminderSent


class ReminderKind:
    ACKNOWLEDGE_DUE = "acknowledge_due"
    RESPOND_DUE = "respond_due"
    OVERDUE_DIGEST = "overdue_digest"
    ADJUSTMENT_REVIEW_DUE = "adjustment_review_due"
    RESTRICTION_REVIEW_DUE = "restriction_review_due"
    REMEDY_DUE = "remedy_due"
    ACTION_DUE = "action_due"
    UPDATE_DUE = "update_due"
    TRAINING_EXPIRES = "training_expires"
    # Not a reminder: marks the next day's sweep as enqueued, so that only one is.
    SWEEP_SCHEDULED = "sweep_scheduled"


REMINDER_SENT_EVENT = "reminder_sent"


def days_before() -> int:
    """How many working days before a deadline the handler is reminded (default 2)."""
    return int(getattr(settings, "PUTRIGHT_REMINDER_WORKING_DAYS", 2))


@dataclass
class Reminder:
    kind: str
    object_key: str
    due_on: dt.date
    subject: str
    body: str
    recipients: list[User]
    complaint: Complaint | None = None
    resident: object | None = None
    extra: dict = field(default_factory=dict)


def complaints_officers() -> list[User]:
    officers = list(User.objects.filter(role=Role.OFFICER, is_active=True).exclude(email=""))
    # With no complaints officer set up, managers are told instead.
    return officers or list(
        User.objects.filter(role=Role.MANAGER, is_active=True).exclude(email="")
    )


def _handler_or_officers(stage: Stage | None) -> list[User]:
    if stage is not None and stage.handler is not None and stage.handler.email:
        return [stage.handler]
    return complaints_officers()


def _current_stage(complaint: Complaint) -> Stage | None:
    return next((s for s in complaint.stages.all() if s.number == complaint.stage), None)


def _deadline_reminders(today: dt.date, horizon: dt.date) -> Iterable[Reminder]:
    stages = Stage.objects.select_related("complaint", "handler").filter(
        responded_on__isnull=True,
        complaint__status__in=[Status.AWAITING_ACKNOWLEDGEMENT, Status.INVESTIGATING],
    )
    for stage in stages.filter(
        acknowledged_on__isnull=True, acknowledge_by__range=(today, horizon)
    ):
        if stage.number != stage.complaint.stage:
            continue
        ref = stage.complaint.reference
        yield Reminder(
            kind=ReminderKind.ACKNOWLEDGE_DUE,
            object_key=f"stage:{stage.pk}",
            due_on=stage.acknowledge_by,
            subject=f"{ref}: stage {stage.number} acknowledgement due {stage.acknowledge_by}",
            body=(
                f"Complaint {ref} must be acknowledged at stage {stage.number} by "
                f"{stage.acknowledge_by:%A %d %B %Y}."
            ),
            recipients=_handler_or_officers(stage),
            complaint=stage.complaint,
            extra={"stage": stage.number},
        )
    for stage in stages.filter(acknowledged_on__isnull=False, respond_by__range=(today, horizon)):
        if stage.number != stage.complaint.stage:
            continue
        ref = stage.complaint.reference
        yield Reminder(
            kind=ReminderKind.RESPOND_DUE,
            object_key=f"stage:{stage.pk}",
            due_on=stage.respond_by,
            subject=f"{ref}: stage {stage.number} response due {stage.respond_by}",
            body=(
                f"The stage {stage.number} response to complaint {ref} is due by "
                f"{stage.respond_by:%A %d %B %Y}. If it will be late, agree an update interval "
                "with the resident (5.9) and extend the deadline if there is good reason."
            ),
            recipients=_handler_or_officers(stage),
            complaint=stage.complaint,
            extra={"stage": stage.number},
        )


def _put_right_reminders(horizon: dt.date) -> Iterable[Reminder]:
    remedies = (
        Remedy.objects.filter(completed_on__isnull=True, due_on__lte=horizon)
        .exclude(complaint__status__in=[Status.REFUSED, Status.WITHDRAWN])
        .select_related("complaint")
        .prefetch_related("complaint__stages__handler")
    )
    for remedy in remedies:
        complaint = remedy.complaint
        yield Reminder(
            kind=ReminderKind.REMEDY_DUE,
            object_key=f"remedy:{remedy.pk}",
            due_on=remedy.due_on,
            subject=f"{complaint.reference}: remedy due {remedy.due_on}",
            body=f"A remedy ({remedy.get_type_display()}) on {complaint.reference} is due by "
            f"{remedy.due_on:%A %d %B %Y}.",
            recipients=_handler_or_officers(_current_stage(complaint)),
            complaint=complaint,
            extra={"remedy": remedy.pk},
        )
    actions = (
        OutstandingAction.objects.filter(completed_on__isnull=True, due_on__lte=horizon)
        .exclude(complaint__status__in=[Status.REFUSED, Status.WITHDRAWN])
        .select_related("complaint")
        .prefetch_related("complaint__stages__handler")
    )
    for action in actions:
        complaint = action.complaint
        yield Reminder(
            kind=ReminderKind.ACTION_DUE,
            object_key=f"action:{action.pk}",
            due_on=action.due_on,
            subject=f"{complaint.reference}: outstanding action due {action.due_on}",
            body=f"An outstanding action on {complaint.reference} is due by "
            f"{action.due_on:%A %d %B %Y}. Keep the resident updated until it is done (6.6).",
            recipients=_handler_or_officers(_current_stage(complaint)),
            complaint=complaint,
            extra={"action": action.pk},
        )


def _review_reminders(horizon: dt.date) -> Iterable[Reminder]:
    officers = complaints_officers()
    for adjustment in people_selectors.adjustments_due_for_review(on_or_before=horizon):
        yield Reminder(
            kind=ReminderKind.ADJUSTMENT_REVIEW_DUE,
            object_key=f"adjustment:{adjustment.pk}",
            due_on=adjustment.review_on,
            subject=f"Reasonable adjustment review due {adjustment.review_on}",
            body=f"A reasonable adjustment for resident #{adjustment.resident_id} is due for "
            f"review by {adjustment.review_on:%A %d %B %Y} (5.10).",
            recipients=officers,
            resident=adjustment.resident,
            extra={"adjustment": adjustment.pk},
        )
    for restriction in people_selectors.restrictions_due_for_review(on_or_before=horizon):
        yield Reminder(
            kind=ReminderKind.RESTRICTION_REVIEW_DUE,
            object_key=f"restriction:{restriction.pk}",
            due_on=restriction.review_on,
            subject=f"Contact restriction review due {restriction.review_on}",
            body=f"A restriction on contact with resident #{restriction.resident_id} is due for "
            f"review by {restriction.review_on:%A %d %B %Y} (5.14).",
            recipients=officers,
            resident=restriction.resident,
            extra={"restriction": restriction.pk},
        )


def _update_reminders(today: dt.date) -> Iterable[Reminder]:
    for due in people_selectors.updates_due(today=today, within_working_days=days_before()):
        complaint = due.complaint
        yield Reminder(
            kind=ReminderKind.UPDATE_DUE,
            object_key=f"complaint:{complaint.pk}",
            due_on=due.next_due,
            subject=f"{complaint.reference}: update to the resident due {due.next_due}",
            body=f"The resident on {complaint.reference} is owed an update by "
            f"{due.next_due:%A %d %B %Y} (every {due.interval_working_days} working days"
            f"{' as agreed' if due.agreed else ''}).",
            recipients=_handler_or_officers(_current_stage(complaint)),
            complaint=complaint,
        )


def _training_reminders(today: dt.date) -> Iterable[Reminder]:
    """9.8: the officer, and the member of staff trained, hear before training expires
    (PUTRIGHT_TRAINING_REMINDER_DAYS, default 30); a refresher already recorded stops it."""
    from putright.rules import training as training_rule
    from putright.training.selectors import expiring_between

    horizon = today + dt.timedelta(days=training_rule.reminder_days())
    officers = complaints_officers()
    for record in expiring_between(today, horizon):
        recipients = list(officers)
        staff = record.staff
        if staff is not None and staff.is_active and staff.email and staff not in recipients:
            recipients.append(staff)
        yield Reminder(
            kind=ReminderKind.TRAINING_EXPIRES,
            object_key=f"training:{record.pk}",
            due_on=record.expires_on,
            subject=f"Training expires {record.expires_on}: {record.course.name}",
            body=f"{record.who}'s {record.course.name} training expires on "
            f"{record.expires_on:%A %d %B %Y}. Book a refresher and record it in the training "
            "register (4.3, 9.8).",
            recipients=recipients,
            extra={"training_record": record.pk, "course": record.course.name},
        )


def _overdue_digest(today: dt.date) -> Reminder | None:
    from putright.complaints.selectors import complaint_list

    overdue = list(complaint_list(overdue=True, today=today).values_list("reference", flat=True))
    remedies = list(
        Remedy.objects.filter(completed_on__isnull=True, due_on__lt=today)
        .exclude(complaint__status__in=[Status.REFUSED, Status.WITHDRAWN])
        .values_list("complaint__reference", flat=True)
    )
    actions = list(
        OutstandingAction.objects.filter(completed_on__isnull=True, due_on__lt=today)
        .exclude(complaint__status__in=[Status.REFUSED, Status.WITHDRAWN])
        .values_list("complaint__reference", flat=True)
    )
    missed = [d.complaint.reference for d in people_selectors.missed_updates(today=today)]
    from putright.contractors.selectors import request_list

    contractors = list(
        request_list(today=today, overdue_only=True).values_list("complaint__reference", flat=True)
    )
    if not (overdue or remedies or actions or missed or contractors):
        return None
    lines = [f"Overdue on {today:%A %d %B %Y}:"]
    for label, refs in (
        ("Complaints past their acknowledgement or response deadline", overdue),
        ("Remedies past their due date", remedies),
        ("Outstanding actions past their due date", actions),
        ("Residents owed an update (5.9, 6.6)", missed),
        ("Contractors' information past the date asked (5.5)", contractors),
    ):
        if refs:
            lines.append(f"\n{label}:")
            lines.extend(f"- {ref}" for ref in sorted(set(refs)))
    return Reminder(
        kind=ReminderKind.OVERDUE_DIGEST,
        object_key="officers",
        due_on=today,
        subject=f"Overdue complaints digest {today}",
        body="\n".join(lines),
        recipients=complaints_officers(),
        extra={
            "complaints": sorted(set(overdue)),
            "remedies": sorted(set(remedies)),
            "actions": sorted(set(actions)),
            "missed_updates": sorted(set(missed)),
            "contractor_requests": sorted(set(contractors)),
        },
    )


def due_reminders(today: dt.date) -> list[Reminder]:
    horizon = working_day_calendar().add_working_days(today, days_before())
    reminders = [
        *_deadline_reminders(today, horizon),
        *_put_right_reminders(horizon),
        *_review_reminders(horizon),
        *_update_reminders(today),
        *_training_reminders(today),
    ]
    digest = _overdue_digest(today)
    if digest is not None:
        reminders.append(digest)
    return reminders


def send_once(reminder: Reminder) -> bool:
    """Send the reminder unless it has been sent already. True when this call sent it."""
    recipients = [u.email for u in reminder.recipients if u.email]
    if not recipients:
        return False
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                kind=reminder.kind,
                object_key=reminder.object_key,
                due_on=reminder.due_on,
                recipients=recipients,
                complaint=reminder.complaint,
            )
            send_mail(
                subject=f"[Putright] {reminder.subject}",
                message=reminder.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=recipients,
            )
            events.record(
                type=REMINDER_SENT_EVENT,
                complaint=reminder.complaint,
                resident=reminder.resident,
                user=None,
                actor_label="system",
                kind=reminder.kind,
                due_on=reminder.due_on,
                recipients=[u.get_username() for u in reminder.recipients if u.email],
                **reminder.extra,
            )
    except IntegrityError:
        return False  # sent already, by an earlier sweep or another worker
    return True


def reminders_sweep(*, today: dt.date | None = None) -> dict[str, int]:
    """Send every reminder due today that has not been sent. Returns how many of each kind."""
    today = today or dates.today()
    sent: dict[str, int] = {}
    for reminder in due_reminders(today):
        if send_once(reminder):
            sent[reminder.kind] = sent.get(reminder.kind, 0) + 1
    return sent
