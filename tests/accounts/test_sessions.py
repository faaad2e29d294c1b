"""Sessions end after an idle period (sliding), after a maximum age, and on a password change
(which also revokes the API tokens)."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from putright.accounts import tokens
from tests.accounts.helpers import PASSWORD


def sign_in(client, username="hannah"):
    assert (
        client.post("/accounts/login/", {"username": username, "password": PASSWORD}).status_code
        == 302
    )
    return client


@pytest.mark.django_db
def test_a_session_ends_after_thirty_idle_minutes(client, hannah, _frozen_today):
    sign_in(client)
    _frozen_today.shift(dt.timedelta(minutes=29))
    assert client.get("/complaints/").status_code == 200
    _frozen_today.shift(dt.timedelta(minutes=31))
    answer = client.get("/complaints/")
    assert answer.status_code == 302
    assert answer["Location"] == "/accounts/login/?next=%2Fcomplaints%2F"
    assert "_auth_user_id" not in client.session
    page = client.get(answer["Location"]).content.decode()
    assert "signed out after 30 minutes without activity" in page


@pytest.mark.django_db
def test_the_idle_period_slides_with_each_request(client, hannah, _frozen_today):
    sign_in(client)
    for _ in range(4):
        _frozen_today.shift(dt.timedelta(minutes=20))
        assert client.get("/complaints/").status_code == 200


@pytest.mark.django_db
def test_the_api_with_a_session_answers_401_json_when_idle(client, hannah, _frozen_today):
    sign_in(client)
    _frozen_today.shift(dt.timedelta(minutes=31))
    answer = client.get("/api/v1/complaints/")
    assert answer.status_code == 401
    assert "signed out" in answer.json()["detail"]


@pytest.mark.django_db
def test_the_idle_period_is_a_setting(settings, client, hannah, _frozen_today):
    settings.PUTRIGHT_SESSION_IDLE_SECONDS = 5 * 60
    sign_in(client)
    _frozen_today.shift(dt.timedelta(minutes=6))
    assert client.get("/complaints/").status_code == 302


@pytest.mark.django_db
def test_a_session_ends_after_the_maximum_age_however_busy(client, hannah, _frozen_today):
    sign_in(client)
    for _ in range(36):  # 12 hours of requests every 20 minutes
        _frozen_today.shift(dt.timedelta(minutes=20))
        client.get("/")
    _frozen_today.shift(dt.timedelta(minutes=1))
    assert client.get("/complaints/").status_code == 302


@pytest.mark.django_db
def test_a_page_within_the_minute_saves_no_session(client, hannah, _frozen_today):
    """Sliding expiry costs no query on most pages: the last-seen time is written once a
    minute, so the query budgets of the pages stay as they were."""
    sign_in(client)

    def session_writes():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/service-requests/").status_code == 200
        return [
            q["sql"]
            for q in captured.captured_queries
            if "django_session" in q["sql"] and not q["sql"].lstrip().upper().startswith("SELECT")
        ]

    assert session_writes() == []
    _frozen_today.shift(dt.timedelta(seconds=61))
    assert len(session_writes()) == 1


@pytest.mark.django_db
def test_a_password_change_ends_other_sessions_and_revokes_tokens(hannah):
    here, elsewhere = sign_in(Client()), sign_in(Client())
    _, secret = tokens.api_token_issue(user=hannah)
    page = here.get("/accounts/password/")
    assert page.status_code == 200
    short = here.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "abc", "new_password2": "abc"},
    )
    assert short.status_code == 400
    answer = here.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a-much-longer-pass-phrase",
            "new_password2": "a-much-longer-pass-phrase",
        },
    )
    assert answer.status_code == 302
    assert here.get("/complaints/").status_code == 200  # this session goes on
    assert elsewhere.get("/complaints/").status_code == 302  # the other one is over
    assert (
        Client().get("/api/v1/complaints/", HTTP_AUTHORIZATION=f"Token {secret}").status_code == 401
    )
