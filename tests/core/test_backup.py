"""`esitlik backup` and `esitlik restore`: a round trip gives back every row and every byte, on
SQLite and (in CI) PostgreSQL; a damaged, foreign or newer archive changes nothing."""

import io
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from esitlik.core.backup import FORMAT_VERSION, BackupError, _pg_tool, backup_create
from esitlik.core.collected import stamp_path
from esitlik.core.models import AuditEntry, Municipality
from esitlik.core.neighbourhoods import neighbourhood_create
from esitlik.datasets import storage
from esitlik.datasets.imports import import_file
from esitlik.datasets.models import ImportRun
from esitlik.reports.models import StoredReport
from tests.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

POPULATION = "Yıl;Mahalle;Kadın;Erkek\r\n2025;Atatürk;120;131\r\n2025;Işıklar;40;22\r\n"


@pytest.fixture(autouse=True)
def pg_tools():
    if connection.vendor == "postgresql" and not (
        shutil.which("pg_dump") and shutil.which("pg_restore")
    ):
        # A missing tool is a machine that cannot test backups, not a test to leave out.
        pytest.fail("pg_dump and pg_restore (postgresql-client) are needed on PostgreSQL")


@pytest.fixture
def data_dir(settings, tmp_path) -> Path:
    """A data directory laid out as in production: media, datasets and uploads inside it."""
    data = tmp_path / "data"
    data.mkdir()
    settings.DATA_DIR = data
    settings.MEDIA_ROOT = data / "media"
    settings.DATASETS_ROOT = data / "datasets"
    settings.UPLOADS_ROOT = data / "uploads"
    (data / "secret_key").write_text("not-a-real-key")
    (data / "secret_key").chmod(0o600)
    return data


@pytest.fixture
def filled(world, data_dir):
    """Real data: the world's municipalities and people, a landed import with its Parquet
    file, a stored report with its PDF, and a Turkish file name."""
    for name in ("Atatürk", "Işıklar"):
        neighbourhood_create(municipality=world.home, name=name, by=world.alice)
    run = import_file(
        municipality=world.home,
        kind="population",
        year=2025,
        source=POPULATION.encode(),
        file_name="nüfus.csv",
        by=world.alice,
    )
    assert run.status == ImportRun.Status.LANDED, run.problems
    assert storage.run_path(run).is_file()
    report = StoredReport.objects.create(
        municipality=world.home,
        kind=StoredReport.Kind.EQUALITY,
        year=2025,
        language="tr",
        status=StoredReport.Status.READY,
        title="Hizmette Eşitlik Raporu 2025",
        document={"sections": [{"title": "Şişli", "figures": [1, 2, 3]}]},
    )
    report.pdf.save("rapor.pdf", ContentFile(b"%PDF-1.7\n" + bytes(range(256)) * 40))
    (data_dir / "uploads" / "notlar").mkdir(parents=True)
    (data_dir / "uploads" / "notlar" / "Çankaya ödemiş.txt").write_text("İğdır\n")
    return world


# The portal's edition counter rises with every save, the restore's own audit entry too.
COUNTERS = {"portal_edition"}


def database_rows() -> dict[str, list[str]]:
    """Every table's rows, in an order that does not depend on how they were stored."""
    tables = {}
    with connection.cursor() as cursor:
        for table in sorted(set(connection.introspection.table_names()) - COUNTERS):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            tables[table] = sorted(repr(tuple(row)) for row in cursor.fetchall())
    return tables


def data_files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).parts[0] != "backups"
    }


def rewrite(archive: Path, change) -> Path:
    """A copy of ``archive`` with each member's bytes passed through ``change(name, data)``."""
    copy = archive.with_name("changed.tar.gz")
    with tarfile.open(archive, "r:gz") as source, tarfile.open(copy, "w:gz") as target:
        for member in source:
            data = change(member.name, source.extractfile(member).read())
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return copy


def change_manifest(archive: Path, **changes) -> Path:
    def change(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        for key, value in changes.items():
            if key == "engine":
                manifest["database"]["engine"] = value
            else:
                manifest[key] = value
        return json.dumps(manifest).encode()

    return rewrite(archive, change)


def restore(archive: Path, *options: str) -> str:
    out = io.StringIO()
    call_command("restore", str(archive), *options, "--language", "en", stdout=out)
    return out.getvalue()


def test_it_restores_every_row_and_every_file(filled, data_dir):
    rows, files = database_rows(), data_files(data_dir)
    out = io.StringIO()
    call_command("backup", "--language", "en", stdout=out)
    archives = list((data_dir / "backups").glob("esitlik-backup-*.tar.gz"))
    assert len(archives) == 1
    archive = archives[0]
    assert f"Backup written: {archive}" in out.getvalue()
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive, "r:gz") as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[-1] == "manifest.json"
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["database"]["engine"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["core"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(names) - {"manifest.json"}
    assert {f"files/data/{name}" for name in files} | {manifest["database"]["file"]} == set(listed)
    assert listed["files/data/secret_key"]["size"] == len("not-a-real-key")
    assert AuditEntry.objects.filter(action="core.backup.created").count() == 1

    # Everything changes: rows edited, added and deleted, files removed, changed and added.
    user = filled.alice
    user.first_name = "Başka"
    user.save()
    MunicipalityFactory(name="Yeni Belediyesi", slug="yeni")
    report = StoredReport.objects.get()
    report.pdf.delete(save=False)
    report.delete()
    storage.run_path(ImportRun.objects.get()).unlink()
    (data_dir / "secret_key").write_text("changed")
    (data_dir / "media" / "new.txt").write_text("added after the backup")
    changed_rows, changed_files = database_rows(), data_files(data_dir)

    with pytest.raises(CommandError, match="already holds users or municipalities"):
        restore(archive)
    assert (database_rows(), data_files(data_dir)) == (changed_rows, changed_files)

    out = restore(archive, "--yes")
    assert f"Restored the backup of {manifest['created_at']}" in out
    restored = AuditEntry.objects.get(action="core.backup.restored")
    assert restored.changes["file"] == str(archive)
    restored.delete()
    assert database_rows() == rows
    assert data_files(data_dir) == files
    assert (data_dir / "secret_key").stat().st_mode & 0o777 == 0o600
    assert archive.is_file()
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".esitlik-")]
    # The database carries on where it was: new rows get new ids.
    MunicipalityFactory(name="Sonra Belediyesi", slug="sonra")
    UserFactory(username="sonra")


def test_it_restores_into_an_empty_database_without_asking(filled, data_dir):
    rows, files = database_rows(), data_files(data_dir)
    result = backup_create(output=data_dir.parent)
    assert result.path.parent == data_dir.parent
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(data_dir)
    restore(result.path)
    AuditEntry.objects.filter(action="core.backup.restored").delete()
    assert database_rows() == rows
    assert data_files(data_dir) == files


@pytest.fixture
def backed_up(filled, data_dir):
    """A backup, and the state it must not disturb when refused."""
    archive = backup_create().path
    return archive, database_rows(), data_files(data_dir)


def assert_unchanged(backed_up, data_dir):
    _, rows, files = backed_up
    assert database_rows() == rows
    assert data_files(data_dir) == files
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".esitlik-")]


def test_a_damaged_archive_changes_nothing(backed_up, data_dir):
    archive = backed_up[0]
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(CommandError, match="The backup archive is damaged .*nothing was changed"):
        restore(archive, "--yes")
    assert_unchanged(backed_up, data_dir)


def test_a_file_that_does_not_match_its_checksum_changes_nothing(backed_up, data_dir):
    def change(name, data):
        return b"tampered" if name == "files/data/secret_key" else data

    with pytest.raises(CommandError, match="files/data/secret_key does not match its checksum"):
        restore(rewrite(backed_up[0], change), "--yes")
    assert_unchanged(backed_up, data_dir)


def test_a_missing_member_changes_nothing(backed_up, data_dir):
    copy = backed_up[0].with_name("short.tar.gz")
    with tarfile.open(backed_up[0], "r:gz") as source, tarfile.open(copy, "w:gz") as target:
        for member in source:
            if member.name != "files/data/secret_key":
                target.addfile(member, source.extractfile(member))
    with pytest.raises(CommandError, match="files/data/secret_key is missing"):
        restore(copy, "--yes")
    assert_unchanged(backed_up, data_dir)


def test_a_backup_of_another_database_engine_is_refused(backed_up, data_dir):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    archive = change_manifest(backed_up[0], engine=other)
    with pytest.raises(CommandError, match=f"holds a {names[other]} database") as refused:
        restore(archive, "--yes")
    assert f"set up with {names[connection.vendor]}" in str(refused.value)
    assert_unchanged(backed_up, data_dir)


def test_a_newer_format_or_newer_migrations_are_refused(backed_up, data_dir):
    with pytest.raises(CommandError, match=f"this esitlik reads format {FORMAT_VERSION}"):
        restore(change_manifest(backed_up[0], format_version=FORMAT_VERSION + 1), "--yes")
    with tarfile.open(backed_up[0], "r:gz") as tar:
        migrations = json.load(tar.extractfile("manifest.json"))["migrations"]
    migrations["core"].append("9999_from_the_future")
    with pytest.raises(CommandError, match="core.9999_from_the_future. Upgrade esitlik first"):
        restore(change_manifest(backed_up[0], migrations=migrations), "--yes")
    assert_unchanged(backed_up, data_dir)


def test_a_file_that_is_not_a_backup_is_refused(data_dir, db):
    other = data_dir / "photo.tar.gz"
    other.write_bytes(b"not a tar file at all")
    with pytest.raises(CommandError, match="The backup archive is damaged"):
        restore(other)
    with pytest.raises(CommandError, match="There is no file"):
        restore(data_dir / "missing.tar.gz")
    assert Municipality.objects.count() == 0


def test_without_pg_dump_it_names_the_package_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with translation.override("en"), pytest.raises(BackupError, match="postgresql-client"):
        _pg_tool("pg_dump")


def test_tables_newer_than_the_backup_give_way_to_it(filled, data_dir):
    """A table a later migration added (here one pointing at a backed-up table) is not in the
    backup: it goes, so that migrate can create it again."""
    rows, files = database_rows(), data_files(data_dir)
    archive = backup_create().path
    table, municipalities = (connection.ops.quote_name(n) for n in ("later", "core_municipality"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE {table} (id integer PRIMARY KEY, "
            f"municipality_id bigint REFERENCES {municipalities} (id))"
        )
        cursor.execute(f"INSERT INTO {table} SELECT 1, MIN(id) FROM {municipalities}")  # noqa: S608
    restore(archive, "--yes")
    assert "later" not in connection.introspection.table_names()
    AuditEntry.objects.filter(action="core.backup.restored").delete()
    assert database_rows() == rows
    assert data_files(data_dir) == files


def test_collected_static_files_and_their_stamp_stay_out_of_it(data_dir, settings):
    """Both belong to the release on this machine: a restore keeps the ones it finds."""
    settings.STATIC_ROOT = data_dir / "static"
    settings.STATIC_ROOT.mkdir()
    (settings.STATIC_ROOT / "site.css").write_text("body {}\n")
    stamp = stamp_path()
    assert stamp.parent == data_dir
    stamp.write_text("made from this release\n")
    result = backup_create()
    with tarfile.open(result.path, "r:gz") as tar:
        names = tar.getnames()
    assert not [name for name in names if "static" in name], names
    stamp.write_text("made from the next release\n")
    restore(result.path, "--yes")
    assert stamp.read_text() == "made from the next release\n"
    assert (settings.STATIC_ROOT / "site.css").read_text() == "body {}\n"
