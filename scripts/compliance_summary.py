"""Rewrite the status summary at the top of docs/compliance.md from the rows below it, so the
counts cannot drift from the table (tests/test_docs.py checks that they agree).

    python scripts/compliance_summary.py
"""

import re
from pathlib import Path

PAGE = Path(__file__).resolve().parent.parent / "docs" / "compliance.md"
ORDER = ["enforced + evidenced", "enforced", "evidenced", "policy"]


def _key(ref: str) -> tuple[int, int]:
    section, number = ref.split(".")
    return int(section), int(number)


def main() -> None:
    text = PAGE.read_text()
    table = text[text.index("## Every provision") : text.index("## How to read this")]
    by_status: dict[str, list[str]] = {}
    for match in re.finditer(r"^\| (\d\.\d+) \|[^|]*\|([^|]*)\|", table, flags=re.MULTILINE):
        by_status.setdefault(match[2].strip(), []).append(match[1])
    statuses = [s for s in ORDER if s in by_status] + sorted(set(by_status) - set(ORDER))
    lines = ["| status | count | provisions |", "|---|---:|---|"]
    for status in statuses:
        refs = sorted(by_status[status], key=_key)
        lines.append(f"| {status} | {len(refs)} | {', '.join(refs)} |")
    enforced = sum(len(by_status.get(s, [])) for s in ("enforced", "enforced + evidenced"))
    evidenced = sum(len(by_status.get(s, [])) for s in ("evidenced", "enforced + evidenced"))
    start = text.index("| status | count | provisions |")
    end = text.index("\n\n", start)
    text = text[:start] + "\n".join(lines) + text[end:]
    text = re.sub(
        r"In all, \d+ provisions are enforced and \d+ have a live self-assessment figure\.",
        f"In all, {enforced} provisions are enforced and {evidenced} have a live "
        "self-assessment figure.",
        text,
    )
    PAGE.write_text(text)


if __name__ == "__main__":
    main()
