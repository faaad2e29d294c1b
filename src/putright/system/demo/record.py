"""The demo's record around a complaint: representatives' consent (most recorded, with evidence
for the written kinds; one left without, so the 3.6 figure shows a breach), a resident who wants
copies of letters sent to their representative, findings shared for comment (one answered, one
awaiting), and review and sign-off of response letters (6.7), which the Player applies as each
response letter is issued. Made through the services."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from putright.accounts.models import User
from putright.complaints.models import Complaint, Stage
from putright.letters import findings, sign_off
from putright.people import representatives
from putright.people.models import ConsentMethod

# The demo landlord has every response letter reviewed before it goes.
SIGN_OFF = {1: ["officer", "manager"], 2: ["manager", "officer"]}
METHODS = [
    ConsentMethod.FORM,
    ConsentMethod.WRITTEN,
    ConsentMethod.VERBAL,
    ConsentMethod.POWER_OF_ATTORNEY,
    ConsentMethod.ELECTED_MEMBER,
]
WITH_EVIDENCE = {ConsentMethod.FORM, ConsentMethod.WRITTEN, ConsentMethod.POWER_OF_ATTORNEY}
# A PDF's magic number: the upload check reads the content, not the name.
CONSENT_PDF = b"%PDF-1.4\n% Demo consent form, signed by the resident\n%%EOF\n"


def sign_off_set_up(users: dict[str, User]) -> None:
    """Before the complaints are played: response letters need a sign-off at both stages."""
    for stage, roles in SIGN_OFF.items():
        sign_off.sign_off_configure(user=users["olivia"], stage=stage, required=True, roles=roles)


def reviewer_for(users: dict[str, User], author: User, stage: int) -> User:
    """Someone other than the author, in a role that may sign off: the complaints officer at
    stage 1 and the manager at stage 2. The manager considers stage 2 (he decides it and refuses
    escalations), so he does not review stage 1 responses: a reviewer is involved in the stage
    they review (6.13)."""
    first, other = ("olivia", "martin") if stage == 1 else ("martin", "olivia")
    return users[other] if author.pk == users[first].pk else users[first]


def _consent(users, today: dt.date) -> int:
    represented = list(
        Complaint.objects.filter(representative__isnull=False)
        .select_related("representative")
        .order_by("received_on", "pk")
    )
    acknowledged = set(
        Stage.objects.filter(
            complaint__in=represented, number=1, acknowledged_on__isnull=False
        ).values_list("complaint_id", flat=True)
    )
    # The latest acknowledged one is left without consent: the 3.6 figure's breach to chase.
    missing = next((c for c in reversed(represented) if c.pk in acknowledged), None)
    recorded = 0
    for index, complaint in enumerate(represented):
        if complaint is missing:
            continue
        method = METHODS[index % len(METHODS)]
        evidence = None
        if method in WITH_EVIDENCE:
            evidence = SimpleUploadedFile("consent-form.pdf", CONSENT_PDF, "application/pdf")
        representatives.representative_consent_record(
            user=users["olivia"],
            complaint=complaint,
            method=method,
            given_on=complaint.received_on,
            notes=(
                "The resident told Olivia by phone that their representative may act for them."
                if method == ConsentMethod.VERBAL
                else ""
            ),
            evidence=evidence,
        )
        recorded += 1
        if recorded == 1:
            representatives.representative_copies_set(
                user=users["olivia"], complaint=complaint, wants_copies=True
            )
    return recorded


def _findings(users, today: dt.date) -> int:
    open_stage1 = list(
        Complaint.objects.filter(
            stages__number=1,
            stages__acknowledged_on__isnull=False,
            stages__responded_on__isnull=True,
            stage=1,
        ).order_by("received_on", "pk")[:2]
    )
    for index, complaint in enumerate(open_stage1):
        shared_on = today - dt.timedelta(days=3 - index)
        shared = findings.findings_share(
            user=users["olivia"],
            complaint=complaint,
            shared_on=shared_on,
            method="email",
            summary=(
                "We found the repair was booked late and the resident was not told why. We "
                "propose to uphold the complaint and apologise."
            ),
            comment_by=today + dt.timedelta(days=5),
        )
        if index == 0:
            findings.findings_comment_record(
                user=users["olivia"],
                findings=shared,
                comment="I agree, but the first appointment was also missed without a call.",
                received_on=today,
            )
    return len(open_stage1)


def record_set_up(users: dict[str, User], today: dt.date) -> dict[str, int]:
    return {
        "representatives with consent": _consent(users, today),
        "findings shared for comment": _findings(users, today),
    }
