"""A representative's authority to act for the resident (1.3, 3.6): how the resident consented,
when, the evidence kept and who recorded it; and whether the resident wants copies of the
letters sent to the representative as well (the letters service reads `wants_copies`).

Consent is recorded on the complaint's representative; recording it again replaces the details
(a new form, say) and the timeline keeps every version."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from putright.complaints import uploads
from putright.errors import InvalidInput, RuleBroken, collect_errors
from putright.people.events import PeopleEventType
from putright.people.models import ConsentMethod, Representative

# Verbal consent leaves no document behind, so the note of what was said is the evidence.
NOTE_REQUIRED = {ConsentMethod.VERBAL}


def _services():
    # Late: people.services imports the case engine's pieces lazily too.
    from putright.people import services

    return services


def _representative(complaint) -> Representative:
    if complaint.representative_id is None:
        raise RuleBroken(
            "no_representative",
            f"{complaint.reference} has no representative; consent is recorded for one.",
            "3.6",
        )
    return Representative.objects.select_for_update().get(pk=complaint.representative_id)


def _evidence(uploaded_file) -> uploads.Checked | None:
    if uploaded_file is None:
        return None
    if not uploaded_file.size:
        raise InvalidInput({"evidence": "The file is empty."})
    limit = settings.PUTRIGHT_MAX_ATTACHMENT_BYTES
    if uploaded_file.size > limit:
        raise InvalidInput(
            {"evidence": f"The file must be smaller than {limit // (1024 * 1024)} MB."}
        )
    try:
        # The type is the content's (filetype's magic numbers), never the name or the claim.
        return uploads.check(uploaded_file)
    except InvalidInput as error:
        messages = [m for found in error.errors.values() for m in found]
        raise InvalidInput({"evidence": messages}) from None


@transaction.atomic
def representative_consent_record(
    *, user, complaint, method: str, given_on, notes: str = "", evidence=None
) -> Representative:
    """Record how and when the resident agreed to be represented, with any evidence."""
    people = _services()
    people.require_can_act(user, complaint)
    representative = _representative(complaint)
    method, given_on = collect_errors(
        lambda: people._choice("method", method, ConsentMethod),
        lambda: people._date("given_on", given_on),
    )
    notes = (notes or "").strip()
    if method in NOTE_REQUIRED and not notes:
        raise InvalidInput({"notes": "Say who the resident told, and what they agreed to."})
    checked = _evidence(evidence)
    representative.consent_method = method
    representative.consent_given_on = given_on
    representative.consent_notes = notes
    representative.consent_recorded_by = user
    representative.consent_recorded_at = timezone.now()
    if checked is not None:
        from putright.complaints.services.record import clean_filename

        representative.consent_evidence.save(
            uploads.stored_name(checked.extension), evidence, save=False
        )
        representative.consent_evidence_type = checked.content_type
        representative.consent_evidence_name = clean_filename(evidence.name)
    representative.save()
    people._events().record(
        type=PeopleEventType.REPRESENTATIVE_CONSENT_RECORDED,
        complaint=complaint,
        user=user,
        representative=representative.pk,
        method=method,
        given_on=given_on,
        notes=notes,
        evidence=representative.consent_evidence_name if checked else "",
        provision="3.6",
    )
    return representative


@transaction.atomic
def representative_copies_set(*, user, complaint, wants_copies: bool) -> Representative:
    """The resident asks for (or stops) copies of every letter going to their representative."""
    people = _services()
    people.require_can_act(user, complaint)
    representative = _representative(complaint)
    if wants_copies and not (representative.email or representative.address):
        raise InvalidInput(
            {"wants_copies": "Add the representative's e-mail or postal address first."}
        )
    representative.wants_copies = bool(wants_copies)
    representative.save(update_fields=["wants_copies"])
    people._events().record(
        type=PeopleEventType.REPRESENTATIVE_COPIES_CHANGED,
        complaint=complaint,
        user=user,
        representative=representative.pk,
        wants_copies=representative.wants_copies,
        provision="3.6",
    )
    return representative
