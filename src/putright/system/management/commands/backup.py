"""`putright backup`: one encrypted file holding the database and every uploaded file
(system.backup). `--new-identity FILE` makes the key pair: keep FILE offline, back up to the
public key it prints."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from putright.system import backup


class Command(BaseCommand):
    help = "Write an encrypted backup: `putright backup --output FILE [--recipient age1...]`."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Where to write the backup.")
        parser.add_argument(
            "--recipient",
            action="append",
            default=[],
            help="An age public key (age1...) that can decrypt it; repeat for several. "
            "Default: PUTRIGHT_BACKUP_RECIPIENTS (comma-separated).",
        )
        parser.add_argument(
            "--new-identity",
            type=Path,
            metavar="FILE",
            help="Make a key pair: write the private identity to FILE (mode 0600) and print "
            "the public recipient.",
        )

    def handle(self, *args, **options):
        if options["new_identity"]:
            return self._new_identity(options["new_identity"])
        if not options["output"]:
            raise CommandError("Say where to write the backup: --output FILE.")
        recipients = options["recipient"] or [
            r for r in os.environ.get("PUTRIGHT_BACKUP_RECIPIENTS", "").split(",") if r.strip()
        ]
        try:
            manifest = backup.create(options["output"], recipients)
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        counts = manifest["counts"]
        self.stdout.write(
            f"Backed up {manifest['vendor']} ({counts['complaints_complaint']} complaints, "
            f"{counts['complaints_event']} events, {manifest['files']} files) to "
            f"{options['output']}."
        )

    def _new_identity(self, path: Path):
        if path.exists():
            raise CommandError(f"{path} exists; choose a new file, so that no key is lost.")
        identity, recipient = backup.new_identity()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(f"# public key: {recipient}\n{identity}\n")
        self.stdout.write(recipient)
