"""Staff forms for the training register. The rules are training.services'."""

from __future__ import annotations

from django import forms

from putright.accounts.models import Role, User
from putright.contractors.forms import contractor_choices
from putright.training.selectors import courses
from putright.web.forms import GovForm, date_field, text_area


def staff_choices() -> list[tuple[str, str]]:
    staff = User.objects.filter(is_active=True).exclude(role=Role.GOVERNANCE)
    return [("", "Not a member of staff")] + [
        (u.username, f"{u.get_full_name() or u.username} ({u.get_role_display()})")
        for u in staff.order_by("first_name", "username")
    ]


class CourseForm(GovForm):
    required_messages = {"name": "Enter the course's name."}
    name = forms.CharField(label="Course name", max_length=200)
    complaint_handling = forms.BooleanField(
        label="Training in handling complaints (4.3)", required=False
    )
    awareness = forms.BooleanField(
        label="Awareness of the complaints process (3.2)", required=False
    )
    validity_months = forms.IntegerField(
        label="Months it stays in date",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Leave blank if it does not expire.",
    )


class RecordForm(GovForm):
    required_messages = {"course": "Select the course."}
    course = forms.ChoiceField(label="Course")
    staff = forms.ChoiceField(label="Member of staff", required=False)
    contractor = forms.ChoiceField(
        label="Or a contractor", required=False, help_text="For a contractor's person."
    )
    person_name = forms.CharField(label="The contractor's person", max_length=200, required=False)
    completed_on = date_field("Date completed", not_future=True)
    evidence = text_area(
        "Evidence", required=False, rows=2, help_text="For example: certificate on file."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [("", "Choose a course")] + [
            (str(c.pk), c.name) for c in courses()
        ]
        self.fields["staff"].choices = staff_choices()
        self.fields["contractor"].choices = contractor_choices("Not a contractor")
