"""The resident is told how to follow their complaint (review finding R1): the reference and
tracking link by the contact method they chose, on every way in; letters carry the short
tracking address; /track/ opens the case from a reference and a postcode or e-mail address."""

import re

import pytest
from django.urls import reverse

from putright.complaints.models import Complaint
from putright.letters import services as letters
from putright.notifications.backends import Notification
from putright.web.tracking import tracking_path
from tests.factories import log_complaint
from tests.letters import factories
from tests.web.test_public import complain

LINK = re.compile(r"http://testserver(/track/[^/\s]+/)")


@pytest.fixture(autouse=True)
def _tasks_now(settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.MEDIA_ROOT = tmp_path


class TextBackend:
    """A stand-in for an SMS or GOV.UK Notify backend: the same two members."""

    channels = frozenset({"text"})
    sent: list[Notification] = []

    def send(self, notification):
        TextBackend.sent.append(notification)


class BrokenBackend:
    channels = frozenset({"email"})

    def send(self, notification):
        raise ConnectionRefusedError("mail server down")


def test_a_resident_who_complains_online_is_emailed_their_reference_and_link(
    client, db, mailoutbox, django_capture_on_commit_callbacks
):
    complain(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("web:complain-check"))
    complaint = Complaint.objects.get()
    [message] = mailoutbox
    assert message.to == ["priya@example.org"]
    assert complaint.reference in message.subject and complaint.reference in message.body
    path = LINK.search(message.body).group(1)
    assert path == tracking_path(complaint)
    assert client.get(path).status_code == 200  # the link in the message opens the case
    assert "http://testserver/track/ " in message.body  # and the short address, if lost
    assert complaint.events.filter(type="tracking_link_sent").count() == 1


def test_a_complaint_staff_log_from_a_call_is_sent_too(
    signed_in, hannah, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(hannah).post(
            reverse("web:complaint-log"),
            {
                "received_on": "2025-11-24",
                "channel": "phone",
                "description": "Nobody came to fix the boiler.",
                "category": "repairs",
                "name": "Ada Brown",
                "email": "ada@example.org",
                "preferred_contact_method": "email",
            },
        )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    [message] = mailoutbox
    assert message.to == ["ada@example.org"]
    assert tracking_path(complaint) in message.body


def test_text_goes_through_the_configured_text_backend(
    settings, db, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PUTRIGHT_NOTIFICATION_BACKENDS = [
        "tests.web.test_notifications.TextBackend",
        "putright.notifications.backends.EmailBackend",
    ]
    TextBackend.sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        complaint = log_complaint(
            resident={
                "name": "Tom Lee",
                "phone": "07700 900123",
                "email": "tom@example.org",
                "preferred_contact_method": "text",
            }
        )
    [text] = TextBackend.sent
    assert (text.channel, text.to) == ("text", "07700 900123")
    assert complaint.reference in text.body and tracking_path(complaint) in text.body
    assert mailoutbox == []  # by the method chosen, not every method


def test_a_resident_who_wants_letters_is_not_emailed_and_the_case_says_why(
    db, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint = log_complaint(
            resident={
                "name": "Ann Post",
                "email": "ann@example.org",
                "address": "1 High St\nEX1 1AA",
                "preferred_contact_method": "letter",
            }
        )
    assert mailoutbox == []
    event = complaint.events.get(type="tracking_link_not_sent")
    assert "acknowledgement letter" in event.parameters["why"]


def test_a_failure_to_send_is_recorded_and_never_loses_the_complaint(
    settings, db, django_capture_on_commit_callbacks
):
    settings.PUTRIGHT_NOTIFICATION_BACKENDS = ["tests.web.test_notifications.BrokenBackend"]
    with django_capture_on_commit_callbacks(execute=True):
        complaint = log_complaint()
    assert Complaint.objects.filter(pk=complaint.pk).exists()
    event = complaint.events.get(type="tracking_link_not_sent")
    assert "ConnectionRefusedError" in event.parameters["why"]


def test_every_issued_letter_carries_the_tracking_address_and_the_email_the_link(
    olivia, hannah, mailoutbox, django_capture_on_commit_callbacks
):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = letters.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    assert "http://testserver/track/" in letter.body
    assert complaint.reference in letter.body
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        issued = letters.letter_issue(user=hannah, letter=letter, delivery="email")
    assert "http://testserver/track/ and enter your reference" in issued.html
    [sent] = mailoutbox
    assert LINK.search(sent.body).group(1) == tracking_path(complaint)


# --- /track/: reference and postcode or e-mail address --------------------------------------


@pytest.fixture
def rosa(db):
    return log_complaint(
        resident={"name": "Rosa", "email": "Rosa@Example.org", "address": "3 Elm Rd\nEX2 3AB"}
    )


@pytest.mark.parametrize(
    "reference,known",
    [
        ("{ref}", "EX2 3AB"),
        ("{ref}", "ex23ab"),
        ("{ref}", "rosa@example.org"),
        ("{num}", " ex2 3ab "),
    ],
)
def test_a_reference_and_postcode_or_email_open_the_case(client, rosa, reference, known):
    number = str(int(rosa.reference.split("-")[1]))
    response = client.post(
        reverse("web:track-find"),
        {"reference": reference.format(ref=rosa.reference, num=number), "known": known},
    )
    assert response.status_code == 302
    assert response["Location"] == tracking_path(rosa)


def test_a_wrong_detail_and_an_unknown_reference_get_the_same_answer(client, rosa):
    wrong = client.post(reverse("web:track-find"), {"reference": rosa.reference, "known": "X1 1XX"})
    unknown = client.post(
        reverse("web:track-find"), {"reference": "CMP-999999", "known": "EX2 3AB"}
    )
    partial = client.post(reverse("web:track-find"), {"reference": rosa.reference, "known": "EX2"})
    assert wrong.status_code == unknown.status_code == partial.status_code == 400

    def body(response):
        # What the resident typed is echoed back, and each page has its own CSRF token.
        return re.sub(r' value="[^"]*"', "", response.content.decode())

    assert body(wrong) == body(unknown) == body(partial)
    assert "We could not find a complaint with those details" in wrong.content.decode()


def test_lookups_from_one_address_are_limited(client, rosa, settings):
    settings.PUTRIGHT_TRACKING_LOOKUPS_PER_HOUR = 3
    for _ in range(3):
        client.post(reverse("web:track-find"), {"reference": "CMP-000001", "known": "A1 1AA"})
    right = {"reference": rosa.reference, "known": "EX2 3AB"}
    assert client.post(reverse("web:track-find"), right).status_code == 429
