"""The SQLite backend: one aiosqlite connection, pragmas, numbered migrations, serialised writes."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from storage import checks
from storage.db import Connection, Database, Params, Queries, Row, utcnow
from storage.schema import migrations, split_sql

log = logging.getLogger(__name__)


class SqliteTransaction(Queries):
    """Statements inside an open transaction on the shared connection."""

    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        async with self.conn.execute(sql, params) as cursor:
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Sequence[Params]) -> int:
        cursor = await self.conn.executemany(sql, rows)
        try:
            return cursor.rowcount
        finally:
            await cursor.close()

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        async with self.conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self.conn.execute(sql, params) as cursor:
            row: Row | None = await cursor.fetchone()
            return row


class SqliteDatabase(Database):
    """Wraps one aiosqlite connection.

    aiosqlite runs every statement on one worker thread, so two coroutines that both open a
    transaction on the shared connection would interleave; `transaction()` serialises them, and
    a statement run on its own (`execute`, `write`) waits for the open transaction to end.
    """

    dialect = "sqlite"

    def __init__(self, conn: aiosqlite.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self._write_lock = asyncio.Lock()
        self._in_transaction = SqliteTransaction(conn)

    @classmethod
    async def connect(cls, path: str | Path, *, create: bool = False, must_exist: bool = False) -> SqliteDatabase:
        """Open, check (storage/checks.py), migrate. Anything wrong is one checks.DatabaseProblem,
        with the connection closed: its worker thread would otherwise keep the process alive."""
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
                await checks.schema(db, migrations())
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

    async def applied_versions(self) -> set[int]:
        await self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        async with self.conn.execute("SELECT version FROM schema_migrations") as cursor:
            return {row[0] for row in await cursor.fetchall()}

    async def migrate(self) -> list[int]:
        """Apply migrations not yet recorded; each in its own transaction. Returns versions applied."""
        done = await self.applied_versions()
        applied = []
        for version, name, sql in migrations("sqlite"):
            if version in done:
                continue
            async with self.transaction() as conn:
                for statement in split_sql(sql):
                    await conn.execute(statement)
                await conn.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, utcnow()),
                )
            log.info("applied migration %04d_%s", version, name)
            applied.append(version)
        return applied

    @asynccontextmanager
    async def transaction(self, *, serial: bool = False) -> AsyncIterator[Connection]:
        async with self._write_lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._in_transaction
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise
            else:
                await self.conn.execute("COMMIT")

    async def execute(self, sql: str, params: Params = ()) -> int:
        """One statement, atomic on its own (autocommit): one round trip instead of BEGIN/stmt/COMMIT.

        Taken under the write lock so it never lands inside another coroutine's open transaction.
        """
        async with self._write_lock, self.conn.execute(sql, params) as cursor:
            return cursor.rowcount

    async def executemany(self, sql: str, rows: Sequence[Params]) -> int:
        async with self.transaction() as conn:
            return await conn.executemany(sql, rows)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return await self._in_transaction.fetchall(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        return await self._in_transaction.fetchone(sql, params)

    async def close(self) -> None:
        await self.conn.close()
