"""Every write to letters: drafts, checks, issuing and sending (templates and branding are
letters.templating's). The API, the staff pages, the background task and `putright
ingest-mail` all call these."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from email.utils import make_msgid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from putright import text
from putright.accounts.models import User
from putright.complaints import events
from putright.complaints.models import Complaint
from putright.complaints.selectors import complaint_get
from putright.errors import InvalidInput, RuleBroken
from putright.landlord.selectors import landlord_settings
from putright.letters import context, copies, elements, rendering, sandbox
from putright.letters import sign_off as sign_offs
from putright.letters.access import LetterEvent
from putright.letters.access import require_can_act as _require_can_act
from putright.letters.models import (
    Delivery,
    Letter,
    LetterKind,
    LetterStatus,
    LetterTemplateVersion,
    SendStatus,
)
from putright.letters.templating import (  # noqa: F401 (callers use them from here)
    DEFAULT_SUBJECTS,
    _kind,
    _require_template_editor,
    branding_current,
    branding_edit,
    default_template_body,
    template_current,
    template_edit,
)

log = logging.getLogger(__name__)

# Sending is tried this many times in all, waiting longer each time.
MAX_SEND_ATTEMPTS = 4
RETRY_DELAYS = (dt.timedelta(minutes=1), dt.timedelta(minutes=10), dt.timedelta(hours=1))

# --- drafts ----------------------------------------------------------------------------------


def _case(complaint: Complaint) -> Complaint:
    return complaint_get(reference=complaint.reference)


@transaction.atomic
def letter_draft(*, user: User, complaint: Complaint, kind: str) -> Letter:
    """A draft of a kind of letter, written from the case with the landlord's current wording."""
    kind = _kind(kind)
    _require_can_act(user, complaint)
    complaint = _case(complaint)
    wanted = context.KIND_STAGE[kind]
    if wanted is not None and not any(s.number == wanted for s in complaint.stages.all()):
        raise RuleBroken(
            "no_such_stage",
            f"{complaint.reference} has no stage {wanted} yet, so a "
            f"{LetterKind(kind).label.lower()} letter cannot be written.",
            "6.19" if wanted == 2 else None,
        )
    template = template_current(kind)
    data = context.build(kind, complaint)
    body = sandbox.render(template.body, data)
    letter = Letter.objects.create(
        complaint=complaint,
        kind=kind,
        stage=context.letter_stage(kind, complaint),
        subject=_subject(template, data),
        body=_tidy(body),
        context=data,
        template_version=template,
        branding_version=branding_current(),
        readability=rendering.readability(body),
        created_by=user,
    )
    return letter


def _subject(template: LetterTemplateVersion, data: dict) -> str:
    return " ".join(sandbox.render(template.subject, data, field="subject").split())[:200]


def _tidy(body: str) -> str:
    # Template tags leave blank lines behind; keep at most one between paragraphs.
    lines = [line.rstrip() for line in body.replace("\r\n", "\n").split("\n")]
    tidy, blank = [], False
    for line in lines:
        if not line.strip():
            if not blank and tidy:
                tidy.append("")
            blank = True
            continue
        tidy.append(line)
        blank = False
    return "\n".join(tidy).strip() + "\n"


def _require_draft(letter: Letter) -> None:
    if letter.status != LetterStatus.DRAFT:
        raise RuleBroken(
            "letter_issued",
            "This letter has been issued and is part of the case record; it cannot be changed. "
            "Draft a new letter instead.",
            "5.12",
        )


@transaction.atomic
def letter_edit(
    *, user: User, letter: Letter, body: str | None = None, subject: str | None = None
) -> Letter:
    """The handler's changes to a draft before it is issued."""
    _require_can_act(user, letter.complaint)
    letter = Letter.objects.select_for_update().select_related("complaint").get(pk=letter.pk)
    _require_draft(letter)
    before = (letter.subject, letter.body)
    errors = {}
    if body is not None:
        body = text.bounded("body", body, text.LETTER)
        if not body.strip():
            errors["body"] = ["The letter cannot be empty."]
        letter.body = body.replace("\r\n", "\n").strip() + "\n"
    if subject is not None:
        subject = " ".join(text.clean_line(subject).split())
        if not subject:
            errors["subject"] = ["Write the subject line."]
        elif len(subject) > 200:
            errors["subject"] = ["Keep the subject line to 200 characters."]
        letter.subject = subject
    if errors:
        raise InvalidInput(errors)
    letter.readability = rendering.readability(letter.body)
    if (letter.subject, letter.body) != before:
        letter.edited_by = user
        if user.pk not in letter.editors:
            letter.editors = [*letter.editors, user.pk]
    sign_offs.void_if_changed(user=user, letter=letter, before=before)
    letter.save()
    return letter


@transaction.atomic
def letter_redraft(*, user: User, letter: Letter) -> Letter:
    """Write the draft again from the case as it is now (after the response is recorded, say)
    and the newest wording. The handler's edits to the draft are replaced."""
    _require_can_act(user, letter.complaint)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    _require_draft(letter)
    before = (letter.subject, letter.body)
    complaint = _case(letter.complaint)
    template = template_current(letter.kind)
    data = context.build(letter.kind, complaint)
    body = sandbox.render(template.body, data)
    letter.body = _tidy(body)
    letter.subject = _subject(template, data)
    letter.context = data
    letter.template_version = template
    letter.branding_version = branding_current()
    letter.readability = rendering.readability(body)
    if (letter.subject, letter.body) != before:
        letter.edited_by = user
        if user.pk not in letter.editors:
            letter.editors = [*letter.editors, user.pk]
    sign_offs.void_if_changed(user=user, letter=letter, before=before)
    letter.save()
    return letter


@transaction.atomic
def letter_discard(*, user: User, letter: Letter) -> None:
    _require_can_act(user, letter.complaint)
    _require_draft(letter)
    letter.delete()


# --- checks ----------------------------------------------------------------------------------


def letter_preview_html(letter: Letter, *, data: dict | None = None) -> str:
    return rendering.letter_html(
        subject=letter.subject,
        body=letter.body,
        data=data if data is not None else letter.context,
        branding=letter.branding_version,
        draft=letter.status == LetterStatus.DRAFT,
    )


def letter_check(letter: Letter, *, complaint: Complaint | None = None) -> list[elements.Missing]:
    """What the letter lacks against the case as it is now."""
    if letter.status == LetterStatus.ISSUED:
        data = letter.context
    else:
        data = context.build(letter.kind, complaint or _case(letter.complaint))
    return elements.check(letter.kind, letter.stage, data, letter_text(letter))


def letter_text(letter: Letter) -> str:
    """The words of the letter body as the resident reads them. Required elements are looked for
    here, not in the letterhead or signature: the letter's own wording must say them."""
    return elements.html_to_text(rendering.body_html(letter.body))


def _missing_error(missing: list[elements.Missing]) -> RuleBroken:
    listed = "; ".join(item.describe() for item in missing)
    return RuleBroken(
        "letter_incomplete",
        f"This letter cannot be issued: {listed}.",
        # The first gap's provision; the detail names every one.
        missing[0].provision,
    )


# --- issuing and sending ---------------------------------------------------------------------


def _message_id() -> str:
    domain = settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "putright.invalid"
    return make_msgid(idstring="letter", domain=domain)


@transaction.atomic
def letter_issue(*, user: User, letter: Letter, delivery: str | None = None) -> Letter:
    """Check the letter says all the Code requires, store it for good as HTML and PDF, and send
    it by e-mail (in the background) or mark it for post."""
    _require_can_act(user, letter.complaint)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    _require_draft(letter)
    if delivery not in (None, "") and delivery not in Delivery.values:
        raise InvalidInput({"delivery": f"Choose one of: {', '.join(Delivery.values)}."})
    complaint = _case(letter.complaint)
    resident = complaint.resident
    if not delivery:
        wants_post = resident.preferred_contact_method == "letter" or not resident.email
        delivery = Delivery.POST if wants_post else Delivery.EMAIL
    if delivery == Delivery.EMAIL and not resident.email:
        raise InvalidInput({"delivery": "The resident has no e-mail address; send it by post."})
    # 6.7: a response the landlord has said needs review is not issued without its sign-off.
    sign_off_setting = sign_offs.setting_for(letter.stage)
    sign_offs.rule.check_issue(letter, sign_off_setting)
    letter.sign_off_required = sign_offs.rule.applies(letter, sign_off_setting)
    letter.copies = copies.copies_for(complaint, delivery)

    data = context.build(letter.kind, complaint)
    letter.context = data
    letter.status = LetterStatus.ISSUED
    missing = elements.check(letter.kind, letter.stage, data, letter_text(letter))
    if missing:
        raise _missing_error(missing)

    html = letter_preview_html(letter, data=data)

    pdf = rendering.letter_pdf(html)
    letter.html = html
    letter.pdf.save(f"{letter.pk}-{letter.kind}.pdf", ContentFile(pdf), save=False)
    letter.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    letter.readability = rendering.readability(letter.body)
    letter.issued_at = timezone.now()
    letter.issued_by = user
    letter.delivery = delivery
    letter.message_id = _message_id()
    if delivery == Delivery.EMAIL:
        letter.recipient = resident.email
        letter.send_status = SendStatus.QUEUED
    else:
        letter.recipient = resident.address
        letter.send_status = SendStatus.FOR_POST
    letter.save()
    letter._issued_when_loaded = True
    events.record(
        type=LetterEvent.ISSUED,
        complaint=complaint,
        user=user,
        letter=letter.pk,
        kind=letter.kind,
        stage=letter.stage,
        subject=letter.subject,
        template_version=letter.template_version.version,
        branding_version=letter.branding_version.version if letter.branding_version else None,
        delivery=delivery,
        pdf_sha256=letter.pdf_sha256,
        copies=[{"name": c["name"], "delivery": c["delivery"]} for c in letter.copies],
        signed_off_by=letter.signed_off_by.get_username() if letter.signed_off_by else "",
    )
    if letter.kind in (LetterKind.REFUSAL, LetterKind.ESCALATION_REFUSAL):
        # 2.4: the letter, which cannot issue without the Ombudsman's details, is what tells
        # the resident of their right to go to the Ombudsman.
        complaint.refusals.filter(stage=letter.stage).update(ombudsman_rights_given=True)
    if delivery == Delivery.EMAIL:
        _queue_send(letter.pk)
    return letter


def _queue_send(letter_id: int, *, attempt_delay: dt.timedelta | None = None) -> None:
    from putright.letters.tasks import send_letter

    def enqueue():
        task = send_letter
        if attempt_delay is not None and task.get_backend().supports_defer:
            task = task.using(run_after=timezone.now() + attempt_delay)
        task.enqueue(letter_id)

    transaction.on_commit(enqueue)


def _email(letter: Letter) -> EmailMultiAlternatives:
    landlord = landlord_settings()
    reference = letter.complaint.reference
    from putright.notifications.services import tracking_link

    # The letter (and its PDF) carries the short tracking address; the e-mail the private link
    # itself, made now so that a link revoked since the letter was issued is not sent.
    text = (
        f"{letter.subject}\nOur reference: {reference}\n"
        f"Follow your complaint: {tracking_link(letter.complaint)}\n\n{letter.body}\n"
    )
    message = EmailMultiAlternatives(
        subject=f"{letter.subject} [{reference}]",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[letter.recipient],
        # 3.6: the representative's copy, when the resident asked for one.
        cc=copies.email_copies(letter),
        reply_to=[landlord.complaints_email],
        headers={"Message-ID": letter.message_id},
    )
    message.attach_alternative(letter.html, "text/html")
    with letter.pdf.open("rb") as handle:
        message.attach(f"{reference}-{letter.kind}.pdf", handle.read(), "application/pdf")
    return message


def letter_send(*, letter_id: int) -> Letter:
    """Send an issued letter by e-mail (run by the background task). A failure is recorded on
    the case and retried; the letter itself is never lost or changed."""
    with transaction.atomic():
        letter = Letter.objects.select_for_update().select_related("complaint").get(pk=letter_id)
        if letter.send_status not in {SendStatus.QUEUED, SendStatus.RETRYING}:
            return letter  # already sent, or switched to post: nothing to do
        letter.send_attempts += 1
        letter.save(update_fields=["send_attempts"])
    try:
        _email(letter).send(fail_silently=False)
    except Exception as error:  # any transport failure: record it, retry, never lose the letter
        log.warning("Sending letter %s failed: %s", letter.pk, error)
        with transaction.atomic():
            retry = letter.send_attempts < MAX_SEND_ATTEMPTS
            letter.send_status = SendStatus.RETRYING if retry else SendStatus.FAILED
            letter.last_error = f"{type(error).__name__}: {error}"[:2000]
            letter.save(update_fields=["send_status", "last_error"])
            events.record(
                type=LetterEvent.SEND_FAILED,
                complaint=letter.complaint,
                actor_label="system",
                letter=letter.pk,
                kind=letter.kind,
                attempt=letter.send_attempts,
                will_retry=retry,
                error=letter.last_error,
            )
            if retry:
                delay = RETRY_DELAYS[min(letter.send_attempts, len(RETRY_DELAYS)) - 1]
                _queue_send(letter.pk, attempt_delay=delay)
        return letter
    with transaction.atomic():
        letter.send_status = SendStatus.SENT
        letter.sent_at = timezone.now()
        letter.last_error = ""
        letter.save(update_fields=["send_status", "sent_at", "last_error"])
        events.record(
            type=LetterEvent.SENT,
            complaint=letter.complaint,
            actor_label="system",
            letter=letter.pk,
            kind=letter.kind,
            recipient=letter.recipient,
            copied_to=copies.email_copies(letter),
            attempt=letter.send_attempts,
        )
    return letter


@transaction.atomic
def letter_resend(*, user: User, letter: Letter) -> Letter:
    """Try e-mail again after sending failed for good."""
    _require_can_act(user, letter.complaint)
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status != LetterStatus.ISSUED or letter.send_status != SendStatus.FAILED:
        raise RuleBroken("not_failed", "Only a letter whose sending failed can be sent again.")
    letter.send_status = SendStatus.QUEUED
    letter.send_attempts = 0
    letter.save(update_fields=["send_status", "send_attempts"])
    _queue_send(letter.pk)
    return letter


@transaction.atomic
def letter_mark_for_post(*, user: User, letter: Letter) -> Letter:
    _require_can_act(user, letter.complaint)
    letter = (
        Letter.objects.select_for_update().select_related("complaint__resident").get(pk=letter.pk)
    )
    if letter.status != LetterStatus.ISSUED:
        raise RuleBroken("letter_not_issued", "Issue the letter before marking it for post.")
    if letter.send_status == SendStatus.SENT:
        raise RuleBroken("already_sent", "This letter has already been sent by e-mail.")
    letter.delivery = Delivery.POST
    letter.send_status = SendStatus.FOR_POST
    letter.recipient = letter.complaint.resident.address
    letter.copies = copies.for_post(letter.complaint, letter.copies)
    letter.save(update_fields=["delivery", "send_status", "recipient", "copies"])
    events.record(
        type=LetterEvent.MARKED_FOR_POST, complaint=letter.complaint, user=user, letter=letter.pk
    )
    return letter


# Inbound e-mail lives in letters.inbound; its writes are re-exported here for the callers.
from putright.letters.inbound import inbound_file, inbound_ingest  # noqa: E402, F401
