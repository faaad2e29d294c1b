"""The docs' promises point at real tests: every `path.py::test_name` named in docs/compliance.md
(paths relative to tests/) is a test function in that file."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = re.compile(r"`([\w/]+\.py)::(\w+)(?:\[[^\]]*\])?`")


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")
    }


def test_every_test_named_in_the_compliance_table_exists():
    text = (ROOT / "docs" / "compliance.md").read_text()
    references = REFERENCE.findall(text)
    assert len(references) > 50  # the table names its tests
    missing = []
    for path, name in references:
        file = ROOT / "tests" / path.removeprefix("tests/")
        if not file.exists() or name not in _tests_in(file):
            missing.append(f"{path}::{name}")
    assert missing == []


def test_the_compliance_table_has_a_row_for_each_of_the_72_provisions():
    text = (ROOT / "docs" / "compliance.md").read_text()
    table = text[text.index("## Every provision") : text.index("## How to read this")]
    rows = re.findall(r"^\| (\d\.\d+) \|", table, flags=re.MULTILINE)
    assert len(rows) == 72
    assert len(set(rows)) == 72
