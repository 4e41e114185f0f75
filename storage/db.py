"""The one SQLite connection: pragmas, numbered migrations, and serialised write transactions."""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import aiosqlite

from storage import checks

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


def utcnow() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every bundled migration, in order."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


class Database:
    """Wraps one aiosqlite connection.

    aiosqlite runs every statement on one worker thread, so two coroutines that both open a
    transaction on the shared connection would interleave; `transaction()` serialises them.
    """

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._write_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: str | Path, *, create: bool = False, must_exist: bool = False) -> Database:
        """Open, check (storage/checks.py), migrate. Anything wrong is one checks.DatabaseProblem,
        with the connection closed: its worker thread would otherwise keep the process alive.

        `create`: start a new database even where one was created before and is now missing or
        empty. `must_exist`: never create one (`db check`).
        """
        path = str(path)
        memory = path == ":memory:"
        try:
            if not memory:
                checks.before_open(Path(path), create=create, must_exist=must_exist)
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing commits behind our back.
            conn = await aiosqlite.connect(path, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise checks.explain(path, error) from error
        conn.row_factory = aiosqlite.Row
        db = cls(conn, path)
        try:
            await db._configure()
            if not memory:
                await checks.usable(db)
            await db.migrate()
            if not memory:
                await checks.schema(db)
        except BaseException as error:
            await conn.close()
            if isinstance(error, sqlite3.Error):
                raise checks.explain(path, error) from error
            raise
        if not memory:
            checks.mark_created(Path(path))
        return db

    async def _configure(self) -> None:
        await self.conn.execute("PRAGMA journal_mode=WAL")
        await self.conn.execute("PRAGMA foreign_keys=ON")
        # NORMAL under WAL: a crash never corrupts, and a power cut can only drop the last commits
        # whole. That keeps our promises: a feed's fetch state rolls back with its items (re-fetched),
        # and an outbox row rolled back to 'sending' is re-sent with the same nonce. FULL would fsync
        # every commit, the largest cost of an unchanged poll.
        await self.conn.execute("PRAGMA synchronous=NORMAL")
        await self.conn.execute("PRAGMA busy_timeout=5000")

    async def migrate(self) -> list[int]:
        """Apply migrations not yet recorded; each in its own transaction. Returns versions applied."""
        await self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        async with self.conn.execute("SELECT version FROM schema_migrations") as cursor:
            done = {row[0] for row in await cursor.fetchall()}
        applied = []
        for version, name, sql in migrations():
            if version in done:
                continue
            async with self.transaction() as conn:
                for statement in _split_sql(sql):
                    await conn.execute(statement)
                await conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, utcnow()),
                )
            log.info("applied migration %04d_%s", version, name)
            applied.append(version)
        return applied

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    async def write(self, sql: str, params: tuple | dict = ()) -> int:
        """One statement, atomic on its own (autocommit): one round trip instead of BEGIN/stmt/COMMIT.

        Taken under the write lock so it never lands inside another coroutine's open transaction.
        Returns the number of rows changed.
        """
        async with self._write_lock, self.conn.execute(sql, params) as cursor:
            return cursor.rowcount

    async def fetchall(self, sql: str, params: tuple | dict = ()) -> list[aiosqlite.Row]:
        async with self.conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: tuple | dict = ()) -> aiosqlite.Row | None:
        async with self.conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def close(self) -> None:
        await self.conn.close()


def _split_sql(script: str) -> list[str]:
    """Statements of a migration file. Migrations hold no '--' or ';' inside literals or triggers."""
    body = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    return [statement.strip() for statement in body.split(";") if statement.strip()]
