import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command

from esitlik.cli import prepare_demo_environment
from esitlik.core.demo import DEMO_PASSWORD, DEMO_USERS, load
from esitlik.core.models import Membership, Municipality, Role


def test_it_loads_the_demo_once_and_only_adds_what_is_missing(db):
    assert load() > 0
    assert load() == 0
    get_user_model().objects.get(username="komisyon").delete()
    assert load() == 2  # the user and their membership


def test_it_has_a_user_in_every_role(db):
    load()
    roles = set(
        Membership.objects.filter(municipality__slug="ornek").values_list("role", flat=True)
    )
    assert roles == set(Role.values)
    for spec in DEMO_USERS:
        assert get_user_model().objects.get(username=spec.username).check_password(DEMO_PASSWORD)


def test_it_builds_a_realistic_organisation(db):
    load()
    ornek = Municipality.objects.get(slug="ornek")
    assert ornek.directorates.filter(parent__isnull=True).count() >= 10
    assert ornek.directorates.filter(parent__isnull=False).count() >= 5
    assert ornek.directorates.filter(code="KAH-EB", name__tr="Eşitlik Birimi").exists()


def test_it_prints_the_logins(db, capsys):
    call_command("demo", no_serve=True)
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out
    for spec in DEMO_USERS:
        assert spec.username in out


def test_it_makes_and_keeps_a_private_demo_secret_key(tmp_path):
    environ = {"ESITLIK_DATA_DIR": str(tmp_path)}
    prepare_demo_environment(environ)
    key_file = tmp_path / "secret_key"
    assert len(environ["SECRET_KEY"]) >= 50
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    again = {"ESITLIK_DATA_DIR": str(tmp_path)}
    prepare_demo_environment(again)
    assert again["SECRET_KEY"] == environ["SECRET_KEY"]
    assert environ["ESITLIK_HTTPS"] == "false"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_it_serves_the_demo_with_static_files(tmp_path):
    """The README's first command, minus installing: `esitlik demo` answers in Turkish."""
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "ESITLIK_HTTPS", "DATABASE_URL"}
    }
    env["ESITLIK_DATA_DIR"] = str(tmp_path)
    server = subprocess.Popen(
        [sys.executable, "-m", "esitlik", "demo", "--bind", f"127.0.0.1:{port}"],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # A bound so a hung demo cannot stall the suite, not a speed test: a fresh start
        # loads every app's demo (a year of equality data included) and, on a busy 2-core
        # machine, took up to three minutes. Start-up speed belongs in bench/.
        deadline = time.monotonic() + 300
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("the demo did not start") from None
                time.sleep(0.5)
        html = page.read().decode()
        assert page.status == 200 and '<html lang="tr">' in html and "Giriş yap" in html
        css = html.split('rel="stylesheet" href="')[1].split('"')[0]
        assert ".css" in css and css != "/static/esitlik/css/site.css"  # hashed by the manifest
        assert urllib.request.urlopen(f"http://127.0.0.1:{port}{css}", timeout=5).status == 200
        assert (tmp_path / "esitlik.sqlite3").exists()
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
