"""What the benchmarks share: bench/RESULTS.md, one section a benchmark, and the table of queries
per page that must not grow with the number of complaints."""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def queries_table(results: list[dict], pages: list[str]) -> list[str]:
    lines = ["| database | complaints | " + " | ".join(pages) + " |"]
    lines.append("| --- | ---: |" + " ---: |" * len(pages))
    for r in results:
        lines.append(
            f"| {r['vendor']} | {r['size']:,} | "
            + " | ".join(str(r["queries"][p]) for p in pages)
            + " |"
        )
    return lines


def write_section(section: str, text: str, results: Path = RESULTS) -> None:
    """Replace the benchmark's own section of bench/RESULTS.md, keeping everyone else's."""
    existing = results.read_text() if results.exists() else "# Benchmark results\n"
    if section in existing:
        before, _, rest = existing.partition(section)
        following = rest.find("\n## ")
        after = rest[following + 1 :] if following != -1 else ""
        existing = before.rstrip() + "\n\n" + text + ("\n" + after if after else "")
    else:
        existing = existing.rstrip() + "\n\n" + text
    results.write_text(existing)
