"""`putright backup` and `putright restore` round-trip a whole installation, encrypted (issue 11,
item 7): a demo landlord is backed up and restored into a new, empty database and media folder
on the back end under test, and the restored record is the same row for row, its hash chains
verify, its triggers hold and its migrations are complete. A restore refuses a database that is
not empty, a wrong key and a backup changed after it was made, and writes nothing when it does."""

import hashlib
import os
import sqlite3
from pathlib import Path

import psycopg
import pytest

from tests.system.processes import base_env, new_databases, putright

pytestmark = pytest.mark.django_db


class Installation:
    """One Putright installation in a subprocess: its own database and media folder."""

    def __init__(self, root: Path, url: str, name: str):
        self.media = root / f"media-{name}"
        self.url = url
        self.env = base_env(
            DEBUG="1",
            DATABASE_URL=url,
            MEDIA_ROOT=str(self.media),
            PUTRIGHT_VAR_DIR=str(root / f"var-{name}"),
        )

    def run(self, *args, check=True):
        return putright(self.env, *args, check=check)

    def rows(self, sql):
        if self.url.startswith("sqlite"):
            db = sqlite3.connect(self.url.removeprefix("sqlite:///"))
            try:
                return db.execute(sql).fetchall()
            finally:
                db.close()
        with psycopg.connect(self.url, autocommit=True) as db:
            return [tuple(r) for r in db.execute(sql).fetchall()]

    def files(self):
        return {
            p.relative_to(self.media).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(self.media.rglob("*"))
            if p.is_file()
        }


@pytest.fixture
def databases(tmp_path):
    with new_databases(3, tmp_path) as urls:
        yield urls


EVENTS = "SELECT id, stream, sequence, hash FROM complaints_event ORDER BY id"
CHANGES = "SELECT id, hash FROM selfassessment_change ORDER BY id"


def test_a_backup_round_trips_and_a_bad_restore_writes_nothing(tmp_path, databases):
    source = Installation(tmp_path, databases[0], "source")
    source.run("migrate", "-v0")
    source.run("demo", "--complaints", "30")
    (source.media / "attachments" / "hand").mkdir(parents=True)
    (source.media / "attachments" / "hand" / "photo.jpg").write_bytes(os.urandom(4096))
    key = tmp_path / "identity.txt"
    recipient = source.run("backup", "--new-identity", str(key)).stdout.strip()
    assert recipient.startswith("age1")
    assert oct(key.stat().st_mode & 0o777) == "0o600"
    backup = tmp_path / "putright.age"
    source.run("backup", "--output", str(backup), "--recipient", recipient)
    # Encrypted: nothing of the record is readable in the file.
    assert b"complaints_event" not in backup.read_bytes()
    assert b"SQLite format" not in backup.read_bytes()

    restored = Installation(tmp_path, databases[1], "restored")
    answer = restored.run("restore", str(backup), "--identity", str(key))
    assert "0 problems" in answer.stdout
    events = source.rows(EVENTS)
    assert len(events) > 100 and restored.rows(EVENTS) == events
    assert restored.rows(CHANGES) == source.rows(CHANGES)
    assert restored.files() == source.files() and len(source.files()) > 1
    restored.run("migrate", "--check")
    restored.run("audit", "verify")
    # The append-only triggers came back with the data.
    with pytest.raises((sqlite3.DatabaseError, psycopg.DatabaseError)):
        restored.rows("DELETE FROM complaints_event")

    # Into a database that is not empty: refused, naming why.
    again = restored.run("restore", str(backup), "--identity", str(key), check=False)
    assert again.returncode == 1 and "not empty" in again.stderr
    assert restored.rows(EVENTS) == events

    empty = Installation(tmp_path, databases[2], "empty")
    # A key that is not the backup's: refused.
    other_key = tmp_path / "other.txt"
    empty.run("backup", "--new-identity", str(other_key))
    wrong = empty.run("restore", str(backup), "--identity", str(other_key), check=False)
    assert wrong.returncode == 1 and "cannot be decrypted" in wrong.stderr
    # A backup changed after it was made: refused, as age authenticates what it decrypts.
    tampered = tmp_path / "tampered.age"
    body = bytearray(backup.read_bytes())
    body[len(body) // 2] ^= 0x01
    tampered.write_bytes(bytes(body))
    changed = empty.run("restore", str(tampered), "--identity", str(key), check=False)
    assert changed.returncode == 1 and "changed after it was made" in changed.stderr
    # Neither wrote anything.
    assert empty.files() == {}
    if empty.url.startswith("sqlite"):
        path = Path(empty.url.removeprefix("sqlite:///"))
        assert not path.exists() or empty.rows("SELECT name FROM sqlite_master") == []
    else:
        tables = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        assert empty.rows(tables) == []


def test_a_backup_needs_a_recipient(tmp_path, databases):
    source = Installation(tmp_path, databases[0], "source")
    env = {k: v for k, v in source.env.items() if k != "PUTRIGHT_BACKUP_RECIPIENTS"}
    result = putright(env, "backup", "--output", str(tmp_path / "b.age"), check=False)
    assert result.returncode == 1 and "No recipient" in result.stderr
    bad = putright(
        env, "backup", "--output", str(tmp_path / "b.age"), "--recipient", "not-a-key", check=False
    )
    assert bad.returncode == 1 and "not an age public key" in bad.stderr
    assert not (tmp_path / "b.age").exists()
