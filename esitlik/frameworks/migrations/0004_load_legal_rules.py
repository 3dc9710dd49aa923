from django.db import migrations

from esitlik.frameworks.reference import sync_legal_rules


def load(apps, schema_editor):
    sync_legal_rules(apps.get_model("frameworks", "LegalRule"))


class Migration(migrations.Migration):
    dependencies = [("frameworks", "0003_legal_rule")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
