from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from esitlik.core.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = (
        "Prepare and start the demo: migrate the embedded database, load the demo "
        "municipalities idempotently, print the logins and serve on http://127.0.0.1:8000."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000", help="Address and port.")
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare the data, print logins, stop."
        )

    def handle(self, *args, bind, no_serve, **options):
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        self.stdout.write(f"esitlik demo: data in {settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo hazır / demo ready: http://{bind}/ — giriş adları / sign-in names:"
            )
        )
        width = max(len(user.username) for user in DEMO_USERS)
        for user in DEMO_USERS:
            self.stdout.write(f"  {user.username:<{width}}  {user.describe}")
        self.stdout.write(f"  parola / password (hepsi / all): {DEMO_PASSWORD}")
        if not settings.TWO_FACTOR_REQUIRED_ROLES:
            self.stdout.write(
                "  iki adımlı giriş demoda isteğe bağlı / two-step sign-in is optional in the demo"
            )
        if not no_serve:
            call_command("serve", bind=bind, workers=2)
