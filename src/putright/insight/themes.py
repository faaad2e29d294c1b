"""Themes for the senior lead (9.4): the quarter's complaints grouped by what they are about,
with counts, the trend against the previous quarter and example cases, so that a systemic issue
(damp and mould in one block, one contractor's missed appointments) shows as one line.

Within each category, complaints are grouped by the words of their descriptions: tf-idf vectors
(the detector's tokens and filler words), each joining the most similar theme when the cosine
similarity to its centre is at least `SIMILAR`, else starting one. A theme is named by its
category and the words that weigh most at its centre, and said to be at an address when most of
its complaints share the first line of one. The previous quarter's complaints are matched to the
same centres by the same rule, so that the trend compares like with like. Plain Python: a
quarter of a large landlord's complaints (a few thousand) takes well under a second.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from putright.complaints.models import Category, Complaint
from putright.insight.cues import STOP_WORDS
from putright.insight.detector import TOKEN
from putright.oversight.periods import Period

SIMILAR = 0.25
NAME_WORDS = 3
EXAMPLES = 3
TEXT = 2_000  # the characters of a description read
# Words every complaint uses: they say nothing about what it is about.
COMMON = STOP_WORDS | frozenset(
    [
        "complaint",
        "complain",
        "complaining",
        "not",
        "no",
        "nobody",
        "been",
        "still",
        "since",
        "weeks",
        "months",
        "days",
        "ago",
        "again",
        "time",
        "times",
        "told",
        "said",
        "asked",
        "would",
        "could",
        "should",
        "also",
        "back",
        "one",
        "two",
        "three",
        "get",
        "got",
        "landlord",
        "housing",
        "please",
        "thank",
        "thanks",
        "dear",
        "sir",
        "madam",
        "regards",
    ]
)


@dataclass
class Theme:
    category: str
    words: list[str]
    references: list[str] = field(default_factory=list)
    previous: int = 0
    place: str = ""
    centre: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def count(self) -> int:
        return len(self.references)

    @property
    def name(self) -> str:
        label = Category(self.category).label if self.category in Category.values else "Other"
        about = ", ".join(self.words)
        name = f"{label}: {about}" if about else label
        return f"{name} (at {self.place})" if self.place else name

    @property
    def change(self) -> int:
        return self.count - self.previous

    @property
    def examples(self) -> list[str]:
        return self.references[:EXAMPLES]


def _tokens(text: str) -> list[str]:
    return [t for t in TOKEN.findall(text[:TEXT].lower()) if t not in COMMON and not t.isdigit()]


def _vectors(docs: list[list[str]]) -> list[dict[str, float]]:
    frequency = Counter(term for doc in docs for term in set(doc))
    n = len(docs)
    vectors = []
    for doc in docs:
        counts = Counter(doc)
        vector = {
            term: (1 + math.log(c)) * (math.log((1 + n) / (1 + frequency[term])) + 1)
            for term, c in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({term: v / norm for term, v in vector.items()})
    return vectors


def _similarity(vector: dict[str, float], centre: dict[str, float]) -> float:
    norm = math.sqrt(sum(v * v for v in centre.values())) or 1.0
    return sum(v * centre.get(term, 0.0) for term, v in vector.items()) / norm


def _nearest(vector, themes: list[Theme]) -> tuple[Theme | None, float]:
    best, score = None, 0.0
    for theme in themes:
        similarity = _similarity(vector, theme.centre)
        if similarity > score:
            best, score = theme, similarity
    return best, score


def _rows(period: Period):
    return (
        Complaint.objects.filter(received_on__range=(period.start, period.end))
        .order_by("received_on", "pk")
        .values_list("reference", "category", "description", "resident__address")
    )


def themes(period: Period, previous: Period | None = None, *, limit: int = 12) -> list[Theme]:
    """The period's themes, largest first (two or more complaints each, at most `limit`)."""
    rows = list(_rows(period))
    vectors = _vectors([_tokens(description) for _, _, description, _ in rows])
    by_category: dict[str, list[Theme]] = {}
    places: dict[int, list[str]] = {}  # each theme's first lines of address
    for (reference, category, _description, address), vector in zip(rows, vectors, strict=True):
        candidates = by_category.setdefault(category, [])
        theme, score = _nearest(vector, candidates)
        if theme is None or score < SIMILAR:
            theme = Theme(category=category, words=[])
            candidates.append(theme)
        theme.references.append(reference)
        for term, value in vector.items():
            theme.centre[term] = theme.centre.get(term, 0.0) + value
        places.setdefault(id(theme), []).append(((address or "").splitlines() or [""])[0].strip())
    found = [t for group in by_category.values() for t in group if t.count >= 2]
    for theme in found:
        theme.words = [w for w, _ in sorted(theme.centre.items(), key=lambda kv: -kv[1])][
            :NAME_WORDS
        ]
        first_lines = Counter(line for line in places[id(theme)] if line)
        if first_lines:
            line, count = first_lines.most_common(1)[0]
            if count >= 2 and count * 2 > theme.count:
                theme.place = line
    if previous is not None:
        before = list(_rows(previous))
        before_vectors = _vectors([_tokens(description) for _, _, description, _ in before])
        for (_ref, category, _d, _a), vector in zip(before, before_vectors, strict=True):
            candidates = [t for t in found if t.category == category]
            theme, score = _nearest(vector, candidates)
            if theme is not None and score >= SIMILAR:
                theme.previous += 1
    found.sort(key=lambda t: (-t.count, t.name))
    return found[:limit]
