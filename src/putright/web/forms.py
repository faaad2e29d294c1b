"""Forms for the workspace and the public side. They only shape what people type; the rules are
the services' (which raise InvalidInput / RuleBroken, shown on the same form)."""

from __future__ import annotations

from django import forms

from putright.accounts.models import Role, User
from putright.complaints.models import Category, Channel, Decision, RefusalReason, RemedyType
from putright.inputs import BoundedForm
from putright.people.models import ContactMethod

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]
REMEDY_ROWS = 3
ACTION_ROWS = 3


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUTS,
        widget=DateInput(),
        help_text=help_text or "For example, 24/11/2025.",
    )


def text_area(label: str, *, required: bool = True, help_text: str = "", rows: int = 4):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class GovForm(BoundedForm):
    """Error messages that say what to do, as the GOV.UK Design System asks, rather than
    "This field is required."."""

    required_messages: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = str(field.label or name)
            label = label[0].lower() + label[1:]
            if name in self.required_messages:
                message = self.required_messages[name]
            elif isinstance(field, forms.FileField):
                message = "Choose a file to upload."
            elif isinstance(field, forms.ChoiceField):
                message = f"Select {label.rstrip('?')}."
            else:
                message = f"Enter {label.rstrip('?')}."
            field.error_messages["required"] = message
            if isinstance(field, forms.DateField):
                field.error_messages["invalid"] = f"Enter {label} as a real date, like 24/11/2025."


def handler_choices() -> list[tuple[str, str]]:
    handlers = User.objects.filter(
        is_active=True, role__in=[Role.HANDLER, Role.OFFICER, Role.MANAGER]
    ).order_by("first_name", "username")
    return [("", "Choose a handler")] + [
        (u.username, f"{u.get_full_name() or u.username} ({u.get_role_display()})")
        for u in handlers
    ]


# --- signing in ------------------------------------------------------------------------------


# --- the staff workspace ---------------------------------------------------------------------


class ResidentFields(GovForm):
    name = forms.CharField(label="Full name", max_length=200)
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", required=False, max_length=40)
    address = text_area("Address", required=False, rows=3)
    tenancy_reference = forms.CharField(
        label="Tenancy reference", required=False, max_length=60, help_text="If known"
    )
    preferred_contact_method = forms.ChoiceField(
        label="How they prefer to be contacted",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        initial=ContactMethod.EMAIL,
    )


class LogComplaintForm(ResidentFields):
    received_on = date_field("Date received")
    channel = forms.ChoiceField(
        label="How the complaint was made",
        choices=[c for c in Channel.choices if c[0] != Channel.WEB],
        widget=forms.RadioSelect,
    )
    description = text_area(
        "What the complaint is about", help_text="In the resident's own words where you can."
    )
    outcome_wanted = text_area("What outcome the resident wants", required=False, rows=3)
    category = forms.ChoiceField(label="Category", choices=Category.choices, initial=Category.OTHER)
    issue_date = date_field("When the issue arose", required=False, help_text="If known.")
    discretion_applied = forms.BooleanField(
        label="The issue arose more than 12 months ago but we accept it (2.3)", required=False
    )
    adjustments = text_area(
        "Reasonable adjustments the resident needs",
        required=False,
        rows=2,
        help_text="For example, large print letters, phone calls only, an interpreter.",
    )
    representative_name = forms.CharField(
        label="Representative's name",
        required=False,
        max_length=200,
        help_text="Only if someone is complaining for the resident.",
    )
    representative_relationship = forms.CharField(
        label="Their relationship to the resident", required=False, max_length=200
    )
    related_to = forms.CharField(
        label="Related earlier complaint (reference)",
        required=False,
        max_length=20,
        help_text="A related complaint made before the stage 1 response joins it (6.8).",
    )


class RaiseFromServiceRequestForm(GovForm):
    received_on = date_field("Date the resident complained")
    channel = forms.ChoiceField(label="How they complained", choices=Channel.choices)
    description = text_area("What the resident is dissatisfied with")


class AcknowledgeForm(GovForm):
    acknowledged_on = date_field("Date acknowledged")
    handler = forms.ChoiceField(label="Handler")
    understanding = text_area(
        "Our understanding of the complaint", help_text="The complaint definition (5.6)."
    )
    outcomes_sought = text_area("The outcomes the resident wants (5.6)")
    responsible_for = text_area("What we are responsible for (5.7)", rows=3)
    not_responsible_for = text_area(
        "Aspects we are not responsible for (5.7)",
        rows=3,
        help_text="Explain these to the resident in the acknowledgement; if there are none, "
        "say so.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = handler_choices()


class AssignForm(GovForm):
    handler = forms.ChoiceField(label="Handler")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = handler_choices()


class ExtendForm(GovForm):
    working_days = forms.IntegerField(label="Working days to extend by", min_value=1, max_value=60)
    reason = text_area("Why more time is needed", help_text="This is given to the resident.")
    resident_informed_on = date_field("Date the resident was told")
    good_reason = text_area(
        "Good reason (only if going beyond the Code's limit)",
        required=False,
        rows=3,
        help_text="Stage 1: at most 10 working days (6.4). Stage 2: at most 20 (6.15).",
    )


class RespondForm(GovForm):
    responded_on = date_field("Date of the response")
    decision = forms.ChoiceField(
        label="Decision", choices=Decision.choices, widget=forms.RadioSelect
    )
    reasons = text_area("Reasons for the decision", rows=6)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, REMEDY_ROWS + 1):
            self.fields[f"remedy_{i}_type"] = forms.ChoiceField(
                label=f"Remedy {i}: type",
                required=False,
                choices=[("", "No remedy"), *list(RemedyType.choices)],
            )
            self.fields[f"remedy_{i}_description"] = forms.CharField(
                label=f"Remedy {i}: description", required=False
            )
            self.fields[f"remedy_{i}_amount"] = forms.DecimalField(
                label=f"Remedy {i}: amount in pounds",
                required=False,
                min_value=0,
                decimal_places=2,
                help_text="Only for a financial remedy.",
            )
            self.fields[f"remedy_{i}_due_on"] = date_field(
                f"Remedy {i}: due date", required=False, help_text=" "
            )
        for i in range(1, ACTION_ROWS + 1):
            self.fields[f"action_{i}_description"] = forms.CharField(
                label=f"Action {i}: what will be done", required=False
            )
            self.fields[f"action_{i}_due_on"] = date_field(
                f"Action {i}: due date", required=False, help_text=" "
            )

    def remedy_rows(self):
        return [
            [self[f"remedy_{i}_{part}"] for part in ("type", "description", "amount", "due_on")]
            for i in range(1, REMEDY_ROWS + 1)
        ]

    def action_rows(self):
        return [
            [self[f"action_{i}_{part}"] for part in ("description", "due_on")]
            for i in range(1, ACTION_ROWS + 1)
        ]

    def remedies(self) -> list[dict]:
        data, items = self.cleaned_data, []
        self.row_numbers = getattr(self, "row_numbers", {})
        for i in range(1, REMEDY_ROWS + 1):
            if data.get(f"remedy_{i}_type") or data.get(f"remedy_{i}_description"):
                self.row_numbers.setdefault("remedy", {})[len(items)] = i
                items.append(
                    {
                        "type": data.get(f"remedy_{i}_type"),
                        "description": data.get(f"remedy_{i}_description"),
                        "amount": data.get(f"remedy_{i}_amount"),
                        "due_on": data.get(f"remedy_{i}_due_on"),
                    }
                )
        return items

    def actions(self) -> list[dict]:
        data, items = self.cleaned_data, []
        self.row_numbers = getattr(self, "row_numbers", {})
        for i in range(1, ACTION_ROWS + 1):
            if data.get(f"action_{i}_description") or data.get(f"action_{i}_due_on"):
                self.row_numbers.setdefault("action", {})[len(items)] = i
                items.append(
                    {
                        "description": data.get(f"action_{i}_description"),
                        "due_on": data.get(f"action_{i}_due_on"),
                    }
                )
        return items


class EscalateForm(GovForm):
    requested_on = date_field("Date the resident asked for stage 2")
    reason = text_area(
        "What the resident said",
        required=False,
        rows=3,
        help_text="Residents never have to give reasons for escalating (6.12).",
    )


class RefuseForm(GovForm):
    reason = forms.ChoiceField(
        label="Ground for refusing", choices=RefusalReason.choices, widget=forms.RadioSelect
    )
    explanation = text_area(
        "Explanation for this resident",
        help_text="There are no blanket exclusions (2.5): explain why it applies here.",
    )
    decided_on = date_field("Date decided")


class WithdrawForm(GovForm):
    withdrawn_on = date_field("Date the resident withdrew the complaint")
    reason = text_area("What the resident said", required=False, rows=3)


class CloseForm(GovForm):
    closed_on = date_field("Date closed")


class NoteForm(GovForm):
    required_messages = {"text": "Write the note."}
    text = text_area("Note", rows=3)


class AttachmentForm(GovForm):
    file = forms.FileField(
        label="Document", help_text="PDF, image, Word document, e-mail or text; up to 10 MB."
    )
    description = forms.CharField(label="What it is", required=False, max_length=255)


class CompletedForm(GovForm):
    completed_on = date_field("Date done")


# --- the public side -------------------------------------------------------------------------


class PublicComplaintForm(GovForm):
    WHO = [
        ("resident", "I am the resident"),
        ("representative", "I am complaining for a resident (for example, a relative or advocate)"),
    ]
    required_messages = {
        "who": "Select whether you are the resident or complaining for a resident.",
        "name": "Enter the resident's full name.",
        "address": "Enter the resident's address.",
        "preferred_contact_method": "Select how we should contact you.",
        "description": "Tell us what happened.",
        "outcome_wanted": "Tell us what you would like us to do to put things right.",
    }
    who = forms.ChoiceField(label="Who is complaining?", choices=WHO, widget=forms.RadioSelect)
    representative_name = forms.CharField(
        label="Your full name",
        required=False,
        max_length=200,
        help_text="Only if you are complaining for a resident.",
    )
    representative_relationship = forms.CharField(
        label="Your relationship to the resident",
        required=False,
        max_length=200,
        help_text="For example, daughter, support worker, councillor.",
    )
    name = forms.CharField(label="Resident's full name", max_length=200)
    address = text_area("Resident's address", rows=3)
    tenancy_reference = forms.CharField(
        label="Tenancy reference (if you know it)", required=False, max_length=60
    )
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", required=False, max_length=40)
    preferred_contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
    )
    description = text_area(
        "What happened?",
        rows=6,
        help_text="Tell us what went wrong, in your own words. You do not need to use any "
        "particular words.",
    )
    issue_date = date_field(
        "When did it happen?",
        required=False,
        help_text="If you are not sure, leave this blank. For example, 3/11/2025.",
    )
    outcome_wanted = text_area("What would you like us to do to put things right?", rows=4)
    adjustments = text_area(
        "Do you need us to do anything differently?",
        required=False,
        rows=3,
        help_text="For example, large print, phone calls instead of letters, an interpreter, "
        "or more time to reply.",
    )
    # A field people never see: bots fill it in (see the CSS class pr-hp).
    website = forms.CharField(label="Leave this empty", required=False)

    def clean(self):
        data = super().clean()
        if data.get("who") == "representative":
            if not data.get("representative_name"):
                self.add_error("representative_name", "Enter your full name.")
            if not data.get("representative_relationship"):
                self.add_error(
                    "representative_relationship", "Enter your relationship to the resident."
                )
        method = data.get("preferred_contact_method")
        if method == ContactMethod.EMAIL and not data.get("email"):
            self.add_error("email", "Enter an email address so that we can email you.")
        if method in (ContactMethod.PHONE, ContactMethod.TEXT) and not data.get("phone"):
            self.add_error("phone", "Enter a phone number so that we can call or text you.")
        return data


class TrackingNoteForm(GovForm):
    required_messages = {"text": "Write the information you want to add."}
    text = text_area("Add information about your complaint", rows=4)


class TrackingAttachmentForm(GovForm):
    file = forms.FileField(
        label="Upload a document or photo",
        help_text="PDF, photo, Word document or text file; up to 10 MB.",
    )
    description = forms.CharField(label="What it shows", required=False, max_length=255)
