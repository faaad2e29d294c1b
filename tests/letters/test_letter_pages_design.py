"""The letter pages inside the design system (review finding H5)."""

import re

from django.urls import reverse

from putright.letters import services
from tests.letters import factories


def test_the_draft_page_uses_the_design_system_and_leads_back_to_the_case(client, olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    client.force_login(hannah)
    page = client.get(reverse("letters:letter", args=[complaint.reference, letter.pk])).content
    page = page.decode()
    for button in re.findall(r"<button[^>]*>", page):
        assert "pr-button" in button or "pr-link-button" in button, button
    assert 'class="pr-radios__input"' in page and 'class="pr-textarea' in page
    assert reverse("web:complaint", args=[complaint.reference]) in page
    assert "replaces your edits" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)[1]
    assert title.count("Putright") <= 1, title
    assert page.count("<h1") == 1


def test_an_issued_letter_says_so_once_in_a_summary_list(client, olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    letter = services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    client.force_login(hannah)
    detail = reverse("letters:letter", args=[complaint.reference, letter.pk])
    page = client.post(detail, {"action": "issue", "delivery": "post"}, follow=True)
    text = page.content.decode()
    assert text.count("Letter issued.") == 1
    assert 'class="pr-summary-list"' in text


def test_the_case_letters_table_hides_its_hidden_text(client, olivia, hannah):
    complaint = factories.acknowledged(officer=olivia, handler=hannah)
    services.letter_draft(user=hannah, complaint=complaint, kind="acknowledgement")
    client.force_login(hannah)
    page = client.get(reverse("letters:case", args=[complaint.reference])).content.decode()
    # Only the class the stylesheet defines.
    assert 'class="visually-hidden"' not in page and "pr-visually-hidden" in page
    assert 'class="pr-table"' in page
