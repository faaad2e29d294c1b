"""Issue 13, done when: the demo year's self-assessment is completed, reviewed, approved by the
governing body and published on the web alone, every provision answered through its page beside
Putright's own evidence, each by the role the services allow."""

import datetime as dt
import html

from django.urls import reverse

from putright.selfassessment.evidence_sources import source_for
from putright.selfassessment.models import SelfAssessment


def _date(prefix: str, day: dt.date) -> dict:
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_the_demo_years_self_assessment_is_done_on_the_web_alone(demo, client, django_user_model):
    users = {u.username: u for u in django_user_model.objects.all()}
    assessment = SelfAssessment.objects.get(code_version__key="2024", status="draft")
    client.force_login(users["olivia"])
    detail = reverse("selfassessment:detail", args=[assessment.pk])
    assert "In progress" in client.get(detail).content.decode()

    for answer in assessment.answers.order_by("position"):
        url = reverse("selfassessment:answer", args=[assessment.pk, answer.pk])
        page = html.unescape(client.get(url).content.decode())
        source = source_for("2024", answer.ref)
        assert source.what[:25] in page, answer.ref
        if answer.comply:
            continue  # taken in from Putright's own records when the demo started it
        comply = "yes" if source.kind != "live" else "partly"
        evidence = (
            "Complaints policy, section 4." if source.kind == "policy" else "Putright's records."
        )
        saved = client.post(url, {"comply": comply, "evidence": evidence, "action": "save"})
        assert saved.status_code == 302, (answer.ref, saved.content.decode()[:3000])

    step = reverse("selfassessment:step", args=[assessment.pk])
    for user, data in (
        ("olivia", {"action": "complete"}),
        ("martin", {"action": "review"}),
        ("grace", {"action": "approve", **_date("approved_on", dt.date(2025, 11, 24))}),
        ("olivia", {"action": "publish"}),
    ):
        client.force_login(users[user])
        done = client.post(step, data)
        assert done.status_code == 302, (data["action"], done.content.decode()[:3000])
    assessment.refresh_from_db()
    assert assessment.status == "published"
    public = client.get(reverse("selfassessment:published_detail", args=[assessment.pk]))
    assert public.status_code == 200
    assert "6.2" in public.content.decode()
