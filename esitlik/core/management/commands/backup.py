from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import ngettext

from esitlik.core.backup import ENGINE_NAMES, BackupError, backup_create


class Command(BaseCommand):
    help = (
        "Write one archive of the database (a consistent snapshot: SQLite's online backup or "
        "pg_dump) and the data directory's files, with a manifest of checksums. Default: "
        "ESITLIK_DATA_DIR/backups/esitlik-backup-<UTC time>.tar.gz. Restore it with "
        "`esitlik restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="the archive to write, or a folder to write it in (default: the data "
            "directory's backups folder)",
        )
        parser.add_argument("--language", default="tr", choices=["tr", "en"])

    def handle(self, *args, output, language, **options):
        with translation.override(language):
            try:
                result = backup_create(output=Path(output) if output else None)
            except BackupError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(
                ngettext(
                    "Backup written: %(path)s (%(size)s, the %(engine)s database and "
                    "%(files)s file). SHA-256: %(sha256)s",
                    "Backup written: %(path)s (%(size)s, the %(engine)s database and "
                    "%(files)s files). SHA-256: %(sha256)s",
                    result.files,
                )
                % {
                    "path": result.path,
                    "size": filesizeformat(result.size),
                    "files": result.files,
                    "engine": ENGINE_NAMES[result.engine],
                    "sha256": result.sha256,
                }
            )
