"""Forms of the complaints list: its filters, saving a view of it, and assigning many cases at
once. Kept apart from forms.py (the action forms) so that each stays readable."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError

from putright.complaints.models import Category
from putright.web.forms import GovForm, handler_choices

MAX_SELECTED = 50  # a page holds 25; the bound is the inputs' own list limit
_REFERENCE = re.compile(r"CMP-\d{6,12}")


class ComplaintFilterForm(GovForm):
    """The list opens on open cases: `status` left out means "open"; "any" shows every case."""

    show_optional = False  # every filter is optional; saying so on each is noise
    SORTS = [
        ("due", "Next step due (soonest first)"),
        ("-received", "Received (newest first)"),
        ("received", "Received (oldest first)"),
        ("reference", "Reference"),
    ]
    FILTERS = ("q", "status", "stage", "overdue", "handler", "category", "sort")
    q = forms.CharField(
        label="Search",
        required=False,
        max_length=200,
        help_text="Reference or part of it, name, postcode, tenancy, or words in the complaint "
        "or its notes",
    )
    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("open", "Open (not yet closed)"),
            ("any", "Any status"),
            ("awaiting_acknowledgement", "Awaiting acknowledgement"),
            ("investigating", "Investigating"),
            ("responded", "Responded"),
            ("refused", "Refused"),
            ("withdrawn", "Withdrawn"),
            ("closed", "Closed"),
        ],
    )
    stage = forms.ChoiceField(
        label="Stage",
        required=False,
        choices=[("", "Any stage"), ("1", "Stage 1"), ("2", "Stage 2")],
    )
    overdue = forms.ChoiceField(
        label="Deadlines",
        required=False,
        choices=[
            ("", "Any"),
            ("true", "Overdue"),
            ("week", "Due this week"),
            ("false", "Not overdue"),
        ],
    )
    handler = forms.ChoiceField(label="Handler", required=False)
    category = forms.ChoiceField(
        label="Category", required=False, choices=[("", "Any category"), *Category.choices]
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORTS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "My team" is left out: Putright has no teams, and "Team" on the home page already
        # means every case.
        self.fields["handler"].choices = [
            ("", "Anyone"),
            ("me", "Me"),
            ("none", "Unassigned"),
            *handler_choices()[1:],
        ]

    def filters(self) -> dict:
        """The cleaned filters, "open" when no status was chosen."""
        data = {name: self.cleaned_data.get(name) or "" for name in self.FILTERS}
        data["status"] = data["status"] or "open"
        return data


class SavedViewForm(GovForm):
    name = forms.CharField(
        label="Name of the view", max_length=80, help_text="For example, My stage 2 cases"
    )
    query = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)


class ReferencesField(forms.Field):
    """The ticked cases: at most MAX_SELECTED references, each one well formed."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        if not value:
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        if len(value) > MAX_SELECTED:
            raise ValidationError(f"Choose at most {MAX_SELECTED} complaints at once.")
        references = []
        for item in value:
            item = str(item).strip().upper()
            if not _REFERENCE.fullmatch(item):
                raise ValidationError("Choose complaints from the list.")
            if item not in references:
                references.append(item)
        return references

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")


class BulkAssignForm(GovForm):
    required_messages = {
        "complaints": "Tick at least one complaint to assign.",
        "handler": "Select the handler to assign them to.",
    }
    complaints = ReferencesField(label="Complaints")
    handler = forms.ChoiceField(label="Assign the ticked complaints to")

    def __init__(self, *args, **kwargs):
        # The list's filters have a "handler" too: ids of their own keep each label on its field.
        kwargs.setdefault("auto_id", "id_assign_%s")
        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = handler_choices()
