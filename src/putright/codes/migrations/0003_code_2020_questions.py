"""The 2020 Code's self-assessment questions (its form asked questions, in eight numbered
sections, rather than quoting provisions), so that an imported 2020 form maps to them. A
database loaded by 0002 before the questions were in code_2020.json gets them here; on a new
database 0002 has loaded them already and this repeats nothing (load_codes updates in place)."""

from django.db import migrations


def load(apps, schema_editor):
    from putright.codes.loading import load_codes

    load_codes(
        apps.get_model("codes", "CodeVersion"),
        apps.get_model("codes", "Section"),
        apps.get_model("codes", "Provision"),
        versions=("2020",),
    )


class Migration(migrations.Migration):
    dependencies = [("codes", "0002_load_codes")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
