"""Documents on a case can be opened (finding 14): by staff from the case page and the API, by
the resident through their link for what they supplied; always as a download with the type the
content was found to be. An upload over the limit is refused before its body is read."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from putright.complaints.services import attachment_add
from putright.web.tracking import tracking_token
from tests.factories import log_complaint

PDF = b"%PDF-1.4 a small report"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def case(olivia):
    complaint = log_complaint(user=olivia)
    staff = attachment_add(
        user=olivia,
        complaint=complaint,
        uploaded_file=SimpleUploadedFile("survey.pdf", PDF, "text/html"),
    )
    resident = attachment_add(
        user=None,
        complaint=complaint,
        uploaded_file=SimpleUploadedFile("ceiling.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40),
        source="resident",
        actor_label="resident",
    )
    return complaint, staff, resident


def _is_a_safe_download(response, content_type, name):
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert name in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "no-store"


def test_staff_download_from_the_case_page(client, olivia, grace, case):
    complaint, staff, _ = case
    url = reverse("web:attachment-download", args=[complaint.reference, staff.pk])
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(olivia)
    page = client.get(reverse("web:complaint", args=[complaint.reference])).content.decode()
    assert url in page
    answer = client.get(url)
    _is_a_safe_download(answer, "application/pdf", "survey.pdf")
    assert b"".join(answer.streaming_content) == PDF
    client.force_login(grace)  # governance reads cases, documents included
    assert client.get(url).status_code == 200
    other = log_complaint(user=olivia)
    assert (
        client.get(reverse("web:attachment-download", args=[other.reference, staff.pk])).status_code
        == 404
    )


def test_the_api_gives_each_document_a_download(olivia, case):
    from rest_framework.test import APIClient

    complaint, staff, _ = case
    api = APIClient()
    api.force_authenticate(olivia)
    listed = api.get(f"/api/v1/complaints/{complaint.reference}/").json()["attachments"]
    file_url = next(a["file"] for a in listed if a["id"] == staff.pk)
    _is_a_safe_download(api.get(file_url), "application/pdf", "survey.pdf")
    assert APIClient().get(file_url).status_code in (401, 403)


def test_the_resident_downloads_what_they_supplied_and_nothing_else(client, case):
    complaint, staff, resident = case
    token = tracking_token(complaint)
    page = client.get(reverse("web:track", args=[token])).content.decode()
    mine = reverse("web:track-document", args=[token, resident.pk])
    assert mine in page
    _is_a_safe_download(client.get(mine), "image/png", "ceiling.png")
    assert client.get(reverse("web:track-document", args=[token, staff.pk])).status_code == 404
    assert (
        client.get(reverse("web:track-document", args=["forged", resident.pk])).status_code == 404
    )


def test_an_upload_over_the_limit_is_refused_unread(client, olivia, case, settings):
    settings.PUTRIGHT_MAX_ATTACHMENT_BYTES = 1024
    complaint, _, _ = case
    client.force_login(olivia)
    url = reverse("web:complaint-action", args=[complaint.reference, "upload"])
    answer = client.generic(
        "POST",
        url,
        b"x" * 10,
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(5 * 1024 * 1024),
    )
    assert answer.status_code == 413
    assert "smaller than" in answer.content.decode()
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(olivia)
    refused = api.generic(
        "POST",
        f"/api/v1/complaints/{complaint.reference}/attachments/",
        b"x",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(5 * 1024 * 1024),
    )
    assert refused.status_code == 413
    assert "file" in refused.json()
    assert complaint.attachments.count() == 2
