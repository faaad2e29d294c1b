"""Staff forms for the contractor register and a contractor's part on a case. They only shape
what people type; the rules are contractors.services' (shown on the same form)."""

from __future__ import annotations

from django import forms

from putright.contractors.selectors import active_contractors
from putright.web.forms import GovForm, date_field, text_area


def contractor_choices(blank: str = "Choose a contractor") -> list[tuple[str, str]]:
    return [("", blank)] + [(str(c.pk), f"{c.name} ({c.service})") for c in active_contractors()]


class ContractorForm(GovForm):
    required_messages = {
        "name": "Enter the contractor's name.",
        "service": "Say what the contractor does for you.",
    }
    name = forms.CharField(label="Name", max_length=200)
    service = forms.CharField(
        label="What they do", max_length=200, help_text="For example: responsive repairs."
    )
    contact = forms.CharField(label="Contact for complaints", max_length=200, required=False)


class ContractorEditForm(GovForm):
    required_messages = {"service": "Say what the contractor does for you."}
    service = forms.CharField(label="What they do", max_length=200)
    contact = forms.CharField(label="Contact for complaints", max_length=200, required=False)
    active = forms.BooleanField(label="Still working for us", required=False)


class NameContractorForm(GovForm):
    contractor = forms.ChoiceField(label="Contractor")
    role = forms.CharField(
        label="Their part in what the complaint is about",
        max_length=200,
        required=False,
        help_text="For example: carried out the roof repair.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contractor"].choices = contractor_choices()


class RemoveContractorForm(GovForm):
    required_messages = {"reason": "Say why the contractor is taken off the complaint."}
    reason = text_area("Why the contractor is taken off the complaint", rows=3)


class RemedyContractorForm(GovForm):
    required_messages = {"reason": "Say why the remedy's contractor is being set."}
    contractor = forms.ChoiceField(label="Contractor who must carry it out", required=False)
    reason = text_area("Why", rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contractor"].choices = contractor_choices("No contractor: we do it ourselves")


class RequestForm(GovForm):
    required_messages = {"description": "Say what you asked the contractor for."}
    contractor = forms.ChoiceField(label="Contractor")
    description = text_area("What you asked for", rows=3)
    sent_on = date_field("Date sent", not_future=True)
    due_on = date_field("Date due")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contractor"].choices = contractor_choices()


class AnswerForm(GovForm):
    answered_on = date_field("Date the contractor answered", not_future=True)
    answer = text_area("What they said", required=False, rows=3)
