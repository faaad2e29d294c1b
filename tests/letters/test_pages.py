"""The staff pages: draft, edit, issue, templates, triage."""

from django.urls import reverse

from putright.letters import services
from putright.letters.models import InboundMessage, Letter, LetterStatus, LetterTemplateVersion
from tests.letters import factories


def test_a_handler_drafts_edits_and_issues_a_letter_on_the_page(client, olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    client.force_login(hannah)
    page = client.get(reverse("letters:case", args=[complaint.reference]))
    assert page.status_code == 200
    assert b"No letters yet." in page.content

    drafted = client.post(
        reverse("letters:case", args=[complaint.reference]), {"kind": "stage1_response"}
    )
    letter = Letter.objects.get()
    assert drafted.url == reverse("letters:letter", args=[complaint.reference, letter.pk])

    detail = reverse("letters:letter", args=[complaint.reference, letter.pk])
    broken = letter.body.replace("Your complaint is upheld.", "")
    saved = client.post(detail, {"action": "save", "subject": letter.subject, "body": broken})
    assert saved.status_code == 302
    page = client.get(detail)
    assert b"This letter cannot be issued yet" in page.content
    assert b"the decision on the complaint (6.9c)" in page.content

    refused = client.post(detail, {"action": "issue", "delivery": ""})
    assert refused.status_code == 409
    assert b"6.9c" in refused.content
    letter.refresh_from_db()
    assert letter.status == LetterStatus.DRAFT

    client.post(detail, {"action": "redraft"})
    issued = client.post(detail, {"action": "issue", "delivery": "post"})
    assert issued.status_code == 302
    letter.refresh_from_db()
    assert letter.status == LetterStatus.ISSUED
    page = client.get(detail)
    assert b"Marked for post" in page.content
    pdf = client.get(reverse("letters:pdf", args=[complaint.reference, letter.pk]))
    assert pdf.content.startswith(b"%PDF-")


def test_governance_sees_letters_but_cannot_draft(client, olivia, hannah, grace):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    client.force_login(grace)
    assert client.get(reverse("letters:case", args=[complaint.reference])).status_code == 200
    response = client.post(
        reverse("letters:case", args=[complaint.reference]), {"kind": "acknowledgement"}
    )
    assert response.status_code == 403


def test_pages_need_a_signed_in_user(client, olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    response = client.get(reverse("letters:case", args=[complaint.reference]))
    assert response.status_code == 302
    assert "login" in response.url


def test_the_officer_edits_a_template_and_a_bad_one_is_explained(client, olivia):
    client.force_login(olivia)
    url = reverse("letters:template_edit", args=["refusal"])
    page = client.get(url)
    assert b"the reasons the complaint is not accepted" in page.content.lower()

    bad = client.post(url, {"subject": "S", "body": "{% debug %}"})
    assert bad.status_code == 400
    assert b"There is a problem" in bad.content

    good = client.post(url, {"subject": "About your complaint", "body": "Dear {{ resident.name }}"})
    assert good.status_code == 302
    assert LetterTemplateVersion.objects.filter(kind="refusal").count() == 2
    assert client.get(reverse("letters:templates")).status_code == 200
    assert client.get(reverse("letters:branding")).status_code == 200


def test_a_handler_cannot_edit_templates(client, hannah):
    client.force_login(hannah)
    url = reverse("letters:template_edit", args=["refusal"])
    assert client.post(url, {"subject": "S", "body": "B"}).status_code == 403


def test_triage_files_a_message_on_a_case(client, olivia, hannah):
    from pathlib import Path

    raw = (Path(__file__).parent / "mail" / "new_contact.eml").read_bytes()
    message, _ = services.inbound_ingest(raw=raw)
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    client.force_login(olivia)
    page = client.get(reverse("letters:triage"))
    assert b"Black mould in my bathroom" in page.content

    response = client.post(
        reverse("letters:triage_file", args=[message.pk]), {"reference": complaint.reference}
    )

    assert response.status_code == 302
    assert InboundMessage.objects.get().complaint == complaint
    assert b"Nothing to triage." in client.get(reverse("letters:triage")).content
