"""`esitlik serve` collects static files only when they changed since the last collection."""

import io
import json
import os
import time

import pytest
from django.core.management import call_command

from esitlik.core import collected
from esitlik.core.management.commands import serve

WHITENOISE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.fixture
def static(settings, tmp_path):
    source = tmp_path / "source"
    (source / "css").mkdir(parents=True)
    (source / "css" / "site.css").write_text('body { background: url("../img/dot.svg"); }\n')
    (source / "img").mkdir()
    (source / "img" / "dot.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "data" / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": WHITENOISE}}
    return source


def manifest(settings):
    return settings.STATIC_ROOT / "staticfiles.json"


def age(path):
    """Set a file's modification time an hour back, so a rewrite shows in its mtime."""
    past = time.time() - 3600
    os.utime(path, (past, past))
    return path.stat().st_mtime_ns


def test_a_second_start_collects_nothing(static, settings):
    assert collected.collect_static_if_changed() is True
    assert manifest(settings).is_file()
    assert collected.stamp_path().is_file()
    before = age(manifest(settings))
    started = time.monotonic()
    assert collected.collect_static_if_changed() is False
    assert time.monotonic() - started < 2
    assert manifest(settings).stat().st_mtime_ns == before


def test_a_touched_source_file_is_collected_again(static, settings):
    collected.collect_static_if_changed()
    before = age(manifest(settings))
    os.utime(static / "img" / "dot.svg")  # touched: a newer modification time
    assert collected.collect_static_if_changed() is True
    assert manifest(settings).stat().st_mtime_ns != before
    assert collected.collect_static_if_changed() is False


def test_a_changed_source_file_is_served_in_its_new_version(static, settings):
    collected.collect_static_if_changed()
    old = json.loads(manifest(settings).read_text())["paths"]["css/site.css"]
    (static / "css" / "site.css").write_text("body { color: black; }\n")
    assert collected.collect_static_if_changed() is True
    new = json.loads(manifest(settings).read_text())["paths"]["css/site.css"]
    assert new != old
    assert (settings.STATIC_ROOT / new).read_text() == "body { color: black; }\n"


def test_a_new_source_file_is_collected(static, settings):
    collected.collect_static_if_changed()
    (static / "extra.js").write_text("console.log(1);\n")
    assert collected.collect_static_if_changed() is True
    assert "extra.js" in json.loads(manifest(settings).read_text())["paths"]


def test_a_collected_file_gone_missing_is_collected_again(static, settings):
    collected.collect_static_if_changed()
    hashed = json.loads(manifest(settings).read_text())["paths"]["img/dot.svg"]
    (settings.STATIC_ROOT / hashed).unlink()
    assert collected.collect_static_if_changed() is True
    assert (settings.STATIC_ROOT / hashed).is_file()


def test_a_collection_that_failed_half_way_is_not_taken_for_done(static, settings, monkeypatch):
    collected.collect_static_if_changed()
    os.utime(static / "img" / "dot.svg")

    def killed(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(collected, "call_command", killed)
    with pytest.raises(KeyboardInterrupt):
        collected.collect_static_if_changed()
    monkeypatch.undo()
    assert not collected.stamp_path().exists()
    assert collected.collect_static_if_changed() is True


def test_the_stamp_is_not_served_with_the_static_files(static, settings):
    collected.collect_static_if_changed()
    assert not collected.stamp_path().is_relative_to(settings.STATIC_ROOT)


class NoServer:
    def __init__(self, **kwargs):
        pass

    def run(self):
        return 0


def test_serve_collects_on_the_first_start_only(static, settings, monkeypatch):
    monkeypatch.setattr(serve, "Supervisor", NoServer)
    call_command("serve", task_worker=False, stdout=io.StringIO())
    before = age(manifest(settings))
    call_command("serve", task_worker=False, stdout=io.StringIO())
    assert manifest(settings).stat().st_mtime_ns == before
    (static / "css" / "site.css").write_text("body { color: red; }\n")
    call_command("serve", task_worker=False, stdout=io.StringIO())
    assert manifest(settings).stat().st_mtime_ns != before


def test_an_upgrade_of_whitenoise_collects_again(static, settings, monkeypatch):
    collected.collect_static_if_changed()
    real = collected.importlib.metadata.version
    monkeypatch.setattr(
        collected.importlib.metadata,
        "version",
        lambda name: "999.0" if name == "whitenoise" else real(name),
    )
    assert collected.collect_static_if_changed() is True
