"""Forms for the workspace and the public side. They only shape what people type; the rules are
the services' (which raise InvalidInput / RuleBroken, shown on the same form)."""

from __future__ import annotations

from django import forms

from putright.accounts.models import Role, User
from putright.complaints.models import Category, Channel, RefusalReason
from putright.inputs import BoundedForm
from putright.people.models import ContactMethod
from putright.web.dates import EXAMPLE, GovDateField


def date_field(
    label: str,
    *,
    required: bool = True,
    help_text: str = "",
    noun: str = "",
    not_future: bool = False,
) -> GovDateField:
    """A GOV.UK date input (Day, Month, Year; review finding R6). `noun` names the date in its
    messages; by default the label's words ("Date received": "the date received")."""
    return GovDateField(
        label=label,
        required=required,
        noun=noun or _noun(label),
        not_future=not_future,
        help_text=f"{help_text} {EXAMPLE}" if help_text else EXAMPLE,
    )


def _noun(label: str) -> str:
    words = label[0].lower() + label[1:]
    return words if words.startswith("the ") else f"the {words}"


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
            if isinstance(field, GovDateField):
                field.error_messages["invalid"] = f"Enter {field.noun} as a real date."


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
    required_messages = {
        "name": "Enter the resident's full name.",
        "preferred_contact_method": "Select how the resident prefers to be contacted.",
    }
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
    required_messages = {
        **ResidentFields.required_messages,
        "received_on": "Enter the date the complaint was received.",
        "channel": "Select how the complaint was made.",
        "description": "Describe what the complaint is about.",
        "category": "Select a category.",
    }
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
    representative_email = forms.EmailField(
        label="Representative's email address",
        required=False,
        help_text="So that copies of letters can go to them when the resident asks (3.6).",
    )
    representative_address = text_area("Representative's postal address", required=False, rows=3)
    related_to = forms.CharField(
        label="Related earlier complaint (reference)",
        required=False,
        max_length=20,
        help_text="A related complaint made before the stage 1 response joins it (6.8).",
    )


class RaiseFromServiceRequestForm(GovForm):
    required_messages = {
        "received_on": "Enter the date the resident complained.",
        "channel": "Select how the resident complained.",
        "description": "Describe what the resident is dissatisfied with.",
    }
    received_on = date_field("Date the resident complained")
    channel = forms.ChoiceField(label="How they complained", choices=Channel.choices)
    description = text_area("What the resident is dissatisfied with")


class AcknowledgeForm(GovForm):
    required_messages = {
        "acknowledged_on": "Enter the date the complaint was acknowledged.",
        "handler": "Select who will handle the complaint.",
        "understanding": "Write our understanding of the complaint (5.6).",
        "outcomes_sought": "Write the outcomes the resident wants (5.6).",
        "responsible_for": "Write what we are responsible for (5.7).",
        "not_responsible_for": "Write what we are not responsible for, or say there is "
        "nothing (5.7).",
    }
    acknowledged_on = date_field("Date acknowledged")
    handler = forms.ChoiceField(label="Handler")
    understanding = text_area(
        "Our understanding of the complaint",
        # The letters quote it word for word (review finding H7): say so where it is typed.
        help_text="The complaint definition (5.6). The acknowledgement and response letters "
        'quote it to the resident in these words, so write it to them: "You told us that…", '
        'not "Mr Ellis says…".',
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
    required_messages = {
        "handler": "Select who will handle the complaint.",
    }
    handler = forms.ChoiceField(label="Handler")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].choices = handler_choices()


class ExtendForm(GovForm):
    required_messages = {
        "working_days": "Enter how many working days to extend by.",
        "reason": "Give the reason more time is needed: the resident is told it.",
        "resident_informed_on": "Enter the date the resident was told.",
    }
    working_days = forms.IntegerField(label="Working days to extend by", min_value=1, max_value=60)
    reason = text_area("Why more time is needed", help_text="This is given to the resident.")
    resident_informed_on = date_field("Date the resident was told")
    good_reason = text_area(
        "Good reason (only if going beyond the Code's limit)",
        required=False,
        rows=3,
        help_text="Stage 1: at most 10 working days (6.4). Stage 2: at most 20 (6.15).",
    )


class EscalateForm(GovForm):
    required_messages = {
        "requested_on": "Enter the date the resident asked for stage 2.",
    }
    requested_on = date_field("Date the resident asked for stage 2")
    reason = text_area(
        "What the resident said",
        required=False,
        rows=3,
        help_text="Residents never have to give reasons for escalating (6.12).",
    )


class RefuseForm(GovForm):
    required_messages = {
        "reason": "Select the section 2 ground for refusing the complaint.",
        "explanation": "Explain to the resident why the ground applies to their complaint.",
        "decided_on": "Enter the date of the decision.",
    }
    reason = forms.ChoiceField(
        label="Ground for refusing", choices=RefusalReason.choices, widget=forms.RadioSelect
    )
    explanation = text_area(
        "Explanation for this resident",
        help_text="There are no blanket exclusions (2.5): explain why it applies here.",
    )
    decided_on = date_field("Date decided")


class WithdrawForm(GovForm):
    required_messages = {
        "withdrawn_on": "Enter the date the resident withdrew the complaint.",
    }
    withdrawn_on = date_field("Date the resident withdrew the complaint")
    reason = text_area("What the resident said", required=False, rows=3)


class CloseForm(GovForm):
    required_messages = {
        "closed_on": "Enter the date the complaint was closed.",
    }
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
    required_messages = {
        "completed_on": "Enter the date it was done.",
    }
    completed_on = date_field("Date done")


# --- the public side -------------------------------------------------------------------------


WHO = [
    ("resident", "I am the resident"),
    ("representative", "I am complaining for a resident (for example, a relative or advocate)"),
]
# The contact detail each way of contacting needs (the GOV.UK contact-preference pattern, R5):
# only that one is required, the others are optional. A visit is arranged at the address.
CONTACT_FIELD = {
    ContactMethod.EMAIL: "email",
    ContactMethod.PHONE: "phone",
    ContactMethod.TEXT: "phone",
    ContactMethod.LETTER: "address",
    ContactMethod.IN_PERSON: "address",
}
CONTACT_FIELDS = ("email", "phone", "address")


def public_answers(data) -> tuple[str, str] | None:
    """The first page's two answers (who, how to contact), if both are ones we offer."""
    who, method = data.get("who"), data.get("preferred_contact_method")
    if who in dict(WHO) and method in CONTACT_FIELD:
        return who, method
    return None


class PublicStartForm(GovForm):
    """The first question page: its answers decide what the details page asks and requires."""

    required_messages = {
        "who": "Select whether you are the resident or complaining for a resident.",
        "preferred_contact_method": "Select how we should contact you.",
    }
    who = forms.ChoiceField(label="Who is complaining?", choices=WHO, widget=forms.RadioSelect)
    preferred_contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
    )


class PublicComplaintForm(GovForm):
    """The details page. Who is complaining and how to contact them come from the first page
    (carried in hidden fields, so nothing is stored before the details are complete); the
    representative's questions are asked only of a representative, and only the contact detail
    the chosen method needs is required, so "(optional)" is only on what really is."""

    WHO = WHO
    required_messages = {
        **PublicStartForm.required_messages,
        "name": "Enter the resident's full name.",
        "address": "Enter the resident's address.",
        "email": "Enter an email address so that we can email you.",
        "phone": "Enter a phone number so that we can call or text you.",
        "representative_name": "Enter your full name.",
        "representative_relationship": "Enter your relationship to the resident.",
        "description": "Tell us what happened.",
        "outcome_wanted": "Tell us what you would like us to do to put things right.",
    }
    who = forms.ChoiceField(choices=WHO, widget=forms.HiddenInput)
    preferred_contact_method = forms.ChoiceField(
        choices=ContactMethod.choices, widget=forms.HiddenInput
    )
    representative_name = forms.CharField(label="Your full name", max_length=200)
    representative_relationship = forms.CharField(
        label="Your relationship to the resident",
        max_length=200,
        help_text="For example, daughter, support worker, councillor.",
    )
    name = forms.CharField(label="Resident's full name", max_length=200)
    address = text_area("Resident's address", required=False, rows=3)
    # "(optional)" is added by the form: the label must not carry brackets of its own (R7).
    tenancy_reference = forms.CharField(
        label="Tenancy reference", required=False, max_length=60, help_text="If you know it."
    )
    email = forms.EmailField(label="Email address", required=False)
    phone = forms.CharField(label="Phone number", required=False, max_length=40)
    description = text_area(
        "What happened?",
        rows=6,
        help_text="Tell us what went wrong, in your own words. You do not need to use any "
        "particular words.",
    )
    issue_date = date_field(
        "When did the problem start?",
        required=False,
        noun="the date the problem started",
        not_future=True,
        help_text="If you are not sure, leave this blank.",
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

    def __init__(self, *args, who: str, method: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial = {**self.initial, "who": who, "preferred_contact_method": method}
        self.asks_representative = who == "representative"
        self.who_label = dict(WHO)[who]
        self.method_label = dict(ContactMethod.choices)[method]
        if who != "representative":
            del self.fields["representative_name"], self.fields["representative_relationship"]
            # The resident is the one typing: ask them in their own person.
            self.fields["name"].label = "Your full name"
            self.fields["name"].error_messages["required"] = "Enter your full name."
            self.fields["address"].label = "Your address"
            self.fields["address"].error_messages["required"] = "Enter your address."
        self.contact_field = CONTACT_FIELD[method]
        for name in CONTACT_FIELDS:
            self.fields[name].required = name == self.contact_field

    def contact_fields(self):
        """The detail the chosen method needs first, then the others (optional)."""
        names = sorted(CONTACT_FIELDS, key=lambda name: name != self.contact_field)
        return [self[name] for name in names if name != "address"]


class TrackingNoteForm(GovForm):
    required_messages = {"text": "Write the information you want to add."}
    text = text_area("Add information about your complaint", rows=4)


class TrackingAttachmentForm(GovForm):
    file = forms.FileField(
        label="Upload a document or photo",
        help_text="PDF, photo, Word document or text file; up to 10 MB.",
    )
    description = forms.CharField(label="What it shows", required=False, max_length=255)


class StageTwoRequestForm(GovForm):
    # Offered, never required: a resident need not say why they want stage 2 (6.12).
    reason = text_area(
        "What are you still unhappy about?",
        required=False,
        rows=5,
        help_text="You do not have to tell us. If you do, the person who looks at your complaint "
        "again will read it.",
    )


class TrackFindForm(GovForm):
    show_optional = False
    required_messages = {
        "reference": "Enter your complaint reference.",
        "known": "Enter your postcode or email address.",
    }
    reference = forms.CharField(
        label="Complaint reference",
        max_length=20,
        help_text="It is on our letters and emails, for example CMP-000123.",
    )
    known = forms.CharField(
        label="Your postcode or email address",
        max_length=254,
        help_text="The one we have for you or for the person complaining for you.",
    )
