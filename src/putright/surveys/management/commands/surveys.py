"""`putright surveys import FILE [--user USERNAME]`

Imports the survey provider's CSV or XLSX file. All or nothing: any row that cannot be imported
refuses the file, and every problem is listed by row, column and rule. A response already
imported (by the provider's response id) is left as it is, so the same file can be run twice.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from putright.accounts.models import User
from putright.errors import NotPermitted
from putright.surveys import importing, services


class Command(BaseCommand):
    help = "Satisfaction surveys about complaint handling."

    def add_arguments(self, parser):
        subcommands = parser.add_subparsers(dest="subcommand", required=True)
        importing_ = subcommands.add_parser("import", help="Import a CSV or XLSX file.")
        importing_.add_argument("file")
        importing_.add_argument("--user", help="Who imports it (officer, manager or admin).")

    def handle(self, *args, subcommand, **options):
        if subcommand == "import":
            self.import_file(options["file"], options.get("user"))

    def import_file(self, file: str, username: str | None):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file")
        user = _user(username)
        try:
            rows = importing.read(path.name, path.read_bytes())
            result = services.survey_import(user=user, rows=rows, source=path.name)
        except importing.FileUnreadable as error:
            raise CommandError(str(error)) from error
        except services.ImportRefused as error:
            for problem in error.problems:
                self.stderr.write(f"{path.name}: {problem}")
            raise CommandError(
                f"Nothing imported: {len(error.problems)} problem(s) in {path.name}."
            ) from error
        except NotPermitted as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Imported {len(result.created)} survey response(s) from {path.name}; "
            f"{result.already_imported} already imported; {result.follow_ups} dissatisfied "
            "comment(s) to follow up."
        )


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
