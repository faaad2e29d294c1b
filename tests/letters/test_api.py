"""/api/v1/complaints/{reference}/letters/"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from putright.letters import services
from tests.letters import factories
from tests.letters.cases import KINDS, case_for


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def url(complaint, *rest):
    tail = "".join(f"{part}/" for part in rest)
    return f"/api/v1/complaints/{complaint.reference}/letters/{tail}"


@pytest.mark.parametrize("kind", KINDS)
def test_draft_edit_issue_and_download_every_kind(kind, olivia, hannah, harry):
    complaint = case_for(kind, olivia=olivia, hannah=hannah, harry=harry)
    api = client_for(olivia)

    created = api.post(url(complaint), {"kind": kind}, format="json")
    assert created.status_code == 201, created.json()
    draft = created.json()
    assert draft["status"] == "draft"
    assert draft["missing"] == []
    assert draft["template_version"] == 1

    edited = api.patch(
        url(complaint, draft["id"]),
        {"body": draft["body"] + "\nPlease call us if you need this in another format.\n"},
        format="json",
    )
    assert edited.status_code == 200
    assert "another format" in edited.json()["body"]

    issued = api.post(url(complaint, draft["id"], "issue"), {}, format="json")
    assert issued.status_code == 200, issued.json()
    assert issued.json()["status"] == "issued"

    pdf = api.get(url(complaint, draft["id"], "pdf"))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")

    listed = api.get(url(complaint)).json()
    assert [(item["id"], item["kind"], item["status"]) for item in listed] == [
        (draft["id"], kind, "issued")
    ]


def test_issuing_an_incomplete_letter_answers_409_naming_element_and_provision(olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    api = client_for(olivia)
    draft = api.post(url(complaint), {"kind": "stage1_response"}, format="json").json()
    body = draft["body"].replace("Your complaint is upheld.", "We have decided.")
    edited = api.patch(url(complaint, draft["id"]), {"body": body}, format="json").json()
    assert edited["missing"] == [
        {
            "element": "decision",
            "name": "the decision on the complaint",
            "provision": "6.9c",
            "where": "letter",
        }
    ]

    refused = api.post(url(complaint, draft["id"], "issue"), {}, format="json")

    assert refused.status_code == 409
    assert refused.json()["error"] == "letter_incomplete"
    assert refused.json()["provision"] == "6.9c"
    assert "the decision on the complaint (6.9c)" in refused.json()["detail"]
    assert api.get(url(complaint, draft["id"])).json()["status"] == "draft"


def test_an_issued_letter_cannot_be_patched(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    api = client_for(olivia)
    draft = api.post(url(complaint), {"kind": "acknowledgement"}, format="json").json()
    api.post(url(complaint, draft["id"], "issue"), {"delivery": "post"}, format="json")

    refused = api.patch(url(complaint, draft["id"]), {"body": "Changed"}, format="json")

    assert refused.status_code == 409
    assert refused.json()["provision"] == "5.12"


def test_bad_input_is_named(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    api = client_for(olivia)
    assert api.post(url(complaint), {"kind": "apology"}, format="json").json().keys() == {"kind"}
    draft = api.post(url(complaint), {"kind": "acknowledgement"}, format="json").json()
    response = api.post(url(complaint, draft["id"], "issue"), {"delivery": "fax"}, format="json")
    assert response.status_code == 400
    assert "delivery" in response.json()
    response = api.patch(url(complaint, draft["id"]), {"body": "  "}, format="json")
    assert response.status_code == 400
    assert "body" in response.json()


def test_unknown_complaints_and_letters_are_404(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    api = client_for(olivia)
    assert api.get("/api/v1/complaints/CMP-999999/letters/").status_code == 404
    assert api.get(url(complaint, 999999)).status_code == 404


def test_governance_reads_but_cannot_write(olivia, hannah, grace):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="acknowledgement")
    api = client_for(grace)

    assert api.get(url(complaint)).status_code == 200
    assert api.get(url(complaint, letter.pk, "pdf")).status_code == 200
    assert api.post(url(complaint), {"kind": "acknowledgement"}, format="json").status_code == 403
    assert api.patch(url(complaint, letter.pk), {"body": "x"}, format="json").status_code == 403
    assert api.post(url(complaint, letter.pk, "issue"), {}, format="json").status_code == 403


def test_handlers_write_only_on_their_own_cases(olivia, hannah, harry):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    assert (
        client_for(harry).post(url(complaint), {"kind": "acknowledgement"}, format="json")
    ).status_code == 403
    assert (
        client_for(hannah).post(url(complaint), {"kind": "acknowledgement"}, format="json")
    ).status_code == 201


def test_anonymous_requests_are_refused(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    assert APIClient().get(url(complaint)).status_code in {401, 403}


def test_the_list_query_count_does_not_grow_with_letters(olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    api = client_for(olivia)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert api.get(url(complaint)).status_code == 200
        return len(queries)

    services.letter_draft(user=olivia, complaint=complaint, kind="acknowledgement")
    one = count()
    for kind in ("stage1_response", "extension", "refusal"):
        services.letter_draft(user=olivia, complaint=complaint, kind=kind)
    services.letter_issue(
        user=olivia,
        letter=services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response"),
    )
    assert count() == one
