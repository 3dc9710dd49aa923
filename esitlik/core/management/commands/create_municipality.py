from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from esitlik.core.models import Municipality
from esitlik.core.services import municipality_create


class Command(BaseCommand):
    help = "Create a municipality (a tenant). Then give it an admin with create_admin."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help='e.g. "Nilüfer Belediyesi"')
        parser.add_argument("--slug", required=True, help="short name in addresses, e.g. nilufer")
        parser.add_argument("--province", required=True)
        parser.add_argument("--kind", required=True, choices=Municipality.Kind.values)
        parser.add_argument("--population", type=int)

    def handle(self, *args, name, slug, province, kind, population, **options):
        try:
            municipality = municipality_create(
                name=name, slug=slug, province=province, kind=kind, population=population
            )
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"created {municipality.name} at /m/{municipality.slug}/")
