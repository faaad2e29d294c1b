"""8.3: an organisational change after the latest self-assessment's completion prompts a new
self-assessment on the officer's home and the self-assessment list, until one is started on or
after the change."""

import datetime as dt

import pytest
from django.urls import reverse

from putright.errors import InvalidInput
from putright.governance import services
from putright.rules import reassessment
from putright.selfassessment import services as selfassessment
from tests.factories import on_day
from tests.selfassessment.factories import answer_all, start

pytestmark = pytest.mark.django_db

D = dt.date
PROMPT = "A self-assessment is due following restructure on 1 September 2025 (8.3)"


@pytest.fixture
def completed(olivia):
    """A self-assessment started on 1 May 2025 and completed on 1 June 2025."""
    with on_day(D(2025, 5, 1)):
        self_assessment = answer_all(start(olivia), olivia)
    return selfassessment.selfassessment_complete(
        user=olivia, self_assessment=self_assessment, completed_on=D(2025, 6, 1)
    )


def _change(user, on=None, kind="restructure"):
    return services.organisational_change_record(
        user=user,
        kind=kind,
        changed_on=on or D(2025, 9, 1),
        description="Two teams merged into one.",
    )


def test_a_change_after_completion_prompts_on_home_and_the_list(client, olivia, completed):
    _change(olivia)
    client.force_login(olivia)
    assert PROMPT in client.get(reverse("web:home")).content.decode()
    assert PROMPT in client.get(reverse("selfassessment:list")).content.decode()


def test_the_prompt_disappears_when_a_self_assessment_is_started_after_it(
    client, olivia, completed
):
    _change(olivia)
    start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))  # started today
    client.force_login(olivia)
    assert "A self-assessment is due" not in client.get(reverse("web:home")).content.decode()
    assert reassessment.due() is None


def test_a_change_on_the_day_of_completion_does_not_prompt(olivia, completed):
    _change(olivia, on=D(2025, 6, 1))
    assert reassessment.due() is None
    later = _change(olivia, on=D(2025, 6, 2))
    assert reassessment.due() == later


def test_a_self_assessment_started_before_the_change_does_not_clear_it(olivia, completed):
    change = _change(olivia, on=D(2025, 11, 24))  # today; the only one was started in May
    assert reassessment.due() == change
    start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))  # started today
    assert reassessment.due() is None  # started on the day of the change: counts
    # A change dated after every self-assessment was started still prompts.
    services.organisational_change_record(
        user=olivia, kind="merger", changed_on=D(2025, 11, 25), description="Merger"
    )
    assert reassessment.due().kind == "merger"


def test_handlers_do_not_see_the_prompt_on_their_home(client, olivia, hannah, completed):
    _change(olivia)
    client.force_login(hannah)
    assert "A self-assessment is due" not in client.get(reverse("web:home")).content.decode()


def test_the_measure_shows_a_change_not_followed_by_a_self_assessment(olivia, completed):
    _change(olivia, on=D(2025, 12, 1))  # after the only self-assessment was started
    figure = reassessment.measure(period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    assert (figure.ref, figure.met, figure.total) == ("8.3", 0, 1)
    assert figure.breaches == ["Restructure on 1 December 2025"]


def test_the_measure_passes_when_a_self_assessment_was_started_after(olivia, completed):
    _change(olivia, on=D(2025, 9, 1))
    start(olivia, period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    figure = reassessment.measure(period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    assert (figure.met, figure.total, figure.breaches) == (1, 1, [])
    assert reassessment.measure(period_start=D(2025, 9, 2), period_end=D(2026, 3, 31)) is None


def test_the_service_names_each_bad_field(olivia):
    with pytest.raises(InvalidInput) as error:
        services.organisational_change_record(
            user=olivia, kind="reshuffle", changed_on=None, description=" "
        )
    assert set(error.value.errors) == {"kind", "changed_on", "description"}


def test_the_web_form_records_a_change_and_shows_errors(client, olivia):
    client.force_login(olivia)
    url = reverse("governance:change-add")
    bad = client.post(url, {"kind": "merger", "description": ""})
    assert bad.status_code == 400
    assert "There is a problem" in bad.content.decode()
    good = client.post(
        url,
        {
            "kind": "merger",
            "changed_on_0": "1",
            "changed_on_1": "9",
            "changed_on_2": "2025",
            "description": "Merged with a neighbour.",
        },
    )
    assert good.status_code == 302
    assert "merger on 1 September 2025" in client.get(reverse("governance:index")).content.decode()


def test_the_api_lists_and_records_changes(olivia, grace, api):
    bad = api(olivia).post(
        "/api/v1/governance/organisational-changes/", {"kind": "x"}, format="json"
    )
    assert bad.status_code == 400
    assert set(bad.json()) == {"kind", "changed_on", "description"}
    made = api(olivia).post(
        "/api/v1/governance/organisational-changes/",
        {"kind": "procedure", "changed_on": "2025-09-01", "description": "New policy"},
        format="json",
    )
    assert made.status_code == 201
    listed = api(grace).get("/api/v1/governance/organisational-changes/").json()
    assert [row["kind"] for row in listed] == ["procedure"]


def test_a_form_on_an_older_code_imported_after_the_change_does_not_clear_it(olivia, completed):
    """Last year's 2020-Code form imported today is not a new self-assessment (8.3 counts only
    self-assessments against the Code in force)."""
    change = _change(olivia)
    older = start(
        olivia, code_version="2020", period_start=D(2020, 4, 1), period_end=D(2021, 3, 31)
    )
    assert older.code_version.key == "2020"
    assert reassessment.due() == change
    figure = reassessment.measure(period_start=D(2025, 4, 1), period_end=D(2026, 3, 31))
    assert (figure.total, figure.met) == (1, 0)
