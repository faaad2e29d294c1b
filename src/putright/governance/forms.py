"""Staff forms of the governance registers. They only shape what people type; the rules are the
services' (InvalidInput shown on the same form)."""

from __future__ import annotations

from django import forms

from putright.accounts.models import Role, User
from putright.governance.models import OrganisationalChange, ReportKind
from putright.oversight.models import OmbudsmanCase
from putright.web.forms import GovForm, date_field, text_area


def _user_choices(users, empty: str) -> list[tuple[str, str]]:
    return [("", empty)] + [
        (u.username, f"{u.get_full_name() or u.username} ({u.get_role_display()})")
        for u in users.order_by("first_name", "username")
    ]


def user_from(username: str) -> User | None:
    return User.objects.filter(username=username).first() if username else None


class IncidentForm(GovForm):
    required_messages = {
        "title": "Give the incident a title.",
        "description": "Describe what happened and what it affects.",
    }

    title = forms.CharField(label="Title", max_length=200, help_text="For example: Cyber attack")
    starts_on = date_field("Start date")
    ends_on = date_field("End date", required=False, help_text="Leave blank while it goes on.")
    description = text_area("What happened, and what it affects")
    ombudsman_informed_on = date_field("Date the Ombudsman was informed", required=False)
    notice = text_area(
        "Notice for residents",
        required=False,
        help_text="Shown on its own public page, with a banner on every public page while the "
        "incident is in force and the notice is published.",
        rows=6,
    )
    notice_published_on = date_field(
        "Date the notice was published", required=False, help_text="Leave blank to keep it draft."
    )
    compliance_by = date_field("Date for returning to compliance with the Code", required=False)


class OrganisationalChangeForm(GovForm):
    required_messages = {"description": "Describe the change."}

    kind = forms.ChoiceField(label="Kind of change", choices=OrganisationalChange.Kind.choices)
    changed_on = date_field("Date of the change")
    description = text_area("What changed")


class AccountabilityForm(GovForm):
    mrc_user = forms.ChoiceField(
        label="Member Responsible for Complaints (a governance user)", required=False
    )
    mrc_name = forms.CharField(
        label="Or their name",
        max_length=200,
        required=False,
        help_text="If the MRC does not sign in to Putright.",
    )
    mrc_appointed_on = date_field("Date the MRC was appointed", required=False)
    senior_lead_user = forms.ChoiceField(
        label="Senior lead for complaints (a user)", required=False
    )
    senior_lead_name = forms.CharField(label="Or their name", max_length=200, required=False)
    senior_lead_job_title = forms.CharField(
        label="Senior lead's job title", max_length=200, required=False
    )
    senior_lead_appointed_on = date_field("Date the senior lead was appointed", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        active = User.objects.filter(is_active=True)
        self.fields["mrc_user"].choices = _user_choices(
            active.filter(role=Role.GOVERNANCE), "Not a Putright user"
        )
        self.fields["senior_lead_user"].choices = _user_choices(
            active.exclude(role=Role.GOVERNANCE), "Not a Putright user"
        )


class MeetingForm(GovForm):
    required_messages = {"body": "Say which body met: the Board, or the committee's name."}

    held_on = date_field("Date of the meeting")
    body = forms.CharField(
        label="Body", max_length=200, help_text="For example: Board, or Customer Services Committee"
    )
    notes = text_area("Notes", required=False)


class ReportForm(GovForm):
    kind = forms.ChoiceField(label="Report", choices=ReportKind.choices)
    title = forms.CharField(
        label="Title",
        max_length=200,
        required=False,
        help_text="For example: Governing body pack, Q1 2025/26. A determination is named for you.",
    )
    ombudsman_case = forms.ChoiceField(label="Ombudsman determination", required=False)

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        cases = OmbudsmanCase.objects.filter(determined_on__isnull=False).select_related(
            "complaint"
        )
        if meeting is not None:
            cases = cases.filter(determined_on__lte=meeting.held_on)
        self.fields["ombudsman_case"].choices = [("", "Not a determination")] + [
            (str(c.pk), f"{c} ({c.complaint.reference}), determined {c.determined_on:%-d %B %Y}")
            for c in cases.order_by("-determined_on", "-pk")
        ]

    def case(self) -> OmbudsmanCase | None:
        pk = self.cleaned_data.get("ombudsman_case")
        return OmbudsmanCase.objects.filter(pk=pk).first() if pk else None
