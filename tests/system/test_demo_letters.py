"""Every kind of letter drafts and issues, complete, from the demo landlord's own cases (issue 4:
"every letter kind renders to HTML and PDF from the demo data")."""

import pytest

from putright.accounts.models import User
from putright.complaints.models import Complaint, Extension
from putright.letters.services import letter_check, letter_draft, letter_issue

# The kind of letter, and which demo cases can have one.
CASES = {
    "acknowledgement": lambda: Complaint.objects.filter(stages__acknowledged_on__isnull=False),
    "extension": lambda: Complaint.objects.filter(
        pk__in=Extension.objects.values("stage__complaint")
    ),
    "refusal": lambda: Complaint.objects.filter(status="refused", stage=1),
    "escalation_refusal": lambda: Complaint.objects.filter(status="refused", stage=2),
    "stage1_response": lambda: Complaint.objects.filter(
        stages__number=1, stages__responded_on__isnull=False
    ),
    "stage2_response": lambda: Complaint.objects.filter(
        stages__number=2, stages__responded_on__isnull=False
    ),
}


@pytest.mark.parametrize("kind", list(CASES))
def test_every_letter_kind_issues_complete_from_the_demo(demo, kind, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    officer = User.objects.get(username="olivia")
    complaint = CASES[kind]().order_by("pk").first()
    assert complaint is not None, f"the demo has no case for a {kind} letter"

    letter = letter_draft(user=officer, complaint=complaint, kind=kind)
    assert letter_check(letter) == []
    if kind.endswith("_response"):
        # The demo landlord has every response signed off by someone else first (6.7).
        from putright.letters.sign_off import letter_sign_off

        letter_sign_off(user=User.objects.get(username="martin"), letter=letter)
    letter = letter_issue(user=officer, letter=letter, delivery="post")

    assert letter.status == "issued"
    assert complaint.reference in letter.html
    with letter.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
