"""Tracking links end (review finding 17): a set number of days after the complaint closes, or when
staff revoke one complaint's links. An ended link answers 410 with a kind page and no case
details, on every route that takes the token; a tampered one stays 404."""

import datetime as dt

import pytest
import time_machine
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from putright.complaints import services
from putright.complaints.models import Attachment, Complaint, Event, Note, Stage
from putright.web.tracking import tracking_path, tracking_token
from tests.factories import acknowledge, log_complaint, respond

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 40


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _closed(user, **overrides) -> Complaint:
    complaint = log_complaint(user=user, **overrides)
    acknowledge(complaint, user=user)
    respond(complaint, user=user, on=dt.date(2025, 11, 14))
    return services.complaint_close(user=user, complaint=complaint)  # closed today, 24 Nov


def _on(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC))


def _fresh(complaint) -> Complaint:
    return Complaint.objects.get(pk=complaint.pk)


def _ended(response) -> bool:
    page = response.content.decode()
    return response.status_code == 410 and "This link no longer works" in page


def test_a_link_works_on_the_last_day_and_ends_the_day_after(client, olivia):
    complaint = _closed(olivia)
    path = tracking_path(complaint)
    last_day = complaint.closed_on + dt.timedelta(days=180)

    with _on(last_day):
        assert client.get(path).status_code == 200
    with _on(last_day + dt.timedelta(days=1)):
        response = client.get(path)

    assert _ended(response)
    page = response.content.decode()
    # How to reach the landlord, and nothing about the case.
    assert "0300 000 0000" in page and "complaints@landlord.example" in page
    assert complaint.reference not in page and "kitchen ceiling" not in page
    assert response["Cache-Control"] == "no-store"


def test_the_number_of_days_is_a_setting(client, olivia, settings):
    settings.PUTRIGHT_TRACKING_LINK_DAYS_AFTER_CLOSE = 10
    complaint = _closed(olivia)

    with _on(complaint.closed_on + dt.timedelta(days=10)):
        assert client.get(tracking_path(complaint)).status_code == 200
    with _on(complaint.closed_on + dt.timedelta(days=11)):
        assert client.get(tracking_path(complaint)).status_code == 410


def test_an_open_complaints_link_does_not_expire(client, olivia):
    complaint = log_complaint(user=olivia)

    with _on(dt.date(2027, 6, 1)):
        assert client.get(tracking_path(complaint)).status_code == 200


def test_a_stage_2_request_reopens_the_case_and_its_link(client, olivia):
    complaint = _closed(olivia)
    path = tracking_path(complaint)
    services.complaint_escalate(user=olivia, complaint=complaint, requested_on=dt.date.today())

    with _on(complaint.closed_on + dt.timedelta(days=400)):
        assert client.get(path).status_code == 200


def test_revoking_ends_that_cases_links_only(signed_in, olivia):
    mine = log_complaint(user=olivia)
    theirs = log_complaint(user=olivia, resident={"name": "Sam Jones", "tenancy_reference": "T-9"})
    old, other = tracking_path(mine), tracking_path(theirs)
    client = signed_in(olivia)

    answer = client.post(
        reverse("web:tracking-link-revoke", args=[mine.reference]), {"reason": "Wrong address"}
    )

    assert answer.status_code == 302
    assert _ended(client.get(old))
    assert client.get(other).status_code == 200
    new = tracking_path(_fresh(mine))
    assert new != old and client.get(new).status_code == 200
    # The case page gives staff the fresh link to send.
    page = client.get(reverse("web:complaint", args=[mine.reference])).content.decode()
    assert new in page and old not in page
    event = Event.objects.get(complaint=mine, type="tracking_link_revoked")
    assert (event.actor, event.parameters) == (olivia, {"generation": 1, "reason": "Wrong address"})
    assert "Tracking link revoked" in page


def test_links_sent_before_generations_existed_work_until_revoked(client, olivia):
    complaint = log_complaint(user=olivia)
    legacy = signing.dumps(
        {"ref": complaint.reference}, salt="putright.web.tracking", compress=True
    )
    url = reverse("web:track", args=[legacy])
    assert client.get(url).status_code == 200

    services.tracking_link_revoke(user=olivia, complaint=complaint)

    assert client.get(url).status_code == 410


@pytest.fixture
def with_resident_document(olivia):
    complaint = log_complaint(user=olivia)
    acknowledge(complaint, user=olivia)
    respond(complaint, user=olivia, on=dt.date(2025, 11, 14))
    document = services.attachment_add(
        user=None,
        complaint=complaint,
        uploaded_file=SimpleUploadedFile("ceiling.png", PNG),
        source="resident",
        actor_label="resident",
    )
    return complaint, document


def _routes(token, document_pk):
    upload = {"file": SimpleUploadedFile("more.png", PNG), "description": "Another photo"}
    return {
        "page": ("get", reverse("web:track", args=[token]), {}),
        "stage 2": ("post", reverse("web:track-escalate", args=[token]), {}),
        "information": ("post", reverse("web:track-note", args=[token]), {"text": "More."}),
        "upload": ("post", reverse("web:track-upload", args=[token]), upload),
        "download": ("get", reverse("web:track-document", args=[token, document_pk]), {}),
    }


def _written(complaint):
    return (
        Note.objects.filter(complaint=complaint).count(),
        Attachment.objects.filter(complaint=complaint).count(),
        Stage.objects.filter(complaint=complaint).count(),
    )


ROUTES = ["page", "stage 2", "information", "upload", "download"]


@pytest.mark.parametrize("route", ROUTES)
def test_every_token_route_works_with_a_live_link(client, with_resident_document, route):
    complaint, document = with_resident_document
    method, url, data = _routes(tracking_token(complaint), document.pk)[route]

    assert getattr(client, method)(url, data).status_code in (200, 302)


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("how", ["revoked", "expired"])
def test_every_token_route_refuses_an_ended_link(
    client, olivia, with_resident_document, route, how
):
    complaint, document = with_resident_document
    token = tracking_token(complaint)
    method, url, data = _routes(token, document.pk)[route]
    if how == "revoked":
        services.tracking_link_revoke(user=olivia, complaint=complaint)
        travel = _on(dt.date.today())
    else:
        services.complaint_close(user=olivia, complaint=complaint)
        travel = _on(dt.date.today() + dt.timedelta(days=181))
    before = _written(complaint)

    with travel:
        response = getattr(client, method)(url, data)

    assert _ended(response)
    assert _written(complaint) == before


@pytest.mark.parametrize("route", ROUTES)
def test_every_token_route_still_refuses_a_tampered_link_with_404(
    client, with_resident_document, route
):
    complaint, document = with_resident_document
    token = tracking_token(complaint)
    method, url, data = _routes(token[:-2] + "xx", document.pk)[route]

    assert getattr(client, method)(url, data).status_code == 404


# --- who may revoke ---------------------------------------------------------------------------


def test_only_the_officer_manager_or_admin_see_the_revoke_button(signed_in, olivia, hannah):
    complaint = log_complaint(user=hannah)
    url = reverse("web:complaint", args=[complaint.reference])
    button = reverse("web:tracking-link-revoke", args=[complaint.reference])

    assert button not in signed_in(hannah).get(url).content.decode()
    assert button in signed_in(olivia).get(url).content.decode()


@pytest.mark.parametrize("who", ["hannah", "grace"])
def test_handlers_and_governance_cannot_revoke_on_the_web(signed_in, request, hannah, who):
    complaint = log_complaint(user=hannah)
    client = signed_in(request.getfixturevalue(who))

    answer = client.post(reverse("web:tracking-link-revoke", args=[complaint.reference]))

    assert answer.status_code == 403
    assert _fresh(complaint).tracking_generation == 0
    assert client.get(tracking_path(complaint)).status_code == 200


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def _revoke_url(complaint):
    return f"/api/v1/complaints/{complaint.reference}/tracking-link/revoke/"


@pytest.mark.parametrize("who", ["olivia", "martin", "adam"])
def test_the_api_revokes_and_gives_the_fresh_link(client, request, hannah, who):
    complaint = log_complaint(user=hannah)
    other = log_complaint(user=hannah, resident={"name": "Sam Jones", "tenancy_reference": "T-9"})
    old, others = tracking_path(complaint), tracking_path(other)

    answer = _api(request.getfixturevalue(who)).post(
        _revoke_url(complaint), {"reason": "Sent to the wrong e-mail address"}, format="json"
    )

    assert answer.status_code == 200, answer.data
    assert answer.data["reference"] == complaint.reference
    assert client.get(old).status_code == 410
    assert client.get(answer.data["tracking_path"]).status_code == 200
    assert client.get(others).status_code == 200
    assert Event.objects.filter(complaint=complaint, type="tracking_link_revoked").count() == 1


@pytest.mark.parametrize("who", ["hannah", "grace"])
def test_the_api_refuses_handlers_and_governance(client, request, hannah, who):
    complaint = log_complaint(user=hannah)

    answer = _api(request.getfixturevalue(who)).post(_revoke_url(complaint), {}, format="json")

    assert answer.status_code == 403
    assert _fresh(complaint).tracking_generation == 0
    assert not Event.objects.filter(type="tracking_link_revoked").exists()
    assert client.get(tracking_path(complaint)).status_code == 200
