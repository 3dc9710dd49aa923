from django.core.management.base import BaseCommand, CommandError

from esitlik.core.models import Municipality
from esitlik.plans.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each focal point what is overdue or due soon in their directorates. "
        "Schedule it (cron or a systemd timer), e.g. every Monday morning."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", help="slug; all municipalities when omitted")
        parser.add_argument("--language", default="tr", choices=["tr", "en"])
        parser.add_argument(
            "--dry-run", action="store_true", help="list who would be reminded, send nothing"
        )

    def handle(self, *args, municipality=None, language="tr", dry_run=False, **options):
        municipalities = Municipality.objects.all()
        if municipality:
            municipalities = municipalities.filter(slug=municipality)
            if not municipalities.exists():
                raise CommandError(f"no municipality with slug {municipality!r}")
        total = 0
        for place in municipalities.order_by("slug"):
            reminders = send_reminders(place, language=language, dry_run=dry_run)
            for reminder in reminders:
                user = reminder.membership.user
                self.stdout.write(f"{place.slug}: {user.email} — {reminder.count} item(s)")
            total += len(reminders)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{total} reminder(s) {verb}")
