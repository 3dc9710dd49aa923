"""esitlik privacy export|erase: one person's data, from the command line."""

from __future__ import annotations

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from esitlik.core.models import Municipality
from esitlik.privacy import exporting, services
from esitlik.privacy.erasure import person_erase
from esitlik.privacy.models import DataRequest, Method
from esitlik.privacy.people import PLACES, Terms, find


class Command(BaseCommand):
    help = (
        "Export (JSON or XLSX) or erase one person's data in one municipality, found by name, "
        "e-mail or phone, as the Personal data requests page does; each run is recorded as a "
        "request (docs/privacy.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("--municipality", required=True, metavar="SLUG")
        parser.add_argument("--name", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument(
            "--requester",
            default="",
            help="Who asked, as they signed (default: the name or e-mail searched for).",
        )
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")
        parser.add_argument(
            "--output", default="-", help="File to write the export to (default: standard output)."
        )
        parser.add_argument(
            "--yes", action="store_true", help="Erase without asking (for scripts)."
        )

    def handle(self, *args, action, municipality, name, email, phone, requester, **options):
        place = Municipality.objects.filter(slug=municipality).first()
        if place is None:
            raise CommandError(f"No municipality with the short name {municipality!r}.")
        terms = Terms.of(name, email, phone)
        if not terms:
            raise CommandError("Give --name, --email or --phone.")
        found = find(place, terms)
        for key, n in found.counts().items():
            if n:
                self.stderr.write(f"{PLACES[key]}: {n}")
        if action == "erase" and not found.total:
            raise CommandError("Nothing was found about this person; nothing was erased.")
        if action == "erase" and not options["yes"]:
            answer = input("Erase this person's data for good? Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was erased.")
        request = services.request_create(
            municipality=place,
            by=None,
            kind=DataRequest.Kind.ACCESS if action == "export" else DataRequest.Kind.ERASURE,
            requester=requester or terms.name or terms.email or terms.phone,
            channel=Method.OTHER,
            received_on=timezone.localdate(),
        )
        if action == "export":
            fmt = options["format"]
            services.person_exported(request=request, found=found, by=None, fmt=fmt)
            body = exporting.as_json(found) if fmt == "json" else exporting.as_xlsx(found)
            if options["output"] == "-":
                sys.stdout.buffer.write(body)
            else:
                with open(options["output"], "wb") as handle:
                    handle.write(body)
            self.stderr.write(f"Recorded as request #{request.pk}.")
            return
        try:
            erased = person_erase(request=request, found=found, by=None)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stderr.write(erased.summary())
        self.stderr.write(f"Recorded as request #{request.pk}.")
