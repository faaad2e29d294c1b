"""The case's action pages through the web client: each action leads to its letter (H4), no form
for what cannot be done (H12), the extension's date checked first (H15), the response form's rows
(H8), corrections (H9), stage 2 acknowledgement (O2), messages that say what to do (H16)."""

import datetime as dt
import inspect
import re

import pytest
from django import forms as django_forms
from django.urls import reverse

from putright.complaints.models import Complaint
from putright.letters.models import Letter, LetterStatus
from putright.letters.selectors import letters_due
from putright.web import case_forms
from putright.web import forms as web_forms
from tests.factories import acknowledge, log_complaint, respond

ACK = {
    "acknowledged_on": "2025-11-18",
    "handler": "hannah",
    "understanding": "You told us the kitchen ceiling leaks and the repair is late.",
    "outcomes_sought": "The leak fixed.",
    "responsible_for": "The repair.",
    "not_responsible_for": "Nothing.",
}


def url(complaint, action=None):
    if action:
        return reverse("web:complaint-action", args=[complaint.reference, action])
    return reverse("web:complaint", args=[complaint.reference])


@pytest.fixture
def new_case(hannah):
    return log_complaint(user=hannah, received_on=dt.date(2025, 11, 17))


# --- H4: each action leads to its letter ------------------------------------------------------


def test_acknowledging_lands_on_the_drafted_acknowledgement(signed_in, hannah, new_case):
    client = signed_in(hannah)
    response = client.post(url(new_case, "acknowledge"), ACK)
    letter = Letter.objects.get(complaint=new_case)
    assert letter.kind == "acknowledgement" and letter.status == LetterStatus.DRAFT
    assert response.url == reverse("letters:letter", args=[new_case.reference, letter.pk])
    page = client.get(response.url).content.decode()
    assert "check it, edit it if you need to, then issue it" in page
    assert "You told us the kitchen ceiling leaks" in page  # the preview
    assert 'value="issue"' in page


def test_each_action_drafts_its_own_letter_and_never_a_duplicate(signed_in, hannah, new_case):
    client = signed_in(hannah)
    client.post(url(new_case, "acknowledge"), ACK)
    extend = {"working_days": "5", "reason": "Survey", "resident_informed_on": "2025-11-24"}
    response = client.post(url(new_case, "extend"), {**extend, "step": "confirm"})
    assert Letter.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[1]).kind == "extension"
    respond_data = {
        "responded_on": "2025-11-24",
        "decision": "upheld",
        "reasons": "Late.",
    }
    response = client.post(url(new_case, "respond"), respond_data)
    assert "/letters/" in response.url
    kinds = sorted(Letter.objects.filter(complaint=new_case).values_list("kind", flat=True))
    assert kinds == ["acknowledgement", "extension", "stage1_response"]


def test_refusing_at_stage_1_lands_on_the_refusal_letter(signed_in, olivia, hannah):
    new_case = log_complaint(user=hannah, issue_date=dt.date(2023, 1, 1))
    response = signed_in(olivia).post(
        url(new_case, "refuse"),
        {
            "reason": "over_12_months",
            "explanation": "It arose in 2023.",
            "decided_on": "2025-11-20",
        },
    )
    assert Letter.objects.get(complaint=new_case).kind == "refusal"
    assert "/letters/" in response.url


def test_the_case_page_lists_the_letters_due_and_which_are_unsent(signed_in, hannah, new_case):
    client = signed_in(hannah)
    assert letters_due(complaint=new_case) == []
    client.post(url(new_case, "acknowledge"), ACK)
    [due] = letters_due(complaint=new_case)
    assert due.kind == "acknowledgement" and due.unsent and due.draft is not None
    page = client.get(url(new_case)).content.decode()
    assert "Acknowledgement (stage 1)" in page and "Check and issue the draft" in page

    services_issue(hannah, due.draft)
    [due] = letters_due(complaint=new_case)
    assert due.issued is not None and not due.unsent
    assert "Check and issue the draft" not in client.get(url(new_case)).content.decode()


def test_two_extensions_need_two_letters(hannah, new_case):
    from putright.complaints.services import complaint_extend

    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    for days in (3, 2):
        complaint_extend(
            user=hannah,
            complaint=Complaint.objects.get(pk=new_case.pk),
            working_days=days,
            reason="Survey",
            resident_informed_on=dt.date(2025, 11, 24),
        )
    kinds = [d.kind for d in letters_due(complaint=new_case)]
    assert kinds == ["acknowledgement", "extension", "extension"]


def services_issue(user, letter):
    from putright.letters.services import letter_issue

    letter_issue(user=user, letter=letter, delivery="post")


# --- H12: no form for what cannot be done -----------------------------------------------------


@pytest.mark.parametrize("action", ["escalate", "close", "extend", "respond"])
def test_an_action_the_state_forbids_shows_why_and_no_form(signed_in, olivia, new_case, action):
    response = signed_in(olivia).get(url(new_case, action))
    page = response.content.decode()
    assert "You cannot do this now" in page
    assert 'type="submit"' not in page.split("<main", 1)[1].split("pr-key-facts")[0]
    assert "What you can do instead" in page


def test_posting_a_forbidden_action_is_409_with_no_form(signed_in, olivia, new_case):
    response = signed_in(olivia).post(url(new_case, "close"), {"closed_on": "2025-11-20"})
    assert response.status_code == 409
    assert response.context["form"] is None
    assert Complaint.objects.get(pk=new_case.pk).status == "awaiting_acknowledgement"


def test_the_case_page_offers_only_what_the_state_allows(signed_in, olivia, new_case):
    page = signed_in(olivia).get(url(new_case)).content.decode()
    assert url(new_case, "acknowledge") in page
    for action in ("close", "escalate", "extend", "respond", "amend-definition"):
        assert url(new_case, action) not in page, action


# --- H15: the extension's new date, checked before confirming --------------------------------


def test_extend_shows_the_new_date_first_and_records_that_date(signed_in, hannah, new_case):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    client = signed_in(hannah)
    data = {"working_days": "7", "reason": "Survey", "resident_informed_on": "2025-11-24"}
    checked = client.post(url(new_case, "extend"), {**data, "step": "check"})
    assert checked.status_code == 200
    shown = checked.context["new_date"]
    assert shown is not None
    assert new_case.stages.get(number=1).extended_days == 0  # nothing recorded yet
    assert f"Extend to {shown.day} {shown:%B %Y}" in checked.content.decode()
    client.post(url(new_case, "extend"), {**data, "step": "confirm"})
    assert new_case.stages.get(number=1).respond_by == shown


def test_the_extend_form_first_offers_only_the_check(signed_in, hannah, new_case):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    page = signed_in(hannah).get(url(new_case, "extend")).content.decode()
    assert "Check the new date" in page and 'value="confirm"' not in page


# --- H8: the response form ---------------------------------------------------------------------


def test_add_another_remedy_keeps_what_was_typed_and_records_nothing(signed_in, hannah, new_case):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    client = signed_in(hannah)
    response = client.post(
        url(new_case, "respond"),
        {
            "responded_on": "2025-11-24",
            "decision": "upheld",
            "reasons": "The repair was late.",
            "remedy_rows": "1",
            "action_rows": "1",
            "remedy_1_type": "apology",
            "remedy_1_description": "A written apology",
            "add": "remedy",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "A written apology" in page and "The repair was late." in page
    assert 'name="remedy_2_description"' in page and 'name="remedy_3_description"' not in page
    assert "There is a problem" not in page
    assert Complaint.objects.get(pk=new_case.pk).status == "investigating"


def test_four_remedies_are_recorded_through_the_grown_form(signed_in, hannah, new_case):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    data = {"responded_on": "2025-11-24", "decision": "upheld", "reasons": "Late."}
    data["remedy_rows"] = "4"
    for i in range(1, 5):
        data[f"remedy_{i}_type"] = "apology"
        data[f"remedy_{i}_description"] = f"Apology {i}"
    signed_in(hannah).post(url(new_case, "respond"), data)
    assert new_case.remedies.count() == 4


def test_the_respond_form_shows_the_definition_it_answers(signed_in, hannah, new_case):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    page = signed_in(hannah).get(url(new_case, "respond")).content.decode()
    assert "What the response answers" in page
    assert "The leak fixed and the ceiling made good." in page


def test_a_refused_response_keeps_every_row_typed(signed_in, hannah, new_case):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    response = signed_in(hannah).post(
        url(new_case, "respond"),
        {
            "responded_on": "2025-11-24",
            "decision": "upheld",
            "reasons": "Late.",
            "remedy_rows": "2",
            "remedy_1_type": "apology",
            "remedy_1_description": "Sorry",
            "remedy_2_type": "financial",
            "remedy_2_description": "Money for the delay",
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Money for the delay" in page and "Sorry" in page
    assert 'href="#id_remedy_2_amount"' in page


# --- H9: corrections after the response -------------------------------------------------------


def test_a_definition_typo_is_corrected_on_the_web_with_the_old_words_kept(
    signed_in, hannah, new_case
):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    respond(new_case, user=hannah, on=dt.date(2025, 11, 24))
    client = signed_in(hannah)
    assert url(new_case, "amend-definition") in client.get(url(new_case)).content.decode()
    form = client.get(url(new_case, "amend-definition"))
    assert "The resident says the kitchen ceiling leaks" in form.content.decode()
    response = client.post(
        url(new_case, "amend-definition"),
        {
            "understanding": "You told us the kitchen ceiling leaks.",
            "outcomes_sought": "The leak fixed and the ceiling made good.",
            "responsible_for": "Repairs.",
            "not_responsible_for": "Contents insurance.",
            "reason": "Typo in the resident's name.",
        },
    )
    assert response.status_code == 302
    stage = new_case.stages.get(number=1)
    assert stage.understanding == "You told us the kitchen ceiling leaks."
    page = client.get(url(new_case)).content.decode()
    assert "Record corrected" in page and "Typo in the resident&#x27;s name." in page


def test_the_reasons_are_corrected_and_a_correction_without_a_reason_is_refused(
    signed_in, hannah, new_case
):
    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    respond(new_case, user=hannah, on=dt.date(2025, 11, 24))
    client = signed_in(hannah)
    refused = client.post(url(new_case, "amend-reasons"), {"reasons": "Better words."})
    assert refused.status_code == 400
    assert "Say why the reasons are being corrected." in refused.content.decode()
    client.post(url(new_case, "amend-reasons"), {"reasons": "Better words.", "reason": "Typo"})
    assert new_case.stages.get(number=1).reasons == "Better words."


# --- O2: stage 2 acknowledgement ----------------------------------------------------------------


def test_stage_2_acknowledge_leaves_out_the_stage_1_handler_and_starts_from_stage_1(
    signed_in, olivia, hannah, new_case
):
    from putright.complaints.services import complaint_escalate, note_add

    acknowledge(new_case, user=hannah, on=dt.date(2025, 11, 18))
    respond(new_case, user=hannah, on=dt.date(2025, 11, 20))
    complaint_escalate(
        user=olivia, complaint=Complaint.objects.get(pk=new_case.pk), requested_on=dt.date.today()
    )
    note_add(user=None, complaint=new_case, text="Not happy the compensation covers the GP.")
    response = signed_in(olivia).get(url(new_case, "acknowledge"))
    form = response.context["form"]
    assert "hannah" not in [value for value, _label in form.fields["handler"].choices]
    assert form.initial["handler"] == ""
    assert form.initial["outcomes_sought"] == "The leak fixed and the ceiling made good."
    page = response.content.decode()
    assert "What happened at stage 1" in page
    assert "Not happy the compensation covers the GP." in page


# --- H16: messages that say what to do --------------------------------------------------------


def _staff_forms():
    for module in (web_forms, case_forms):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, web_forms.GovForm) and cls.__module__ == module.__name__:
                yield cls


@pytest.mark.parametrize("form_class", list(_staff_forms()), ids=lambda c: c.__name__)
def test_every_required_field_has_a_written_message(form_class, db):
    if form_class is web_forms.PublicComplaintForm:
        # Its questions follow the first page's answers (R5): check every combination.
        made = [
            form_class(who=who, method=method)
            for who, _ in web_forms.WHO
            for method in web_forms.CONTACT_FIELD
        ]
    else:
        made = [form_class()]
    for form in made:
        for name, field in form.fields.items():
            if not field.required or isinstance(field, django_forms.FileField):
                continue
            assert name in form_class.required_messages, f"{form_class.__name__}.{name}"


def test_refuse_errors_read_as_instructions(signed_in, olivia, new_case):
    page = signed_in(olivia).post(url(new_case, "refuse"), {}).content.decode()
    assert "Select the section 2 ground for refusing the complaint." in page
    assert "Select ground for refusing." not in page
    assert not re.search(r"Enter explanation for this resident", page)
