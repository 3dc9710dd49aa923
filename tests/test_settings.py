"""The settings module as an operator meets it: start-up refusals and the deploy check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_esitlik(*args, env, cwd):
    base = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "DEBUG",
            "DJANGO_SETTINGS_MODULE",
            "ESITLIK_HTTPS",
            "DATABASE_URL",
            "ALLOWED_HOSTS",
            "ESITLIK_DEMO",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, "-m", "esitlik", *args],
        env={**base, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_in_production_without_a_secret_key(tmp_path):
    result = run_esitlik("check", env={"ESITLIK_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_passes_the_deploy_check_with_production_settings(tmp_path):
    result = run_esitlik(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "SECRET_KEY": "p" * 20 + "roduction-key-with-enough-variety-0123456789",
            "ALLOWED_HOSTS": "esitlik.example.org",
            "ESITLIK_DATA_DIR": str(tmp_path),
        },
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_rejects_a_misspelt_boolean_with_the_variable_name(tmp_path):
    result = run_esitlik(
        "check", env={"DEBUG": "belki", "ESITLIK_DATA_DIR": str(tmp_path)}, cwd=tmp_path
    )
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_it_reads_a_postgresql_database_url():
    import dj_database_url

    from esitlik.env import Env

    url = Env({"DATABASE_URL": "postgres://u:p@db.example:5433/esitlik"}).str("DATABASE_URL")
    parsed = dj_database_url.parse(url)
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
    assert (parsed["HOST"], parsed["PORT"], parsed["NAME"]) == ("db.example", 5433, "esitlik")


def test_it_keeps_the_embedded_database_in_the_data_directory(tmp_path):
    result = run_esitlik(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['NAME'])",
        env={"DEBUG": "true", "ESITLIK_DATA_DIR": str(tmp_path)},
        cwd=ROOT,
    )
    assert result.stdout.strip().splitlines()[-1] == str(tmp_path / "esitlik.sqlite3"), (
        result.stderr
    )
