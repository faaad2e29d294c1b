"""What the benchmarks share: bench/RESULTS.md, one section a benchmark, and the table of queries
per page that must not grow with the number of complaints."""

from __future__ import annotations

import argparse
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


def arguments(description: str) -> argparse.ArgumentParser:
    """The options every size benchmark takes: the sizes, the databases, the repeats, and the
    hidden --child that runs one size in its own process."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--postgres", action="store_true", help="also run on PostgreSQL")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    return parser
