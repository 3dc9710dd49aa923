"""Service records stored before they were kept as counts (one row per use, with the date and
exact age) are rewritten as counts, like every import now stores them
(``datasets/ingest/counting.py``): special-category data is not kept per person.

Runs on ``migrate``, so also after ``esitlik restore`` of an older backup. A file already in
counts (it has a ``count`` column) or missing is left as it is; nothing can turn counts back
into records, so the reverse does nothing.
"""

from pathlib import Path

from django.conf import settings
from django.db import migrations


def count_stored_records(apps, schema_editor):
    import pyarrow.parquet as pq

    from esitlik.datasets.ingest import counting, writing
    from esitlik.datasets.kinds import DIMENSION_PREFIX, Kind, stored_schema

    ImportRun = apps.get_model("datasets", "ImportRun")
    runs = ImportRun.objects.filter(kind="service_records", status__in=["landed", "replaced"])
    for run in runs.exclude(stored_path="").iterator():
        path = Path(settings.DATASETS_ROOT) / run.stored_path
        if not path.exists():
            continue
        names = pq.read_schema(path).names
        if "count" in names:
            continue
        dimensions = [name for name in names if name.startswith(DIMENSION_PREFIX)]
        counted = counting.as_counts(
            pq.read_table(path), stored_schema(Kind.SERVICE_RECORDS, dimensions)
        )
        writing.write(counted, path)  # through a temporary file: whole or not at all
        run.rows_stored = counted.num_rows
        run.save(update_fields=["rows_stored"])


class Migration(migrations.Migration):
    dependencies = [("datasets", "0005_service_single_sex")]

    operations = [migrations.RunPython(count_stored_records, migrations.RunPython.noop)]
