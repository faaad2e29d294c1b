"""Each self-assessment's history becomes a hash chain, as the event log is (5.12, 8.2).

The append-only triggers are lifted for the backfill (and SQLite's table rebuild) and put back."""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from putright.complaints import append_only, audit
from putright.selfassessment.history import digest_of

TABLE = "selfassessment_change"


def backfill(apps, schema_editor):
    Change = apps.get_model("selfassessment", "Change")
    last: dict[int, tuple[int, str]] = {}
    for change in Change.objects.order_by("occurred_at", "pk").iterator(chunk_size=2000):
        sequence, previous = last.get(change.self_assessment_id, (-1, audit.GENESIS))
        change.sequence = sequence + 1
        change.previous_hash = previous
        change.hash = digest_of(change, previous)
        last[change.self_assessment_id] = (change.sequence, change.hash)
        change.save(update_fields=["sequence", "previous_hash", "hash"])


class Migration(migrations.Migration):

    dependencies = [
        ('selfassessment', '0002_change_append_only'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(
            append_only.run(lambda vendor: append_only.drop(vendor, TABLE)),
            append_only.run(lambda vendor: append_only.create(vendor, TABLE)),
        ),
        migrations.AddField(
            model_name='change',
            name='hash',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='change',
            name='previous_hash',
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name='change',
            name='sequence',
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AlterField(
            model_name='change',
            name='occurred_at',
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='change',
            constraint=models.UniqueConstraint(fields=('self_assessment', 'sequence'), name='selfassessment_change_place'),
        ),
        migrations.RunPython(
            append_only.run(lambda vendor: append_only.create(vendor, TABLE)),
            append_only.run(lambda vendor: append_only.drop(vendor, TABLE)),
        ),
    ]
