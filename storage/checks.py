"""Is the database fit to run on? Start-up checks, `db check` and `db backup` for operators.

Start-up refuses, with one line saying what to do, rather than run on a database that would lose
or corrupt what it holds: a missing or empty file where claimwatch created a database before (a
truncated file would otherwise become a fresh, empty one and every follow would be lost), a file
that is not SQLite, a damaged page, a database it cannot write to or that another process holds,
and a schema other than the one its migrations build.

"Created before" is remembered by a small file beside the database (`claimwatch.db.created`);
deleting the whole data directory (or `--create-db`) starts afresh on purpose.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from storage.schema import migrations as bundled_migrations
from storage.schema import split_sql

if TYPE_CHECKING:
    from storage.db import Database

MARKER_SUFFIX = ".created"
BACKUP = "restore it from a backup (`python -m bot db backup PATH` makes one)"
RESTORE = f"{BACKUP}, or move it aside and start afresh with --create-db"


class DatabaseProblem(Exception):
    """Why the database cannot be used, in one line for the operator."""


def marker_of(path: Path) -> Path:
    return path.with_name(path.name + MARKER_SUFFIX)


def before_open(path: Path, *, create: bool, must_exist: bool = False) -> None:
    """Refuse a missing or empty database where one was created before, unless told to create one."""
    missing = not path.exists()
    empty = not missing and path.is_file() and path.stat().st_size == 0
    if not (missing or empty):
        return
    what = "does not exist" if missing else "is empty (0 bytes)"
    if must_exist:
        raise DatabaseProblem(f"{path} {what}")
    marker = marker_of(path)
    if marker.exists() and not create:
        raise DatabaseProblem(f"{path} {what}, but claimwatch created a database there before; {BACKUP}, "
                              "or start afresh with --create-db")
    if empty:
        path.unlink()  # SQLite would take it as a new database anyway; WAL files of the old one go too
    for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)


def mark_created(path: Path) -> None:
    """Remember that a database lives here, so that losing it is noticed."""
    marker = marker_of(path)
    if marker.exists():
        return
    with suppress(OSError):  # a read-only directory: the database itself said whether it can be written
        marker.write_text(
            f"claimwatch keeps its database in {path.name} (since {datetime.now(UTC):%Y-%m-%d %H:%M} UTC).\n"
            "While this file is here, start-up refuses to replace a missing or empty database with a new one.\n",
            encoding="utf-8")


def explain(path: str, error: BaseException) -> DatabaseProblem:
    """An SQLite or file error at start-up, as one line for the operator."""
    text = str(error)
    lowered = text.lower()
    if "not a database" in lowered:
        return DatabaseProblem(f"{path} is not a SQLite database (damaged, or another kind of file); {RESTORE}")
    if "malformed" in lowered or "corrupt" in lowered:
        return DatabaseProblem(f"{path} is damaged ({_one_line([text])}); {RESTORE}")
    if "locked" in lowered or "busy" in lowered:
        return DatabaseProblem(f"{path} is locked by another process (is another claimwatch running on it?)")
    if "readonly" in lowered or "read-only" in lowered or isinstance(error, PermissionError):
        return DatabaseProblem(f"{path} cannot be written: claimwatch needs to write to it and to its directory")
    if isinstance(error, NotADirectoryError | FileExistsError):  # a file stands where a directory of the path goes
        return DatabaseProblem(f"{path} cannot be opened: part of its directory path is a file, not a directory; "
                               "set [storage] path to a file in a directory claimwatch may write")
    if "unable to open" in lowered:
        return DatabaseProblem(f"{path} cannot be opened: does its directory exist, and may claimwatch write there?")
    return DatabaseProblem(f"{path}: {text}")


async def usable(db: Database) -> None:
    """Intact pages (quick_check) and a write lock we can take: before anything else touches it."""
    rows = await db.fetchall("PRAGMA quick_check(3)")
    found = [str(row[0]) for row in rows]
    if found != ["ok"]:
        raise DatabaseProblem(f"{db.path} is damaged (quick_check: {_one_line(found)}); {RESTORE}")
    await db.execute("BEGIN IMMEDIATE")  # SQLite's: no other process holds the write lock
    await db.execute("ROLLBACK")


def _one_line(found: list[str]) -> str:
    """SQLite's check messages (several to a row, a line each) as one short line."""
    lines = [" ".join(line.split()) for text in found for line in text.splitlines()
             if line.strip() and not line.startswith("***")]  # "*** in database main ***" heads the list
    more = f" and {len(lines) - 1} more" if len(lines) > 1 else ""
    return lines[0][:200] + more if lines else "no answer"


@cache
def expected_schema(bundled: tuple[tuple[int, str, str], ...]) -> dict[str, frozenset[str]]:
    """table -> columns, as these migrations build them (on an in-memory database)."""
    conn = sqlite3.connect(":memory:")
    try:
        for _, _, sql in bundled:
            for statement in split_sql(sql):
                conn.execute(statement)
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {table: frozenset(row[1] for row in conn.execute(f"PRAGMA table_info('{table}')"))
                for table in tables}
    finally:
        conn.close()


async def schema(db: Database, migrations: list[tuple[int, str, str]]) -> int:
    """The schema version; raises when a table or column the `migrations` build is missing, or the
    database was written by a newer claimwatch."""
    bundled = tuple(migrations)
    known = max(version for version, _, _ in bundled)
    row = await db.fetchone("SELECT max(version) FROM schema_migrations")
    version = int(row[0]) if row and row[0] is not None else 0
    if version > known:
        raise DatabaseProblem(f"{db.path} was written by a newer claimwatch (schema {version}; this one knows "
                              f"up to {known}): run the newer version")
    for table, columns in sorted(expected_schema(bundled).items()):
        present = {row[1] for row in await db.fetchall(f"PRAGMA table_info('{table}')")}
        if not present:
            raise DatabaseProblem(f"{db.path} does not have the expected schema: table {table} is missing; {RESTORE}")
        if missing := sorted(columns - present):
            raise DatabaseProblem(f"{db.path} does not have the expected schema: column {table}.{missing[0]} is "
                                  f"missing; {RESTORE}")
    return version


async def full_report(db: Database) -> list[str]:
    """`db check`: every page and index (integrity_check), foreign keys, and what it holds.
    On PostgreSQL (which checks its own pages): the schema version and what it holds."""
    if db.dialect == "postgresql":
        versions = await db.applied_versions()
        head = f"{db.path}: ok (PostgreSQL, schema version {max(versions, default=0)})"
        return [head, await _counts(db)]
    problems = [str(row[0]) for row in await db.fetchall("PRAGMA integrity_check(20)")]
    if problems != ["ok"]:
        raise DatabaseProblem(f"{db.path} is damaged (integrity_check: {_one_line(problems)}); {RESTORE}")
    orphans = await db.fetchall("PRAGMA foreign_key_check")
    if orphans:
        raise DatabaseProblem(f"{db.path} has {len(orphans)} rows pointing at rows that are gone "
                              f"(first in table {orphans[0][0]}); {RESTORE}")
    version = await schema(db, bundled_migrations())
    return [f"{db.path}: ok (integrity_check ok, foreign keys ok, schema version {version})", await _counts(db)]


async def _counts(db: Database) -> str:
    counts = []
    for table, label in (("feeds", "feeds"), ("items", "items"), ("claims", "claims"), ("follows", "follows")):
        row = await db.fetchone(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
        counts.append(f"{int(row[0]) if row else 0:,} {label}")
    waiting = await db.fetchone("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sending', 'digest')")
    counts.append(f"{int(waiting[0]) if waiting else 0:,} alerts waiting")
    return ", ".join(counts)


def _backup(source: Path, target: Path) -> int:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=1024)  # in steps: a running bot keeps writing between them
            check = dst.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise DatabaseProblem(f"the backup at {target} does not check out ({check}); the database may be damaged")
            return int(dst.execute("PRAGMA page_count").fetchone()[0])
        finally:
            dst.close()
    finally:
        src.close()


def backup(source: Path, target: Path) -> str:
    """Copy the database with SQLite's online backup API, safe while the bot runs (blocking: call
    it from a thread when an event loop is running)."""
    if not source.exists() or source.stat().st_size == 0:
        raise DatabaseProblem(f"{source} {'does not exist' if not source.exists() else 'is empty (0 bytes)'}")
    if target.exists():
        raise DatabaseProblem(f"{target} already exists: name a new file for the backup")
    if not target.parent.is_dir():
        raise DatabaseProblem(f"{target.parent} is not a directory")
    try:
        pages = _backup(source, target)
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise explain(str(source), error) from error
    except DatabaseProblem:
        target.unlink(missing_ok=True)
        raise
    return f"Backed up {source} to {target} ({pages:,} pages; quick_check ok)."
