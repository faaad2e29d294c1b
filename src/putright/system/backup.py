"""Encrypted backups of everything Putright keeps, and their restore (docs/operating.md "Backups").

A backup is one file: a tar archive, encrypted with age (pyrage) to one or more X25519
recipients, holding
  manifest.json     the format, the database vendor, the migrations applied, row counts of the
                    record's tables, and the SHA-256 of every other member;
  database.pgdump   PostgreSQL: `pg_dump --format=custom`, or
  database.sqlite3  SQLite: a consistent copy made by SQLite's online backup;
  media/...         every uploaded file.

Only the public key (the recipient) is needed where backups are made; the identity (private
key) is kept apart and needed only to restore. age authenticates what it decrypts, so a backup
changed after it was made is refused, not restored. A restore goes only into an empty database
and an empty media folder, and checks the record's hash chains and row counts afterwards.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyrage
from django.conf import settings
from django.db import connection, connections
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "putright-backup/1"
MANIFEST = "manifest.json"
# The record (5.12): restored counts must equal the backup's.
COUNTED_TABLES = (
    "complaints_complaint",
    "complaints_event",
    "complaints_attachment",
    "people_resident",
    "letters_letter",
    "selfassessment_change",
    "accounts_user",
)


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the reason in words an operator can act on."""


@dataclass(frozen=True)
class RestoreReport:
    counts: dict[str, int]
    files: int
    chains_checked: int
    problems: list[str]


# --- keys -------------------------------------------------------------------------------------


def new_identity() -> tuple[str, str]:
    """(identity, recipient): the private key to keep offline, the public key to back up to."""
    identity = pyrage.x25519.Identity.generate()
    return str(identity), str(identity.to_public())


def _recipients(values: list[str]):
    if not values:
        raise BackupError(
            "No recipient: pass --recipient age1... or set PUTRIGHT_BACKUP_RECIPIENTS "
            "(make a key pair with `putright backup --new-identity FILE`)."
        )
    try:
        return [pyrage.x25519.Recipient.from_str(value.strip()) for value in values]
    except pyrage.RecipientError as error:
        raise BackupError(f"A recipient is not an age public key (age1...): {error}") from error


def _identities(path: Path):
    try:
        lines = [
            line.strip()
            for line in path.read_text().splitlines()
            if line.strip() and not line.startswith("#")
        ]
        return [pyrage.x25519.Identity.from_str(line) for line in lines]
    except (OSError, pyrage.IdentityError) as error:
        raise BackupError(f"Cannot read the identity file {path}: {error}") from error


# --- backup -----------------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]  # never on the command line, where ps shows it
    return args, env


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(
            f"{command[0]} is not installed: install PostgreSQL's client tools."
        ) from error
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-2000:]}")


def _dump_database(folder: Path) -> str:
    if connection.vendor == "postgresql":
        args, env = _pg_environment()
        target = folder / "database.pgdump"
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
        return target.name
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            # A consistent copy even while the web server and worker write.
            connection.connection.backup(destination)
        finally:
            destination.close()
        return target.name
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {connection.vendor}.")


def _counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in COUNTED_TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # the names are ours, not input
            counts[table] = cursor.fetchone()[0]
    return counts


def create(output: Path, recipients: list[str]) -> dict:
    """Write an encrypted backup of the database and media to `output`; the manifest."""
    to = _recipients(recipients)
    media_root = Path(settings.MEDIA_ROOT)
    output = output.resolve()
    with tempfile.TemporaryDirectory(prefix="putright-backup-") as work:
        folder = Path(work)
        database = _dump_database(folder)
        files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        )
        manifest = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "vendor": connection.vendor,
            "database": database,
            "migrations": sorted(
                f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations()
            ),
            "counts": _counts(),
            "sha256": {database: _sha256(folder / database)},
            "files": len(files),
        }
        for path in files:
            manifest["sha256"]["media/" + path.relative_to(media_root).as_posix()] = _sha256(path)
        plain = folder / "backup.tar"
        with tarfile.open(plain, "w") as archive:
            body = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
            archive.add(folder / database, arcname=database)
            for path in files:
                archive.add(path, arcname="media/" + path.relative_to(media_root).as_posix())
        partial = output.with_name(output.name + ".partial")
        try:
            pyrage.encrypt_file(str(plain), str(partial), to)
            os.replace(partial, output)  # never a half-written backup under the real name
        finally:
            partial.unlink(missing_ok=True)
    return manifest


# --- restore ----------------------------------------------------------------------------------


def _database_is_empty() -> bool:
    return not connection.introspection.table_names()


def _restore_database(folder: Path, manifest: dict) -> None:
    source = folder / manifest["database"]
    if connection.vendor == "postgresql":
        args, env = _pg_environment()
        connections.close_all()
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                *args,
                str(source),
            ],
            env,
        )
        return
    target = Path(settings.DATABASES["default"]["NAME"])
    connections.close_all()
    origin = sqlite3.connect(source)
    destination = sqlite3.connect(target)
    try:
        origin.backup(destination)
    finally:
        origin.close()
        destination.close()


def _unpack(backup: Path, identity: Path, folder: Path) -> dict:
    identities = _identities(identity)
    plain = folder / "backup.tar"
    if not backup.is_file():
        raise BackupError(f"There is no backup file at {backup}.")
    try:
        pyrage.decrypt_file(str(backup), str(plain), identities)
    except (pyrage.DecryptError, OSError) as error:
        # age reports a wrong key at the header and a changed byte as a stream error.
        raise BackupError(
            f"{backup} cannot be decrypted with that identity, or it was changed after it was "
            f"made ({error})."
        ) from error
    with tarfile.open(plain) as archive:
        # The "data" filter refuses absolute paths, "..", links out and device files.
        archive.extractall(folder / "unpacked", filter="data")
    unpacked = folder / "unpacked"
    manifest = json.loads((unpacked / MANIFEST).read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{backup} is not a Putright backup ({manifest.get('format')!r}).")
    for name, expected in manifest["sha256"].items():
        if _sha256(unpacked / name) != expected:
            raise BackupError(f"{name} in the backup does not match its checksum.")
    return manifest


def restore(backup: Path, identity: Path) -> RestoreReport:
    """Restore `backup` into this installation's (empty) database and media folder."""
    from putright.complaints import audit
    from putright.selfassessment import history

    media_root = Path(settings.MEDIA_ROOT)
    if media_root.exists() and any(p.is_file() for p in media_root.rglob("*")):
        raise BackupError(f"The media folder {media_root} is not empty: restore into a new one.")
    if not _database_is_empty():
        raise BackupError(
            "The database is not empty: restore only into a new, empty database, so that "
            "nothing recorded is overwritten or mixed."
        )
    with tempfile.TemporaryDirectory(prefix="putright-restore-") as work:
        folder = Path(work)
        manifest = _unpack(backup, identity, folder)
        if manifest["vendor"] != connection.vendor:
            raise BackupError(
                f"This backup is of a {manifest['vendor']} database; this installation uses "
                f"{connection.vendor}."
            )
        _restore_database(folder / "unpacked", manifest)
        source = folder / "unpacked" / "media"
        if source.exists():
            shutil.copytree(source, media_root, dirs_exist_ok=True)
    counts = _counts()
    problems = [
        f"{table}: {counts[table]} rows restored, {expected} backed up"
        for table, expected in manifest["counts"].items()
        if counts.get(table) != expected
    ]
    checked = 0
    for verify in (audit.verify, history.verify):
        n, found = verify()
        checked += n
        problems += [str(p) for p in found]
    return RestoreReport(counts, manifest["files"], checked, problems)
