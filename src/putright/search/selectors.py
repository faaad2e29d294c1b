"""`search`: the one way staff find complaints, used by the header search, the complaints list
and the API's `q` filter, so that a term finds the same cases wherever it is typed.

A term matches a complaint when any of these holds:
- it names a reference, in part: "301", "000301", "cmp301" and "CMP-000301" all find CMP-000301
  (references are `CMP-` and the zero-padded id, so the digits alone identify one case);
- the resident's name or address contains it (a postcode is part of the address), and a
  postcode typed without its space finds it with one ("ab12cd" finds "AB1 2CD");
- it is the resident's tenancy reference;
- the complaint's description or one of its notes contains its words, by full-text search:
  PostgreSQL's `to_tsvector('english', …)` (GIN-indexed) or SQLite's FTS5 table (porter
  stemmer), both kept by the migration in this app. Every word must match ("black mould").

One query whatever the number of matches: the full-text part is a subquery, not a list of ids.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import RawSQL

from putright.complaints.models import Complaint, Note

MAX_TERM = 200
_REFERENCE = re.compile(r"(?i)(?:cmp)?[-\s]*0*(\d{1,12})")
_POSTCODE = re.compile(r"(?i)[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}")
_WORD = re.compile(r"\w+", re.UNICODE)


def _reference_q(term: str) -> Q:
    match = _REFERENCE.fullmatch(term)
    if match:
        return Q(reference=f"CMP-{int(match[1]):06d}")
    return Q(reference__iexact=term)


def _words(term: str) -> list[str]:
    return _WORD.findall(term)[:20]


def _full_text_q(term: str) -> Q:
    words = _words(term)
    if not words:
        return Q(pk__in=[])
    if connection.vendor == "postgresql":
        query = SearchQuery(" ".join(words), config="english", search_type="plain")
        # Uncorrelated subqueries, so that PostgreSQL reads each GIN index once.
        described = (
            Complaint.objects.annotate(search=SearchVector("description", config="english"))
            .filter(search=query)
            .values("pk")
        )
        noted = (
            Note.objects.annotate(search=SearchVector("text", config="english"))
            .filter(search=query)
            .values("complaint_id")
        )
        return Q(pk__in=described) | Q(pk__in=noted)
    if connection.vendor == "sqlite":
        # Each word quoted (so no FTS5 operator can be typed in) and matched as a prefix, as a
        # search box is expected to: "mou" finds "mould".
        match = " ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
        return Q(
            pk__in=RawSQL("SELECT complaint_id FROM search_fts WHERE search_fts MATCH %s", [match])
        )
    # Any other back end: a plain containment test on the description and notes.
    condition = Q()
    for word in words:
        condition &= Q(description__icontains=word) | Q(
            Exists(Note.objects.filter(complaint=OuterRef("pk"), text__icontains=word))
        )
    return condition


def search_q(term: str) -> Q:
    """The condition a complaint meets when `term` finds it."""
    term = " ".join(term.split())[:MAX_TERM]
    condition = (
        _reference_q(term)
        | Q(resident__name__icontains=term)
        | Q(resident__address__icontains=term)
        | Q(resident__tenancy_reference__iexact=term)
    )
    if _POSTCODE.fullmatch(term):
        # A postcode typed without its space: the inward code is always the last three
        # characters, so put the space back and match the address as written.
        compact = re.sub(r"\s+", "", term)
        condition |= Q(resident__address__icontains=f"{compact[:-3]} {compact[-3:]}")
    return condition | _full_text_q(term)


def search(term: str, queryset: QuerySet[Complaint] | None = None) -> QuerySet[Complaint]:
    """The complaints `term` finds, narrowed from `queryset` (every complaint by default). A
    blank term finds nothing rather than everything."""
    queryset = Complaint.objects.all() if queryset is None else queryset
    term = (term or "").strip()
    if not term:
        return queryset.none()
    return queryset.filter(search_q(term))
