"""Staff forms for surveys. They only shape what people type; the rules are surveys.services'
(InvalidInput / RuleBroken, shown on the same form)."""

from __future__ import annotations

from django import forms

from putright.complaints.models import Category, Channel
from putright.errors import InvalidInput
from putright.surveys.models import FollowUpChoice, OfferMethod, Satisfaction, SurveyTenure
from putright.web.forms import GovForm, date_field, text_area

YES_NO = [("yes", "Yes"), ("no", "No")]


class SurveyForm(GovForm):
    required_messages = {
        "tenure": "Select the respondent's tenure (LCRA or LCHO).",
        "complained_last_12_months": "Say whether they report making a complaint in the last "
        "12 months.",
    }

    provider_response_id = forms.CharField(
        label="Survey provider's response id",
        max_length=100,
        required=False,
        help_text="Leave blank for a survey the landlord ran itself.",
    )
    responded_on = date_field("Date of the response", not_future=True)
    complaint = forms.CharField(
        label="Complaint reference",
        max_length=40,
        required=False,
        help_text="The complaint the survey was about, if known (for example CMP-000123).",
    )
    tenure = forms.ChoiceField(
        label="Respondent's tenure", choices=SurveyTenure.choices, widget=forms.RadioSelect
    )
    complained_last_12_months = forms.ChoiceField(
        label="Do they report making a complaint in the last 12 months?",
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    satisfaction = forms.ChoiceField(
        label="How satisfied are they with the landlord's approach to complaints handling?",
        choices=[*Satisfaction.choices, ("", "Not answered (don't know, not applicable)")],
        required=False,
        widget=forms.RadioSelect,
    )
    comment = text_area("Their comment", required=False)

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["complained_last_12_months"] = data["complained_last_12_months"] == "yes"
        return data


class FollowUpForm(GovForm):
    required_messages = {
        "choice": "Select what the resident chose.",
        "method": "Select how the complaints process was offered.",
    }

    offered_on = date_field("Date the complaints process was offered", not_future=True)
    method = forms.ChoiceField(
        label="How was it offered?", choices=OfferMethod.choices, widget=forms.RadioSelect
    )
    choice = forms.ChoiceField(
        label="What did the resident choose?",
        choices=FollowUpChoice.choices,
        widget=forms.RadioSelect,
    )
    notes = text_area("Notes", required=False, help_text="What was said, in a few words.")
    channel = forms.ChoiceField(
        label="Complaint made by",
        choices=[("", "Choose how the complaint was made"), *Channel.choices],
        required=False,
        help_text="Only when the resident wants to make a complaint.",
    )
    category = forms.ChoiceField(
        label="Complaint category",
        choices=[("", "Choose a category"), *Category.choices],
        required=False,
    )
    description = text_area(
        "What the complaint is about",
        required=False,
        help_text="Leave blank to use the survey comment.",
    )
    name = forms.CharField(
        label="Resident's name",
        max_length=200,
        required=False,
        help_text="Only when the survey is not linked to a resident.",
    )

    def service_data(self) -> dict:
        data = self.cleaned_data
        complaint = None
        if data["choice"] == FollowUpChoice.RAISE_COMPLAINT:
            complaint = {key: data[key] for key in ("channel", "category", "description", "name")}
        return {
            "offered_on": data["offered_on"],
            "method": data["method"],
            "choice": data["choice"],
            "notes": data["notes"],
            "complaint": complaint,
        }


class ImportForm(GovForm):
    file = forms.FileField(
        label="The survey provider's file",
        help_text="CSV or XLSX, row 1 naming the columns (see the guidance above).",
    )


def apply_errors(form: forms.Form, error: InvalidInput) -> None:
    """The service's field errors on the form's own fields ("complaint.channel" on channel)."""
    for key, messages in error.errors.items():
        name = key.split(".", 1)[1] if key.startswith("complaint.") else key
        if name == "resident":
            name = "complaint"
        field = name if name in form.fields else None
        for message in messages:
            form.add_error(field, message)
