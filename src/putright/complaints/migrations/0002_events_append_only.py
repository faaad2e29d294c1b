"""The database itself refuses to change or delete an event (5.12), whatever the caller."""

from django.db import migrations

SQLITE = [
    """CREATE TRIGGER complaints_event_no_update BEFORE UPDATE ON complaints_event
       BEGIN SELECT RAISE(ABORT, 'complaint events are append-only (5.12)'); END;""",
    """CREATE TRIGGER complaints_event_no_delete BEFORE DELETE ON complaints_event
       BEGIN SELECT RAISE(ABORT, 'complaint events are append-only (5.12)'); END;""",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS complaints_event_no_update;",
    "DROP TRIGGER IF EXISTS complaints_event_no_delete;",
]
POSTGRES = [
    """CREATE OR REPLACE FUNCTION complaints_event_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'complaint events are append-only (5.12)'; END;
       $$ LANGUAGE plpgsql;""",
    """CREATE TRIGGER complaints_event_append_only BEFORE UPDATE OR DELETE ON complaints_event
       FOR EACH ROW EXECUTE FUNCTION complaints_event_append_only();""",
]
POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS complaints_event_append_only ON complaints_event;",
    "DROP FUNCTION IF EXISTS complaints_event_append_only();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
        )
    ]
