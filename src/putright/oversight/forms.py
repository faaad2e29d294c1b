"""Staff forms for the lessons register and Ombudsman cases. They only shape what people type;
the rules are oversight.services' (InvalidInput / RuleBroken, shown on the same form)."""

from __future__ import annotations

import re

from django import forms

from putright.accounts.models import Role, User
from putright.errors import InvalidInput
from putright.oversight.models import Finding, Lesson, OmbudsmanReport, Order
from putright.web.forms import GovForm, date_field, text_area

FINDING_ROWS = 4
ORDER_ROWS = 3


def owner_choices(current: User | None = None) -> list[tuple[str, str]]:
    staff = User.objects.filter(is_active=True).exclude(role=Role.GOVERNANCE)
    if current is not None:
        # Saving the status must not drop an owner who is no longer in the list.
        staff = staff | User.objects.filter(pk=current.pk)
    return [("", "No owner yet")] + [
        (u.username, f"{u.get_full_name() or u.username} ({u.get_role_display()})")
        for u in staff.order_by("first_name", "username")
    ]


def owner_from(username: str) -> User | None:
    return User.objects.filter(username=username).first() if username else None


class LessonForm(GovForm):
    required_messages = {
        "title": "Give the lesson a title.",
        "description": "Describe what was learned.",
    }

    title = forms.CharField(label="Title", max_length=200)
    description = text_area("What was learned, and the improvement to make")
    complaints = forms.CharField(
        label="Complaint references",
        required=False,
        help_text="The complaints that prompted it, separated by commas or spaces.",
    )
    service_area = forms.CharField(label="Service area", max_length=100, required=False)
    owner = forms.ChoiceField(label="Owner", required=False)
    target_on = date_field("Target date", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owner_choices()

    def complaint_references(self) -> list[str]:
        return [r for r in re.split(r"[\s,;]+", self.cleaned_data.get("complaints", "")) if r]


class LessonStatusForm(GovForm):
    owner = forms.ChoiceField(label="Owner", required=False)
    status = forms.ChoiceField(label="Status", choices=Lesson.Status.choices)
    implemented_on = date_field(
        "Date implemented",
        required=False,
        help_text="Only for an implemented lesson; today if left blank.",
    )

    def __init__(self, *args, owner: User | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = owner_choices(owner)


class OmbudsmanCaseForm(GovForm):
    complaint = forms.CharField(label="Complaint reference", max_length=40)
    referred_on = date_field("Date referred to the Ombudsman")
    ombudsman_reference = forms.CharField(
        label="Ombudsman's reference", max_length=40, required=False
    )


class EvidenceRequestForm(GovForm):
    required_messages = {"description": "Describe what the Ombudsman asked for."}

    description = text_area("What the Ombudsman asked for")
    requested_on = date_field("Date requested")
    due_on = date_field("Deadline")


class DeterminationForm(GovForm):
    """The determination: a finding per element of the complaint (rows left blank are ignored),
    with any orders and recommendations."""

    # The rows are all optional; the hints say so once rather than on every field.
    show_optional = False

    determined_on = date_field("Date of the determination")
    code_non_compliance = forms.BooleanField(
        label="The Ombudsman found the landlord did not comply with the Code", required=False
    )
    self_assessment_review = forms.BooleanField(
        label="The Ombudsman asked us to review our self-assessment (8.4)", required=False
    )
    summary = text_area("Summary", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        finding_choices = [("", "Choose a finding"), *Finding.choices]
        kind_choices = [("", "Choose"), *Order.Kind.choices]
        for row in range(1, FINDING_ROWS + 1):
            self.fields[f"finding_{row}_element"] = forms.CharField(
                label=f"Element {row}", max_length=300, required=False
            )
            self.fields[f"finding_{row}_finding"] = forms.ChoiceField(
                label=f"Finding on element {row}", choices=finding_choices, required=False
            )
        for row in range(1, ORDER_ROWS + 1):
            self.fields[f"order_{row}_kind"] = forms.ChoiceField(
                label=f"Order or recommendation {row}", choices=kind_choices, required=False
            )
            self.fields[f"order_{row}_description"] = forms.CharField(
                label=f"What it asks of the landlord ({row})", required=False
            )
            self.fields[f"order_{row}_amount"] = forms.DecimalField(
                label=f"Amount in pounds ({row})",
                required=False,
                min_value=0,
                max_digits=10,
                decimal_places=2,
            )
            self.fields[f"order_{row}_due_on"] = date_field(f"Due date ({row})", required=False)
        self.row_numbers: dict[str, dict[int, int]] = {"finding": {}, "order": {}}

    def finding_rows(self):
        return [
            [self[f"finding_{row}_{name}"] for name in ("element", "finding")]
            for row in range(1, FINDING_ROWS + 1)
        ]

    def order_rows(self):
        return [
            [self[f"order_{row}_{name}"] for name in ("kind", "description", "amount", "due_on")]
            for row in range(1, ORDER_ROWS + 1)
        ]

    def findings(self) -> list[dict]:
        items = []
        for row in range(1, FINDING_ROWS + 1):
            element = self.cleaned_data.get(f"finding_{row}_element", "")
            finding = self.cleaned_data.get(f"finding_{row}_finding", "")
            if element or finding:
                self.row_numbers["finding"][len(items)] = row
                items.append({"element": element, "finding": finding})
        return items

    def orders(self) -> list[dict]:
        items = []
        for row in range(1, ORDER_ROWS + 1):
            values = {
                name: self.cleaned_data.get(f"order_{row}_{name}")
                for name in ("kind", "description", "amount", "due_on")
            }
            if any(v not in (None, "") for v in values.values()):
                self.row_numbers["order"][len(items)] = row
                items.append(values)
        return items


class OmbudsmanReportForm(GovForm):
    required_messages = {"title": "Give the report's title."}

    kind = forms.ChoiceField(label="Kind of report", choices=OmbudsmanReport.Kind.choices)
    title = forms.CharField(label="Title", max_length=200)
    received_on = date_field("Date received")
    summary = text_area("Summary", required=False)
    url = forms.URLField(label="Web address", required=False, assume_scheme="https")


class OrderComplianceForm(GovForm):
    required_messages = {"evidence": "Record the evidence of compliance sent to the Ombudsman."}

    complied_on = date_field("Date complied")
    evidence = text_area("Evidence of compliance sent to the Ombudsman")


ROW_KEY = re.compile(r"(findings|orders)\[(\d+)\]\.(\w+)")


def apply_errors(form: forms.Form, error: InvalidInput) -> None:
    """Put the service's field errors on the form's own fields (the rows of a determination
    are numbered as the person saw them, not as the service counted them)."""
    row_numbers = getattr(form, "row_numbers", {})
    for key, messages in error.errors.items():
        name = key
        match = ROW_KEY.fullmatch(key)
        if match:
            kind = match[1][:-1]
            row = row_numbers.get(kind, {}).get(int(match[2]), int(match[2]) + 1)
            name = f"{kind}_{row}_{match[3]}"
        elif key == "findings":
            name = "finding_1_element"
        field = name if name in form.fields else None
        for message in messages:
            form.add_error(field, message)
