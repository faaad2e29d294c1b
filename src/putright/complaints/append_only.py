"""The database itself refuses to change, delete or empty an append-only table (5.12), whatever
the caller: triggers on SQLite and PostgreSQL, used by the migrations of the event log and of the
self-assessment history. TRUNCATE exists only on PostgreSQL; the trigger there refuses it."""


def create(vendor: str, table: str) -> list[str]:
    message = f"{table} is append-only (5.12)"
    if vendor == "sqlite":
        return [
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END;",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END;",
        ]
    if vendor == "postgresql":
        return [
            f"CREATE OR REPLACE FUNCTION {table}_append_only() RETURNS trigger AS $$ "
            f"BEGIN RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;",
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only();",
            # The test suite empties tables between transactional tests by TRUNCATE; only a
            # session that sets putright.allow_truncate (tests/conftest.py) may.
            f"CREATE OR REPLACE FUNCTION {table}_no_truncate() RETURNS trigger AS $$ "
            "BEGIN IF current_setting('putright.allow_truncate', true) = 'on' THEN RETURN NULL; "
            f"END IF; RAISE EXCEPTION '{message}'; END; $$ LANGUAGE plpgsql;",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_no_truncate();",
        ]
    return []


def drop(vendor: str, table: str) -> list[str]:
    if vendor == "sqlite":
        return [
            f"DROP TRIGGER IF EXISTS {table}_no_update;",
            f"DROP TRIGGER IF EXISTS {table}_no_delete;",
        ]
    if vendor == "postgresql":
        return [
            f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};",
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table};",
            f"DROP FUNCTION IF EXISTS {table}_append_only();",
            f"DROP FUNCTION IF EXISTS {table}_no_truncate();",
        ]
    return []


def run(statements):
    """A RunPython function executing `statements(vendor)`."""

    def forwards(apps, schema_editor):
        for statement in statements(schema_editor.connection.vendor):
            schema_editor.execute(statement)

    return forwards
