"""Editing letter wording without knowing Django's template syntax (review finding M8)."""

import pytest
from django.urls import reverse

from putright.errors import InvalidInput
from putright.letters import context, sandbox
from putright.letters.placeholders import PLACEHOLDERS
from tests.letters import factories


def test_every_listed_placeholder_is_one_the_letters_provide(olivia, hannah):
    from putright.complaints.selectors import complaint_get

    def built(kind, complaint):
        return context.build(kind, complaint_get(reference=complaint.reference))

    responded = built("stage1_response", factories.stage1_responded(officer=olivia, handler=hannah))
    extended = built("extension", factories.extended(officer=olivia, handler=hannah))
    refused = built("refusal", factories.refused(officer=olivia))
    for name, _description in PLACEHOLDERS:
        head, _, tail = name.partition(".")
        data = {"extension": extended, "refusal": refused}.get(head, responded)
        assert tail in data[head], name


def test_the_edit_page_lists_the_placeholders_to_copy(client, olivia):
    client.force_login(olivia)
    page = client.get(reverse("letters:template_edit", args=["acknowledgement"])).content.decode()
    assert "Placeholders you can use" in page
    assert "{{ stage.understanding }}" in page
    assert "Our understanding of the complaint" in page


@pytest.mark.parametrize(
    "source, says",
    [
        ("{% if stage.handler %}Hello", "is never closed. Add {% endif %}"),
        ("{% load static %}", "{% load %} cannot be used in a letter"),
        ("{{ resident.name|safe }}", "The filter |safe cannot be used"),
        ("Hello {% endfor %}", "has no matching opening"),
    ],
)
def test_mistakes_are_explained_in_plain_words(source, says):
    with pytest.raises(InvalidInput) as raised:
        sandbox.compile_template(source)
    message = " ".join(raised.value.errors["body"])
    assert says in message
    assert "TemplateSyntaxError" not in message and "Invalid block tag" not in message


def test_the_page_shows_the_plain_message(client, olivia):
    client.force_login(olivia)
    response = client.post(
        reverse("letters:template_edit", args=["acknowledgement"]),
        {"subject": "Hello", "body": "{% if stage.handler %}Hello"},
    )
    assert response.status_code == 400
    assert "Wording: Line 1: {% if %} is never closed" in response.content.decode()


def test_wording_is_previewed_on_a_case_without_saving(client, olivia, hannah):
    """UX review M8: the officer sees how the wording reads on a real case before saving."""
    from putright.letters import services as letter_services
    from tests.letters import factories

    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    before = letter_services.template_current("acknowledgement").version
    client.force_login(olivia)
    url = reverse("letters:template_edit", args=["acknowledgement"])
    page = client.post(
        url,
        {
            "action": "preview",
            "subject": "Your complaint {{ complaint.reference }}",
            "body": "Dear {{ resident.name }}, we have your complaint.",
            "reference": complaint.reference,
        },
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert f"How it reads on {complaint.reference}" in text
    assert f"Your complaint {complaint.reference}" in text
    assert f"Dear {complaint.resident.name}, we have your complaint." in text
    assert letter_services.template_current("acknowledgement").version == before
    unknown = client.post(
        url, {"action": "preview", "subject": "x", "body": "y", "reference": "CMP-999999"}
    )
    assert (
        unknown.status_code == 400
        and "No complaint has reference CMP-999999." in unknown.content.decode()
    )
