"""The SQLite backend: one aiosqlite connection, pragmas, numbered migrations, serialised writes."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from storage import checks
from storage.db import Connection, Database, Params, Queries, Row, utcnow
from storage.schema import migrations, split_sql

log = logging.getLogger(__name__)
T = TypeVar("T")
# Per connection, so both of ours get them: the writer thread's and aiosqlite's.
PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    # NORMAL under WAL: a crash never corrupts, and a power cut can only drop the last commits
    # whole. That keeps our promises: a feed's fetch state rolls back with its items (re-fetched),
    # and an outbox row rolled back to 'sending' is re-sent with the same nonce. FULL would fsync
    # every commit, the largest cost of an unchanged poll.
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=5000",
)


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
        # One hand-off to aiosqlite's thread, where execute, fetchall and close would take three.
        return list(await self.conn.execute_fetchall(sql, params))

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        async with self.conn.execute(sql, params) as cursor:
            row: Row | None = await cursor.fetchone()
            return row


class WriterTransaction(Queries):
    """Statements on the writer thread's own connection. Each query returns without suspending,
    so a transaction body (a coroutine awaiting only these) runs to its end in one `send`."""

    dialect = "sqlite"

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # One cursor for all the transaction's statements: Connection.execute makes one a statement
        # (and the connection keeps a weak reference to each), 0.5 of 7 µs a small query measured.
        self.cursor = conn.cursor()

    async def execute(self, sql: str, params: Params = ()) -> int:
        return self.cursor.execute(sql, params).rowcount

    async def executemany(self, sql: str, rows: Sequence[Params]) -> int:
        return self.cursor.executemany(sql, rows).rowcount

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        rows: list[Row] = self.cursor.execute(sql, params).fetchall()
        return rows

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        row: Row | None = self.cursor.execute(sql, params).fetchone()
        return row

    async def inserted_id(self, sql: str, params: Params = ()) -> int | None:
        # The rowid SQLite gives the row, not RETURNING's: RETURNING fills and reads back a table of
        # its own, 2.5 of 5.5 µs an insert (a story event, measured), and an ingest inserts a claim,
        # a story and an event for most claims. No row changed: ON CONFLICT skipped it, as RETURNING
        # would have returned nothing. Every table given here has `id INTEGER PRIMARY KEY`, the rowid.
        assert sql.endswith(_RETURNING_ID)
        cursor = self.cursor.execute(sql[: -len(_RETURNING_ID)], params)
        return cursor.lastrowid if cursor.rowcount == 1 else None

    def close(self) -> None:
        """Reset the last statement (a query read up to its first row) before COMMIT or ROLLBACK."""
        self.cursor.close()


_RETURNING_ID = " RETURNING id"


def _drive(body: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine that never suspends to its end, without an event loop."""
    try:
        body.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    body.close()
    raise RuntimeError("a transaction body run on the database thread awaited something other than its queries")


class Writer:
    """One thread with its own connection to the file, for whole transactions (`Database.run`)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimwatch-sqlite-writer")
        self.local = threading.local()
        self.conn: sqlite3.Connection | None = None
        # Held while a transaction's body runs (Database.make_way): computing threads pause for it.
        self.busy = threading.Lock()

    def _connection(self) -> sqlite3.Connection:
        if self.conn is None:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            for pragma in PRAGMAS:
                self.conn.execute(pragma)
        return self.conn

    def transaction(self, body: Callable[[Connection], Coroutine[Any, Any, T]]) -> T:
        conn = self._connection()
        conn.execute("BEGIN IMMEDIATE")  # may wait for another process: nobody pauses for that
        statements = WriterTransaction(conn)
        try:
            with self.busy:
                result = _drive(body(statements))
        except BaseException:
            statements.close()
            conn.execute("ROLLBACK")
            raise
        statements.close()
        conn.execute("COMMIT")  # a checkpoint's copying runs without the GIL, beside the others
        return result

    def pragma(self, statement: str) -> None:
        self._connection().execute(statement)

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


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
        # An in-memory database is one connection's alone: a second could not see it.
        self._writer = Writer(path) if path != ":memory:" else None

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
        for pragma in PRAGMAS:
            await self.conn.execute(pragma)

    def make_way(self) -> None:
        writer = self._writer
        if writer is not None and writer.busy.locked():
            with writer.busy:  # the transaction's body has ended once this is ours
                pass

    async def pragma(self, statement: str) -> None:
        """A per-connection setting (busy_timeout, max_page_count) on both of this database's
        connections, so it holds whichever one a write goes through."""
        await self.conn.execute(statement)
        if self._writer is not None:
            async with self._write_lock:
                await asyncio.get_running_loop().run_in_executor(self._writer.pool, self._writer.pragma, statement)

    async def run(self, body: Callable[[Connection], Awaitable[T]], *, serial: bool = False) -> T:
        """The whole transaction on the writer thread, in one hand-off: a poll's dozens of
        statements cost one thread switch and one wake-up of the event loop, not one each."""
        if self._writer is None:
            return await super().run(body, serial=serial)
        writer = self._writer

        def whole() -> T:
            return writer.transaction(body)  # type: ignore[arg-type]  # a body is a coroutine function

        async with self._write_lock:
            return await asyncio.get_running_loop().run_in_executor(writer.pool, whole)

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
                yield SqliteTransaction(self.conn)  # its own, so what it remembers ends with it
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
        if self._writer is not None:
            writer, self._writer = self._writer, None
            await asyncio.get_running_loop().run_in_executor(writer.pool, writer.close)
            writer.pool.shutdown(wait=True)
