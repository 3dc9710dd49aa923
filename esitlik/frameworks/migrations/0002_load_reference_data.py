from django.db import migrations

from esitlik.frameworks.reference import sync_reference


def load(apps, schema_editor):
    sync_reference(apps.get_model("frameworks", "Framework"),
                   apps.get_model("frameworks", "FrameworkItem"))


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0001_reference_frameworks")]

    # Reversing leaves the rows: plans may already be tagged with them.
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
