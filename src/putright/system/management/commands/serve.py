"""`putright serve`: the production web server. It refuses to start on a database whose
migrations are not all applied, collects the static files (so that pages have their
stylesheets: WhiteNoise serves them from STATIC_ROOT), then becomes gunicorn."""

import os
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Command(BaseCommand):
    help = "Check migrations, collect static files and serve with gunicorn."

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default=os.environ.get("PUTRIGHT_BIND", "127.0.0.1:8000"),
            help="Address to listen on (default PUTRIGHT_BIND or 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("PUTRIGHT_WEB_WORKERS", "3")),
            help="gunicorn worker processes (default PUTRIGHT_WEB_WORKERS or 3).",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=60,
            help="Seconds before a stuck request's worker "
            "is restarted (default 60; letters with PDFs take a few seconds).",
        )

    def handle(self, *args, **options):
        executor = MigrationExecutor(connection)
        unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if unapplied:
            raise CommandError(
                f"{len(unapplied)} migration(s) are not applied: run `putright migrate` first "
                "(with the database owner's role, docs/security.md)."
            )
        call_command("collectstatic", interactive=False, verbosity=0)
        connection.close()  # gunicorn's workers open their own
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "putright.wsgi:application",
            "--bind",
            options["bind"],
            "--workers",
            str(options["workers"]),
            "--timeout",
            str(options["timeout"]),
            "--access-logfile",
            "-",
            # X-Forwarded-* are read by Django (PUTRIGHT_TRUSTED_PROXY_HOPS), not by gunicorn.
            "--forwarded-allow-ips",
            "127.0.0.1",
        ]
        self.stdout.write(f"Serving on http://{options['bind']}/ with gunicorn.")
        self.stdout.flush()
        os.execv(sys.executable, command)
