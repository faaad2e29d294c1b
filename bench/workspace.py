"""Benchmarks of the staff workspace pages: `.venv/bin/python -m bench.workspace --sizes 10000
100000 [--postgres]`.

For each database and size, a child process gets its own database (a SQLite file under /tmp, or
a PostgreSQL database bench_workspace_<size>), generates the synthetic landlord once (reused on
later runs), and, signed in as the handler holding the most open cases and as the complaints
officer, times each page (median of --repeat runs) and counts its queries: home (mine and
team), the complaints list as it opens (open cases), the list searched by a word of the
complaint text, by a partial reference and by a postcode, and the workload page. The query
counts must not grow with the number of complaints. Results go to bench/RESULTS.md (section
"Workspace pages").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.reports import PG_BASE, _median_time
from bench.results import arguments, queries_table, write_section

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Workspace pages"


def child(size: int, repeat: int) -> dict:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "putright.settings")
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count, F
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from putright.accounts.models import User
    from putright.complaints.models import Complaint, Stage

    call_command("migrate", verbosity=0)
    existing = Complaint.objects.count()
    if existing != size:
        if existing:
            raise SystemExit(f"database already holds {existing} complaints; remove it first")
        call_command("generate", complaints=size, seed=1, years=3, verbosity=0)
    busiest = (
        Stage.objects.filter(
            number=F("complaint__stage"),
            complaint__status__in=["awaiting_acknowledgement", "investigating"],
            handler__isnull=False,
        )
        .values("handler")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    handler = User.objects.get(pk=busiest["handler"])
    officer, _ = User.objects.get_or_create(username="bench-officer", defaults={"role": "officer"})
    middle = Complaint.objects.order_by("pk")[size // 2]
    postcode = (
        next((w for w in reversed(middle.resident.address.split("\n")[-1:]) if w), "")
        .split(",")[-1]
        .strip()
    )
    pages = {
        "home (handler)": (handler, "/", {}),
        "home team (officer)": (officer, "/", {"scope": "team"}),
        "list (open)": (handler, "/complaints/", {}),
        "list (officer, bulk assign)": (officer, "/complaints/", {}),
        "search word": (handler, "/complaints/", {"status": "any", "q": "mould"}),
        "search reference": (handler, "/complaints/", {"status": "any", "q": str(middle.pk)}),
        "search postcode": (handler, "/complaints/", {"status": "any", "q": postcode}),
        "workload": (officer, "/workload/", {}),
    }
    timings, queries = {}, {}
    clients = {}
    for name, (user, url, params) in pages.items():
        client = clients.get(user.pk)
        if client is None:
            client = clients[user.pk] = Client()
            client.force_login(user)
            client.get("/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200, (name, response.status_code)
        queries[name] = len(captured)
        timings[name] = _median_time(lambda c=client, u=url, p=params: c.get(u, p), repeat)
    return {
        "size": size,
        "vendor": connection.vendor,
        "open_of_handler": busiest["n"],
        "timings": timings,
        "queries": queries,
        "postcode": postcode,
    }


def _database_url(vendor: str, size: int) -> str:
    if vendor == "sqlite":
        return f"sqlite:////tmp/putright-bench-workspace-{size}.sqlite3"
    name = f"bench_workspace_{size}"
    import psycopg

    with psycopg.connect(f"{PG_BASE}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_BASE}/{name}"


def run(vendor: str, size: int, repeat: int) -> dict:
    env = {
        # A development run: DEBUG gives the development key (`make bench` sets nothing).
        "DEBUG": "1",
        **os.environ,
        "DATABASE_URL": _database_url(vendor, size),
        "LOG_LEVEL": "WARNING",
    }
    output = subprocess.run(
        [sys.executable, "-m", "bench.workspace", "--child", str(size), "--repeat", str(repeat)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _markdown(results: list[dict], command: str) -> str:
    pages = list(results[0]["queries"]) if results else []
    lines = [
        SECTION,
        "",
        f"Command: `{command}`",
        "",
        "Machine caveat: 2 shared CPU cores, other work running at the same time; read the "
        "query counts first (they must be equal at every size) and the times as rough. Medians "
        "of the repeats, in ms, through Django's test client (no network). The handler is the "
        "one holding the most open cases in a landlord generated over 3 years by "
        "`putright generate --seed 1`.",
        "",
        "| database | complaints | handler's open cases | " + " | ".join(pages) + " |",
        "| --- | ---: | ---: |" + " ---: |" * len(pages),
    ]
    for r in results:
        lines.append(
            f"| {r['vendor']} | {r['size']:,} | {r['open_of_handler']} | "
            + " | ".join(f"{r['timings'][p] * 1000:.0f}" for p in pages)
            + " |"
        )
    lines += ["", "Queries per page:", ""]
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
    results = [run(vendor, size, args.repeat) for vendor in vendors for size in args.sizes]
    command = "python -m bench.workspace " + " ".join(argv if argv is not None else sys.argv[1:])
    write_results(_markdown(results, command.strip()))
    print(_markdown(results, command.strip()))


if __name__ == "__main__":
    main()
