"""Bad input on the web costs nothing (security review, findings 4 and 18): the public draft is
small, limited per address and expires; sessions are cleaned daily; every form bounds and cleans
its text; services that take a page's text straight bound it too."""

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest
from django import forms
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

import putright
from putright import text
from putright.complaints.models import Complaint
from putright.inputs import BoundedForm
from putright.letters import services as letters
from putright.letters.models import Letter
from putright.reminders import tasks
from tests.letters import factories
from tests.web.test_public import complain

pytestmark = pytest.mark.django_db


def test_every_form_in_putright_bounds_and_cleans_its_fields():
    for module in pkgutil.walk_packages(putright.__path__, "putright."):
        skip = (".migrations", "__main__", "settings", "wsgi")
        if not any(part in module.name for part in skip):
            importlib.import_module(module.name)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    ours = {
        cls
        for cls in subclasses(forms.BaseForm)
        if cls.__module__.startswith("putright.") and not inspect.isabstract(cls)
    }
    # Sign-in forms are Django's own (a username and a password, throttled by django-axes).
    sign_in = {cls for cls in ours if cls.__name__ in {"SignInForm", "AdminSignInForm"}}
    assert len(ours - sign_in) > 20
    assert [cls for cls in ours - sign_in if not issubclass(cls, BoundedForm)] == []


def test_a_long_description_is_refused_and_no_draft_is_kept(client):
    response = complain(client, description="x" * (text.TEXT + 1))
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and "Use 20,000 characters or fewer" in page
    assert Session.objects.count() == 0
    assert client.get(reverse("web:complain-check")).status_code == 302  # back to the form


def test_names_lose_control_and_bidi_characters(client):
    complain(client, name="Rosa\u202e Patel\u200b\x1b", representative_name="Priya\tPatel\n")
    client.post(reverse("web:complain-check"))
    complaint = Complaint.objects.get()
    assert complaint.resident.name == "Rosa Patel"
    assert complaint.representative.name == "Priya Patel"


@pytest.mark.parametrize("day", ["1/1/0001", "1/1/1900", "31/12/1999"])
def test_an_issue_date_before_the_calendar_is_refused(client, day):
    response = complain(client, issue_date=day)
    assert response.status_code == 400
    assert "Enter a date between 1 January 2000 and 31 December 2080" in response.content.decode()


def test_drafts_from_one_address_are_limited(client, settings):
    settings.PUTRIGHT_PUBLIC_DRAFTS_PER_HOUR = 3
    for n in range(3):
        assert complain(client, name=f"Resident {n}").status_code == 302
    response = complain(client, name="One more")
    assert response.status_code == 429
    draft = client.session["putright_complaint_draft"]
    assert draft["name"] == "Resident 2"  # the refused one stored nothing


def test_a_draft_expires_in_hours_and_the_daily_sweep_deletes_it(client, settings):
    settings.PUTRIGHT_PUBLIC_DRAFT_SECONDS = 7200
    complain(client)
    session = Session.objects.get()
    left = session.expire_date - timezone.now()
    assert dt.timedelta(hours=1, minutes=59) < left <= dt.timedelta(hours=2)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - dt.timedelta(1))
    kept = Session.objects.create(
        session_key="k" * 32, session_data="", expire_date=timezone.now() + dt.timedelta(1)
    )
    tasks.sweep.call()
    assert list(Session.objects.all()) == [kept]


def test_no_session_outlives_the_absolute_limit(settings):
    assert settings.SESSION_COOKIE_AGE == settings.PUTRIGHT_SESSION_MAX_SECONDS


def test_a_letter_body_typed_on_the_page_is_bounded_by_the_service(client, olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    letter = letters.letter_draft(user=hannah, complaint=complaint, kind="stage1_response")
    client.force_login(hannah)
    detail = reverse("letters:letter", args=[complaint.reference, letter.pk])
    response = client.post(
        detail, {"action": "save", "subject": "Re\u202e: your", "body": "b" * (text.LETTER + 1)}
    )
    assert response.status_code == 400
    assert Letter.objects.get().body == letter.body
    client.post(detail, {"action": "save", "subject": "Your\u202e complaint", "body": "Dear Rosa"})
    assert Letter.objects.get().subject == "Your complaint"
