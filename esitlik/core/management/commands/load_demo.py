from django.core.management.base import BaseCommand

from esitlik.core.demo import load_all


class Command(BaseCommand):
    help = "Load the demo municipalities, directorates and users. Safe to run again."

    def handle(self, *args, **options):
        created = load_all()
        if options["verbosity"]:
            self.stdout.write(f"demo: {created} new records" if created else "demo: already loaded")
