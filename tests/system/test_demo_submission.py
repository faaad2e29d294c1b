"""The demo's annual submission pack shows something: last year's published self-assessment,
the annual report and the governing body's response, the homes and each provision's answer."""

import datetime as dt

from django.urls import reverse

from putright.landlord.selectors import landlord_settings
from putright.rules import reassessment
from putright.selfassessment import submission


def test_the_pack_has_its_links_homes_and_answers(demo, client):
    from putright.accounts.models import User

    assert landlord_settings().financial_year_end == 3
    pack = submission.pack()
    assert pack.financial_year_end == dt.date(2025, 3, 31)
    assert pack.due_on == dt.date(2025, 9, 30)  # 12,000 homes and more: 30 September
    assert pack.homes and pack.homes >= 1000
    assert all(link.url for link in pack.links), pack.missing
    assert len(pack.answers) == 72
    assert {"Yes", "No", "Partly"} <= {answer["comply_label"] for answer in pack.answers}
    client.force_login(User.objects.get(username="olivia"))
    page = client.get(reverse("selfassessment:submission")).content.decode()
    assert "30 September 2025" in page
    assert "#section-7" in page


def test_the_8_3_prompt_still_follows_this_years_self_assessment(demo):
    # Last year's, published, was started long before this year's: the prompt stays.
    assert reassessment.due() is not None
