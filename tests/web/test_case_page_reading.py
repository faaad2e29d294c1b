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
