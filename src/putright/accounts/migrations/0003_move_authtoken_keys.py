"""Move DRF authtoken keys (stored in clear) to hashed knox tokens, then drop the old table.

Each old key keeps working as `Authorization: Token <key>` (knox looks a token up by its first
15 characters and compares the SHA-512 digest), now with the default expiry from today. The
table `authtoken_token` is dropped so that no key stays readable in the database or a backup.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.db import migrations
from django.utils import timezone
from django.utils.dateparse import parse_datetime


def _aware(value):
    if isinstance(value, str):  # SQLite hands raw timestamps back as text
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, dt.UTC)
    return value or timezone.now()


def move_keys(apps, schema_editor):
    connection = schema_editor.connection
    if "authtoken_token" not in connection.introspection.table_names():
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    days = getattr(settings, "PUTRIGHT_API_TOKEN_DAYS", 90)
    expiry = timezone.now() + dt.timedelta(days=days) if days else None
    with connection.cursor() as cursor:
        cursor.execute("SELECT key, user_id, created FROM authtoken_token")
        rows = cursor.fetchall()
    for key, user_id, created in rows:
        digest = hashlib.sha512(key.encode()).hexdigest()
        ApiToken(
            digest=digest,
            token_key=key[:15],
            user_id=user_id,
            expiry=expiry,
            name="Moved from the old token table",
        ).save()
        ApiToken.objects.filter(digest=digest).update(created=_aware(created))
    schema_editor.execute(f"DROP TABLE {schema_editor.quote_name('authtoken_token')}")


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_user_session_stamp_apitoken")]

    operations = [migrations.RunPython(move_keys, migrations.RunPython.noop)]
