"""Related complaints (issue 15 item 2; Code 6.8): when a complaint is being logged, the open
complaints of the same resident, or about the same address, that look related, so the handler
can add the new issue to the open case as 6.8 requires. It suggests; the handler decides, and
the joining itself is complaint_log's (rules/related.py), with its own rule on who may join.

Related means: the same resident or the same address (the candidates), scored by how alike the
words are (the themes page's tf-idf, `themes.py`) with a bonus for the same category. A
candidate of the same resident is always shown (the Code's own case); one that only shares the
address is shown when its words are alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from putright.complaints.models import Complaint
from putright.complaints.workflow import OPEN_STATUSES
from putright.insight.themes import _similarity, _tokens, _vectors

LIMIT = 5
SAME_CATEGORY = 0.2
ADDRESS_ONLY_THRESHOLD = 0.25


@dataclass
class Suggestion:
    complaint: Complaint
    score: float
    why: list[str]

    @property
    def reference(self) -> str:
        return self.complaint.reference


def _address(text: str) -> str:
    return " ".join((text or "").split())  # compared case-insensitively


def related_open(
    *, resident_ids: list[int], address: str, category: str, description: str
) -> list[Suggestion]:
    """Open complaints that look related to a complaint being logged, best first."""
    address = _address(address)
    who = Q(resident_id__in=resident_ids) | Q(co_complainants__in=resident_ids)
    if address:
        who |= Q(resident__address__iexact=address)
    candidates = list(
        Complaint.objects.filter(who, status__in=[str(s) for s in OPEN_STATUSES])
        .select_related("resident")
        .distinct()
        .order_by("-received_on", "-pk")[:50]
    )
    if not candidates:
        return []
    vectors = _vectors([_tokens(description)] + [_tokens(c.description) for c in candidates])
    new, others = vectors[0], vectors[1:]
    result = []
    for complaint, vector in zip(candidates, others, strict=True):
        alike = _similarity(new, vector)
        same_resident = complaint.resident_id in resident_ids
        why = ["the same resident" if same_resident else "the same address"]
        score = alike
        if category and complaint.category == category:
            score += SAME_CATEGORY
            why.append(f"the same category ({complaint.get_category_display().lower()})")
        if alike >= ADDRESS_ONLY_THRESHOLD:
            why.append("similar words")
        if same_resident or alike >= ADDRESS_ONLY_THRESHOLD:
            result.append(Suggestion(complaint, round(score, 3), why))
    result.sort(key=lambda s: (-s.score, s.complaint.pk))
    return result[:LIMIT]


def suggest_for(resident: dict, *, category: str, description: str) -> list[Suggestion]:
    """Suggestions for a complaint about to be logged for `resident` (the intake's resident
    data: an existing record's id, or contact details matched as complaint_log would)."""
    from putright.people.models import Resident
    from putright.people.residents import resident_matching

    found = None
    if resident.get("id"):
        found = Resident.objects.filter(pk=resident["id"]).first()
    else:
        details = {
            key: (resident.get(key) or "").strip() for key in ("name", "email", "tenancy_reference")
        }
        found = resident_matching(details)
    address = (resident.get("address") or "").strip() or (found.address if found else "")
    return related_open(
        resident_ids=[found.pk] if found else [],
        address=address,
        category=category or "",
        description=description,
    )
