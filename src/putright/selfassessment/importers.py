"""Reading a landlord's existing self-assessment form: a DOCX, or its plain-text extraction.

Forms in the wild come in three shapes, and `parse_form` handles each:

- one table row per line, cells separated by tabs, HTML fragments inside cells, rows continued
  after a page break on lines that start with a tab (2024 forms exported from the web);
- one cell per line (or several), a tab starting each cell where the word processor kept one,
  bookmarks as `[bookmark: ...]` (2022 forms extracted from Word);
- a list of questions with Yes / No / Comments columns and often no numbers (2020 forms).

Nothing is dropped silently: a row that cannot be read is returned in `problems`.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from putright.selfassessment import question_forms
from putright.selfassessment.form_cells import (
    BOOKMARK,
    COMPLY_LINE,
    MUST_HEADING,
    REF,
    REF_IN_CELL,
    SECTION_HEADING,
    SEPARATOR,
    SHOULD_HEADING,
    ImportedForm,
    ImportedRow,
    Unreadable,
    _is_header_cells,
    clean_text,
    docx_row_cells,
    in_code_order,
    merge_duplicates,
    parse_comply,
)

# --- tab-separated, one row per line (2024 web forms) -----------------------------------------


def _columns_from_header(cells: list[str]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = clean_text(cell).lower()
        if "provision" in name or "section" in name or "question" in name:
            columns.setdefault("ref", index)
        elif name in {"yes", "y"}:
            columns.setdefault("yes", index)
        elif name in {"no", "n"}:
            columns.setdefault("no", index)
        elif "requirement" in name:
            columns.setdefault("requirement", index)
        elif "comply" in name:
            columns.setdefault("comply", index)
        elif "evidence" in name:
            columns.setdefault("evidence", index)
            if "commentary" in name:
                columns["evidence_and_commentary"] = index
        elif "further action" in name or name == "action":
            columns.setdefault("commentary", index)
        elif "comments" in name or "improvement" in name:
            # The 2020 form's comments column is its evidence.
            columns.setdefault("evidence", index)
        elif "commentary" in name or "explanation" in name:
            columns.setdefault("commentary", index)
    return columns


DEFAULT_COLUMNS = {"ref": 0, "requirement": 1, "comply": 2, "evidence": 3, "commentary": 4}


class _RowBuilder:
    """Collects raw cell text for a row, across continuation lines, and cleans it at the end."""

    def __init__(
        self, ref: str, columns: dict[str, int], section: str, kind: str, plain: bool = False
    ):
        self.plain = plain
        self.ref = ref
        self.columns = columns
        self.section = section
        self.kind = kind
        self.cells: dict[int, list[str]] = {}

    def add(self, cells: list[str]) -> None:
        for index, cell in enumerate(cells):
            if cell.strip():
                self.cells.setdefault(index, []).append(cell)

    def cell(self, name: str) -> str:
        index = self.columns.get(name)
        if index is None:
            return ""
        return " ".join(self.cells.get(index, []))

    def build(self, problems: list[str]) -> ImportedRow:
        comply, understood = parse_comply(self.cell("comply"))
        if "yes" in self.columns or "no" in self.columns:
            # Tick columns (2020 forms): the marked one is the answer.
            ticked = [name for name in ("yes", "no") if clean_text(self.cell(name))]
            comply = ticked[0] if len(ticked) == 1 else ("partly" if ticked else None)
        if not understood:
            problems.append(
                Unreadable(
                    f"{self.ref}: comply value {clean_text(self.cell('comply'))!r} not understood"
                )
            )
        known = set(self.columns.values())
        extra = [i for i in self.cells if i not in known]
        commentary = clean_text(self.cell("commentary"), plain=self.plain)
        if extra:
            # More cells than the header named: keep them in the commentary, and say so.
            commentary = "\n".join(
                [commentary] + [clean_text(" ".join(self.cells[i])) for i in sorted(extra)]
            ).strip()
            problems.append(f"{self.ref}: extra cells kept in the commentary")
        return ImportedRow(
            ref=self.ref,
            requirement=clean_text(self.cell("requirement"), plain=self.plain),
            comply=comply,
            evidence=clean_text(self.cell("evidence"), plain=self.plain),
            commentary=commentary,
            kind=self.kind,
            section=self.section,
        )


def _parse_rows(lines: list, *, plain: bool = False) -> tuple[list[ImportedRow], list[str]]:
    """Rows from a sequence of table rows (lists of cells) and headings (strings)."""
    rows: list[ImportedRow] = []
    problems: list[str] = []
    columns = dict(DEFAULT_COLUMNS)
    current: _RowBuilder | None = None
    section, kind = "", ""
    skipping = False

    def finish():
        nonlocal current
        if current is not None:
            rows.append(current.build(problems))
            current = None

    for line_number, item in lines:
        if isinstance(item, str):
            heading = SECTION_HEADING.match(item)
            if heading:
                finish()
                section = heading.group(1)
            if MUST_HEADING.search(item):
                kind = "must"
            elif SHOULD_HEADING.match(item):
                kind = "should"
            elif REF.match(item.split(" ")[0] if item.strip() else ""):
                problems.append(
                    Unreadable(f"line {line_number}: a row without cells: {clean_text(item)!r}")
                )
            continue
        cells = item
        if _is_header_cells(cells):
            finish()
            columns = _columns_from_header(cells) or dict(DEFAULT_COLUMNS)
            skipping = False
            continue
        if clean_text(cells[0]).lower() == "provision" and len(cells) > 1:
            # Another table (an export's improvement actions): not answers.
            finish()
            skipping = True
            continue
        if skipping:
            continue
        if all(SEPARATOR.match(cell) for cell in cells):
            continue
        ref_cell = cells[columns.get("ref", 0)] if len(cells) > columns.get("ref", 0) else ""
        ref_match = REF_IN_CELL.match(clean_text(ref_cell))
        if ref_match:
            finish()
            current = _RowBuilder(ref_match.group(1), columns, section, kind, plain)
            current.add(cells)
        elif not clean_text(ref_cell) and current is not None:
            current.add(cells)  # a row continued after a page break
        elif not clean_text(ref_cell):
            problems.append(
                Unreadable(
                    f"line {line_number}: cells before any provision: "
                    f"{clean_text(' '.join(cells))!r}"
                )
            )
        else:
            finish()
            # No provision number: keep the row under its own text (2020 question forms).
            current = _RowBuilder(clean_text(ref_cell), columns, section, kind, plain)
            current.add(cells)
    finish()
    return rows, problems


def parse_tsv(text: str) -> tuple[list[ImportedRow], list[str]]:
    items: list = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if "\t" in line:
            items.append((number, line.split("\t")))
        else:
            items.append((number, line))
    return _parse_rows(items)


# --- one cell per line (2022 forms extracted from Word) ---------------------------------------

_HEADER_LINE = re.compile(
    r"^\s*(code section|code requirement|comply:?(\s*yes\s*/\s*no)?|yes\s*/\s*no|"
    r"evidence, commentary and any( explanations)?|explanations)\s*$",
    re.IGNORECASE,
)
_STAGE_LINE = re.compile(r"^\s*(?:\[bookmark:[^\]]*\])*\s*stage\s+\d\s*$", re.IGNORECASE)


def _is_heading_line(line: str) -> bool:
    stripped = BOOKMARK.sub("", line).strip()
    return bool(
        SECTION_HEADING.match(line)
        or SHOULD_HEADING.match(line)
        or (MUST_HEADING.search(stripped) and len(stripped) < 200)
        or _STAGE_LINE.match(line)
        or (BOOKMARK.search(line) and not stripped)
        or "Code section" in stripped
    )


def parse_cell_lines(text: str) -> tuple[list[ImportedRow], list[str]]:
    """Forms where each cell sits on its own line(s): a provision number alone on a line
    starts a row; where a line starts with a tab it starts a new cell; elsewhere a line that
    is only "Yes", "No", "Partially" or "N/A" separates the requirement from the evidence."""
    rows: list[ImportedRow] = []
    problems: list[str] = []
    section, kind = "", ""
    block: list[str] | None = None
    block_ref = ""
    block_meta = ("", "")

    def finish():
        nonlocal block
        if block is not None:
            rows.append(_row_from_block(block_ref, block, block_meta, problems))
        block = None

    for line in text.splitlines():
        bare = line.lstrip(" ")
        if _is_heading_line(line) or _HEADER_LINE.match(line):
            heading = SECTION_HEADING.match(line.replace("\t", " "))
            if heading:
                finish()
                section = heading.group(1)
            stripped = BOOKMARK.sub("", line)
            if SHOULD_HEADING.match(line):
                finish()
                kind = "should"
            elif MUST_HEADING.search(stripped):
                finish()
                kind = "must"
            elif _STAGE_LINE.match(line) or "Code section" in stripped:
                finish()
            continue
        ref = REF.match(line.replace("\t", " "))
        if ref:
            finish()
            block_ref = ref.group(1)
            block_meta = (section, kind)
            block = []
            continue
        if block is None:
            # Text before the first row is the form's introduction; the headings and header
            # rows between tables are matched above.
            if line.strip() and rows:
                problems.append(f"text outside any row: {clean_text(line)[:80]!r}")
            continue
        block.append(bare)
    finish()
    return rows, problems


def _row_from_block(
    ref: str, lines: list[str], meta: tuple[str, str], problems: list[str]
) -> ImportedRow:
    section, kind = meta
    cells: list[list[str]] | None = None
    if any(line.startswith("\t") for line in lines):
        cells = []
        leading: list[str] = []
        for line in lines:
            if line.startswith("\t"):
                cells.append([line[1:]])
            elif cells:
                cells[-1].append(line)
            else:
                leading.append(line)
        if any(item.strip() for item in leading):
            # Text between the number and the first cell: the requirement's start.
            cells.insert(0, leading)
        texts = ["\n".join(cell) for cell in cells]
        requirement, comply_raw, evidence = [*texts, "", "", ""][:3]
        rest = texts[3:]
        # Further cells are a continuation row with no number: (ref, requirement, comply,
        # evidence), repeated.
        while rest:
            chunk, rest = [*rest[:4], "", "", "", ""][:4], rest[4:]
            if clean_text(chunk[0]):
                problems.append(f"{ref}: an unnumbered cell {clean_text(chunk[0])[:60]!r} kept")
                evidence += "\n" + chunk[0]
            requirement += "\n" + chunk[1]
            comply_raw += "\n" + chunk[2]
            evidence += "\n" + chunk[3]
    else:
        requirement_lines: list[str] = []
        comply_lines: list[str] = []
        evidence_lines: list[str] = []
        for line in lines:
            if evidence_lines:
                evidence_lines.append(line)
            elif COMPLY_LINE.match(line):
                comply_lines.append(line)
            elif comply_lines:
                if line.strip():
                    evidence_lines.append(line)
            else:
                requirement_lines.append(line)
        if not comply_lines:
            problems.append(
                Unreadable(f"{ref}: no comply value found; all text kept as the requirement")
            )
        requirement = "\n".join(requirement_lines)
        comply_raw = "\n".join(comply_lines)
        evidence = "\n".join(evidence_lines)
    comply, understood = parse_comply(comply_raw)
    if not understood:
        problems.append(
            Unreadable(f"{ref}: comply value {clean_text(comply_raw)!r} not understood")
        )
    return ImportedRow(
        ref=ref,
        requirement=clean_text(requirement),
        comply=comply,
        evidence=clean_text(evidence),
        commentary="",
        kind=kind,
        section=section,
    )


# --- DOCX ------------------------------------------------------------------------------------


def docx_items(path: str | Path) -> list:
    """The document's paragraphs (as headings) and table rows (as lists of cell text), in
    document order."""
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    items: list = []
    number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            number += 1
            if block.text.strip():
                items.append((number, block.text))
        elif isinstance(block, Table):
            for row in block.rows:
                number += 1
                items.append((number, docx_row_cells(row)))
    return items


# --- the whole form --------------------------------------------------------------------------


def _looks_like_tsv(text: str) -> bool:
    rows = sum(
        1
        for line in text.splitlines()
        if "\t" in line and REF.match(line.split("\t")[0]) and len(line.split("\t")) >= 4
    )
    return rows >= 3


def detect_code(rows: list[ImportedRow], text: str = "") -> str | None:
    """The Code version a form answers: the version whose requirement text the rows match
    best; failing that, the form's own vocabulary."""
    from putright.codes.catalogue import CODES

    scores: dict[str, float] = {}
    for version, code in CODES.items():
        texts = {p["ref"]: p["text"] for s in code["sections"] for p in s["provisions"]}
        if not texts:
            continue
        score = 0.0
        for row in rows:
            known = texts.get(row.ref)
            if known and row.requirement:
                score += difflib.SequenceMatcher(
                    None, known[:160].lower(), row.requirement[:160].lower()
                ).ratio()
        scores[version] = score
    if scores and max(scores.values()) >= max(3.0, len(rows) * 0.3):
        return max(scores, key=scores.get)
    lowered = text.lower()
    if "code provision" in lowered or "complaint definition" in lowered:
        return "2024"
    if "best practice" in lowered and "should" in lowered:
        return "2022"
    if rows and not any(REF.match(row.ref) for row in rows):
        return "2020"
    return None


def parse_form(path: str | Path, *, code: str | None = None) -> ImportedForm:
    """The form's rows and every problem met reading it; `errors` on the result are the parts
    that could not be read (a file that does not open is one)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".docx", ".xlsx"):
        try:
            located = (
                question_forms.docx_located_items(path)
                if suffix == ".docx"
                else question_forms.xlsx_located_items(path)
            )
        except Exception as error:  # python-docx and openpyxl raise many kinds on a bad file
            kind = "Word document (DOCX)" if suffix == ".docx" else "Excel workbook (XLSX)"
            return ImportedForm(
                code=code,
                problems=[Unreadable(f"{path.name}: not a {kind} that can be opened ({error})")],
            )
        if question_forms.is_question_form(located) and code in (None, "2020"):
            return _question_form(located)
        if suffix == ".xlsx":
            items = [(number, item) for number, (_, item) in enumerate(located, 1)]
            rows, problems = _parse_rows(items, plain=True)
            return _finish(rows, problems, code, "")
    problems: list[str] = []
    if suffix == ".docx":
        items = docx_items(path)
        rows, problems = _parse_rows(items, plain=True)
        text = "\n".join(item if isinstance(item, str) else "\t".join(item) for _, item in items)
    else:
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix.lower() == ".csv":
            rows, problems = parse_csv(text)
        elif _looks_like_tsv(text):
            rows, problems = parse_tsv(text)
        else:
            rows, problems = parse_cell_lines(text)
    return _finish(rows, problems, code, text)


def _question_form(located: list) -> ImportedForm:
    """A 2020-Code form: questions with Yes / No marks, each mapped to the Code's question."""
    rows, problems = question_forms.parse_questions(located)
    rows, mapping_problems = question_forms.map_to_questions(rows)
    rows, merge_problems = merge_duplicates(rows)
    rows, _unmapped = in_code_order(rows, "2020")  # already named by map_to_questions
    return ImportedForm(
        code="2020", rows=rows, problems=problems + mapping_problems + merge_problems
    )


def _finish(rows, problems, code, text) -> ImportedForm:
    version = code or detect_code(rows, text)
    rows, merge_problems = merge_duplicates(rows)
    problems += merge_problems
    if version is not None:
        rows, order_problems = in_code_order(rows, version)
        problems += order_problems
    return ImportedForm(code=version, rows=rows, problems=problems)


def parse_csv(text: str) -> tuple[list[ImportedRow], list[str]]:
    import csv
    import io

    from putright.spreadsheets import restore

    items = [
        (number, [restore(cell) for cell in cells])
        for number, cells in enumerate(csv.reader(io.StringIO(text)), 1)
        if cells
    ]
    return _parse_rows(items, plain=True)
