"""The landlord's wording: versioned, sandboxed, checked for plain English."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from putright.errors import InvalidInput, NotPermitted, RuleBroken
from putright.letters import sandbox, services
from putright.letters.models import LetterTemplateVersion
from putright.people.models import Resident
from tests.letters import factories

# A 1x1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e527de0000000049454e44ae426082"
)


def test_a_template_cannot_reach_the_database(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    services.template_edit(
        user=olivia,
        kind="acknowledgement",
        subject="Hello",
        body=(
            "[{{ complaint.resident.delete }}][{{ resident.delete }}][{{ complaint.objects }}]"
            "[{{ stage.handler.password }}]"
            "[{{ remedies.pop }}][{{ landlord.clear }}][{{ landlord.name }}]"
        ),
    )
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="acknowledgement")

    assert letter.body.strip() == "[][][][][][][Example Housing Association]"
    assert Resident.objects.filter(name="Rosa Patel").exists()


def test_the_template_sees_plain_data_only():
    with pytest.raises(TypeError):
        sandbox.render("{{ x }}", {"x": Resident(name="Rosa")})
    assert sandbox.render("{{ items.pop }}{{ items|length }}", {"items": [1, 2]}) == "2"


@pytest.mark.parametrize(
    "source",
    [
        "{% load static %}{% static 'x' %}",
        "{% debug %}",
        "{% include 'letters/letter.html' %}",
        "{% extends 'putright/base.html' %}",
        "{% url 'web:home' %}",
        "{% csrf_token %}",
        "{{ resident.name|safe }}",
        "{% if %}",
        "{{ resident.name.__class__.__mro__ }}",
    ],
)
def test_templates_with_tags_outside_the_sandbox_are_refused(source, olivia):
    with pytest.raises(InvalidInput) as refused:
        services.template_edit(user=olivia, kind="refusal", subject="Subject", body=source)
    assert "body" in refused.value.errors
    assert not LetterTemplateVersion.objects.filter(kind="refusal", version=2).exists()


def test_each_edit_is_a_new_version_and_issued_letters_keep_theirs(olivia, hannah):
    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    first = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    first = services.letter_issue(user=olivia, letter=first)
    original = services.template_current("stage1_response")

    edited = services.template_edit(
        user=olivia,
        kind="stage1_response",
        subject="Your stage 1 response",
        body=original.body.replace("Dear", "Hello"),
    )
    second = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")

    assert (original.version, edited.version) == (1, 2)
    assert first.template_version.version == 1
    assert second.template_version.version == 2
    assert second.body.startswith("Hello Rosa Patel")
    assert second.subject == "Your stage 1 response"
    first.refresh_from_db()
    assert "Dear Rosa Patel" in first.html


def test_handlers_and_governance_cannot_edit_templates(hannah, grace):
    for user in (hannah, grace):
        with pytest.raises(NotPermitted):
            services.template_edit(user=user, kind="refusal", subject="S", body="B")


def test_branding_is_versioned_and_the_logo_is_embedded_in_the_pdf(olivia, hannah, adam):
    first = services.branding_edit(
        user=adam,
        address="Riverside House\n2 Quay Street\nExampletown EX1 2QQ",
        signature="Customer Resolution Team",
        logo=SimpleUploadedFile("logo.png", PNG, "image/png"),
    )
    second = services.branding_edit(
        user=adam, address=first.address, signature="Complaints Team", footer="Registered"
    )
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="acknowledgement")
    letter = services.letter_issue(user=olivia, letter=letter)

    assert (first.version, second.version) == (1, 2)
    assert second.logo.name == first.logo.name
    assert letter.branding_version == second
    assert "data:image/png;base64," in letter.html
    assert "Riverside House" in letter.html
    assert "Complaints Team" in letter.html


def test_a_logo_must_be_an_image(adam):
    with pytest.raises(InvalidInput) as refused:
        services.branding_edit(
            user=adam, logo=SimpleUploadedFile("logo.svg", b"<svg/>", "image/svg+xml")
        )
    assert "logo" in refused.value.errors


def test_the_pdf_fetches_nothing_from_outside(monkeypatch):
    import urllib.request

    from putright.letters import rendering

    opened = []
    monkeypatch.setattr(
        urllib.request.OpenerDirector, "open", lambda self, *a, **k: opened.append(a)
    )
    html = (
        '<html><body><img src="http://example.com/x.png">'
        '<img src="file:///etc/passwd"><p>Hello</p></body></html>'
    )
    pdf = rendering.letter_pdf(html)
    assert pdf.startswith(b"%PDF-")
    assert opened == []  # refused before any request is made


def test_hard_to_read_letters_are_flagged(olivia, hannah):
    from putright.letters import rendering

    complaint = factories.stage1_responded(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="stage1_response")
    assert letter.readability >= rendering.PLAIN_ENGLISH_THRESHOLD
    assert rendering.readability_warning(letter.readability) == ""

    dense = (
        "Notwithstanding the aforementioned considerations, the organisation's determination "
        "regarding the substantive particulars of the aforementioned representations "
        "necessitated comprehensive consideration of contractual, regulatory and operational "
        "responsibilities, consequently precipitating an unavoidable administrative "
        "prolongation of the investigative undertaking. "
    )
    letter = services.letter_edit(user=olivia, letter=letter, body=letter.body + "\n\n" + dense * 3)
    assert letter.readability < rendering.PLAIN_ENGLISH_THRESHOLD
    assert "hard to read" in rendering.readability_warning(letter.readability)


def test_an_issued_letter_cannot_be_changed(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=olivia, complaint=complaint, kind="acknowledgement")
    letter = services.letter_issue(user=olivia, letter=letter)

    with pytest.raises(RuleBroken) as refused:
        services.letter_edit(user=olivia, letter=letter, body="Something else")
    assert refused.value.provision == "5.12"
    with pytest.raises(RuleBroken):
        services.letter_issue(user=olivia, letter=letter)
    with pytest.raises(RuleBroken):
        services.letter_discard(user=olivia, letter=letter)

    from putright.letters.models import Letter

    stored = Letter.objects.get(pk=letter.pk)
    stored.body = "Tampered"
    with pytest.raises(PermissionError):
        stored.save()
    with pytest.raises(PermissionError):
        stored.delete()


def test_a_handler_drafts_only_on_their_own_cases(olivia, hannah, harry, grace):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    assert services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    for user in (harry, grace):
        with pytest.raises(NotPermitted):
            services.letter_draft(user=user, complaint=complaint, kind="acknowledgement")


def test_an_unknown_kind_is_named(olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    with pytest.raises(InvalidInput) as refused:
        services.letter_draft(user=olivia, complaint=complaint, kind="apology")
    assert "kind" in refused.value.errors
