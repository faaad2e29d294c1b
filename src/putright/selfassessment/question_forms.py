"""Reading a 2020-Code self-assessment form: numbered sections ("1 Definition of a complaint",
"2 Accessibility", ...) each with a table of questions and the columns Yes / No (the answer
marked with an `x`), Comments, "Improvement required" (Y/N) and "Further action", as a DOCX or
an XLSX.

What the form's author meant is read, not guessed: a mark is an `x` (or a tick) in one of the
Yes and No columns; a row whose question cell is empty, or whose text carries on a question
left unfinished, is the previous row continued over a page break; "N/A" in the comments with no
mark is "not applicable". A row that cannot be read this way is an `Unreadable` problem naming
the row and why, and the import is refused with it (services.selfassessment_import).
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from putright.selfassessment.form_cells import (
    ImportedRow,
    Unreadable,
    clean_text,
    docx_row_cells,
)

SECTION = re.compile(r"^\s*(?:section\s+)?(\d{1,2})[.:)]?\s+([A-Za-z].*?)\s*$", re.IGNORECASE)
NUMBERED = re.compile(r"^\s*(\d{1,2}\.\d{1,2})[.:)]?\s+")
MARKS = {"x", "\u2713", "\u2714", "\u2715", "\u2717", "\u2612", "yes", "y"}
YES_NO = {"y": True, "yes": True, "n": False, "no": False}
NOT_APPLICABLE = re.compile(r"^\s*(n\s*/\s*a|not applicable)\b", re.IGNORECASE)
FINISHED = (".", "?", "!", ":", ")")

# --- reading the file into located items -------------------------------------------------


def docx_located_items(path: str | Path) -> list[tuple[str, object]]:
    """Paragraphs (as text) and table rows (as lists of cell text), each with where it is in
    the document ("table 2, row 5"), so that an error can point at it."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    items: list[tuple[str, object]] = []
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            paragraphs += 1
            if block.text.strip():
                items.append((f"paragraph {paragraphs}", block.text))
        elif isinstance(block, Table):
            tables += 1
            for number, row in enumerate(block.rows, start=1):
                items.append((f"table {tables}, row {number}", docx_row_cells(row)))
    return items


def xlsx_located_items(path: str | Path) -> list[tuple[str, object]]:
    """Each sheet's rows as lists of cell text ("sheet Self-assessment, row 7"); a row with
    only its first cell filled is a heading."""
    import openpyxl

    book = openpyxl.load_workbook(str(path), read_only=True, data_only=True)
    items: list[tuple[str, object]] = []
    for sheet in book.worksheets:
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = ["" if value is None else str(value) for value in values]
            while cells and not cells[-1].strip():
                cells.pop()
            if not cells:
                continue
            where = f"sheet {sheet.title}, row {number}"
            if len(cells) == 1:
                items.append((where, cells[0]))
            else:
                items.append((where, cells))
    book.close()
    return items


# --- the question table ------------------------------------------------------------------


def _is_header(cells: list[str]) -> bool:
    names = {clean_text(cell).lower().rstrip(":") for cell in cells}
    return "yes" in names and "no" in names


def is_question_form(items: list[tuple[str, object]]) -> bool:
    return any(not isinstance(item, str) and _is_header(item) for _, item in items)


def _columns(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {"question": 0}
    for index, cell in enumerate(cells):
        name = clean_text(cell).lower().rstrip(":")
        if name == "yes":
            columns["yes"] = index
        elif name == "no":
            columns["no"] = index
        elif "improvement" in name:
            columns.setdefault("improvement", index)
        elif "action" in name:
            columns.setdefault("action", index)
        elif "comment" in name or "evidence" in name:
            columns.setdefault("comments", index)
        elif "question" in name:
            columns["question"] = index
    return columns


class _Question:
    def __init__(self, where: str, columns: dict[str, int], section: str):
        self.where = [where]
        self.columns = columns
        self.section = section
        self.cells: dict[int, list[str]] = {}

    def add(self, where: str, cells: list[str]) -> None:
        if where not in self.where:
            self.where.append(where)
        for index, cell in enumerate(cells):
            if cell.strip():
                self.cells.setdefault(index, []).append(cell.strip())

    def text(self, name: str) -> str:
        index = self.columns.get(name)
        if index is None:
            return ""
        return clean_text("\n".join(self.cells.get(index, [])), plain=True)

    @property
    def question(self) -> str:
        # A cell continued over a page break is one sentence again.
        return " ".join(self.text("question").split())

    def place(self) -> str:
        return self.where[0] if len(self.where) == 1 else f"{self.where[0]} to {self.where[-1]}"

    def build(self, problems: list[str]) -> ImportedRow:
        label = f"{self.place()} ({self.question[:60]!r})"
        marked = []
        for column in ("yes", "no"):
            raw = self.text(column)
            parts = [part.strip().lower() for part in raw.split("\n") if part.strip()]
            if any(part not in MARKS for part in parts):
                problems.append(
                    Unreadable(
                        f"{label}: {raw!r} in the {column.title()} column is not a mark; mark "
                        "the answer with an x"
                    )
                )
            elif parts:
                marked.append(column)
        comments = self.text("comments")
        comply = None
        if len(marked) == 2:
            problems.append(Unreadable(f"{label}: both Yes and No are marked"))
        elif marked:
            comply = marked[0]
        elif NOT_APPLICABLE.match(comments):
            comply = "na"
        commentary = []
        improvement = self.text("improvement")
        if improvement:
            required = YES_NO.get(improvement.strip().lower().rstrip("."))
            if required is None:
                problems.append(
                    Unreadable(f"{label}: 'improvement required' is {improvement!r}; write Y or N")
                )
            else:
                commentary.append(
                    "Improvement required." if required else "No improvement required."
                )
        action = self.text("action")
        if action:
            commentary.append(f"Further action: {action}")
        known = set(self.columns.values())
        for index in sorted(set(self.cells) - known):
            commentary.append(clean_text("\n".join(self.cells[index]), plain=True))
            problems.append(f"{label}: a cell outside the named columns kept in the commentary")
        return ImportedRow(
            ref=self.question,
            requirement=self.question,
            comply=comply,
            evidence=comments,
            commentary="\n".join(commentary),
            section=self.section,
        )


def _continues(previous: _Question | None, question_cell: str) -> bool:
    """A row carrying on the previous row after a page break: its question cell is empty, or
    the previous question was cut off mid-sentence and this one starts in lower case."""
    if previous is None:
        return False
    text = clean_text(question_cell)
    if not text:
        return True
    return not previous.question.endswith(FINISHED) and text[0].islower()


def parse_questions(items: list[tuple[str, object]]) -> tuple[list[ImportedRow], list[str]]:
    rows: list[ImportedRow] = []
    problems: list[str] = []
    columns: dict[str, int] | None = None
    section = ""
    current: _Question | None = None

    def finish():
        nonlocal current
        if current is not None:
            rows.append(current.build(problems))
            current = None

    for where, item in items:
        cells = [item] if isinstance(item, str) else list(item)
        filled = [cell for cell in cells if clean_text(cell)]
        if not filled:
            continue
        if _is_header(cells):
            finish()
            columns = _columns(cells)
            heading = SECTION.match(clean_text(cells[columns["question"]]))
            if heading and "question" not in heading.group(2).lower():
                section = heading.group(2)
            continue
        only_first = len(filled) == 1 and clean_text(cells[0]) == clean_text(filled[0])
        heading = SECTION.match(clean_text(cells[0])) if only_first else None
        if heading and not NUMBERED.match(clean_text(cells[0])) and len(cells[0]) < 80:
            finish()
            section = heading.group(2)
            continue
        if isinstance(item, str):
            continue  # the form's introduction and notes between tables
        if columns is None:
            problems.append(
                Unreadable(
                    f"{where}: a row before any header row naming the Yes and No columns: "
                    f"{clean_text(' '.join(filled))[:60]!r}"
                )
            )
            continue
        question_cell = cells[columns["question"]] if len(cells) > columns["question"] else ""
        if _continues(current, question_cell):
            current.add(where, cells)
            continue
        if not clean_text(question_cell):
            problems.append(
                Unreadable(
                    f"{where}: answers with no question: {clean_text(' '.join(filled))[:60]!r}"
                )
            )
            continue
        finish()
        current = _Question(where, columns, section)
        current.add(where, [NUMBERED.sub("", question_cell, count=1), *cells[1:]])
    finish()
    return rows, problems


# --- matching the 2020 Code's questions --------------------------------------------------


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


def map_to_questions(rows: list[ImportedRow]) -> tuple[list[ImportedRow], list[str]]:
    """Each row under the ref of the 2020 Code question it asks (codes/data/code_2020.json),
    matched on the question's words; a question the Code does not have keeps its own text."""
    from putright.codes.catalogue import provisions

    questions = [(p["ref"], _words(p["text"]), p) for p in provisions("2020")]
    problems: list[str] = []
    for row in rows:
        asked = _words(row.requirement)
        best, best_ratio = None, 0.0
        for ref, words, provision in questions:
            ratio = difflib.SequenceMatcher(None, asked, words).ratio()
            if ratio > best_ratio:
                best, best_ratio = (ref, provision), ratio
        if best is not None and best_ratio >= 0.75:
            row.ref = best[0]
            row.section = best[1]["section_title"]
        else:
            problems.append(
                f"{row.requirement[:60]!r}: not one of the 2020 Code's questions; kept as asked"
            )
    return rows, problems
