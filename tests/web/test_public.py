"""The resident's way in: the complaint form, check answers, confirmation, and tracking."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from putright.complaints.models import Attachment, Complaint, Note
from putright.web.tracking import tracking_path
from tests.factories import acknowledge, log_complaint, respond

ANSWERS = {
    "who": "representative",
    "representative_name": "Priya Patel",
    "representative_relationship": "Daughter",
    "name": "Rosa Patel",
    "address": "Flat 3, 12 Elm Road",
    "tenancy_reference": "T-10023",
    "email": "priya@example.org",
    "phone": "",
    "preferred_contact_method": "email",
    "description": "The kitchen ceiling has leaked for three weeks.",
    "issue_date": "2025-11-01",
    "outcome_wanted": "Fix the leak and the ceiling.",
    "adjustments": "Large print letters, please.",
    "website": "",
}


def complain(client, **changes):
    answers = {**ANSWERS, **changes}
    return client.post(reverse("web:complain-form"), answers)


def test_a_resident_complains_checks_answers_and_gets_a_reference(client, db, today):
    start = client.get(reverse("web:complain"))
    assert "Housing Ombudsman" in start.content.decode()
    response = complain(client)
    assert response.status_code == 302 and response["Location"] == reverse("web:complain-check")
    check = client.get(reverse("web:complain-check")).content.decode()
    assert "Priya Patel" in check and "Large print letters" in check
    assert Complaint.objects.count() == 0  # nothing is sent before the resident confirms
    response = client.post(reverse("web:complain-check"))
    assert response["Location"] == reverse("web:complain-done")
    complaint = Complaint.objects.get()
    assert complaint.channel == "web"
    assert complaint.received_on == today
    assert complaint.representative.relationship == "Daughter"
    assert complaint.resident.preferred_contact_method == "email"
    assert complaint.issue_date == dt.date(2025, 11, 1)
    assert complaint.description == "The kitchen ceiling has leaked for three weeks."
    # The adjustment asked for is on the resident's record, due for review within a week (5.10).
    adjustment = complaint.resident.adjustments.get()
    assert adjustment.description == "Large print letters, please."
    assert adjustment.source == "resident"
    assert adjustment.agreed_by is None
    assert adjustment.review_on == dt.date(2025, 12, 1)
    assert complaint.events.get().actor_label == "resident"
    done = client.get(reverse("web:complain-done")).content.decode()
    assert complaint.reference in done
    assert tracking_path(complaint) in done


def test_missing_answers_are_named_and_what_was_typed_is_kept(client, db):
    response = complain(client, who="representative", representative_name="", description="")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'href="#id_representative_name"' in page
    assert 'href="#id_description"' in page
    assert "Flat 3, 12 Elm Road" in page


def test_the_contact_method_needs_its_details(client, db):
    response = complain(client, preferred_contact_method="phone", phone="")
    assert response.status_code == 400
    assert "Enter a phone number" in response.content.decode()


def test_a_future_issue_date_is_refused(client, db):
    response = complain(client, issue_date="2026-01-01")
    assert response.status_code == 400


def test_the_honeypot_turns_bots_away(client, db):
    response = complain(client, website="http://spam.example")
    assert response.status_code == 400
    assert client.get(reverse("web:complain-check")).status_code == 302
    assert Complaint.objects.count() == 0


def test_complaints_from_one_address_are_limited(client, db, settings):
    settings.PUTRIGHT_PUBLIC_COMPLAINTS_PER_HOUR = 2
    for _ in range(2):
        complain(client)
        assert client.post(reverse("web:complain-check")).status_code == 302
    # Over the limit, not even the draft is kept (it would be a row in the database).
    response = complain(client)
    assert response.status_code == 429
    assert client.post(reverse("web:complain-check")).status_code == 302
    assert Complaint.objects.count() == 2


def test_a_draft_made_under_the_limit_is_still_refused_when_sent_over_it(client, db, settings):
    settings.PUTRIGHT_PUBLIC_COMPLAINTS_PER_HOUR = 1
    complain(client)  # a draft, saved while the address had sent nothing
    other = Client()
    complain(other)
    assert other.post(reverse("web:complain-check")).status_code == 302  # the one allowed
    assert client.post(reverse("web:complain-check")).status_code == 429
    assert Complaint.objects.count() == 1


def test_tracking_page_shows_status_and_dates(client, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 20))
    page = client.get(tracking_path(complaint)).content.decode()
    assert "acknowledge it by" in page and "Thursday 27 November 2025" in page
    assert "Ask for stage 2" not in page
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 21))
    page = client.get(tracking_path(complaint)).content.decode()
    assert "response by" in page and "5 December 2025" in page


def test_resident_asks_for_stage_2_without_reasons(client, hannah):
    complaint = log_complaint(user=hannah, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=hannah, on=dt.date(2025, 11, 4))
    respond(complaint, user=hannah, on=dt.date(2025, 11, 14))
    path = tracking_path(complaint)
    assert "Ask for stage 2" in client.get(path).content.decode()
    response = client.post(reverse("web:track-escalate", args=[path.split("/")[2]]))
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.stage, complaint.status) == (2, "awaiting_acknowledgement")
    stage2 = complaint.stages.get(number=2)
    assert stage2.escalation_reason == ""
    assert complaint.events.last().actor_label == "resident"
    # Asking twice is refused, and changes nothing.
    response = client.post(reverse("web:track-escalate", args=[path.split("/")[2]]))
    assert response.status_code == 409
    assert "6.19" in response.content.decode()


def test_resident_adds_information_and_documents(client, hannah):
    complaint = log_complaint(user=hannah)
    token = tracking_path(complaint).split("/")[2]
    response = client.post(reverse("web:track-note", args=[token]), {"text": "It is worse now."})
    assert response.status_code == 302
    upload = SimpleUploadedFile("ceiling.jpg", b"\xff\xd8\xff", content_type="image/jpeg")
    response = client.post(reverse("web:track-upload", args=[token]), {"file": upload})
    assert response.status_code == 302
    note, attachment = Note.objects.get(), Attachment.objects.get()
    assert note.author is None and note.text == "It is worse now."
    assert attachment.source == "resident" and attachment.uploaded_by is None
    page = client.get(tracking_path(complaint)).content.decode()
    assert "It is worse now." in page and "ceiling.jpg" in page


def test_an_empty_note_is_refused_on_the_form(client, hannah):
    complaint = log_complaint(user=hannah)
    token = tracking_path(complaint).split("/")[2]
    response = client.post(reverse("web:track-note", args=[token]), {"text": ""})
    assert response.status_code == 400
    assert 'href="#id_text"' in response.content.decode()
