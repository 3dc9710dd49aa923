"""Backups: the database and the data directory in one archive, and putting one back.

An archive (``esitlik-backup-20260131T020000Z.tar.gz``, by default in
``ESITLIK_DATA_DIR/backups/``) holds:

- ``database/esitlik.sqlite3`` (SQLite) or ``database/esitlik.pgdump`` (PostgreSQL, the
  custom format of ``pg_dump``);
- ``files/data/<path>``: every file of the data directory (Parquet files of imports, report
  PDFs and evidence under ``media/``, uploads, the secret key …) except the backups folder,
  the collected static files (``static/``, rebuilt from the release by ``esitlik serve``, and
  its stamp ``static.collected``) and the SQLite database itself, which is in
  ``database/``. ``files/media``, ``files/datasets`` and ``files/uploads`` appear only when
  those folders are set outside the data directory;
- ``manifest.json``, last, once every checksum is known: the format version, esitlik's
  version, when, the database engine, the migrations applied in each app, and the size and
  SHA-256 of every other member.

**Why the database first, then the files.** Rows name files (a landed import run its Parquet
file, a stored report its PDF, an evidence row its upload); files never name rows. esitlik
writes a file completely (under a temporary name, then renamed, or through Django's storage,
which never overwrites) *before* the transaction that records its row commits. So every row in
a snapshot taken at time T names a file that existed, whole, at T; the files, copied after T,
contain it. A file written after T is an extra no row names — harmless: it is what an
interrupted import leaves too, and ``esitlik upkeep`` counts such files. The database snapshot
is consistent in itself: SQLite's online backup API (``sqlite3.Connection.backup``) copies
the database as of one read transaction while the site keeps writing (a plain file copy of a
WAL database can tear), and ``pg_dump`` reads one repeatable-read snapshot.

The one gap is a file *deleted* between T and its copy: deleting a stored report removes its
PDF after the deletion commits, and ``esitlik upkeep`` removes unconfirmed uploads. The
snapshot may then keep a row whose file is gone — of a report somebody just deleted. Run
backups at a quiet hour (cron, before the day starts) and the window is a few seconds.

**Restoring** checks everything before it changes anything: the archive is unpacked into a
folder beside the data, every member's size and checksum compared with the manifest, the
format version, the database engine and the migrations (none newer than this esitlik knows)
checked, and a database holding users or municipalities is only overwritten when asked
(``--yes``). Then the database is replaced (SQLite: the file, through a temporary file and
``os.replace``, so it is the old or the new one, never half; PostgreSQL: ``pg_restore
--clean --if-exists --no-owner`` in one transaction), the data files are swapped in (the old
ones moved aside, the new ones moved in, the old ones deleted), and ``migrate`` brings an
older backup up to this version. Stop the web server and the worker while restoring.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from esitlik import get_version
from esitlik.core.audit import audit_record
from esitlik.core.collected import stamp_path
from esitlik.core.models import Municipality

FORMAT = "esitlik-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
BACKUPS_FOLDER = "backups"
# Work folders of a backup or restore in progress; never backed up, never swapped.
WORK_PREFIXES = (".esitlik-backup-", ".esitlik-restore-")
DATABASE_FILES = {"sqlite": "database/esitlik.sqlite3", "postgresql": "database/esitlik.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
ROOT_NAMES = ("data", "media", "datasets", "uploads")
CHUNK = 1 << 20
# A manifest larger than this is not one esitlik wrote.
MANIFEST_MAX_BYTES = 64 << 20


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is in the active language and says
    whether anything was changed."""


@dataclass
class BackupResult:
    path: Path
    size: int
    sha256: str
    files: int
    engine: str


@dataclass
class RestoreResult:
    created_at: str
    esitlik_version: str
    engine: str
    files: int
    migrated: list[str] = field(default_factory=list)


# --- what is backed up -------------------------------------------------------------------


def _engine(alias: str = DEFAULT_DB_ALIAS) -> str:
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL databases, not %(engine)s.")
            % {"engine": vendor}
        )
    return vendor


def file_roots() -> dict[str, Path]:
    """The folders whose files are backed up, by their name in the archive.

    In production every folder is inside the data directory; ``media``, ``datasets`` and
    ``uploads`` are roots of their own only when the settings put them elsewhere.
    """
    data = Path(settings.DATA_DIR).resolve()
    roots = {"data": data}
    for name, setting in (
        ("media", "MEDIA_ROOT"),
        ("datasets", "DATASETS_ROOT"),
        ("uploads", "UPLOADS_ROOT"),
    ):
        path = Path(getattr(settings, setting)).resolve()
        if not any(path == root or root in path.parents for root in roots.values()):
            roots[name] = path
    return roots


def _sqlite_path(alias: str = DEFAULT_DB_ALIAS) -> Path | None:
    name = str(connections[alias].settings_dict["NAME"])
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    return Path(name).resolve()


def _untouched(alias: str = DEFAULT_DB_ALIAS) -> set[Path]:
    """Paths inside the roots that are neither backed up nor replaced by a restore."""
    data = Path(settings.DATA_DIR).resolve()
    stamp = stamp_path().resolve()
    paths = {
        data / BACKUPS_FOLDER,
        Path(settings.STATIC_ROOT).resolve(),
        # Says what the collected static files were made from; it goes with them.
        stamp,
        stamp.with_name(stamp.name + ".tmp"),
    }
    if connections[alias].vendor == "sqlite" and (db := _sqlite_path(alias)):
        paths |= {db, *(db.with_name(db.name + end) for end in ("-wal", "-shm", "-journal"))}
    return paths


def _walk(root: Path, skip: set[Path]):
    """Every regular file under ``root`` (symbolic links are not followed), sorted."""
    if not root.is_dir():
        return
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(
            d for d in dirs if here / d not in skip and not d.startswith(WORK_PREFIXES)
        )
        for name in sorted(files):
            path = here / name
            if path in skip or name.startswith(WORK_PREFIXES) or path.is_symlink():
                continue
            if path.is_file():
                yield path


def _applied_migrations(alias: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connections[alias]).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


# --- the database ------------------------------------------------------------------------


def _pg_environment(alias: str = DEFAULT_DB_ALIAS) -> dict[str, str]:
    """libpq's variables for the connection: the password travels in PGPASSWORD, never on a
    command line that ``ps`` shows to every user of the machine."""
    db = connections[alias].settings_dict
    env = dict(os.environ)
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("NAME", "PGDATABASE"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    for option, variable in (
        ("sslmode", "PGSSLMODE"),
        ("sslrootcert", "PGSSLROOTCERT"),
        ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"),
    ):
        if db.get("OPTIONS", {}).get(option):
            env[variable] = str(db["OPTIONS"][option])
    return env


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _(
                "%(program)s was not found. Install the PostgreSQL client programs (on Debian "
                "and Ubuntu: apt install postgresql-client, of the server's major version or "
                "newer) and try again."
            )
            % {"program": name}
        )
    return path


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s")
            % {"program": Path(command[0]).name, "error": done.stderr.strip()}
        )


def _dump_database(target: Path, engine: str, alias: str = DEFAULT_DB_ALIAS) -> None:
    if engine == "sqlite":
        connection = connections[alias]
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            # One read transaction over the whole copy: the database as of one moment.
            connection.connection.backup(copy)
            # A self-contained file: no -wal beside it is needed to read it.
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()
    else:
        _run(
            [_pg_tool("pg_dump"), "--format=custom", "--no-password", f"--file={target}"],
            _pg_environment(alias),
        )


# --- writing an archive ------------------------------------------------------------------


class _Hashing:
    """A file read through it is hashed on the way; tarfile reads exactly the size it was
    told, so a file still growing is copied as it was when its size was taken."""

    def __init__(self, file):
        self.file = file
        self.hash = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.hash.update(data)
        return data


def _add(tar: tarfile.TarFile, path: Path, name: str) -> dict:
    with path.open("rb") as file:
        stat = os.fstat(file.fileno())
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), stat.st_mode & 0o777
        reader = _Hashing(file)
        tar.addfile(info, reader)
    return {"path": name, "size": info.size, "sha256": reader.hash.hexdigest()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def default_output() -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path(settings.DATA_DIR).resolve() / BACKUPS_FOLDER / f"esitlik-backup-{stamp}.tar.gz"


def backup_create(*, output: Path | None = None, by=None) -> BackupResult:
    """Write one archive of the database and the data files; see the module's docstring."""
    engine = _engine()
    output = Path(output) if output is not None else default_output()
    if output.is_dir():
        output = output / default_output().name
    output = output.resolve()
    if output.parent == Path(settings.DATA_DIR).resolve() / BACKUPS_FOLDER:
        output.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not output.parent.is_dir():
        raise BackupError(
            _("The folder %(folder)s does not exist; nothing was written.")
            % {"folder": output.parent}
        )
    partial = output.with_name(f"{WORK_PREFIXES[0]}{output.name}.partial")
    work = Path(tempfile.mkdtemp(prefix=WORK_PREFIXES[0], dir=output.parent))
    skip = _untouched() | {output, partial, work}
    members: list[dict] = []
    try:
        migrations = _applied_migrations()
        snapshot = work / Path(DATABASE_FILES[engine]).name
        _dump_database(snapshot, engine)  # first: see "why the database first"
        created_at = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with (
            os.fdopen(descriptor, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar,
        ):
            members.append(_add(tar, snapshot, DATABASE_FILES[engine]))
            snapshot.unlink()
            for name, root in file_roots().items():
                for path in _walk(root, skip):
                    relative = path.relative_to(root).as_posix()
                    with contextlib.suppress(FileNotFoundError):  # deleted meanwhile
                        members.append(_add(tar, path, f"files/{name}/{relative}"))
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "esitlik_version": get_version(),
                "created_at": created_at,
                "database": {"engine": engine, "file": DATABASE_FILES[engine]},
                "migrations": migrations,
                "files": members,
            }
            body = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(body), int(datetime.now(UTC).timestamp()), 0o600
            tar.addfile(info, io.BytesIO(body))
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    result = BackupResult(
        path=output,
        size=output.stat().st_size,
        sha256=_sha256(output),
        files=len(members) - 1,
        engine=engine,
    )
    audit_record(
        action="core.backup.created",
        actor=by,
        object_repr=output.name,
        changes={"file": str(output), "size": result.size, "sha256": result.sha256},
    )
    return result


# --- reading an archive ------------------------------------------------------------------

_SAFE_PART = re.compile(r"^[^/\x00]+$")


def _member_target(name: str, staging: Path) -> Path | None:
    """Where a member is unpacked, or None for a name esitlik never writes (refused)."""
    path = PurePosixPath(name)
    parts = path.parts
    if path.is_absolute() or not parts or any(p in ("", ".", "..") for p in parts):
        return None
    if not all(_SAFE_PART.match(p) for p in parts):
        return None
    if name == MANIFEST:
        return staging / MANIFEST
    if parts[0] == "database" and len(parts) == 2:
        return staging.joinpath(*parts)
    if parts[0] == "files" and len(parts) >= 3 and parts[1] in ROOT_NAMES:
        return staging.joinpath(*parts)
    return None


def _damaged(detail: str) -> BackupError:
    return BackupError(
        _("The backup archive is damaged (%(detail)s); nothing was changed.") % {"detail": detail}
    )


def _unpack(archive: Path, staging: Path) -> tuple[dict, dict[str, dict]]:
    """Unpack ``archive`` into ``staging``, hashing each member; return the manifest and what
    was found (name → size, sha256, mode, mtime)."""
    found: dict[str, dict] = {}
    try:
        with tarfile.open(archive, mode="r|gz") as tar:
            for member in tar:
                if member.isdir():
                    continue
                target = _member_target(member.name, staging)
                if target is None or not member.isfile() or member.name in found:
                    raise _damaged(_("unexpected member %(name)s") % {"name": member.name})
                if member.name == MANIFEST and member.size > MANIFEST_MAX_BYTES:
                    raise _damaged(_("unexpected member %(name)s") % {"name": member.name})
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, size = hashlib.sha256(), 0
                source = tar.extractfile(member)
                with target.open("wb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                found[member.name] = {
                    "size": size,
                    "sha256": digest.hexdigest(),
                    "mode": member.mode & 0o777,
                    "mtime": member.mtime,
                }
    except (tarfile.TarError, zlib.error, EOFError, UnicodeError) as error:
        raise _damaged(str(error) or type(error).__name__) from None
    except OSError as error:
        if error.filename is None:  # gzip's "Not a gzipped file", a truncated stream
            raise _damaged(str(error)) from None
        raise
    if MANIFEST not in found:
        raise _damaged(_("no manifest"))
    try:
        manifest = json.loads((staging / MANIFEST).read_text(encoding="utf-8"))
        listed = {entry["path"]: entry for entry in manifest["files"]}
        version = int(manifest["format_version"])
    except (ValueError, KeyError, TypeError) as error:
        raise _damaged(_("unreadable manifest: %(error)s") % {"error": error}) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            _("%(file)s is not an esitlik backup; nothing was changed.") % {"file": archive.name}
        )
    if version > FORMAT_VERSION:
        raise BackupError(
            _(
                "The backup is in format %(found)s; this esitlik reads format %(known)s and "
                "older. Restore it with a newer esitlik; nothing was changed."
            )
            % {"found": version, "known": FORMAT_VERSION}
        )
    del found[MANIFEST]
    for name in sorted(set(listed) | set(found)):
        if name not in found:
            raise _damaged(_("%(name)s is missing") % {"name": name})
        if name not in listed:
            raise _damaged(_("unexpected member %(name)s") % {"name": name})
        if (found[name]["size"], found[name]["sha256"]) != (
            listed[name].get("size"),
            listed[name].get("sha256"),
        ):
            raise _damaged(_("%(name)s does not match its checksum") % {"name": name})
    return manifest, found


def _check_compatible(manifest: dict, engine: str) -> None:
    theirs = manifest.get("database", {}).get("engine")
    if theirs != engine:
        raise BackupError(
            _(
                "The backup holds a %(theirs)s database but esitlik is set up with "
                "%(ours)s (DATABASE_URL). Restore it into the same kind of database; "
                "nothing was changed."
            )
            % {
                "theirs": ENGINE_NAMES.get(theirs, str(theirs)),
                "ours": ENGINE_NAMES.get(engine, engine),
            }
        )
    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = set(loader.disk_migrations) | {
        old for migration in loader.disk_migrations.values() for old in migration.replaces
    }
    unknown = sorted(
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        for name in names
        if (app, name) not in known
    )
    if unknown:
        raise BackupError(
            _(
                "The backup was made by a newer esitlik (%(version)s): this one does not know "
                "its migrations %(migrations)s. Upgrade esitlik first; nothing was changed."
            )
            % {
                "version": manifest.get("esitlik_version", "?"),
                "migrations": ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else ""),
            }
        )


def database_in_use(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether the database holds anything a person made: users or municipalities. A database
    just migrated (reference data only) is not in use."""
    tables = set(connections[alias].introspection.table_names())
    user_table = get_user_model()._meta.db_table
    return (user_table in tables and get_user_model().objects.using(alias).exists()) or (
        Municipality._meta.db_table in tables and Municipality.objects.using(alias).exists()
    )


# --- putting it back ---------------------------------------------------------------------


def _restore_sqlite(snapshot: Path, alias: str = DEFAULT_DB_ALIAS) -> None:
    target = _sqlite_path(alias)
    if target is None:
        raise BackupError(
            _("An in-memory SQLite database cannot be restored; nothing was changed.")
        )
    check = sqlite3.connect(snapshot)
    try:
        verdict = check.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        check.close()
    if verdict != "ok":
        raise _damaged(verdict)
    temporary = target.with_name(f"{WORK_PREFIXES[1]}{target.name}")
    shutil.copyfile(snapshot, temporary)
    connections[alias].close()
    if target.exists():
        # Fold the write-ahead log into the old file and empty it, so no old log is left to be
        # read against the new file.
        live = sqlite3.connect(target)
        try:
            live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            live.close()
    for end in ("-wal", "-shm", "-journal"):
        target.with_name(target.name + end).unlink(missing_ok=True)
    os.replace(temporary, target)


def _dump_tables(dump: Path, env: dict[str, str]) -> set[str]:
    done = subprocess.run(
        [_pg_tool("pg_restore"), "--list", str(dump)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise _damaged(done.stderr.strip())
    return set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", done.stdout, flags=re.MULTILINE))


def _restore_postgresql(dump: Path, alias: str = DEFAULT_DB_ALIAS) -> None:
    env = _pg_environment(alias)
    restore = _pg_tool("pg_restore")
    in_dump = _dump_tables(dump, env)
    connection = connections[alias]
    # Tables the backup does not have (added by migrations newer than it) would keep
    # pg_restore --clean from dropping the tables they point to, and migrate from creating
    # them again: they go first. Their rows were never in the backup. (This runs before
    # pg_restore's own transaction: should pg_restore then fail, only these tables are gone.)
    extra = sorted(set(connection.introspection.table_names()) - in_dump)
    if extra:
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            for table in extra:
                cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connection.close()
    _run(
        [
            restore,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--no-password",
            f"--dbname={env.get('PGDATABASE', '')}",
            str(dump),
        ],
        env,
    )


def _swap(live: Path, staged: Path, old: Path, keep: set[Path]) -> None:
    """Make ``live`` hold what ``staged`` holds: each entry of ``live`` is moved into ``old``,
    then each entry of ``staged`` moved in. Entries in ``keep`` stay where they are (a folder
    holding one is gone through entry by entry)."""
    live.mkdir(parents=True, exist_ok=True)
    for entry in sorted(live.iterdir()):
        if entry in keep or entry.name.startswith(WORK_PREFIXES):
            continue
        if entry.is_dir() and not entry.is_symlink() and any(entry in k.parents for k in keep):
            _swap(entry, staged / entry.name, old / entry.name, keep)
            continue
        old.mkdir(parents=True, exist_ok=True)
        os.replace(entry, old / entry.name)
    if staged.is_dir():
        for entry in sorted(staged.iterdir()):
            target = live / entry.name
            if not (target.exists() or target.is_symlink()):
                shutil.move(entry, target)


def _restore_files(staging: Path, found: dict[str, dict], keep: set[Path]) -> None:
    for name, facts in found.items():
        if name.startswith("files/"):
            path = staging.joinpath(*PurePosixPath(name).parts)
            os.chmod(path, facts["mode"] or 0o600)
            os.utime(path, (facts["mtime"], facts["mtime"]))
    for name, root in file_roots().items():
        old = root / f"{WORK_PREFIXES[1]}old"
        shutil.rmtree(old, ignore_errors=True)
        try:
            _swap(root, staging / "files" / name, old, keep | {old})
        except OSError as error:
            raise BackupError(
                _(
                    "The database was restored but the files of %(folder)s could not be put "
                    "in place (%(error)s). The files that were there are in %(old)s."
                )
                % {"folder": root, "error": error, "old": old}
            ) from None
        shutil.rmtree(old, ignore_errors=True)


def backup_restore(*, archive: Path, overwrite: bool = False, by=None) -> RestoreResult:
    """Put back the database and data files of ``archive``; see the module's docstring.

    Raises :class:`BackupError` — with nothing changed — for a damaged archive, a newer format,
    another database engine, migrations this version does not know, or a database in use
    without ``overwrite``.
    """
    archive = Path(archive).resolve()
    if not archive.is_file():
        raise BackupError(_("There is no file %(file)s; nothing was changed.") % {"file": archive})
    engine = _engine()
    data = Path(settings.DATA_DIR).resolve()
    data.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=WORK_PREFIXES[1], dir=data))
    keep = _untouched() | {archive, staging}
    try:
        manifest, found = _unpack(archive, staging)
        _check_compatible(manifest, engine)
        if not overwrite and database_in_use():
            raise BackupError(
                _(
                    "The database already holds users or municipalities. Restoring replaces "
                    "all of it with the backup; run again with --yes to do so. Nothing was "
                    "changed."
                )
            )
        snapshot = staging / PurePosixPath(manifest["database"]["file"])
        if engine == "sqlite":
            _restore_sqlite(snapshot)
        else:
            _restore_postgresql(snapshot)
        _restore_files(staging, found, keep)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    connections[DEFAULT_DB_ALIAS].close()
    before = set(MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations())
    call_command("migrate", interactive=False, verbosity=0)
    after = set(MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations())
    result = RestoreResult(
        created_at=manifest.get("created_at", ""),
        esitlik_version=manifest.get("esitlik_version", ""),
        engine=engine,
        files=sum(1 for name in found if name.startswith("files/")),
        migrated=sorted(f"{app}.{name}" for app, name in after - before),
    )
    # Pages cached from the database as it was (keyed by the portal's edition number, which
    # the restore has put back to an earlier value) must not be served from the restored one.
    for cache in caches.all():
        cache.clear()
    # Written into the restored database, after the restore: the log says it happened.
    audit_record(
        action="core.backup.restored",
        actor=by,
        object_repr=archive.name,
        changes={
            "file": str(archive),
            "created_at": result.created_at,
            "esitlik_version": result.esitlik_version,
            "migrated": result.migrated,
        },
    )
    return result
