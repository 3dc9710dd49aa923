from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from esitlik.core.models import Municipality, Role
from esitlik.core.services import invitation_create, membership_create


class Command(BaseCommand):
    help = (
        "Give a municipality an equality unit admin. An existing user (by user name) joins at "
        "once; otherwise an invitation is e-mailed to --email and its link printed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--municipality", required=True, help="the municipality's slug")
        parser.add_argument("--username", help="an existing user to make admin")
        parser.add_argument("--email", help="invite this address instead")

    def handle(self, *args, municipality, username, email, **options):
        try:
            target = Municipality.objects.get(slug=municipality)
        except Municipality.DoesNotExist:
            raise CommandError(f"no municipality with slug {municipality!r}") from None
        if bool(username) == bool(email):
            raise CommandError("give exactly one of --username or --email")
        try:
            with transaction.atomic():
                if username:
                    user = get_user_model().objects.filter(username=username).first()
                    if user is None:
                        raise CommandError(f"no user named {username!r}")
                    membership_create(user=user, municipality=target, role=Role.EQUALITY_ADMIN)
                    self.stdout.write(f"{username} is now equality unit admin of {target}")
                else:
                    from esitlik.core.services import invitation_url

                    invitation = invitation_create(
                        municipality=target, email=email, role=Role.EQUALITY_ADMIN, by=None
                    )
                    self.stdout.write(f"invitation sent; link: {invitation_url(invitation)}")
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
