"""A self-assessment done on the web alone (UX review M6, G5; issue 13 item 3): started, answered
as a task list with Putright's records beside each provision, completed, reviewed, approved by
the governing body and published, each step by the role the services allow."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from putright.selfassessment.models import SelfAssessment
from tests.selfassessment.factories import answer_all

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: dt.date) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_self_assessment_from_start_to_publication_on_the_web(
    client, olivia, martin, grace, hannah
):
    client.force_login(olivia)
    listing = client.get(reverse("selfassessment:list")).content.decode()
    assert "Start a self-assessment" in listing
    started = client.post(
        reverse("selfassessment:start"),
        {
            "code_version": "2024",
            **_date("period_start", dt.date(2024, 4, 1)),
            **_date("period_end", dt.date(2025, 3, 31)),
            "title": "Our 2024/25 self-assessment",
        },
    )
    assessment = SelfAssessment.objects.get()
    assert started["Location"] == reverse("selfassessment:detail", args=[assessment.pk])
    page = client.get(started["Location"]).content.decode()
    assert "0 of 72 provisions" in page and "Not started" in page

    first, second = assessment.answers.order_by("position")[:2]
    url = reverse("selfassessment:answer", args=[assessment.pk, first.pk])
    form = client.get(url).content.decode()
    assert first.requirement[:40] in form
    saved = client.post(url, {"comply": "yes", "evidence": "Policy, section 1.", "action": "next"})
    assert saved["Location"] == reverse("selfassessment:answer", args=[assessment.pk, second.pk])
    first.refresh_from_db()
    assert (first.comply, first.evidence) == ("yes", "Policy, section 1.")
    assert "In progress" in client.get(started["Location"]).content.decode()

    # Completing before every provision is answered is refused, and says why.
    step = reverse("selfassessment:step", args=[assessment.pk])
    refused = client.post(step, {"action": "complete"}, follow=True).content.decode()
    assert "Completed:" not in refused
    answer_all(assessment, olivia)
    client.post(step, {"action": "complete"})
    client.force_login(martin)
    client.post(step, {"action": "review"})
    client.force_login(grace)
    page = client.get(started["Location"]).content.decode()
    assert "Record the governing body" in page
    client.post(step, {"action": "approve", **_date("approved_on", dt.date(2025, 11, 24))})
    assessment.refresh_from_db()
    assert assessment.governing_body_approved_on == dt.date(2025, 11, 24)
    client.force_login(olivia)
    client.post(step, {"action": "publish"})
    assessment.refresh_from_db()
    assert assessment.status == "published"
    public = client.get(reverse("selfassessment:published_detail", args=[assessment.pk]))
    assert public.status_code == 200

    # A handler cannot start one, and nobody changes an approved answer.
    client.force_login(hannah)
    assert client.post(reverse("selfassessment:start"), {}).status_code in (400, 403)
    client.force_login(olivia)
    frozen = client.get(url).content.decode()
    assert 'name="comply"' not in frozen


def test_a_handler_is_refused_by_the_service_not_only_the_page(client, olivia, hannah):
    from tests.selfassessment.factories import start

    assessment = start(olivia)
    answer = assessment.answers.first()
    client.force_login(hannah)
    url = reverse("selfassessment:answer", args=[assessment.pk, answer.pk])
    assert 'name="comply"' not in client.get(url).content.decode()
    assert client.post(url, {"comply": "no", "action": "save"}).status_code == 403
    answer.refresh_from_db()
    assert answer.comply == ""


def test_the_cases_behind_a_figure_are_linked(client, olivia, hannah):
    from tests.factories import log_complaint
    from tests.selfassessment.factories import start

    late = log_complaint(user=olivia, received_on=dt.date(2024, 6, 3))  # never acknowledged
    assessment = start(olivia)
    answer = next(a for a in assessment.answers.all() if a.ref == "6.2")
    client.force_login(olivia)
    page = client.get(reverse("selfassessment:answer", args=[assessment.pk, answer.pk]))
    text = page.content.decode()
    assert re.search(rf'href="/complaints/{late.reference}/"', text)


def test_records_behind_a_figure_that_are_not_cases_are_named_not_linked(client, olivia, martin):
    from tests.selfassessment.factories import start

    assessment = start(olivia)
    answer = next(a for a in assessment.answers.all() if a.ref == "4.1")
    olivia.is_active = False  # the landlord's only complaints officer leaves
    olivia.save()
    client.force_login(martin)
    text = client.get(
        reverse("selfassessment:answer", args=[assessment.pk, answer.pk])
    ).content.decode()
    assert "Records behind it: no complaints officer" in text
    assert "/complaints/no" not in text


def test_an_improvement_action_is_added_beside_the_answer(client, olivia):
    from tests.selfassessment.factories import start

    assessment = start(olivia)
    answer = assessment.answers.order_by("position").first()
    client.force_login(olivia)
    url = reverse("selfassessment:answer", args=[assessment.pk, answer.pk])
    missing = client.post(url, {"action": "improvement", "improvement-description": "Train"})
    assert missing.status_code == 400
    assert "Name who owns the action" in missing.content.decode()
    added = client.post(
        url,
        {
            "action": "improvement",
            "improvement-description": "Train the contact centre on 1.2.",
            "improvement-owner_name": "Customer services",
            **_date("improvement-due_on", dt.date(2026, 1, 31)),
        },
    )
    assert added.status_code == 302
    action = answer.actions.get()
    assert (action.owner_name, action.due_on) == ("Customer services", dt.date(2026, 1, 31))
    assert "Train the contact centre on 1.2." in client.get(url).content.decode()


def test_a_refused_step_shows_on_the_page_with_its_error_summary(client, olivia, martin):
    """Review finding: refused steps were a redirect with a flash message. Bad input is 400 and a
    broken rule 409, each with the error summary on the self-assessment's page."""
    client.force_login(olivia)
    client.post(
        reverse("selfassessment:start"),
        {
            "code_version": "2024",
            **_date("period_start", dt.date(2024, 4, 1)),
            **_date("period_end", dt.date(2025, 3, 31)),
        },
    )
    started = SelfAssessment.objects.get()
    step = reverse("selfassessment:step", args=[started.pk])
    incomplete = client.post(step, {"action": "complete"})
    assert incomplete.status_code == 400 and "error-summary" in incomplete.content.decode()
    client.force_login(martin)
    early = client.post(step, {"action": "review"})
    assert early.status_code == 409 and "error-summary" in early.content.decode()
