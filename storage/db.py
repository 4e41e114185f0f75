"""The one SQLite connection: pragmas, numbered migrations, and serialised write transactions."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import aiosqlite

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

from storage import checks
from storage.schema import migrations, split_sql

log = logging.getLogger(__name__)

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # every stored timestamp: UTC, sortable as text

# A connection inside an open transaction (from `transaction()`). Callers outside storage hold it
# only to pass it back, so several queries share one transaction; they never use it themselves.
Connection = aiosqlite.Connection
Params = Sequence[object] | Mapping[str, object]
R = TypeVar("R", bound="DataclassInstance")


def stamp(moment: datetime) -> str:
    """A moment as stored: `2025-12-04T10:00:00.000000Z`."""
    return (moment if moment.tzinfo is None else moment.astimezone(UTC)).strftime(TIME_FORMAT)


def published_form(moment: datetime) -> str:
    """When an item or claim says it was published, as stored: ISO 8601, `Z` for UTC."""
    return moment.isoformat().replace("+00:00", "Z")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def moment(stored: str | None) -> datetime:
    """A stored timestamp (either form) back as a datetime; the epoch for None."""
    return datetime.fromisoformat(stored.replace("Z", "+00:00")) if stored else _EPOCH


def utcnow() -> str:
    return stamp(datetime.now(UTC))


def from_now(seconds: float) -> str:
    """The stored form of a moment `seconds` from now (a retry, a backoff, a retention cut-off)."""
    return stamp(datetime.now(UTC) + timedelta(seconds=seconds))


def record(cls: type[R], row: Mapping[str, Any] | aiosqlite.Row) -> R:
    """A row as the dataclass `cls`, by column name; a `bool` field takes SQLite's 0/1 as a bool."""
    values = {}
    for spec in fields(cls):
        value = row[spec.name]
        values[spec.name] = bool(value) if spec.type == "bool" else value
    return cls(**values)


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

    async def write(self, sql: str, params: Params = ()) -> int:
        """One statement, atomic on its own (autocommit): one round trip instead of BEGIN/stmt/COMMIT.

        Taken under the write lock so it never lands inside another coroutine's open transaction.
        Returns the number of rows changed.
        """
        async with self._write_lock, self.conn.execute(sql, params) as cursor:
            return cursor.rowcount

    async def fetchall(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        async with self.conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        async with self.conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def close(self) -> None:
        await self.conn.close()


Executor = Database | Connection  # what a query takes: the database, or a transaction's connection


@asynccontextmanager
async def transaction(ex: Executor) -> AsyncIterator[Connection]:
    """A transaction on the database, or the caller's own when it passes its connection: so a
    query that writes can run alone or as one step of a larger transaction (RoboDanny's habit)."""
    if isinstance(ex, Database):
        async with ex.transaction() as conn:
            yield conn
    else:
        yield ex


def _conn(ex: Executor) -> Connection:
    return ex.conn if isinstance(ex, Database) else ex


async def fetchall(ex: Executor, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
    async with _conn(ex).execute(sql, params) as cursor:
        return list(await cursor.fetchall())


async def fetchone(ex: Executor, sql: str, params: Params = ()) -> aiosqlite.Row | None:
    async with _conn(ex).execute(sql, params) as cursor:
        return await cursor.fetchone()


async def one(ex: Executor, cls: type[R], sql: str, params: Params = ()) -> R | None:
    row = await fetchone(ex, sql, params)
    return None if row is None else record(cls, row)


async def many(ex: Executor, cls: type[R], sql: str, params: Params = ()) -> list[R]:
    return [record(cls, row) for row in await fetchall(ex, sql, params)]
