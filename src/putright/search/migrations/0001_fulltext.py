"""The full-text index over complaint descriptions and notes, one per database back end.

PostgreSQL: GIN indexes on exactly the expressions `putright.search.selectors` queries
(`SearchVector(field, config="english")`), built from the same Django expressions so that the
planner can use them. SQLite: an FTS5 table kept up to date by triggers, so that every write
(services, the demo, anonymisation, a merge) is indexed without any service having to remember.
Neither model carries these indexes in its Meta, so the autodetector never sees them and each
back end runs only its own half.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEXES = [
    ("complaint", "description", "search_complaint_description_fts"),
    ("note", "text", "search_note_text_fts"),
]

# Row ids keep the two kinds apart and make every trigger's delete a rowid look-up rather than a
# scan: a complaint's row is 2 * id, a note's 2 * id + 1.
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "body, complaint_id UNINDEXED, tokenize='porter unicode61 remove_diacritics 2')",
    "INSERT INTO search_fts(rowid, body, complaint_id) "
    "SELECT 2 * id, description, id FROM complaints_complaint",
    "INSERT INTO search_fts(rowid, body, complaint_id) "
    "SELECT 2 * id + 1, text, complaint_id FROM complaints_note",
    "CREATE TRIGGER search_fts_complaint_insert AFTER INSERT ON complaints_complaint BEGIN "
    "INSERT INTO search_fts(rowid, body, complaint_id) VALUES (2 * new.id, new.description, new.id); "
    "END",
    "CREATE TRIGGER search_fts_complaint_update AFTER UPDATE OF description ON complaints_complaint "
    "BEGIN DELETE FROM search_fts WHERE rowid = 2 * old.id; "
    "INSERT INTO search_fts(rowid, body, complaint_id) VALUES (2 * new.id, new.description, new.id); "
    "END",
    "CREATE TRIGGER search_fts_complaint_delete AFTER DELETE ON complaints_complaint BEGIN "
    "DELETE FROM search_fts WHERE rowid = 2 * old.id; END",
    "CREATE TRIGGER search_fts_note_insert AFTER INSERT ON complaints_note BEGIN "
    "INSERT INTO search_fts(rowid, body, complaint_id) "
    "VALUES (2 * new.id + 1, new.text, new.complaint_id); END",
    "CREATE TRIGGER search_fts_note_update AFTER UPDATE OF text, complaint_id ON complaints_note "
    "BEGIN DELETE FROM search_fts WHERE rowid = 2 * old.id + 1; "
    "INSERT INTO search_fts(rowid, body, complaint_id) "
    "VALUES (2 * new.id + 1, new.text, new.complaint_id); END",
    "CREATE TRIGGER search_fts_note_delete AFTER DELETE ON complaints_note BEGIN "
    "DELETE FROM search_fts WHERE rowid = 2 * old.id + 1; END",
]
SQLITE_BACKWARD = [
    *(
        f"DROP TRIGGER IF EXISTS search_fts_{kind}_{event}"
        for kind in ("complaint", "note")
        for event in ("insert", "update", "delete")
    ),
    "DROP TABLE IF EXISTS search_fts",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for model_name, field, name in INDEXES:
            model = apps.get_model("complaints", model_name)
            schema_editor.add_index(
                model, GinIndex(SearchVector(field, config="english"), name=name)
            )
    elif vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for model_name, field, name in INDEXES:
            model = apps.get_model("complaints", model_name)
            schema_editor.remove_index(
                model, GinIndex(SearchVector(field, config="english"), name=name)
            )
    elif vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0007_tracking_generation")]

    operations = [migrations.RunPython(forward, backward)]
