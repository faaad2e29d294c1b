"""The stage 2 panel or meeting page's form (3.6, 6.20); the page itself is a case action
(putright.web.case_actions) like every other change to a case."""

from __future__ import annotations

from django import forms

from putright.accounts.models import User
from putright.complaints import services
from putright.rules import independence
from putright.web.forms import GovForm, date_field, text_area


class PanelForm(GovForm):
    required_messages = {
        "held_on": "Enter the date the panel or meeting was held.",
        "members": "Name who sat on the panel or attended the meeting.",
        "resident_attended": "Say whether the resident attended.",
    }
    held_on = date_field("Date held", not_future=True)
    members = text_area(
        "Members", rows=4, help_text="One name a line, with their role, e.g. Martin Cole, Manager."
    )
    resident_attended = forms.TypedChoiceField(
        label="Did the resident attend?",
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    accompanied_by = forms.CharField(
        label="Who accompanied them (3.6)",
        required=False,
        max_length=300,
        help_text="A representative, advocate, friend or family member, if any.",
    )
    notes = text_area("Notes", required=False, rows=3)


def record_panel(user, complaint, form):
    services.panel_record(user=user, complaint=complaint, **form.cleaned_data)
    return "Panel recorded."


def offer_decision_makers(form, complaint) -> None:
    """6.13: nobody from stage 1 is offered as the stage 2 decision maker; they would be
    refused."""
    involved = set(
        User.objects.filter(pk__in=independence.stage1_people(complaint)).values_list(
            "username", flat=True
        )
    )
    field = form.fields["decision_maker"]
    field.choices = [c for c in field.choices if c[0] not in involved]
