"""Notes and attachments belong to the case's full record (5.12), within size and type
limits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.complaints.services import attachment_add, note_add
from putright.errors import InvalidInput, NotPermitted
from tests.complaints.factories import fresh, logged, snapshot


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PUTRIGHT_MAX_ATTACHMENT_BYTES = 1024


def pdf(name="photo-report.pdf", size=100, content_type="application/pdf"):
    return SimpleUploadedFile(name, b"%PDF" + b"x" * (size - 4), content_type=content_type)


def test_a_note_is_added_to_the_record(hannah):
    complaint = logged(user=hannah)
    note = note_add(user=hannah, complaint=complaint, text="  Rang Rosa: the leak is worse.  ")
    assert note.text == "Rang Rosa: the leak is worse."
    event = fresh(complaint).events.last()
    assert (event.type, event.actor, event.parameters["text"]) == (
        "note_added",
        hannah,
        note.text,
    )


def test_the_resident_adds_information_through_their_link(olivia):
    complaint = logged(user=olivia)
    note_add(user=None, complaint=complaint, text="Photos of the ceiling attached.")
    assert fresh(complaint).events.last().actor_label == "resident"


def test_an_empty_note_is_refused(hannah):
    complaint = logged(user=hannah)
    with pytest.raises(InvalidInput) as error:
        note_add(user=hannah, complaint=complaint, text=" ")
    assert "text" in error.value.errors


def test_notes_only_from_someone_who_can_act_on_the_case(hannah, harry, grace):
    complaint = logged(user=hannah)
    before = snapshot(complaint)
    for user in (harry, grace):
        with pytest.raises(NotPermitted):
            note_add(user=user, complaint=complaint, text="Hello")
    assert snapshot(complaint) == before


def test_an_attachment_within_the_limits_is_kept_on_the_case(hannah):
    complaint = logged(user=hannah)
    attachment = attachment_add(
        user=hannah, complaint=complaint, uploaded_file=pdf(size=1024), description="Report"
    )
    assert attachment.size == 1024
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == "photo-report.pdf"
    assert attachment.file.name.startswith(f"attachments/{complaint.reference}/")
    assert attachment.file.read().startswith(b"%PDF")
    event = fresh(complaint).events.last()
    assert (event.type, event.parameters["size"]) == ("attachment_added", 1024)


@pytest.mark.parametrize(
    "upload",
    [
        pdf(size=1025),  # one byte over the limit
        # The content decides, never the name or the claimed type (finding 14):
        SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 60, "application/pdf"),
        SimpleUploadedFile("photo.png", b"<html><script>alert(1)</script>", "image/png"),
        SimpleUploadedFile("x.txt", b'<svg onload="alert(1)"></svg>', "text/plain"),
        SimpleUploadedFile("data.bin", b"\x00\x01\x02binary", "text/plain"),
        SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf"),
        None,
    ],
)
def test_attachments_outside_the_limits_are_refused(hannah, upload):
    complaint = logged(user=hannah)
    before = snapshot(complaint)
    with pytest.raises(InvalidInput) as error:
        attachment_add(user=hannah, complaint=complaint, uploaded_file=upload)
    assert "file" in error.value.errors
    assert snapshot(complaint) == before


def test_the_type_is_the_contents_and_the_name_on_disk_is_random(hannah):
    complaint = logged(user=hannah)
    upload = pdf(name="../../.htaccess", content_type="text/plain; charset=utf-8")
    attachment = attachment_add(user=hannah, complaint=complaint, uploaded_file=upload)
    assert attachment.content_type == "application/pdf"
    assert attachment.original_name == ".htaccess"
    stored = attachment.file.name.rsplit("/", 1)[-1]
    assert stored.endswith(".pdf") and "htaccess" not in stored and len(stored) == 36
    text = SimpleUploadedFile("note", b"Rang Rosa: the leak is worse.", "image/png")
    assert attachment_add(user=hannah, complaint=complaint, uploaded_file=text).content_type == (
        "text/plain"
    )


def test_a_document_that_would_unpack_too_large_is_refused(hannah, settings):
    import io
    import zipfile

    settings.PUTRIGHT_MAX_ATTACHMENT_BYTES = 10 * 1024
    settings.PUTRIGHT_MAX_UNPACKED_BYTES = 100 * 1024
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "0" * 1_000_000)  # 1 MB from about 1 KB
    bomb = SimpleUploadedFile("bomb.docx", buffer.getvalue(), "application/msword")
    complaint = logged(user=hannah)
    with pytest.raises(InvalidInput) as error:
        attachment_add(user=hannah, complaint=complaint, uploaded_file=bomb)
    assert "unpack" in error.value.errors["file"][0]
    assert not complaint.attachments.exists()


def test_governance_cannot_attach_documents(hannah, grace):
    complaint = logged(user=hannah)
    with pytest.raises(NotPermitted):
        attachment_add(user=grace, complaint=complaint, uploaded_file=pdf())
