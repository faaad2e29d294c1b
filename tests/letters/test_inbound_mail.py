"""`putright ingest-mail`: real .eml files from tests/letters/mail/, parsed by the real parser."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from putright.complaints.models import Attachment, Event
from putright.errors import RuleBroken
from putright.letters import services
from putright.letters.models import InboundMessage, InboundStatus
from tests.letters import factories

MAIL = Path(__file__).parent / "mail"


def eml(tmp_path, name, reference=None) -> Path:
    """A copy of a stored message, with the case's real reference where it names CMP-000001
    (row ids, and so references, differ between databases)."""
    raw = (MAIL / name).read_bytes()
    if reference:
        raw = raw.replace(b"CMP-000001", reference.encode()).replace(
            b"cmp-000001", reference.lower().encode()
        )
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(raw)
    return path


def ingest(*paths) -> str:
    out = StringIO()
    call_command("ingest-mail", "--eml", *map(str, paths), stdout=out)
    return out.getvalue()


def test_a_reply_naming_the_reference_is_filed_with_its_attachments_once(tmp_path, olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    path = eml(tmp_path, "reply_with_reference.eml", complaint.reference)

    first = ingest(path)
    second = ingest(path)

    assert "1 filed on cases" in first
    assert "1 already stored" in second
    message = InboundMessage.objects.get()
    assert message.complaint == complaint
    assert message.matched_by == "reference"
    assert message.message_id == "<CAF3a1-reply-1@mail.example.org>"
    assert (message.from_address, message.from_name) == ("rosa@example.org", "Rosa Patel")
    assert "still dripping when it rains \u2013" in message.text
    assert message.sent_at.isoformat() == "2025-11-25T09:13:58+00:00"
    assert sorted(a.filename for a in message.attachments.all()) == ["ceiling.png", "setup.exe"]
    # The photo is filed on the case; the program is kept with the message only.
    [filed] = Attachment.objects.filter(complaint=complaint)
    assert (filed.original_name, filed.content_type, filed.source) == (
        "ceiling.png",
        "image/png",
        "email",
    )
    with filed.file.open("rb") as handle:
        assert handle.read(8) == b"\x89PNG\r\n\x1a\n"
    received = Event.objects.filter(complaint=complaint, type="email_received")
    assert received.count() == 1
    assert received.get().parameters["attachments_filed"] == 1


def test_a_reply_to_a_letter_we_sent_is_filed_by_its_thread(tmp_path, olivia, hannah, monkeypatch):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    monkeypatch.setattr(services, "_message_id", lambda: "<letter-fixed-1@landlord.example>")
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    services.letter_issue(user=olivia, letter=letter)

    ingest(eml(tmp_path, "reply_in_thread.eml"))

    message = InboundMessage.objects.get()
    assert (message.complaint, message.matched_by) == (complaint, "thread")
    assert "take this to stage 2" in message.text


def test_an_unmatched_message_is_new_contact_to_triage_until_filed(tmp_path, olivia, hannah):
    output = ingest(eml(tmp_path, "new_contact.eml"))

    message = InboundMessage.objects.get()
    assert "new contact to triage" in output
    assert message.status == InboundStatus.TO_TRIAGE
    assert message.complaint is None
    assert message.from_address == "sam.okafor@example.net"
    assert "<p>There is black mould" in message.html

    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    services.inbound_file(user=olivia, message=message, complaint=complaint)
    message.refresh_from_db()
    assert (message.status, message.complaint, message.matched_by) == (
        InboundStatus.FILED,
        complaint,
        "staff",
    )
    assert Event.objects.filter(complaint=complaint, type="email_received", actor=olivia).exists()
    with pytest.raises(RuleBroken):
        services.inbound_file(user=olivia, message=message, complaint=complaint)


def test_a_message_without_a_message_id_is_still_stored_once(tmp_path, olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    path = eml(tmp_path, "no_message_id.eml", complaint.reference)

    ingest(path)
    ingest(path)

    message = InboundMessage.objects.get()
    assert message.complaint == complaint  # the reference matched despite its lower case
    assert message.message_id.startswith("<sha256-")


def test_a_whole_directory_is_read_and_a_rerun_stores_nothing_new(tmp_path, olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    for name in ("reply_with_reference.eml", "new_contact.eml", "no_message_id.eml"):
        eml(tmp_path, name, complaint.reference)

    first = ingest(tmp_path / "in")
    second = ingest(tmp_path / "in")

    assert "2 filed on cases, 1 new contact to triage, 0 already stored" in first
    assert "0 filed on cases, 0 new contact to triage, 3 already stored" in second
    assert InboundMessage.objects.count() == 3


def test_the_command_needs_a_source(tmp_path):
    with pytest.raises(CommandError):
        call_command("ingest-mail")
    with pytest.raises(CommandError):
        call_command("ingest-mail", "--eml", str(tmp_path / "missing.eml"))
