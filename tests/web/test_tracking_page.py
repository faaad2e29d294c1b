"""The resident's tracking page (review findings R2, R3, R8, R9 and G1): the outcome and the
letters on the page, a confirmation step for stage 2 with an optional box, and a read-only
preview for staff."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.complaints import services
from putright.complaints.models import Complaint, Note, Stage
from putright.letters import services as letters
from putright.web.tracking import tracking_token
from tests.factories import acknowledge, log_complaint, respond
from tests.letters import factories


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _page(client, complaint) -> str:
    response = client.get(reverse("web:track", args=[tracking_token(complaint)]))
    assert response.status_code == 200
    return response.content.decode()


def _responded(officer, handler):
    complaint = factories.stage1_responded(officer=officer, handler=handler)
    letter = letters.letter_draft(user=officer, complaint=complaint, kind="stage1_response")
    letters.letter_issue(user=officer, letter=letter, delivery="post")
    return Complaint.objects.get(pk=complaint.pk), letter


# --- R2: the outcome, what we promised, and the letters ---------------------------------------


def test_the_page_shows_the_decision_reasons_and_what_we_promised_with_dates(
    client, olivia, hannah
):
    complaint, _ = _responded(olivia, hannah)
    page = _page(client, complaint)
    stage = complaint.stages.get(number=1)
    assert "Our decision" in page and stage.get_decision_display() in page
    assert stage.reasons.split("\n")[0][:40] in page
    assert "A payment for the time and trouble" in page and "£75.00" in page
    assert "due by 5 December 2025" in page
    assert "Replaster the kitchen ceiling" in page and "due by 12 December 2025" in page


def test_a_remedy_done_shows_when_it_was_done(client, olivia, hannah):
    complaint, _ = _responded(olivia, hannah)
    remedy = complaint.remedies.get(type="financial")
    services.remedy_complete(user=hannah, remedy=remedy, completed_on=remedy.offered_on)
    assert f"done {remedy.offered_on:%-d %B %Y}" in _page(client, complaint)


def test_the_resident_downloads_an_issued_letter_through_their_link(client, olivia, hannah):
    complaint, letter = _responded(olivia, hannah)
    token = tracking_token(complaint)
    url = reverse("web:track-letter", args=[token, letter.pk])
    assert url in _page(client, complaint)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(b"%PDF")


def test_a_draft_or_another_complaints_letter_cannot_be_downloaded(client, olivia, hannah):
    complaint, issued = _responded(olivia, hannah)
    draft = letters.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    other = log_complaint(user=olivia)
    assert (
        client.get(
            reverse("web:track-letter", args=[tracking_token(complaint), draft.pk])
        ).status_code
        == 404
    )
    assert (
        client.get(reverse("web:track-letter", args=[tracking_token(other), issued.pk])).status_code
        == 404
    )


# --- R8: the resident's own words are theirs ----------------------------------------------------


def test_outcome_wanted_and_adjustments_are_shown_apart_from_the_complaint(client, db):
    from tests.web.test_public import complain

    complain(client)
    client.post(reverse("web:complain-check"))
    complaint = Complaint.objects.get()
    assert "Reasonable adjustments asked for" not in complaint.description
    assert complaint.description == "The kitchen ceiling has leaked for three weeks."
    page = _page(client, complaint)
    assert "What you asked us to do</h2>" in page and "Fix the leak and the ceiling." in page
    assert "What you asked us to do differently" in page and "Large print letters" in page


# --- R9: kinder words on the resident's timeline -----------------------------------------------


def test_a_refusal_reads_kindly_on_the_residents_timeline(client, olivia):
    complaint = log_complaint(user=olivia)
    services.complaint_refuse(
        user=olivia,
        complaint=complaint,
        reason="legal_proceedings",
        explanation="Court proceedings about this repair have started.",
        decided_on=dt.date(2025, 11, 4),
    )
    page = _page(client, complaint)
    assert "Complaint refused" not in page
    assert "We decided not to take your complaint forward" in page


# --- R3: stage 2 after a confirmation page, reasons offered, never required ----------------------


def _escalatable(hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 4))
    respond(complaint, user=hannah, on=dt.date(2025, 11, 14))
    return complaint


def test_the_button_opens_a_confirmation_page_and_nothing_changes_until_it_is_sent(client, hannah):
    complaint = _escalatable(hannah)
    url = reverse("web:track-escalate", args=[tracking_token(complaint)])
    assert f'href="{url}"' in _page(client, complaint)  # a link, not a one-tap form
    page = client.get(url).content.decode()
    assert "What are you still unhappy about? (optional)" in page
    assert "You do not have to say why" in page
    assert Stage.objects.filter(complaint=complaint).count() == 1


def test_what_the_resident_writes_is_kept_as_the_escalation_reason(client, hannah):
    complaint = _escalatable(hannah)
    url = reverse("web:track-escalate", args=[tracking_token(complaint)])
    response = client.post(url, {"reason": "The ceiling still drips when it rains."})
    assert response.status_code == 302
    stage2 = complaint.stages.get(number=2)
    assert stage2.escalation_reason == "The ceiling still drips when it rains."
    assert complaint.events.last().actor_label == "resident"
    assert "The ceiling still drips when it rains." in _page(client, complaint)


def test_an_empty_box_still_asks_for_stage_2(client, hannah):
    complaint = _escalatable(hannah)
    response = client.post(reverse("web:track-escalate", args=[tracking_token(complaint)]), {})
    assert response.status_code == 302
    assert complaint.stages.get(number=2).escalation_reason == ""


def test_the_confirmation_page_is_not_offered_when_stage_2_cannot_be_asked(client, hannah):
    complaint = log_complaint(user=hannah)
    url = reverse("web:track-escalate", args=[tracking_token(complaint)])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:track", args=[tracking_token(complaint)])


# --- G1: staff see a read-only preview and cannot act as the resident ----------------------------


def test_grace_following_the_staff_link_sees_a_preview_and_cannot_escalate(
    signed_in, grace, hannah
):
    complaint = _escalatable(hannah)
    client = signed_in(grace)
    case = client.get(reverse("web:complaint", args=[complaint.reference])).content.decode()
    link = reverse("web:track", args=[tracking_token(complaint)])
    assert link in case
    page = client.get(link).content.decode()
    assert "Preview: this is what the resident sees" in page
    assert "<form" not in page.split("<main")[1].split("</main>")[0]
    escalate = reverse("web:track-escalate", args=[tracking_token(complaint)])
    assert f'href="{escalate}"' not in page
    assert "<form" not in client.get(escalate).content.decode().split("<main")[1]

    response = client.post(escalate, {"reason": "Grace pressed it."})

    assert response.status_code == 403
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.status) == (1, "responded")
    assert not complaint.events.filter(type="escalation_requested").exists()


@pytest.mark.parametrize("who", ["grace", "hannah", "olivia"])
def test_no_staff_session_can_add_information_or_documents_through_the_link(
    signed_in, request, hannah, who
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    complaint = _escalatable(hannah)
    client = signed_in(request.getfixturevalue(who))
    token = tracking_token(complaint)
    note = client.post(reverse("web:track-note", args=[token]), {"text": "Staff typed this."})
    upload = client.post(
        reverse("web:track-upload", args=[token]),
        {"file": SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n")},
    )
    assert (note.status_code, upload.status_code) == (403, 403)
    assert not Note.objects.filter(complaint=complaint).exists()
    assert not complaint.attachments.exists()


def test_the_resident_signed_out_can_still_act_and_it_is_recorded_as_theirs(client, hannah):
    complaint = _escalatable(hannah)
    token = tracking_token(complaint)
    assert "Preview" not in _page(client, complaint)
    client.post(reverse("web:track-note", args=[token]), {"text": "From me."})
    assert Note.objects.get(complaint=complaint).author is None
    assert complaint.events.get(type="note_added").actor_label == "resident"


def test_the_new_routes_end_with_the_link(client, olivia, hannah):
    complaint, letter = _responded(olivia, hannah)
    token = tracking_token(complaint)
    urls = [
        reverse("web:track-letter", args=[token, letter.pk]),
        reverse("web:track-escalate", args=[token]),
    ]
    services.tracking_link_revoke(user=olivia, complaint=complaint)
    assert [client.get(url).status_code for url in urls] == [410, 410]
    tampered = [url.replace(token, token[:-2] + "xx") for url in urls]
    assert [client.get(url).status_code for url in tampered] == [404, 404]
