"""Issued letters go out by e-mail in the background, or are marked for post."""

from email import message_from_bytes

import pytest

from putright.complaints.models import Event
from putright.letters import services
from putright.letters.models import Letter, SendStatus
from putright.people.models import Resident
from tests.letters import factories


def _issue(olivia, hannah, **kwargs):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    return complaint, services.letter_issue(user=olivia, letter=letter, **kwargs)


def test_an_issued_letter_is_e_mailed_after_commit_with_its_pdf(
    olivia, hannah, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint, letter = _issue(olivia, hannah)
        assert mailoutbox == []  # nothing leaves before the transaction commits

    letter.refresh_from_db()
    assert letter.send_status == SendStatus.SENT
    assert letter.send_attempts == 1
    # The complaint's own logging also e-mailed Rosa her tracking link (notifications).
    [sent] = [m for m in mailoutbox if "Your complaint" not in m.subject]
    assert sent.to == ["rosa@example.org"]
    assert "Follow your complaint: http://testserver/track/" in sent.body
    assert complaint.reference in sent.subject
    assert sent.extra_headers["Message-ID"] == letter.message_id
    [(name, content, mimetype)] = sent.attachments
    assert (name, mimetype) == (f"{complaint.reference}-stage1_response.pdf", "application/pdf")
    with letter.pdf.open("rb") as handle:
        assert content == handle.read()
    parsed = message_from_bytes(sent.message().as_bytes())
    assert parsed["Message-ID"] == letter.message_id
    assert Event.objects.filter(complaint=complaint, type="letter_sent").count() == 1


def test_a_failure_is_retried_recorded_on_the_case_and_never_loses_the_letter(
    olivia, hannah, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.letters.failing_mail.DownBackend"
    with django_capture_on_commit_callbacks(execute=True):
        complaint, letter = _issue(olivia, hannah)

    letter = Letter.objects.get(pk=letter.pk)
    assert letter.send_status == SendStatus.FAILED
    assert letter.send_attempts == services.MAX_SEND_ATTEMPTS
    assert "SMTPServerDisconnected" in letter.last_error
    failures = Event.objects.filter(complaint=complaint, type="letter_send_failed")
    assert [e.parameters["will_retry"] for e in failures] == [True, True, True, False]
    assert letter.html and letter.pdf and letter.status == "issued"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        services.letter_resend(user=olivia, letter=letter)
    letter.refresh_from_db()
    assert letter.send_status == SendStatus.SENT
    assert len(mailoutbox) == 1


def test_a_resident_who_wants_letters_by_post_gets_one_marked_for_post(
    olivia, hannah, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = factories.stage1_responded(officer=olivia, handler=hannah)
        Resident.objects.filter(pk=complaint.resident_id).update(preferred_contact_method="letter")
        letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
        letter = services.letter_issue(user=olivia, letter=letter)

    assert letter.delivery == "post"
    assert letter.send_status == SendStatus.FOR_POST
    assert "Elm Road" in letter.recipient
    assert mailoutbox == []
    event = Event.objects.get(complaint=complaint, type="letter_issued")
    assert event.parameters["delivery"] == "post"


def test_a_failed_e_mail_can_be_switched_to_post(
    olivia, hannah, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.letters.failing_mail.DownBackend"
    with django_capture_on_commit_callbacks(execute=True):
        complaint, letter = _issue(olivia, hannah)
    letter = services.letter_mark_for_post(user=olivia, letter=Letter.objects.get(pk=letter.pk))
    assert letter.send_status == SendStatus.FOR_POST
    assert Event.objects.filter(complaint=complaint, type="letter_marked_for_post").exists()


def test_e_mail_is_refused_when_the_resident_has_none(olivia, hannah):
    from putright.errors import InvalidInput

    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    Resident.objects.filter(pk=complaint.resident_id).update(email="")
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    with pytest.raises(InvalidInput) as refused:
        services.letter_issue(user=olivia, letter=letter, delivery="email")
    assert "delivery" in refused.value.errors
    assert services.letter_issue(user=olivia, letter=letter).delivery == "post"
