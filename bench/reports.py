"""Benchmarks of the oversight figures: `.venv/bin/python -m bench.reports --sizes 10000 100000
[--postgres]`.

For each database and size, a child process gets its own database (a SQLite file under /tmp, or
a PostgreSQL database bench_oversight_<size>), generates the synthetic landlord once (reused on
later runs), and times, for the last complete reporting year:
- a bare `SELECT category, COUNT(*) FROM complaints_complaint GROUP BY category` (the baseline);
- the summary figures, the TSMs, the annual report HTML and the annual report PDF;
each as the median of --repeat runs and as a ratio to the baseline; and counts the queries made
by each dashboard page. Results go to bench/RESULTS.md (section "Oversight reports").
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.results import RESULTS, arguments, queries_table, write_section

ROOT = Path(__file__).resolve().parent.parent

SECTION = "## Oversight reports"
PG_BASE = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def _median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def child(size: int, repeat: int) -> dict:
    """Runs inside the child process with DATABASE_URL set."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from putright import dates
    from putright.accounts.models import User
    from putright.complaints.models import Complaint
    from putright.oversight import reports, selectors
    from putright.oversight.periods import reporting_year, reporting_year_of

    call_command("migrate", verbosity=0)
    generated = 0.0
    existing = Complaint.objects.count()
    if existing != size:
        if existing:
            raise SystemExit(f"database already holds {existing} complaints; remove it first")
        started = time.perf_counter()
        call_command("generate", complaints=size, seed=1, years=3, verbosity=0)
        generated = time.perf_counter() - started
    year = reporting_year_of(dates.today()) - 1
    period = reporting_year(year)

    def baseline():
        with connection.cursor() as cursor:
            cursor.execute("SELECT category, COUNT(*) FROM complaints_complaint GROUP BY category")
            cursor.fetchall()

    timings = {
        "baseline": _median_time(baseline, repeat),
        "summary": _median_time(lambda: selectors.summary(period), repeat),
        "tsm": _median_time(lambda: selectors.tsm(year), repeat),
        "annual_report_html": _median_time(lambda: reports.annual_report_html(year), repeat),
        "annual_report_pdf": _median_time(lambda: reports.pdf(reports.annual_report_html(year)), 1),
    }
    user, _ = User.objects.get_or_create(username="bench-manager", defaults={"role": "manager"})
    client = Client()
    client.force_login(user)
    pages = {
        "dashboard": reverse("oversight:dashboard") + f"?year={year}",
        "learning": reverse("oversight:learning") + f"?year={year}",
        "lessons": reverse("oversight:lessons"),
        "ombudsman": reverse("oversight:ombudsman"),
        "drill-down": reverse("oversight:complaints")
        + f"?stage=1&basis=received&from={period.start}&to={period.end}",
    }
    queries = {}
    for name, url in pages.items():
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        queries[name] = len(captured)
    return {
        "size": size,
        "vendor": connection.vendor,
        "year": year,
        "generated_seconds": round(generated, 1),
        "timings": timings,
        "queries": queries,
    }


def _database_url(vendor: str, size: int) -> str:
    if vendor == "sqlite":
        return f"sqlite:////tmp/putright-bench-{size}.sqlite3"
    name = f"bench_oversight_{size}"
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_BASE}/{name}"


def run(vendor: str, size: int, repeat: int) -> dict:
    env = {**os.environ, "DATABASE_URL": _database_url(vendor, size), "LOG_LEVEL": "WARNING"}
    output = subprocess.run(
        [sys.executable, "-m", "bench.reports", "--child", str(size), "--repeat", str(repeat)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _markdown(results: list[dict], command: str) -> str:
    lines = [
        SECTION,
        "",
        f"Command: `{command}`",
        "",
        "Machine caveat: 2 shared CPU cores, other work running at the same time; absolute "
        "times vary from run to run, so read the ratios (time / time of the bare "
        "`SELECT category, COUNT(*) FROM complaints_complaint GROUP BY category`). Medians of "
        "the repeats; the PDF is timed once. Figures are for the last complete reporting year "
        "of a landlord generated over 3 years by `putright generate --seed 1`.",
        "",
        "| database | complaints | generate (s) | baseline (ms) | summary (ms, x) | TSM (ms, x) "
        "| annual report HTML (ms, x) | annual report PDF (s) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        t = r["timings"]
        base = t["baseline"] or 1e-9

        def cell(key, t=t, base=base):
            return f"{t[key] * 1000:.0f} ({t[key] / base:.0f}x)"

        lines.append(
            f"| {r['vendor']} | {r['size']:,} | {r['generated_seconds'] or 'reused'} "
            f"| {t['baseline'] * 1000:.1f} | {cell('summary')} | {cell('tsm')} "
            f"| {cell('annual_report_html')} | {t['annual_report_pdf']:.1f} |"
        )
    lines += ["", "Queries per page (must not grow with the number of complaints):", ""]
    pages = list(results[0]["queries"]) if results else []
    lines += queries_table(results, pages)
    return "\n".join(lines) + "\n"


def write_results(text: str) -> None:
    write_section(SECTION, text)


def main(argv=None) -> None:
    args = arguments(__doc__.splitlines()[0]).parse_args(argv)
    if args.child:
        sys.path.insert(0, str(ROOT / "src"))
        print(json.dumps(child(args.child, args.repeat)))
        return
    vendors = ([] if args.no_sqlite else ["sqlite"]) + (["postgresql"] if args.postgres else [])
    results = []
    for vendor in vendors:
        for size in args.sizes:
            result = run(vendor, size, args.repeat)
            print(json.dumps(result), flush=True)
            results.append(result)
    command = ".venv/bin/python -m bench.reports " + " ".join(
        a for a in (argv if argv is not None else sys.argv[1:])
    )
    write_results(_markdown(results, command))
    print(f"Wrote {RESULTS}")


if __name__ == "__main__":
    main()
