"""The GOV.UK date input (review finding R6): Day, Month and Year boxes in a fieldset, clear
messages, the error linked to the Day box, and the calendar's bounds still applied."""

import datetime as dt
import html
import re

import pytest
from django.urls import reverse

from putright.complaints.models import Complaint
from putright.web import forms
from putright.web.dates import GovDateField
from tests.web.test_public import ANSWERS

pytestmark = pytest.mark.django_db

DETAILS = reverse("web:complain-form")


def complain(client, day, month, year):
    answers = {k: v for k, v in ANSWERS.items() if k != "issue_date"}
    parts = {"issue_date_0": day, "issue_date_1": month, "issue_date_2": year}
    return client.post(DETAILS, {**answers, **parts})


def test_the_date_is_three_labelled_numeric_boxes_in_a_fieldset(client):
    page = client.get(DETAILS, {"who": "resident", "preferred_contact_method": "email"})
    page = page.content.decode()
    assert 'type="date"' not in page
    start = page.index('<fieldset class="pr-fieldset" role="group" id="id_issue_date"')
    fieldset = page[start : page.index("</fieldset>", start)]
    assert "When did the problem start? (optional)</legend>" in fieldset
    assert "For example, 27 3 2025." in fieldset
    assert 'aria-describedby="id_issue_date-hint"' in fieldset
    for i, label in enumerate(["Day", "Month", "Year"]):
        assert f'for="id_issue_date_{i}">{label}</label>' in fieldset
        assert f'id="id_issue_date_{i}" name="issue_date_{i}" type="text" inputmode="numeric"' in (
            fieldset
        )


def test_a_date_typed_in_parts_is_kept_through_check_answers(client):
    response = complain(client, "1", "11", "2025")
    assert response["Location"] == reverse("web:complain-check")
    check = client.get(reverse("web:complain-check")).content.decode()
    assert "1 November 2025" in check
    # "Change" shows the parts again.
    again = client.get(DETAILS).content.decode()
    assert re.search(r'name="issue_date_1"[^>]*value="11"', again)
    client.post(reverse("web:complain-check"))
    assert Complaint.objects.get().issue_date == dt.date(2025, 11, 1)


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("31", "2", "2025"), "Enter the date the problem started as a real date."),
        (("a", "3", "2025"), "Enter the date the problem started as a real date."),
        (("1", "3", ""), "The date the problem started must include a year."),
        (("1", "", ""), "The date the problem started must include a month and a year."),
        (("1", "3", "25"), "The year must include 4 numbers."),
        (("1", "1", "2026"), "The date must be today or in the past."),
        (("31", "12", "1999"), "Enter a date between 1 January 2000 and 31 December 2080."),
    ],
)
def test_date_errors_say_what_to_do_and_link_to_the_day_box(client, parts, message):
    response = complain(client, *parts)
    assert response.status_code == 400
    page = html.unescape(response.content.decode())
    assert message in page
    assert 'href="#id_issue_date_0"' in page  # the error summary goes to Day
    assert 'aria-describedby="id_issue_date-hint id_issue_date-error"' in page
    assert page.count('aria-invalid="true"') == 3
    # What was typed is shown again.
    for typed in parts:
        if typed:
            assert f'value="{typed}"' in page
    assert "putright_complaint_draft" not in client.session


def test_an_empty_optional_date_is_no_date(client):
    assert complain(client, "", "", "")["Location"] == reverse("web:complain-check")
    assert client.session["putright_complaint_draft"]["issue_date"] is None


def test_a_required_staff_date_keeps_its_message_and_a_single_value_still_works():
    form = forms.CloseForm({"closed_on_0": "", "closed_on_1": "", "closed_on_2": ""})
    assert form.errors["closed_on"] == ["Enter the date the complaint was closed."]
    # A single value, as older pages and clients post it, in the formats staff typed before.
    for value in ["2025-11-20", "20/11/2025", "20 11 2025", "20-11-2025"]:
        form = forms.CloseForm({"closed_on": value})
        assert form.is_valid() and form.cleaned_data["closed_on"] == dt.date(2025, 11, 20)
    form = forms.CloseForm({"closed_on_0": "20", "closed_on_1": "11", "closed_on_2": "2025"})
    assert form.is_valid() and form.cleaned_data["closed_on"] == dt.date(2025, 11, 20)
    form = forms.CloseForm({"closed_on_0": "20", "closed_on_1": "13", "closed_on_2": "2025"})
    assert form.errors["closed_on"] == ["Enter the date closed as a real date."]


def test_every_date_field_on_the_staff_forms_is_the_date_input():
    from putright.oversight import forms as oversight_forms
    from putright.web import case_forms

    for module in (forms, case_forms, oversight_forms):
        for form in vars(module).values():
            if isinstance(form, type) and issubclass(form, forms.GovForm):
                for field in form.base_fields.values():
                    assert not isinstance(field, forms.forms.DateField) or isinstance(
                        field, GovDateField
                    ), form
    assert isinstance(case_forms.RespondForm({})._date("remedy 1"), GovDateField)
