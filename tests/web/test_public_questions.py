"""The public form asks who is complaining and how to contact them first, then only what applies
(review finding R5): "(optional)" only on optional fields, the contact detail the chosen method
needs required and the others not, the representative's questions only for a representative."""

import html
import re

import pytest
from django.urls import reverse

from putright.complaints.models import Complaint
from tests.web.test_public import ANSWERS

pytestmark = pytest.mark.django_db

DETAILS = reverse("web:complain-form")


def details(client, who="resident", method="email"):
    return client.get(DETAILS, {"who": who, "preferred_contact_method": method})


def questions(page: str) -> dict[str, str]:
    """Each label or legend's text, by the field it asks for."""
    found = {}
    for target, text in re.findall(r'<label class="pr-label" for="id_(\w+)">(.*?)</label>', page):
        found[target] = text
    for target, text in re.findall(
        r'id="id_(\w+)"[^>]*><legend class="pr-fieldset__legend">(.*?)</legend>', page
    ):
        found[target] = text
    return found


def test_the_first_page_asks_who_and_how_then_sends_the_answers_on(client):
    start = client.get(reverse("web:complain")).content.decode()
    assert reverse("web:complain-who") in start
    page = client.get(reverse("web:complain-who")).content.decode()
    assert "Who is complaining and how should we contact you?" in page
    missing = client.post(reverse("web:complain-who"), {})
    assert missing.status_code == 400
    assert 'href="#id_who_0"' in missing.content.decode()
    assert 'href="#id_preferred_contact_method_0"' in missing.content.decode()
    response = client.post(
        reverse("web:complain-who"), {"who": "resident", "preferred_contact_method": "phone"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{DETAILS}?who=resident&preferred_contact_method=phone"
    # Nothing is stored by the first page: no session, no draft.
    assert "putright_complaint_draft" not in client.session


def test_the_details_page_without_first_answers_goes_back_to_them(client):
    assert client.get(DETAILS)["Location"] == reverse("web:complain-who")
    posted = {k: v for k, v in ANSWERS.items() if k != "who"}
    assert client.post(DETAILS, posted)["Location"] == reverse("web:complain-who")


@pytest.mark.parametrize(
    ("method", "required"),
    [("email", "email"), ("phone", "phone"), ("text", "phone"), ("letter", "address")],
)
def test_optional_is_only_on_the_fields_that_are_optional(client, method, required):
    page = details(client, "representative", method).content.decode()
    labels = questions(page)
    optional = {"tenancy_reference", "issue_date", "adjustments"} | (
        {"email", "phone", "address"} - {required}
    )
    asked = set(labels) - {"website"}
    assert {"name", "description", "outcome_wanted", "representative_name"} <= asked
    for name in asked:
        assert labels[name].endswith(" (optional)") == (name in optional), name


@pytest.mark.parametrize(
    ("method", "required", "message"),
    [
        ("email", "email", "Enter an email address so that we can email you."),
        ("phone", "phone", "Enter a phone number so that we can call or text you."),
        ("text", "phone", "Enter a phone number so that we can call or text you."),
        ("letter", "address", "Enter the resident's address."),
    ],
)
def test_only_the_contact_detail_the_method_needs_is_required(client, method, required, message):
    blank = {"email": "", "phone": "", "address": ""}
    response = client.post(DETAILS, {**ANSWERS, **blank, "preferred_contact_method": method})
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert message in page and f'href="#id_{required}"' in page
    others = {"email", "phone", "address"} - {required}
    assert all(f'href="#id_{name}"' not in page for name in others)
    filled = {
        **blank,
        required: {"email": "r@example.org", "phone": "07700 900123"}.get(required, "1 Elm Road"),
    }
    response = client.post(DETAILS, {**ANSWERS, **filled, "preferred_contact_method": method})
    assert response["Location"] == reverse("web:complain-check")


def test_the_matching_contact_field_comes_first(client):
    page = details(client, method="phone").content.decode()
    assert page.index('for="id_phone"') < page.index('for="id_email"')
    page = details(client, method="email").content.decode()
    assert page.index('for="id_email"') < page.index('for="id_phone"')


def test_the_representatives_questions_only_for_a_representative(client):
    resident = details(client, "resident").content.decode()
    assert "id_representative_name" not in resident
    assert "id_representative_relationship" not in resident
    representative = questions(details(client, "representative").content.decode())
    assert representative["representative_name"] == "Your full name"
    assert representative["representative_relationship"] == "Your relationship to the resident"
    # Asked of a representative, they are required; of a resident, never asked nor kept.
    response = client.post(
        DETAILS, {**ANSWERS, "representative_name": "", "representative_relationship": ""}
    )
    page = response.content.decode()
    assert "Enter your full name." in page and "Enter your relationship to the resident." in page
    client.post(DETAILS, {**ANSWERS, "who": "resident"})
    assert "representative_name" not in client.session["putright_complaint_draft"]
    client.post(reverse("web:complain-check"))
    assert Complaint.objects.get().representative is None


def test_change_who_from_check_answers_keeps_the_rest(client):
    client.post(DETAILS, ANSWERS)
    check = client.get(reverse("web:complain-check")).content.decode()
    assert f"{reverse('web:complain-who')}#id_who_0" in check
    assert f"{DETAILS}#id_issue_date_0" in check
    who = client.get(reverse("web:complain-who")).content.decode()
    assert re.search(r'value="representative"[^>]*checked', who)
    # A new answer on the first page wins over the draft's; the rest is kept.
    page = details(client, "resident", "letter").content.decode()
    assert "id_representative_name" not in page and "Flat 3, 12 Elm Road" in page
    assert 'name="preferred_contact_method" value="letter"' in page


def test_the_resident_is_asked_in_their_own_person(client):
    assert questions(details(client, "resident").content.decode())["name"] == "Your full name"
    for_resident = questions(details(client, "representative").content.decode())
    assert for_resident["name"] == "Resident&#x27;s full name"
