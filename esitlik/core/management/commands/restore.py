from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from esitlik.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Put back the database and the data directory's files from an archive written by "
        "`esitlik backup`, then migrate. Checks every checksum first; refuses another "
        "database engine, a newer format, and a database already in use unless --yes. Stop "
        "the web server and the worker first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive written by esitlik backup")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="replace a database that already holds users or municipalities",
        )
        parser.add_argument("--language", default="tr", choices=["tr", "en"])

    def handle(self, *args, file, yes, language, **options):
        with translation.override(language):
            try:
                result = backup_restore(archive=Path(file), overwrite=yes)
            except BackupError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(
                ngettext(
                    "Restored the backup of %(created_at)s (esitlik %(version)s): the "
                    "database and %(files)s file.",
                    "Restored the backup of %(created_at)s (esitlik %(version)s): the "
                    "database and %(files)s files.",
                    result.files,
                )
                % {
                    "created_at": result.created_at,
                    "version": result.esitlik_version,
                    "files": result.files,
                }
            )
            if result.migrated:
                self.stdout.write(
                    _("Migrations applied since the backup: %(migrations)s")
                    % {"migrations": ", ".join(result.migrated)}
                )
