"""What a landlord's self-assessment form is made of, whatever its shape: the words and patterns
of its cells (references, "comply" answers, headings), the rows read from it (`ImportedRow`,
`ImportedForm`), and the cleaning of one cell's text. The parsers in `importers` use these."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

REF = re.compile(r"^\s*(\d{1,2}\.\d{1,2})\.?\s*$")
REF_IN_CELL = re.compile(r"^\s*(\d{1,2}\.\d{1,2})\.?\s*$")
COMPLY_WORDS = {
    "yes": "yes",
    "y": "yes",
    "no": "no",
    "n": "no",
    "partially": "partly",
    "partial": "partly",
    "partly": "partly",
    "na": "na",
    "n/a": "na",
    "not applicable": "na",
}
COMPLY_LINE = re.compile(
    r"^\s*(yes|no|partially|partial|partly|n/?a|not applicable)\s*$", re.IGNORECASE
)
SEPARATOR = re.compile(r"^[\s\-\u2013\u2014|]*$")
BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
SECTION_HEADING = re.compile(
    r"^\s*(?:\[bookmark:[^\]]*\])*\s*Section\s+(\d+)\s*[:\-\u2013\u2014]\s*(.+?)\s*$", re.IGNORECASE
)
QUOTE = "[\u2018'\u2019]?"
MUST_HEADING = re.compile(r"mandatory\s+" + QUOTE + "must", re.IGNORECASE)
SHOULD_HEADING = re.compile(
    r"^\s*(?:\[bookmark:[^\]]*\])*\s*best practice\s+"
    + QUOTE
    + "should"
    + QUOTE
    + r"\s+requirements\s*$",
    re.IGNORECASE,
)
HEADER_CELLS = (
    "code section",
    "code provision",
    "code requirement",
    "comply:",
    "comply",
    "yes/no",
    "yes / no",
    "evidence, commentary and any explanations",
    "evidence, commentary and any",
    "explanations",
    "evidence",
    "commentary / explanation",
)


class Unreadable(str):
    """A problem that means part of the form was not read: the import is refused with it,
    rather than carrying on as if the row had been read (the other problems are notes)."""


@dataclass
class ImportedRow:
    ref: str
    requirement: str = ""
    comply: str | None = None
    evidence: str = ""
    commentary: str = ""
    kind: str = ""  # "must" or "should" where the form says so
    section: str = ""

    def as_dict(self) -> dict:
        return {
            "ref": self.ref,
            "comply": self.comply,
            "evidence": self.evidence,
            "commentary": self.commentary,
        }


@dataclass
class ImportedForm:
    code: str | None
    rows: list[ImportedRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        """What could not be read: each problem naming a row and why, or, for a form with no
        rows at all, that."""
        unread = [str(problem) for problem in self.problems if isinstance(problem, Unreadable)]
        if not self.rows and not unread:
            unread.append(
                "no rows could be read: no table of provisions (a provision number in the "
                "first column) or of questions (with Yes and No columns) was found"
            )
        return unread

    def refusal(self) -> list[str]:
        """What the command, the API and the web say when the form is refused: a summary
        line, then each place not read."""
        errors = self.errors
        places = f"{len(errors)} place{'s' if len(errors) != 1 else ''}"
        return [
            f"The form could not be read in {places}; nothing was imported. Correct the form "
            "and import it again.",
            *errors,
        ]

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "provisions": [row.as_dict() for row in self.rows],
            "problems": [str(problem) for problem in self.problems],
            "errors": self.errors,
        }


# --- cleaning ---------------------------------------------------------------------------------

_BLOCK_TAG = re.compile(r"<\s*/?\s*(p|div|ul|ol|br|tr|table|h\d)\b[^>]*>", re.IGNORECASE)
_LIST_ITEM = re.compile(r"<\s*li\b[^>]*>", re.IGNORECASE)
# Only the tags forms carry, so that text such as "<May>" survives.
_ANY_TAG = re.compile(
    r"<\s*/?\s*(?:p|ul|ol|li|i|b|u|em|strong|span|div|font|a|sup|sub|br|table|tr|td|th)"
    r"\b[^>]*>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_WRAPPED = re.compile(r"^(?![a-z]\. )[a-z]")
_INLINE_BULLET = re.compile(r"\s*[•▪◦]\s*")


def clean_text(raw: str, *, plain: bool = False) -> str:
    """A cell's text without markup: paragraphs and list items on their own lines. `plain`
    text (a DOCX or CSV cell, where line breaks are the author's) keeps its lines as they are;
    otherwise lines broken mid-sentence are joined and inline bullets start new lines."""
    text = BOOKMARK.sub("", raw or "")
    text = _LIST_ITEM.sub("\n• ", text)
    text = _BLOCK_TAG.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    if not plain:
        text = html.unescape(text)
    # A bullet in the middle of a line starts a new list item.
    if not plain:
        text = _INLINE_BULLET.sub("\n• ", text)
    lines = []
    for line in text.splitlines():
        line = _SPACES.sub(" ", line).strip()
        if line.startswith("·"):
            line = "• " + line[1:].strip()
        if line in {"•", ""}:
            continue
        if not plain and lines and _WRAPPED.match(line) and not lines[-1].endswith((".", ":", ";")):
            # A line broken mid-sentence by the word processor.
            lines[-1] += " " + line
            continue
        lines.append(line)
    return "\n".join(lines)


def parse_comply(raw: str) -> tuple[str | None, bool]:
    """The comply value and whether the cell was understood. Several answers in one cell (a
    requirement met in one part and not in another) read as "partly"."""
    text = clean_text(raw).lower()
    if not text:
        return None, True
    words = []
    for part in re.split(r"[\n,;]+", text):
        part = part.strip().strip(".").strip()
        if not part:
            continue
        if part.startswith("comply"):
            continue
        value = COMPLY_WORDS.get(part) or COMPLY_WORDS.get(part.replace(" ", ""))
        if value is None:
            return None, False
        words.append(value)
    if not words:
        return None, True
    distinct = set(words)
    if len(distinct) == 1:
        return words[0], True
    if distinct == {"na"} | (distinct - {"na"}) and len(distinct - {"na"}) == 1:
        return (distinct - {"na"}).pop(), True
    return "partly", True


def normalise_ref(raw: str) -> str:
    match = REF_IN_CELL.match(clean_text(raw))
    return match.group(1) if match else clean_text(raw)


def _is_header_cells(cells: list[str]) -> bool:
    first = clean_text(cells[0]).lower() if cells else ""
    return (
        first.startswith("code provision")
        or first.startswith("code section")
        or first in {"question", "questions"}
    )


# --- the rows as a whole ----------------------------------------------------------------------


def merge_duplicates(rows: list[ImportedRow]) -> tuple[list[ImportedRow], list[str]]:
    """A provision that appears twice (forms are edited by hand) becomes one row, both
    answers kept."""
    problems = []
    merged: dict[str, ImportedRow] = {}
    for row in rows:
        first = merged.get(row.ref)
        if first is None:
            merged[row.ref] = row
            continue
        problems.append(f"{row.ref}: appears more than once; the rows are combined")
        first.evidence = "\n".join(t for t in (first.evidence, row.evidence) if t)
        first.commentary = "\n".join(t for t in (first.commentary, row.commentary) if t)
        if first.comply != row.comply:
            values = {first.comply, row.comply} - {None}
            first.comply = values.pop() if len(values) == 1 else "partly"
    return list(merged.values()), problems


def in_code_order(rows: list[ImportedRow], version: str) -> tuple[list[ImportedRow], list[str]]:
    from putright.codes.catalogue import provision_refs

    order = {ref: index for index, ref in enumerate(provision_refs(version))}
    if not order:
        return rows, []
    problems = [
        f"{row.ref}: not a provision of the {version} Code; kept at the end"
        for row in rows
        if row.ref not in order
    ]
    known = sorted((row for row in rows if row.ref in order), key=lambda row: order[row.ref])
    return known + [row for row in rows if row.ref not in order], problems


def docx_row_cells(row) -> list[str]:
    """A Word table row's cells as text. A merged cell repeats across the columns it spans:
    it is kept once, the columns after it empty, so the columns keep their places."""
    cells, previous = [], None
    for cell in row.cells:
        if previous is not None and cell._tc is previous:
            cells.append("")
            continue
        previous = cell._tc
        cells.append("\n".join(p.text for p in cell.paragraphs))
    return cells
