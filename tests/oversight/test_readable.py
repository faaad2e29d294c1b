"""Numbers people can read (UX review M1, M2, M3, M5): the complaints behind a figure are the
figure's own, linked to their cases and described in words; figures that differ by definition
say why; the annual report says when it is provisional, explains itself in sentences drawn from
its own figures, and prints money and counts as people write them."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from putright.oversight import analysis, selectors
from putright.oversight.drilldown import describe
from putright.oversight.periods import reporting_year
from tests.factories import acknowledge, log_complaint, respond

pytestmark = pytest.mark.django_db


def _count(page: str) -> int:
    return int(re.search(r"<p>(\d+) complaints?\.</p>", page).group(1))


def test_open_now_and_overdue_now_are_the_complaints_behind_their_links(client, martin, olivia):
    waiting = log_complaint(user=olivia, received_on=dt.date(2025, 11, 3))  # ack overdue
    working = acknowledge(
        log_complaint(user=olivia, received_on=dt.date(2025, 11, 17)),
        user=olivia,
        handler=olivia,
        on=dt.date(2025, 11, 18),
    )
    answered = acknowledge(
        log_complaint(user=olivia, received_on=dt.date(2025, 11, 3)),
        user=olivia,
        handler=olivia,
        on=dt.date(2025, 11, 4),
    )
    respond(answered, user=olivia, on=dt.date(2025, 11, 10))  # responded, not yet closed
    figures = selectors.open_and_overdue(dt.date(2025, 11, 24))
    open_now = figures["stage1"]["open"] + figures["stage2"]["open"]
    overdue_now = figures["stage1"]["overdue"] + figures["stage2"]["overdue"]
    assert (open_now, overdue_now) == (2, 1)

    client.force_login(martin)
    dashboard = client.get(reverse("oversight:dashboard") + "?year=2025").content.decode()
    links = dict(re.findall(r'(Open now|Overdue now): <a href="([^"]+)"', dashboard))
    behind_open = client.get(links["Open now"].replace("&amp;", "&")).content.decode()
    behind_overdue = client.get(links["Overdue now"].replace("&amp;", "&")).content.decode()
    assert _count(behind_open) == open_now
    assert _count(behind_overdue) == overdue_now
    assert waiting.reference in behind_open and working.reference in behind_open
    assert answered.reference not in behind_open
    # The list's wider "open" is explained where the figure is shown.
    assert "also counts responded cases not yet closed" in dashboard
    assert 'id="definitions"' in dashboard


def test_the_complaints_behind_a_figure_link_to_their_cases(client, martin, olivia, hannah):
    complaint = acknowledge(
        log_complaint(user=olivia, received_on=dt.date(2025, 6, 2)),
        user=olivia,
        handler=hannah,
        on=dt.date(2025, 6, 3),
    )
    respond(complaint, user=hannah, on=dt.date(2025, 6, 10), decision="upheld")
    client.force_login(martin)
    page = client.get(
        reverse("oversight:complaints"),
        {
            "stage": 1,
            "basis": "responded",
            "from": "2025-04-01",
            "to": "2026-03-31",
            "decision": "upheld",
        },
    ).content.decode()
    assert f'href="{reverse("web:complaint", args=[complaint.reference])}"' in page
    assert "Stage 1 complaints responded to between 1 April 2025 and 31 March 2026, upheld." in page
    assert "stage: 1" not in page  # no raw filter
    assert hannah.get_full_name() in page and ">Upheld<" in page


def test_a_filter_is_described_in_words():
    assert describe({}) == "Complaints."
    assert describe({"category": "damp_mould", "from": "2025-04-01"}) == (
        "Complaints about damp and mould received from 1 April 2025."
    )
    assert describe({"overdue": "yes", "within": "no"}) == (
        "Complaints, outside the Code's timescale, open and past a Code deadline now."
    )


def test_the_annual_report_is_provisional_until_its_year_ends(client, martin):
    client.force_login(martin)
    current = client.get(reverse("oversight:annual_report", args=[2025])).content.decode()
    finished = client.get(reverse("oversight:annual_report", args=[2024])).content.decode()
    assert "Provisional." in current and "these figures run to 24 November 2025" in current
    assert "Provisional." not in finished
    assert 'href="#section-2"' in current and 'id="section-2"' in current
    assert "Back to complaints oversight" in current
    assert current.count("Putright") <= 1


def test_the_analysis_is_written_from_the_figures_it_sits_beside(olivia, hannah):
    for day in (dt.date(2025, 5, 1), dt.date(2025, 5, 8), dt.date(2025, 5, 15)):
        complaint = log_complaint(user=olivia, received_on=day, category="damp_mould")
        acknowledge(complaint, user=olivia, handler=hannah, on=day)
        respond(complaint, user=hannah, on=day + dt.timedelta(days=3), decision="upheld")
    log_complaint(user=olivia, received_on=dt.date(2024, 6, 3))  # the year before: 1
    figures = selectors.summary(reporting_year(2025), dt.date(2025, 11, 24))
    before = {"volume": selectors.volume(reporting_year(2024))}
    text = " ".join(analysis.narrative(figures, previous=before, previous_label="2024/25"))
    assert "We received 3 stage 1 complaints, up 200% on 2024/25 (1)" in text
    assert "damp and mould (3, 100%)" in text
    assert "100% of stage 1 responses" in text
    assert "Of 3 stage 1 decisions, 3 upheld the complaint in full" in text


def test_money_and_counts_are_written_as_people_write_them():
    from decimal import Decimal

    from putright.web.templatetags.putright_web import figure, is_figure

    assert figure(Decimal("11000.00")) == "11,000.00"
    assert figure(12400) == "12,400"
    assert figure(15.48) == "15.5" and figure(2.0) == "2"
    assert figure("damp") == "damp" and not is_figure(True) and is_figure(Decimal("1"))


@pytest.mark.parametrize(
    "name, args",
    [
        ("oversight:dashboard", []),
        ("oversight:learning", []),
        ("oversight:lessons", []),
        ("oversight:ombudsman", []),
        ("oversight:complaints", []),
        ("selfassessment:list", []),
        ("letters:templates", []),
    ],
)
def test_every_page_says_putright_once_in_its_title(client, olivia, name, args):
    client.force_login(olivia)
    page = client.get(reverse(name, args=args)).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.count("Putright") == 1, title


def test_learning_shows_labels_months_and_links_every_repeat(client, martin, olivia):
    for day in (dt.date(2025, 5, 1), dt.date(2025, 6, 2)):
        log_complaint(
            user=olivia,
            received_on=day,
            category="damp_mould",
            resident={"name": "Rosa Patel", "tenancy_reference": "T-77"},
        )
    client.force_login(martin)
    page = client.get(reverse("oversight:learning") + "?year=2025").content.decode()
    assert "Damp and mould" in page and "damp_mould<" not in page
    assert "May 2025" in page and ">2025-05<" not in page
    assert 'href="/people/residents/' in page
    issue = re.search(r'<td class="pr-numeric"><a href="([^"]+)">2</a></td></tr>\s*</tbody>', page)
    behind = client.get(issue.group(1).replace("&amp;", "&")).content.decode()
    assert _count(behind) == 2
    assert "about the property T-77" in behind


def test_the_governing_body_is_offered_only_what_it_may_do(client, grace, martin):
    from putright.oversight import services

    services.annual_report_response_record(user=grace, reporting_year=2024, response="Noted.")
    client.force_login(grace)
    url = reverse("oversight:annual_report_response", args=[2024])
    page = client.get(url).content.decode()
    assert "Publish the report and response" not in page
    assert "The complaints officer or a manager publishes the report" in page
    refused = client.post(url, {"action": "publish"})
    assert refused.status_code == 403
    assert "Only the complaints officer, managers and administrators" in refused.content.decode()
    client.force_login(martin)
    assert "Publish the report and response" in client.get(url).content.decode()


def test_the_dashboard_takes_dates_as_people_write_them_and_marks_its_tab(client, martin):
    client.force_login(martin)
    page = client.get(reverse("oversight:dashboard"), {"from": "1/4/2025", "to": "31/3/2026"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "1 April 2025 to 31 March 2026" in text
    assert 'href="/oversight/" aria-current="page"' in text
    assert 'type="date"' not in text
    wrong = client.get(reverse("oversight:dashboard"), {"from": "31/2/2025", "to": "1/3/2026"})
    assert "Enter a real date, like 1/4/2025." in wrong.content.decode()
    assert 'class="pr-error-summary"' in wrong.content.decode()
