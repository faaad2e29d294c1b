"""Events keep a snapshot of who acted, and each stream of events becomes a hash chain (5.12).

The triggers that refuse changes are lifted for the backfill and put back, with TRUNCATE refused
too on PostgreSQL (complaints.append_only)."""

import django.utils.timezone
from django.db import migrations, models

from putright.complaints import append_only, audit

TABLE = "complaints_event"


def _old_triggers(vendor):
    # The triggers of migration 0002, by their names there.
    if vendor == "sqlite":
        return [
            "DROP TRIGGER IF EXISTS complaints_event_no_update;",
            "DROP TRIGGER IF EXISTS complaints_event_no_delete;",
        ]
    if vendor == "postgresql":
        return [
            "DROP TRIGGER IF EXISTS complaints_event_append_only ON complaints_event;",
            "DROP FUNCTION IF EXISTS complaints_event_append_only();",
        ]
    return []


def backfill(apps, schema_editor):
    Event = apps.get_model("complaints", "Event")
    User = apps.get_model("accounts", "User")
    users = {
        u.pk: u
        for u in User.objects.filter(
            pk__in=Event.objects.exclude(actor=None).values("actor_id")
        )
    }
    last: dict[str, tuple[int, str]] = {}
    for event in Event.objects.order_by("occurred_at", "pk").iterator(chunk_size=2000):
        actor = users.get(event.actor_id)
        if actor is not None:
            full = f"{actor.first_name} {actor.last_name}".strip()
            event.actor_name = actor.username
            event.actor_display = full or actor.username
            event.actor_role = actor.role
        event.stream = audit.stream_for(
            complaint_id=event.complaint_id,
            resident_id=event.resident_id if event.complaint_id is None else None,
        )
        sequence, previous = last.get(event.stream, (-1, audit.GENESIS))
        event.sequence = sequence + 1
        event.previous_hash = previous
        event.hash = audit.digest_of(event, previous)
        last[event.stream] = (event.sequence, event.hash)
        event.save(
            update_fields=[
                "actor_name",
                "actor_display",
                "actor_role",
                "stream",
                "sequence",
                "previous_hash",
                "hash",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0004_aware_on_related_reason_nullable_acknowledge_by"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(append_only.run(_old_triggers), migrations.RunPython.noop),
        migrations.AddField(
            model_name="event",
            name="actor_name",
            field=models.CharField(blank=True, max_length=150),
        ),
        migrations.AddField(
            model_name="event",
            name="actor_display",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AddField(
            model_name="event",
            name="actor_role",
            field=models.CharField(blank=True, max_length=20),
        ),
        migrations.AddField(
            model_name="event",
            name="stream",
            field=models.CharField(default="", max_length=40),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="event",
            name="sequence",
            field=models.PositiveIntegerField(default=0),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="event",
            name="previous_hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="event",
            name="hash",
            field=models.CharField(default="", max_length=64),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="event",
            name="occurred_at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.UniqueConstraint(
                fields=("stream", "sequence"), name="event_one_place_in_stream"
            ),
        ),
        migrations.RunPython(
            append_only.run(lambda vendor: append_only.create(vendor, TABLE)),
            append_only.run(lambda vendor: append_only.drop(vendor, TABLE)),
        ),
    ]
