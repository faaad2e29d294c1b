"""Forms for the case actions whose shape changes with the case: the response (as many remedy
and action rows as the handler asks for, without JavaScript) and the audited corrections. Like
every web form they only shape what people type; the rules are the services'."""

from __future__ import annotations

import re

from django import forms

from putright.accounts.models import Role, User
from putright.complaints.models import CompensationBand, Decision, RemedyType
from putright.rules import compensation
from putright.web.forms import GovForm, date_field, text_area

# Rows shown at first, and the most a form grows to: the service takes at most 50 items a list
# (putright.inputs), and a response with more than 20 remedies is a sign of a mistake.
# A remedy row's fields, in the order the template shows them.
REMEDY_PARTS = ("type", "description", "amount", "due_on", "band", "units", "outside_guide_reason")
FIRST_ROWS = 1
MOST_ROWS = 20


def _rows(data, kind: str, default: int) -> int:
    # The row count travels in the form itself, so "Add another" re-renders it one row longer;
    # a row posted beyond it (a client that sends remedy_2_* alone) is never silently dropped.
    data = data or {}
    try:
        wanted = int(data.get(f"{kind}_rows", default))
    except (TypeError, ValueError):
        wanted = default
    for key in data:
        match = re.fullmatch(rf"{kind}_(\d+)_\w+", key)
        if match:
            wanted = max(wanted, int(match[1]))
    return max(1, min(wanted, MOST_ROWS))


class RespondForm(GovForm):
    required_messages = {
        "responded_on": "Enter the date of the response.",
        "decision": "Select the decision: upheld, partly upheld or not upheld.",
        "reasons": "Give the reasons for the decision.",
    }
    responded_on = date_field("Date of the response")
    decision = forms.ChoiceField(
        label="Decision", choices=Decision.choices, widget=forms.RadioSelect
    )
    reasons = text_area(
        "Reasons for the decision",
        rows=6,
        help_text="These go into the response letter: write them to the resident.",
    )

    decision_maker = forms.ChoiceField(
        label="Who decided the final response (6.20)",
        required=False,
        help_text="Stage 2: a manager or the complaints officer, never anyone from stage 1 "
        "(6.13). Leave as it is if you decided it yourself.",
    )

    def __init__(self, data=None, *args, add: str = "", rows_from=None, **kwargs):
        rows_from = data if rows_from is None else rows_from
        self.remedy_count = _rows(rows_from, "remedy", FIRST_ROWS)
        self.action_count = _rows(rows_from, "action", FIRST_ROWS)
        if add == "remedy":
            self.remedy_count = min(self.remedy_count + 1, MOST_ROWS)
        elif add == "action":
            self.action_count = min(self.action_count + 1, MOST_ROWS)
        super().__init__(data, *args, **kwargs)
        deciders = User.objects.filter(is_active=True).exclude(role=Role.GOVERNANCE)
        self.fields["decision_maker"].choices = [("", "I decided it")] + [
            (u.username, f"{u.get_full_name() or u.username} ({u.get_role_display()})")
            for u in deciders.order_by("first_name", "username")
        ]
        self.bands = list(CompensationBand.objects.filter(active=True))
        band_choices = [("", "Not from the guide")] + [
            (str(b.pk), f"{b}, {compensation.describe(b)}") for b in self.bands
        ]
        for i in range(1, self.remedy_count + 1):
            self.fields[f"remedy_{i}_type"] = forms.ChoiceField(
                label="Type",
                required=False,
                choices=[("", "No remedy"), *list(RemedyType.choices)],
            )
            self.fields[f"remedy_{i}_description"] = forms.CharField(
                label="What we will do", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"remedy_{i}_amount"] = forms.DecimalField(
                label="Amount in pounds",
                required=False,
                min_value=0,
                decimal_places=2,
                help_text="Financial remedies only.",
                error_messages={"invalid": f"Enter remedy {i}'s amount as a number, like 150."},
            )
            self.fields[f"remedy_{i}_due_on"] = self._date(f"remedy {i}")
            self.fields[f"remedy_{i}_band"] = forms.TypedChoiceField(
                label="Band of the compensation guide (7.4)",
                required=False,
                choices=band_choices,
                coerce=int,
                empty_value=None,
            )
            self.fields[f"remedy_{i}_units"] = forms.IntegerField(
                label="Days or appointments",
                required=False,
                min_value=1,
                help_text="For a set rate only.",
            )
            self.fields[f"remedy_{i}_outside_guide_reason"] = forms.CharField(
                label="Why this amount, if outside the band or not from the guide",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        for i in range(1, self.action_count + 1):
            self.fields[f"action_{i}_description"] = forms.CharField(
                label="What will be done", required=False, widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"action_{i}_due_on"] = self._date(f"action {i}")

    @staticmethod
    def _date(row: str):
        # Named by its row: a response can have several due dates in one error summary.
        return date_field("Due date", required=False, noun=f"{row}'s due date")

    def remedy_rows(self):
        return [
            (
                i,
                [self[f"remedy_{i}_{part}"] for part in REMEDY_PARTS],
            )
            for i in range(1, self.remedy_count + 1)
        ]

    def action_rows(self):
        return [
            (i, [self[f"action_{i}_{part}"] for part in ("description", "due_on")])
            for i in range(1, self.action_count + 1)
        ]

    def remedies(self) -> list[dict]:
        data, items = self.cleaned_data, []
        self.row_numbers = getattr(self, "row_numbers", {})
        for i in range(1, self.remedy_count + 1):
            if data.get(f"remedy_{i}_type") or data.get(f"remedy_{i}_description"):
                self.row_numbers.setdefault("remedy", {})[len(items)] = i
                items.append(
                    {
                        "type": data.get(f"remedy_{i}_type"),
                        "description": data.get(f"remedy_{i}_description"),
                        "amount": data.get(f"remedy_{i}_amount"),
                        "due_on": data.get(f"remedy_{i}_due_on"),
                        "band": data.get(f"remedy_{i}_band"),
                        "units": data.get(f"remedy_{i}_units"),
                        "outside_guide_reason": data.get(f"remedy_{i}_outside_guide_reason"),
                    }
                )
        return items

    def actions(self) -> list[dict]:
        data, items = self.cleaned_data, []
        self.row_numbers = getattr(self, "row_numbers", {})
        for i in range(1, self.action_count + 1):
            if data.get(f"action_{i}_description") or data.get(f"action_{i}_due_on"):
                self.row_numbers.setdefault("action", {})[len(items)] = i
                items.append(
                    {
                        "description": data.get(f"action_{i}_description"),
                        "due_on": data.get(f"action_{i}_due_on"),
                    }
                )
        return items


REASON_HINT = "Kept on the case's record with the correction, for anyone who reads it later."


class AmendDefinitionForm(GovForm):
    required_messages = {
        "understanding": "Write our understanding of the complaint.",
        "outcomes_sought": "Write the outcomes the resident wants.",
        "reason": "Say why the definition is being corrected.",
    }
    understanding = text_area(
        "Our understanding of the complaint",
        help_text='Sent to the resident in these words: write it to them ("You told us…").',
    )
    outcomes_sought = text_area("The outcomes the resident wants (5.6)", rows=3)
    responsible_for = text_area("What we are responsible for (5.7)", required=False, rows=3)
    not_responsible_for = text_area(
        "Aspects we are not responsible for (5.7)", required=False, rows=3
    )
    reason = text_area("Why you are correcting it", rows=2, help_text=REASON_HINT)


class AmendReasonsForm(GovForm):
    required_messages = {
        "reasons": "Give the reasons for the decision.",
        "reason": "Say why the reasons are being corrected.",
    }
    reasons = text_area("Reasons for the decision", rows=6)
    reason = text_area("Why you are correcting them", rows=2, help_text=REASON_HINT)
