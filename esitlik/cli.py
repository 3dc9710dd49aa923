"""The `esitlik` command: Django's management commands, plus the demo's environment.

``esitlik --version`` (and ``esitlik version``) print esitlik's version, not Django's.

``esitlik demo`` needs a secret key and HTTP-friendly cookie settings before Django reads its
settings, so those are put in the environment here, before anything imports Django settings.
"""

from __future__ import annotations

import os
import secrets
import sys

from esitlik.env import data_dir


def prepare_demo_environment(environ=os.environ) -> None:
    """Settings for a single-machine demo on http://127.0.0.1:8000 with an embedded database.

    Values already in the environment win, so a user can still point the demo elsewhere.
    """
    directory = data_dir(environ)
    directory.mkdir(parents=True, exist_ok=True)
    key_file = directory / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    environ.setdefault("SECRET_KEY", key_file.read_text().strip())
    environ.setdefault("ESITLIK_DEMO", "true")
    environ.setdefault("ESITLIK_HTTPS", "false")
    environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    # Two-step sign-in is offered but required of nobody, so the printed logins are enough
    # to try the demo (docs/security.md, "Sign-in").
    environ.setdefault("ESITLIK_2FA_REQUIRED_ROLES", "none")


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    argv[0] = "esitlik"
    if len(argv) > 1 and (argv[1] == "version" or argv[1:] == ["--version"]):
        # Django would answer these two with its own version.
        from esitlik import get_version

        sys.stdout.write(get_version() + "\n")
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "esitlik.settings")
    if len(argv) > 1 and argv[1] == "demo":
        prepare_demo_environment()
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
