"""CSRF, the Content-Security-Policy, sign-in throttling, private links and roles."""

import datetime as dt

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from putright.complaints.models import Complaint, Note
from putright.web.tracking import tracking_path, tracking_token
from tests.factories import acknowledge, log_complaint

ACTIONS = ["acknowledge", "extend", "respond", "escalate", "refuse", "withdraw", "close", "assign"]


def test_pages_carry_a_strict_content_security_policy(client, db):
    policy = client.get(reverse("web:complain"))["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "frame-ancestors 'none'" in policy


def test_no_page_uses_inline_script_or_style(client, hannah):
    complaint = log_complaint(user=hannah)
    client.force_login(hannah)
    for url in [
        "/",
        reverse("web:complaints"),
        reverse("web:complaint", args=[complaint.reference]),
        reverse("web:complaint-action", args=[complaint.reference, "acknowledge"]),
        reverse("web:complaint-log"),
        tracking_path(complaint),
        reverse("web:complain-form"),
    ]:
        page = client.get(url).content.decode()
        assert "<script" not in page and "style=" not in page, url


def test_forms_need_a_csrf_token(hannah):
    complaint = log_complaint(user=hannah)
    client = Client(enforce_csrf_checks=True)
    client.force_login(hannah)
    response = client.post(
        reverse("web:complaint-action", args=[complaint.reference, "note"]), {"text": "Hi"}
    )
    assert response.status_code == 403
    response = client.post(reverse("web:complain-form"), {"who": "resident"})
    assert response.status_code == 403
    assert Note.objects.count() == 0


def test_sign_in_locks_after_five_failures(client, hannah):
    # The lock-out itself (every door, proxies, cool-off) is tested in tests/accounts.
    url = reverse("web:login")
    for _ in range(4):
        response = client.post(url, {"username": "hannah", "password": "wrong"})
        assert response.status_code == 400
    # The fifth failure locks; even the right password is refused while locked.
    assert client.post(url, {"username": "hannah", "password": "wrong"}).status_code == 429
    response = client.post(url, {"username": "hannah", "password": "putright-test"})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    # Another user from the same address is not locked out.
    other = client.post(url, {"username": "harry", "password": "wrong"})
    assert other.status_code == 400


def test_sign_in_and_out(client, hannah):
    response = client.post(
        reverse("web:login"), {"username": "hannah", "password": "putright-test"}
    )
    assert response.status_code == 302
    assert client.get(reverse("web:home")).status_code == 200
    assert client.post(reverse("web:logout")).status_code == 302
    assert client.get(reverse("web:complaints")).status_code == 302


def test_a_tracking_link_shows_only_its_own_complaint(client, hannah):
    mine = log_complaint(user=hannah, description="My ceiling leaks.")
    theirs = log_complaint(
        user=hannah,
        resident={"name": "Sam Jones", "tenancy_reference": "T-9"},
        description="Noise from next door.",
    )
    page = client.get(tracking_path(mine)).content.decode()
    assert mine.reference in page and "My ceiling leaks." in page
    assert theirs.reference not in page and "Noise from next door." not in page
    assert "Sam Jones" not in page


def test_a_tampered_or_made_up_link_is_not_found(client, hannah):
    complaint = log_complaint(user=hannah)
    other = log_complaint(user=hannah, resident={"name": "Sam", "tenancy_reference": "T-9"})
    token = tracking_token(complaint)
    # The other complaint's payload under this link's signature.
    payload = tracking_token(other).split(":", 1)[0]
    forged = payload + ":" + token.split(":", 1)[1]
    with_other_key = signing.dumps(
        {"ref": other.reference}, key="not-our-secret", salt="putright.web.tracking"
    )
    for bad in [token[:-2] + "xx", forged, with_other_key, other.reference, "abc"]:
        assert client.get(reverse("web:track", args=[bad])).status_code == 404
        response = client.post(reverse("web:track-note", args=[bad]), {"text": "x"})
        assert response.status_code == 404
    assert Note.objects.count() == 0


def test_tracking_page_is_not_cached(client, hannah):
    complaint = log_complaint(user=hannah)
    response = client.get(tracking_path(complaint))
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("action", [*ACTIONS, "note", "upload"])
def test_governance_reads_but_cannot_change_anything(client, grace, hannah, action):
    complaint = log_complaint(user=hannah)
    client.force_login(grace)
    assert client.get(reverse("web:complaint", args=[complaint.reference])).status_code == 200
    url = reverse("web:complaint-action", args=[complaint.reference, action])
    assert client.get(url).status_code == 403
    response = client.post(url, {"text": "x", "handler": "hannah", "closed_on": "2025-11-24"})
    assert response.status_code == 403
    assert Complaint.objects.get().events.count() == 1


def test_governance_cannot_log_or_mark_done(client, grace, hannah):
    client.force_login(grace)
    assert client.get(reverse("web:complaint-log")).status_code == 403
    response = client.post(reverse("web:complaint-log"), {"name": "x"})
    assert response.status_code == 403
    page = client.get(reverse("web:home")).content.decode()
    assert "Log a complaint" not in page


@pytest.mark.parametrize("action", ["acknowledge", "withdraw", "refuse", "assign"])
def test_a_handler_cannot_act_on_another_handlers_case(client, hannah, harry, action):
    complaint = log_complaint(user=harry)
    client.force_login(hannah)
    url = reverse("web:complaint-action", args=[complaint.reference, action])
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "acknowledged_on": "2025-11-04",
            "handler": "hannah",
            "understanding": "x",
            "outcomes_sought": "y",
            "responsible_for": "The repair.",
            "not_responsible_for": "None.",
            "withdrawn_on": "2025-11-20",
        },
    )
    assert response.status_code == 403
    assert "assigned to another handler" in response.content.decode() or action == "assign"
    complaint.refresh_from_db()
    assert complaint.status == "awaiting_acknowledgement"


def test_a_handler_cannot_mark_anothers_remedy_done(client, hannah, harry):
    from tests.factories import respond

    complaint = log_complaint(user=harry, received_on=dt.date(2025, 11, 3))
    acknowledge(complaint, user=harry, on=dt.date(2025, 11, 4))
    respond(
        complaint,
        user=harry,
        on=dt.date(2025, 11, 14),
        actions=[{"description": "Fix", "due_on": dt.date(2025, 11, 20)}],
    )
    client.force_login(hannah)
    url = reverse("web:action-done", args=[complaint.reference, complaint.actions.get().pk])
    assert client.post(url, {"completed_on": "2025-11-21"}).status_code == 403
    assert complaint.actions.get().completed_on is None


def test_a_handler_cannot_acknowledge_in_someone_elses_name(client, hannah):
    complaint = log_complaint(user=hannah)
    client.force_login(hannah)
    from tests.factories import UserFactory

    UserFactory(username="harriet", role="handler")
    url = reverse("web:complaint-action", args=[complaint.reference, "acknowledge"])
    response = client.post(
        url,
        {
            "acknowledged_on": "2025-11-04",
            "handler": "harriet",
            "understanding": "x",
            "outcomes_sought": "y",
            "responsible_for": "The repair.",
            "not_responsible_for": "None.",
        },
    )
    assert response.status_code == 403
