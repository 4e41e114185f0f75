"""`db upgrade`: which bundled migrations a database still lacks, as SQL for a DBA to apply by hand,
or applied the way the bot applies them at start-up.

Reading what is applied never migrates and never creates anything: a raw connection, read only
where the backend allows it, so `db upgrade --sql` leaves the database exactly as it found it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from storage.backends import open_database
from storage.checks import DatabaseProblem
from storage.db import is_postgres_url
from storage.schema import migrations, split_sql

Migration = tuple[int, str, str]  # (version, name, sql), as storage.schema.migrations gives them

# What each backend's migrate() creates before anything else, and records each migration with.
_LOG_TABLE = {
    "sqlite": "CREATE TABLE IF NOT EXISTS schema_migrations ("
              "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    "postgresql": "CREATE TABLE IF NOT EXISTS schema_migrations ("
                  "version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
}
# The moment it is applied, in storage.db.TIME_FORMAT (2025-12-04T10:00:00.000000Z).
_NOW = {
    "sqlite": "strftime('%Y-%m-%dT%H:%M:%f', 'now') || '000Z'",
    "postgresql": "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')",
}


def dialect_of(target: str | Path) -> str:
    return "postgresql" if is_postgres_url(target) else "sqlite"


def newest(target: str | Path) -> int:
    """The schema version this claimwatch's migrations build on the target's backend."""
    return max(version for version, _, _ in migrations(dialect_of(target)))


def where(target: str | Path) -> str:
    """The target as messages name it: a file path, or the URL without its password."""
    if is_postgres_url(target):
        from storage.backend_postgres import redacted

        return redacted(str(target))
    return str(target)


def _sqlite_versions(path: Path) -> set[int]:
    if not path.exists() or path.stat().st_size == 0:
        return set()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
            if found.fetchone() is None:
                return set()
            return {int(row[0]) for row in conn.execute("SELECT version FROM schema_migrations")}
        finally:
            conn.close()
    except sqlite3.Error as error:
        from storage.checks import explain

        raise explain(str(path), error) from error


async def _postgres_versions(url: str) -> set[int]:
    import asyncpg

    try:
        conn = await asyncpg.connect(url)
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
        raise DatabaseProblem(f"cannot connect to PostgreSQL at {where(url)}: {error}") from error
    try:
        if await conn.fetchval("SELECT to_regclass('schema_migrations')") is None:
            return set()
        return {int(row[0]) for row in await conn.fetch("SELECT version FROM schema_migrations")}
    finally:
        await conn.close()


async def applied(target: str | Path) -> set[int]:
    """The migrations recorded as applied; none where there is no database or no record yet."""
    if is_postgres_url(target):
        return await _postgres_versions(str(target))
    return await asyncio.to_thread(_sqlite_versions, Path(target))


async def pending(target: str | Path) -> list[Migration]:
    """The bundled migrations `target` has not applied, in order, in its backend's SQL; without
    changing it. Refuses a database written by a newer claimwatch."""
    bundled = migrations(dialect_of(target))
    done = await applied(target)
    known = newest(target)
    if done and max(done) > known:
        raise DatabaseProblem(f"{where(target)} was written by a newer claimwatch (schema {max(done)}; this one "
                              f"knows up to {known}): run the newer version")
    return [migration for migration in bundled if migration[0] not in done]


def _leading_comment(sql: str) -> list[str]:
    """The comment lines a migration file opens with: what it does, for whoever applies it."""
    lines = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        lines.append(line)
    return lines


def _tidy(statement: str) -> str:
    """A statement without the blanks its stripped comments left behind."""
    return "\n".join(line.rstrip() for line in statement.splitlines() if line.strip())


def script(todo: list[Migration], dialect: str) -> str:
    """The SQL that applies `todo` as migrate() would: each migration in its own transaction,
    ending with the schema_migrations row it records."""
    out = [f"{_LOG_TABLE[dialect]};"]
    for version, name, sql in todo:
        out += ["", f"-- {version:04d}_{name}", *_leading_comment(sql), "BEGIN;"]
        out += [f"{_tidy(statement)};" for statement in split_sql(sql)]
        out += [f"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version}, '{name}', "
                f"{_NOW[dialect]});", "COMMIT;"]
    return "\n".join(out)


async def pending_sql(target: str | Path) -> str:
    """`db upgrade --sql`: the pending migrations' SQL for the target's backend, headed by what it
    is; only comments when there is nothing to apply. Applies nothing."""
    todo = await pending(target)
    dialect = dialect_of(target)
    backend = "PostgreSQL" if dialect == "postgresql" else "SQLite"
    if not todo:
        return f"-- {where(target)} is up to date (schema version {newest(target)}): nothing to apply."
    names = ", ".join(f"{version:04d}_{name}" for version, name, _ in todo)
    head = (f"-- claimwatch: {len(todo)} pending migration{'s' if len(todo) != 1 else ''} for {where(target)} "
            f"({backend}), not applied: {names}.\n"
            "-- Apply in order; each runs in its own transaction and records itself in schema_migrations.")
    return f"{head}\n{script(todo, dialect)}"


async def apply(target: str | Path, *, create: bool = False) -> list[tuple[int, str]]:
    """`db upgrade`: apply the pending migrations as the bot does at start-up (storage.backends.open_database
    opens, checks and migrates); (version, name) of each one applied, [] when up to date."""
    todo = await pending(target)
    db = await open_database(target, create=create)
    try:
        now = await db.applied_versions()
    finally:
        await db.close()
    return [(version, name) for version, name, _ in todo if version in now]
