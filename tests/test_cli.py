import importlib.metadata
import subprocess
import sys
import tomllib
from pathlib import Path

import django
import pytest

import esitlik
from esitlik.cli import main

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def declared_version() -> str:
    return tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"]


@pytest.mark.parametrize("argv", [["esitlik", "--version"], ["esitlik", "version"]])
def test_version_is_esitliks_not_djangos(argv, capsys):
    main(argv)
    out = capsys.readouterr().out
    assert out == importlib.metadata.version("esitlik") + "\n"
    assert out.strip() != django.get_version()


def test_the_installed_command_prints_esitliks_version():
    result = subprocess.run(
        [sys.executable, "-m", "esitlik", "--version"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert result.stdout == importlib.metadata.version("esitlik") + "\n"


def test_without_package_metadata_the_version_comes_from_pyproject(monkeypatch):
    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert esitlik.get_version() == declared_version()


def test_without_metadata_or_pyproject_the_version_is_unknown(monkeypatch, tmp_path):
    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    monkeypatch.setattr(esitlik, "__file__", str(tmp_path / "esitlik" / "__init__.py"))
    assert esitlik.get_version() == "unknown"
