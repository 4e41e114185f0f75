"""The PostgreSQL backend (asyncpg): a connection pool shared by every coroutine of a process, and
several processes on one database.

The query modules write SQLite-style `?` placeholders; `numbered()` turns them into PostgreSQL's
`$1, $2, ...` once per distinct statement. Transactions are PostgreSQL's own (READ COMMITTED);
a `serial` one also holds a transaction-level advisory lock, so the ingests of every process on
the database decide stories one after another, as SQLite's single writer does.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import asyncpg

from storage.checks import DatabaseProblem
from storage.db import Connection, Database, Params, Queries, Row, utcnow
from storage.schema import migrations, split_sql

log = logging.getLogger(__name__)

# Advisory lock keys (any fixed 64-bit numbers of ours): the migrations, and serial transactions.
MIGRATION_LOCK = 0x636C61696D01
SERIAL_LOCK = 0x636C61696D02
POOL_SIZE = 10


@lru_cache(maxsize=1024)
def numbered(sql: str) -> str:
    """`?` placeholders as `$1, $2, ...`; a `?` inside quotes or an identifier is left alone."""
    out: list[str] = []
    count = 0
    quote: str | None = None
    for char in sql:
        if quote:
            if char == quote:
                quote = None
        elif char in ("'", '"'):
            quote = char
        elif char == "?":
            count += 1
            out.append(f"${count}")
            continue
        out.append(char)
    return "".join(out)


MAX_PARAMS = 30_000  # PostgreSQL's protocol takes at most 32,767 parameters a statement
_VALUES_ROW = re.compile(r"^(\s*INSERT\s.*?\sVALUES\s*)(\((?:\s*\?\s*,)*\s*\?\s*\))(.*)$", re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=256)
def _values_row(sql: str) -> tuple[str, str, str] | None:
    """An INSERT whose one VALUES row is placeholders only, as (before the row, the row, after it);
    None for any other statement."""
    found = _VALUES_ROW.match(sql)
    return None if found is None else (found.group(1), found.group(2), found.group(3))


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _rowcount(status: str) -> int:
    """asyncpg's command tag ("UPDATE 3", "INSERT 0 1") as the number of rows changed."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


_SECRET_PARAMETERS = {"password", "sslpassword"}


def redacted(url: str) -> str:
    """The URL without its password (after the user, or as a `?password=` parameter), for messages
    and logs."""
    parts = urlsplit(url)
    if parts.password is not None:
        host = parts.netloc.rsplit("@", 1)[-1]
        parts = parts._replace(netloc=f"{parts.username or ''}:***@{host}")
    if parts.query:
        query = [(key, "***" if key.lower() in _SECRET_PARAMETERS else value)
                 for key, value in parse_qsl(parts.query, keep_blank_values=True)]
        parts = parts._replace(query=urlencode(query, safe="*"))
    return urlunsplit(parts)


class PostgresTransaction(Queries):
    """Statements on one pooled connection inside its open transaction."""

    dialect = "postgresql"

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        return _rowcount(await self.conn.execute(numbered(sql), *params))

    async def executemany(self, sql: str, rows: Sequence[Params]) -> int:
        # The rows changed must be known (INSERT ... ON CONFLICT DO NOTHING), which asyncpg's own
        # executemany does not say: an INSERT of one VALUES row goes as one statement of many rows
        # (one round trip, not one a row; its rows are inserted in order, so ids come out as they
        # would one by one), anything else as one statement per row.
        split = _values_row(sql) if len(rows) > 1 else None
        if split is not None:
            head, row, tail = split
            width = row.count("?")
            per = max(1, MAX_PARAMS // max(width, 1))
            changed = 0
            for start in range(0, len(rows), per):
                chunk = rows[start : start + per]
                statement = numbered(head + ", ".join([row] * len(chunk)) + tail)
                changed += _rowcount(await self.conn.execute(statement, *(v for params in chunk for v in params)))
            return changed
        statement = numbered(sql)
        changed = 0
        for params in rows:
            changed += _rowcount(await self.conn.execute(statement, *params))
        return changed

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self.conn.fetch(numbered(sql), *params))

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        row: Row | None = await self.conn.fetchrow(numbered(sql), *params)
        return row


class PostgresDatabase(Database):
    dialect = "postgresql"

    def __init__(self, pool: Any, url: str) -> None:
        self.pool = pool
        self.url = url
        self.path = redacted(url)

    @classmethod
    async def connect(cls, url: str, *, pool_size: int = POOL_SIZE) -> PostgresDatabase:
        """Connect, migrate (one process at a time), check the schema version."""
        try:
            pool = await asyncpg.create_pool(url, min_size=1, max_size=pool_size, command_timeout=60)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as error:
            raise DatabaseProblem(f"cannot connect to PostgreSQL at {redacted(url)}: {_one_line(error)}") from error
        db = cls(pool, url)
        try:
            await db.migrate()
        except asyncpg.PostgresError as error:
            await pool.close()
            raise DatabaseProblem(f"{db.path}: {_one_line(error)} (while checking or applying migrations)") from error
        except BaseException:
            await pool.close()
            raise
        return db

    async def _ensure_log(self, conn: Any) -> None:
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )

    async def applied_versions(self) -> set[int]:
        async with self.pool.acquire() as conn:
            if await conn.fetchval("SELECT to_regclass('schema_migrations')") is None:
                return set()
            return {int(row[0]) for row in await conn.fetch("SELECT version FROM schema_migrations")}

    async def migrate(self) -> list[int]:
        """Apply migrations not yet recorded, each in its own transaction, holding an advisory lock
        so that processes starting together apply each migration once.

        Nothing pending (the usual start): only read, so a bot whose role may not create tables (its
        DBA applies `db upgrade --sql`) starts. Else on a connection of its own, without the
        pool's statement timeout: a migration or the wait for another process's may take long."""
        bundled = migrations("postgresql")
        async with self.pool.acquire() as conn:
            if await conn.fetchval("SELECT to_regclass('schema_migrations')") is not None:
                done = {int(row[0]) for row in await conn.fetch("SELECT version FROM schema_migrations")}
                if {version for version, _, _ in bundled} <= done:
                    self._refuse_newer(done, bundled)
                    return []
        conn = await asyncpg.connect(self.url)
        try:
            return await self._migrate_locked(conn, bundled)
        finally:
            await conn.close()

    def _refuse_newer(self, done: set[int], bundled: list[tuple[int, str, str]]) -> None:
        known = max(version for version, _, _ in bundled)
        if done and max(done) > known:
            raise DatabaseProblem(f"{self.path} was written by a newer claimwatch (schema {max(done)}; "
                                  f"this one knows up to {known}): run the newer version")

    async def _migrate_locked(self, conn: Any, bundled: list[tuple[int, str, str]]) -> list[int]:
        applied = []
        waited = False
        while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", MIGRATION_LOCK):
            if not waited:
                log.info("waiting for another process to finish applying migrations to %s", self.path)
                waited = True
            await asyncio.sleep(0.5)
        try:
            await self._ensure_log(conn)
            done = {int(row[0]) for row in await conn.fetch("SELECT version FROM schema_migrations")}
            self._refuse_newer(done, bundled)
            for version, name, sql in bundled:
                if version in done:
                    continue
                async with conn.transaction():
                    for statement in split_sql(sql):
                        await conn.execute(statement)
                    await conn.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                        version, name, utcnow())
                log.info("applied migration %04d_%s", version, name)
                applied.append(version)
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
        return applied

    @asynccontextmanager
    async def transaction(self, *, serial: bool = False) -> AsyncIterator[Connection]:
        async with self.pool.acquire() as conn, conn.transaction():
            if serial:
                await conn.execute("SELECT pg_advisory_xact_lock($1)", SERIAL_LOCK)
            yield PostgresTransaction(conn)

    async def execute(self, sql: str, params: Params = ()) -> int:
        return _rowcount(await self.pool.execute(numbered(sql), *params))

    async def executemany(self, sql: str, rows: Sequence[Params]) -> int:
        async with self.transaction() as conn:
            return await conn.executemany(sql, rows)

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return list(await self.pool.fetch(numbered(sql), *params))

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        row: Row | None = await self.pool.fetchrow(numbered(sql), *params)
        return row

    async def close(self) -> None:
        await self.pool.close()
