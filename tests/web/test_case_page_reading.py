"""The case page is easy to work (UX review H10, H11): the timeline newest first, with an
oldest-first order and filters; a resident's words never look like a colleague's note; each
remedy and action says when it is due, whether it is late, and when and by whom it was done."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from putright.complaints import services
from tests.factories import acknowledge, log_complaint, played_on, respond

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(hannah):
    complaint = acknowledge(
        log_complaint(user=hannah, received_on=dt.date(2025, 11, 3)),
        user=hannah,
        handler=hannah,
        on=dt.date(2025, 11, 4),
    )
    services.note_add(user=hannah, complaint=complaint, text="Rang the roofer.")
    services.note_add(
        user=None, complaint=complaint, text="The leak is worse.", actor_label="resident"
    )
    return respond(
        complaint,
        user=hannah,
        on=dt.date(2025, 11, 10),
        remedies=[
            {"type": "action", "description": "Fix the roof", "due_on": dt.date(2025, 11, 14)},
            {
                "type": "action",
                "description": "Write to apologise",
                "due_on": dt.date(2025, 11, 28),
            },
        ],
    )


def _titles(page: str) -> list[str]:
    return re.findall(r'class="pr-timeline__title"[^>]*>\s*([^<]+?)\s*<', page)


def test_the_timeline_runs_newest_first_and_can_be_turned_and_narrowed(client, hannah, case):
    client.force_login(hannah)
    url = reverse("web:complaint", args=[case.reference])
    newest = _titles(client.get(url).content.decode())
    oldest = _titles(client.get(url, {"order": "oldest"}).content.decode())
    assert newest and newest == oldest[::-1]
    assert oldest[0] == "Complaint logged"
    notes = _titles(client.get(url, {"show": "notes"}).content.decode())
    assert set(notes) == {"Staff note", "Note from the resident"}


def test_late_and_done_are_said_with_who_did_it(client, hannah, case):
    repair = case.remedies.get(description="Fix the roof")
    apology = case.remedies.get(description="Write to apologise")
    played_on(
        dt.date(2025, 11, 12),
        services.remedy_complete,
        user=hannah,
        remedy=apology,
        completed_on=dt.date(2025, 11, 12),
    )
    client.force_login(hannah)
    page = client.get(reverse("web:complaint", args=[case.reference])).content.decode()
    section = page[page.index('id="putting-right"') :]
    repair_row = section[
        section.index("Fix the roof") : section.index("</tr>", section.index("Fix the roof"))
    ]
    apology_row = section[section.index("Write to apologise") :]
    apology_row = apology_row[: apology_row.index("</tr>")]
    assert "late" in repair_row and "14 Nov 2025" in repair_row  # today is 24 November
    assert "12 Nov 2025" in apology_row and f"by {hannah.get_full_name()}" in apology_row
    assert repair.completed_on is None


def test_a_remedy_is_corrected_on_the_web_with_the_old_words_kept(client, hannah, case):
    """UX review H9: a remedy's wording or date can be put right after the response."""
    repair = case.remedies.get(description="Fix the roof")
    client.force_login(hannah)
    page = client.get(reverse("web:complaint", args=[case.reference])).content.decode()
    url = reverse("web:remedy-correct", args=[case.reference, repair.pk])
    assert f'href="{url}"' in page
    refused = client.post(url, {"description": "Fix the roof", "due_on": "2025-11-14"})
    assert refused.status_code == 400  # no reason given, nothing changed
    answer = client.post(
        url,
        {
            "description": "Fix the roof and the gutter",
            "due_on_0": "21",
            "due_on_1": "11",
            "due_on_2": "2025",
            "reason": "The gutter was left out by mistake.",
        },
    )
    assert answer.status_code == 302
    repair.refresh_from_db()
    assert repair.description == "Fix the roof and the gutter"
    assert repair.due_on == dt.date(2025, 11, 21)
    timeline = client.get(reverse("web:complaint", args=[case.reference])).content.decode()
    assert "Record corrected" in timeline and "The gutter was left out by mistake." in timeline


def test_a_remedy_done_keeps_its_due_date(client, hannah, case):
    apology = case.remedies.get(description="Write to apologise")
    played_on(
        dt.date(2025, 11, 12),
        services.remedy_complete,
        user=hannah,
        remedy=apology,
        completed_on=dt.date(2025, 11, 12),
    )
    client.force_login(hannah)
    url = reverse("web:remedy-correct", args=[case.reference, apology.pk])
    moved = client.post(
        url, {"description": apology.description, "due_on": "2025-12-30", "reason": "Later."}
    )
    assert moved.status_code == 409
    apology.refresh_from_db()
    assert apology.due_on == dt.date(2025, 11, 28)


def test_only_those_who_act_on_the_case_correct_it(client, harry, grace, case):
    url = reverse("web:remedy-correct", args=[case.reference, case.remedies.first().pk])
    for user in (harry, grace):
        client.force_login(user)
        assert client.get(url).status_code == 403
