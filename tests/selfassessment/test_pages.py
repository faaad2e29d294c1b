"""Staff pages."""

import pytest

from putright.selfassessment import services
from tests.selfassessment.factories import start

pytestmark = pytest.mark.django_db


def test_pages_need_a_sign_in(client, olivia):
    assessment = start(olivia)
    assert client.get("/self-assessment/").status_code == 302
    assert client.get(f"/self-assessment/{assessment.pk}/").status_code == 302


def test_list_and_detail(client, olivia, grace, django_assert_max_num_queries):
    assessment = start(olivia, title="Self-assessment 2024-25")
    services.answer_update(
        user=olivia, answer=assessment.answers.get(ref="6.13"), comply="partly", evidence="Panel"
    )
    client.force_login(grace)
    page = client.get("/self-assessment/")
    assert page.status_code == 200
    assert "Self-assessment 2024-25" in page.content.decode()
    with django_assert_max_num_queries(18):
        page = client.get(f"/self-assessment/{assessment.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Section 6: Complaints stages" in html
    assert "Partly" in html
