"""`putright selfassessment import FILE [--code 2024|2022|2020] [--json]`

With --json, prints the form's answers in provision order; without it, creates a draft
self-assessment from them. Problems are listed on stderr either way; a form any row of which
could not be read fails with those rows named (exit status 1), and nothing is imported.
"""

import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from putright import dates
from putright.accounts.models import User
from putright.codes.catalogue import VERSIONS
from putright.errors import InvalidInput, NotPermitted
from putright.selfassessment import services
from putright.selfassessment.importers import parse_form


class Command(BaseCommand):
    help = "Self-assessments against the Complaint Handling Code."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        importing = subcommands.add_parser(
            "import", help="Read a DOCX form or its text/TSV extraction."
        )
        importing.add_argument("file")
        importing.add_argument("--code", choices=VERSIONS, default=None)
        importing.add_argument("--json", action="store_true", help="Print the answers as JSON.")
        importing.add_argument("--user", help="Who imports it (an officer or manager).")
        importing.add_argument("--period-start", type=dt.date.fromisoformat)
        importing.add_argument("--period-end", type=dt.date.fromisoformat)

    def handle(self, *args, subcommand, **options):
        if subcommand == "import":
            self.import_form(**options)

    def import_form(self, *, file, code, json: bool, user, period_start, period_end, **_):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file" + (" (a folder)" if path.is_dir() else ""))
        form = parse_form(path, code=code)
        for problem in form.problems:
            self.stderr.write(f"{path.name}: {problem}")
        if json:
            self.stdout.write(_json.dumps(form.as_dict(), ensure_ascii=False, indent=2))
        if form.errors:
            # Never an empty or half-read result as if it had succeeded.
            raise CommandError("\n".join(form.refusal()))
        if json:
            return
        importer = _user(user)
        end = period_end or dates.today()
        start = period_start or end.replace(year=end.year - 1) + dt.timedelta(days=1)
        try:
            created = services.selfassessment_import(
                user=importer,
                form=form,
                period_start=start,
                period_end=end,
                source=path.name,
            )
        except (InvalidInput, NotPermitted) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Draft self-assessment {created.pk} against the {form.code} Code: "
            f"{len(form.rows)} provisions imported, {len(form.problems)} problems."
        )


_json = json


def _user(username: str | None) -> User:
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        return user
    user = User.objects.filter(role__in=["officer", "admin"], is_active=True).order_by("pk").first()
    if user is None:
        raise CommandError("Give --user: no complaints officer or administrator exists.")
    return user
