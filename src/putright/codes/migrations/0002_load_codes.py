from django.db import migrations


def load(apps, schema_editor):
    from putright.codes.loading import load_codes

    load_codes(
        apps.get_model("codes", "CodeVersion"),
        apps.get_model("codes", "Section"),
        apps.get_model("codes", "Provision"),
    )


class Migration(migrations.Migration):
    dependencies = [("codes", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
