"""Self-assessment history gets the event log's protection (5.12, 8.2): a snapshot of who acted,
and database triggers refusing UPDATE, DELETE and (PostgreSQL) TRUNCATE."""

from django.db import migrations, models

from putright.complaints import append_only

TABLE = "selfassessment_change"


def backfill(apps, schema_editor):
    Change = apps.get_model("selfassessment", "Change")
    for change in Change.objects.exclude(actor=None).select_related("actor"):
        change.actor_name = change.actor.username
        change.save(update_fields=["actor_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("selfassessment", "0001_initial"),
        ("complaints", "0005_event_hash_chain_actor_snapshot"),
    ]

    operations = [
        migrations.AddField(
            model_name="change",
            name="actor_name",
            field=models.CharField(blank=True, max_length=150),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.RunPython(
            append_only.run(lambda vendor: append_only.create(vendor, TABLE)),
            append_only.run(lambda vendor: append_only.drop(vendor, TABLE)),
        ),
    ]
