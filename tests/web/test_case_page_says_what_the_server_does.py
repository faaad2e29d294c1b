"""The case page offers what the server accepts (review finding 20a): a handler on someone else's
case is told they cannot add notes or documents, is shown no form for them, and is refused (403)
if they post one anyway. One rule decides both: putright.rules.access.user_can_act_on."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from putright.complaints.models import Attachment, Note
from tests.factories import log_complaint

NOT_MINE = "Only they, the complaints officer or a manager can act on it, add notes or upload"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def hannahs_case(hannah):
    return log_complaint(user=hannah)  # the handler who logs a complaint holds it


def _page(client, complaint):
    return client.get(reverse("web:complaint", args=[complaint.reference])).content.decode()


def _note_url(complaint):
    return reverse("web:complaint-action", args=[complaint.reference, "note"])


def _upload_url(complaint):
    return reverse("web:complaint-action", args=[complaint.reference, "upload"])


def test_another_handler_is_told_the_truth_and_offered_no_forms(signed_in, harry, hannahs_case):
    page = _page(signed_in(harry), hannahs_case)

    assert NOT_MINE in page
    assert "You can add notes and documents" not in page
    assert _note_url(hannahs_case) not in page and _upload_url(hannahs_case) not in page


def test_and_the_server_refuses_what_the_page_does_not_offer(signed_in, harry, hannahs_case):
    client = signed_in(harry)

    assert client.post(_note_url(hannahs_case), {"text": "A note."}).status_code == 403
    upload = {"file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"), "description": ""}
    assert client.post(_upload_url(hannahs_case), upload).status_code == 403
    assert client.get(_note_url(hannahs_case)).status_code == 403
    assert (Note.objects.count(), Attachment.objects.count()) == (0, 0)


@pytest.mark.parametrize("who", ["hannah", "olivia"])
def test_those_who_may_act_get_the_forms_and_they_work(signed_in, request, hannahs_case, who):
    client = signed_in(request.getfixturevalue(who))
    page = _page(client, hannahs_case)

    assert _note_url(hannahs_case) in page and _upload_url(hannahs_case) in page
    assert NOT_MINE not in page
    assert client.post(_note_url(hannahs_case), {"text": "A note."}).status_code == 302
    assert Note.objects.filter(complaint=hannahs_case).count() == 1


def test_governance_reads_and_is_offered_nothing(signed_in, grace, hannahs_case):
    page = _page(signed_in(grace), hannahs_case)

    assert "You can read this complaint but not change it." in page
    assert _note_url(hannahs_case) not in page
