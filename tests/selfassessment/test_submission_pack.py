"""The Ombudsman's annual submission pack: the page, the API and the download; the links from
what was published; a comply answer per provision; the due date on the officer's home in the
months before it, until the submission is recorded."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from putright.errors import RuleBroken
from putright.landlord.models import HomesOwned
from putright.landlord.selectors import landlord_settings
from putright.oversight import services as oversight
from putright.selfassessment import services, submission
from tests.selfassessment.factories import answer_all, start

pytestmark = pytest.mark.django_db

D = dt.date


def _on(traveller, day):
    traveller.move_to(dt.datetime(day.year, day.month, day.day, 10, 0, tzinfo=dt.UTC))


@pytest.fixture
def year_to_march_2025(_frozen_today, olivia, martin, grace):
    """1,200 homes, a year ending 31 March 2025, its self-assessment published and the annual
    report published with the governing body's response; today 1 July 2025."""
    _on(_frozen_today, D(2025, 7, 1))
    HomesOwned.objects.create(reporting_year=2024, homes=1200, homes_lcra=1000, homes_lcho=200)
    assessment = answer_all(
        start(olivia, period_start=D(2024, 4, 1), period_end=D(2025, 3, 31)), olivia
    )
    services.selfassessment_complete(
        user=olivia, self_assessment=assessment, completed_on=D(2025, 5, 1)
    )
    services.selfassessment_review(
        user=martin, self_assessment=assessment, reviewed_on=D(2025, 5, 10)
    )
    services.selfassessment_approve(
        user=grace, self_assessment=assessment, approved_on=D(2025, 5, 20)
    )
    services.selfassessment_publish(
        user=olivia, self_assessment=assessment, published_on=D(2025, 6, 1)
    )
    oversight.annual_report_response_record(
        user=grace, reporting_year=2024, response="The board accepts the report."
    )
    oversight.annual_report_publish(user=martin, reporting_year=2024)
    return assessment


def test_the_pack_holds_what_the_submission_form_asks_for(year_to_march_2025):
    pack = submission.pack()
    assert (pack.financial_year_start, pack.financial_year_end) == (D(2024, 4, 1), D(2025, 3, 31))
    assert pack.due_on == D(2025, 9, 30)
    assert (pack.homes, pack.homes_lcra, pack.homes_lcho) == (1200, 1000, 200)
    links = {link.name: link.url for link in pack.links}
    assert links["The published self-assessment"].endswith(
        reverse("selfassessment:published_detail", args=[year_to_march_2025.pk])
    )
    report = reverse("oversight:public_report", args=[2024])
    assert links["The annual complaints performance and service improvement report"].endswith(
        report
    )
    assert links["The governing body's response"].endswith(report + "#section-7")
    assert len(pack.answers) == 72
    assert {answer["comply_label"] for answer in pack.answers} == {"Yes"}
    assert pack.missing == []


def test_the_page_the_download_and_the_api(client, olivia, year_to_march_2025):
    client.force_login(olivia)
    page = client.get(reverse("selfassessment:submission")).content.decode()
    assert "30 September 2025" in page
    assert "1200" in page
    assert "#section-7" in page
    assert "<td>9.8</td><td>Yes</td>" in page
    download = client.get(reverse("selfassessment:submission_csv"))
    assert download["Content-Disposition"].endswith('ombudsman-submission-2025-03-31.csv"')
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert ["Number of homes", "1200"] in rows
    assert ["1.2", "Yes"] in rows
    api = APIClient()
    api.force_authenticate(user=olivia)
    body = api.get(reverse("selfassessment-submission")).json()
    assert body["due_on"] == "2025-09-30"
    assert body["provisions"][0]["ref"] == "1.2"
    assert body["links"][0]["url"].endswith(f"/{year_to_march_2025.pk}/")


def test_what_is_missing_is_said(_frozen_today, olivia):
    _on(_frozen_today, D(2025, 7, 1))
    pack = submission.pack()
    assert pack.due_on is None
    assert "The number of homes is not recorded in the landlord's settings." in pack.missing
    assert any("no self-assessment against the Code for the year" in m for m in pack.missing)
    assert any("annual report for 2024/25 is not published" in m for m in pack.missing)
    start(olivia, period_start=D(2024, 4, 1), period_end=D(2025, 3, 31))
    pack = submission.pack()
    assert any("self-assessment is Draft" in m for m in pack.missing)
    assert any(m.startswith("No comply answer for 1.2, 1.3") for m in pack.missing)


def test_only_a_self_assessment_against_the_code_in_force_counts(_frozen_today, olivia):
    _on(_frozen_today, D(2025, 7, 1))
    start(olivia, code_version="2020", period_start=D(2024, 4, 1), period_end=D(2025, 3, 31))
    assert submission.pack().self_assessment is None


def test_the_officers_home_shows_the_due_date_in_the_months_before(
    client, olivia, hannah, _frozen_today, year_to_march_2025
):
    client.force_login(olivia)
    _on(_frozen_today, D(2025, 6, 29))
    assert "annual submission to the Ombudsman" not in client.get("/").content.decode()
    _on(_frozen_today, D(2025, 6, 30))
    home = client.get("/").content.decode()
    assert "is due by 30 September 2025" in home
    assert reverse("selfassessment:submission") in home
    client.force_login(hannah)  # a complaint handler's home does not carry it
    assert "annual submission to the Ombudsman" not in client.get("/").content.decode()
    client.force_login(olivia)
    _on(_frozen_today, D(2025, 10, 1))
    assert "annual submission to the Ombudsman" not in client.get("/").content.decode()


def test_recording_the_submission_ends_the_reminder(client, olivia, year_to_march_2025):
    client.force_login(olivia)
    assert "is due by 30 September 2025" in client.get("/").content.decode()
    response = client.post(reverse("selfassessment:submission"))
    assert response.status_code == 302
    assert submission.pack().submitted_on == D(2025, 7, 1)
    client.get("/")  # the flash message
    assert "is due by" not in client.get("/").content.decode()
    assert (
        "Submitted to the Ombudsman on 1 July 2025"
        in client.get(reverse("selfassessment:submission")).content.decode()
    )


def test_a_submission_needs_the_published_self_assessment(_frozen_today, olivia):
    _on(_frozen_today, D(2025, 7, 1))
    draft = start(olivia, period_start=D(2024, 4, 1), period_end=D(2025, 3, 31))
    with pytest.raises(RuleBroken):
        services.submission_record(user=olivia, self_assessment=draft)


def test_a_small_landlord_with_a_december_year_end(_frozen_today):
    _on(_frozen_today, D(2026, 2, 1))
    settings = landlord_settings()
    settings.financial_year_end = 12
    settings.save()
    HomesOwned.objects.create(reporting_year=2025, homes=999)
    pack = submission.pack()
    assert (pack.financial_year_start, pack.financial_year_end) == (D(2025, 1, 1), D(2025, 12, 31))
    assert pack.due_on == D(2026, 6, 30)


def test_the_financial_year_end_is_edited_with_the_other_landlord_settings(client, adam):
    from tests.accounts.helpers import sign_in_verified

    adam.is_staff = adam.is_superuser = True
    adam.save()
    sign_in_verified(client, adam)
    landlord_settings()
    page = client.get(reverse("admin:landlord_landlordsettings_change", args=[1]))
    assert page.status_code == 200
    assert 'name="financial_year_end"' in page.content.decode()
