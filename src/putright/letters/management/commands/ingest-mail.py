"""`putright ingest-mail`: file received e-mail on its case, or as new contact to triage.

    putright ingest-mail --eml PATH...        .eml files, or directories of them
    putright ingest-mail --imap-host HOST --imap-user USER [--imap-folder INBOX]
        (password from PUTRIGHT_IMAP_PASSWORD)

Running it twice stores nothing twice: messages are known by their Message-ID.
"""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from putright.letters.services import inbound_ingest


class Command(BaseCommand):
    help = "Store received e-mail (IMAP or .eml files) on the matching case or for triage."

    def add_arguments(self, parser):
        parser.add_argument("--eml", nargs="+", metavar="PATH", help=".eml files or directories")
        parser.add_argument("--imap-host", default=os.environ.get("PUTRIGHT_IMAP_HOST", ""))
        parser.add_argument("--imap-port", type=int, default=None)
        parser.add_argument("--imap-user", default=os.environ.get("PUTRIGHT_IMAP_USER", ""))
        parser.add_argument(
            "--imap-folder", default=os.environ.get("PUTRIGHT_IMAP_FOLDER", "INBOX")
        )

    def handle(self, *args, **options):
        if options["eml"]:
            sources = self._eml(options["eml"])
        elif options["imap_host"]:
            sources = self._imap(options)
        else:
            raise CommandError("Give --eml PATH... or --imap-host (see --help).")
        counts = {"filed": 0, "to_triage": 0, "already stored": 0}
        for label, raw in sources:
            message, created = inbound_ingest(raw=raw)
            key = message.status if created else "already stored"
            counts[key] += 1
            if not created:
                outcome = "already stored"
            elif message.complaint_id:
                outcome = f"filed on {message.complaint.reference} (by {message.matched_by})"
            else:
                outcome = "new contact to triage"
            self.stdout.write(f"{label}: {outcome}")
        self.stdout.write(
            f"{counts['filed']} filed on cases, {counts['to_triage']} new contact to triage, "
            f"{counts['already stored']} already stored."
        )

    def _eml(self, paths):
        for name in paths:
            path = Path(name)
            if path.is_dir():
                files = sorted(path.glob("*.eml"))
            elif path.is_file():
                files = [path]
            else:
                raise CommandError(f"No such file or directory: {name}")
            for file in files:
                yield str(file), file.read_bytes()

    def _imap(self, options):
        from imap_tools import AND, MailBox

        password = os.environ.get("PUTRIGHT_IMAP_PASSWORD", "")
        if not options["imap_user"] or not password:
            raise CommandError("Set --imap-user and the PUTRIGHT_IMAP_PASSWORD environment.")
        mailbox = MailBox(options["imap_host"], port=options["imap_port"] or 993)
        with mailbox.login(options["imap_user"], password, initial_folder=options["imap_folder"]):
            # Unseen messages, marked seen once fetched; the Message-ID check makes a re-run safe.
            for message in mailbox.fetch(AND(seen=False), mark_seen=True, bulk=True):
                yield f"imap uid {message.uid}", message.obj.as_bytes()
