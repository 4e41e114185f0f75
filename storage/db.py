"""One storage interface over two backends: SQLite (aiosqlite, the default) and PostgreSQL (asyncpg).

Every query module in storage/ writes one SQL text that both run: `?` placeholders (the PostgreSQL
backend numbers them), `INSERT ... ON CONFLICT DO NOTHING`, `RETURNING id`, timestamps as sortable
UTC text, flags as 0/1 integers. Where the two must differ (leases, checks), a query asks
`ex.dialect`. Nothing above storage/ knows which backend it talks to.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"  # every stored timestamp: UTC, sortable as text

Params = Sequence[object]
R = TypeVar("R", bound="DataclassInstance")
T = TypeVar("T")
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class Row(Protocol):
    """A result row, by column name or position (sqlite3.Row and asyncpg.Record both are)."""

    def __getitem__(self, key: Any, /) -> Any: ...


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
    """The stored form of a moment `seconds` from now (a retry, a backoff, a lease, a retention cut-off)."""
    return stamp(datetime.now(UTC) + timedelta(seconds=seconds))


def record(cls: type[R], row: Row) -> R:
    """A row as the dataclass `cls`, by column name; a `bool` field takes a stored 0/1 as a bool."""
    values = {}
    for spec in fields(cls):
        value = row[spec.name]
        values[spec.name] = bool(value) if spec.type == "bool" else value
    return cls(**values)


def is_postgres_url(target: str | Path) -> bool:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


class Queries(ABC):
    """What every query runs on: the database itself (each statement on its own) or an open
    transaction (from `Database.transaction()`)."""

    dialect: str  # "sqlite" | "postgresql"
    standalone = False  # the database itself (each statement on its own), not an open transaction
    _memo: dict[str, Any] | None = None  # see memo()

    @abstractmethod
    async def execute(self, sql: str, params: Params = ()) -> int:
        """One statement; the number of rows it changed."""

    @abstractmethod
    async def executemany(self, sql: str, rows: Sequence[Params]) -> int:
        """One statement for each parameter row; the rows changed in all."""

    @abstractmethod
    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]: ...

    @abstractmethod
    async def fetchone(self, sql: str, params: Params = ()) -> Row | None: ...

    async def inserted_id(self, sql: str, params: Params = ()) -> int | None:
        """An INSERT's new id, in this open transaction (`insert_id`)."""
        row = await self.fetchone(sql, params)
        return None if row is None else int(row[0])

    def memo(self) -> dict[str, Any]:
        """What storage's queries remember for the rest of this transaction and no longer (people
        by alias, for an ingest's many claims): each transaction's connection has its own. Only the
        query module that fills an entry reads or changes it, and its writes keep it true."""
        if self._memo is None:
            self._memo = {}
        return self._memo


# An open transaction. Callers outside storage hold it only to pass it back, so several queries
# share one transaction; they never use it themselves.
Connection = Queries


class Database(Queries):
    """The store, whichever backend: open with storage.backends.open_database(path or URL)."""

    path: str  # where it lives, for messages: a file path, or the URL without its password
    standalone = True

    @abstractmethod
    def transaction(self, *, serial: bool = False) -> AbstractAsyncContextManager[Connection]:
        """A write transaction. `serial`: also exclusive of every other serial transaction of every
        process on this database (an ingest's story decisions read what the last ingest wrote);
        SQLite transactions are all serial."""

    async def run(self, body: Callable[[Connection], Awaitable[T]], *, serial: bool = False) -> T:
        """`body` in one transaction (see `transaction`); what it returns. The body awaits nothing
        but its connection's queries: SQLite then runs it whole on the database's own thread, in
        one hand-off instead of one per statement (an ingest's dozens)."""
        async with self.transaction(serial=serial) as conn:
            return await body(conn)

    def memo(self) -> dict[str, Any]:
        """Outside a transaction each statement stands alone: nothing is remembered."""
        return {}

    def make_way(self) -> None:
        """Called from a thread doing CPU-bound work (extraction) between two units of it: waits
        while this process writes a transaction on a thread of its own, and returns at once
        otherwise. Such a writer gives the GIL up at every statement and, with another thread
        computing, gets it back only a switch interval (5 ms) later: an ingest of 50 statements
        took 250 ms of wall time for 10 ms of CPU, and stores queued behind it. A backend whose
        transactions run on the event loop has nothing to wait for."""

    async def write(self, sql: str, params: Params = ()) -> int:
        """One statement, atomic on its own; the number of rows it changed."""
        return await self.execute(sql, params)

    @abstractmethod
    async def migrate(self) -> list[int]:
        """Apply the bundled migrations not yet recorded; the versions applied."""

    @abstractmethod
    async def applied_versions(self) -> set[int]:
        """The migrations recorded as applied."""

    @abstractmethod
    async def close(self) -> None: ...


Executor = Queries  # what a query takes: the database, or a transaction's connection


class _Joined:
    """The caller's own open transaction, entered and left at no cost: an ingest's steps pass
    their connection thousands of times a poll cycle, and a generator-based context manager per
    step was 5-7 % of an ingest's CPU."""

    __slots__ = ("conn",)

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    async def __aenter__(self) -> Connection:
        return self.conn

    async def __aexit__(self, *exc: object) -> None:
        return None


def transaction(ex: Executor, *, serial: bool = False) -> AbstractAsyncContextManager[Connection]:
    """A transaction on the database, or the caller's own when it passes its connection: so a
    query that writes can run alone or as one step of a larger transaction (RoboDanny's habit)."""
    if ex.standalone:  # not isinstance: an ABC's instance check is slow, and an ingest asks thousands of times
        assert isinstance(ex, Database)
        return ex.transaction(serial=serial)
    return _Joined(ex)


async def fetchall(ex: Executor, sql: str, params: Params = ()) -> list[Row]:
    return await ex.fetchall(sql, params)


async def fetchone(ex: Executor, sql: str, params: Params = ()) -> Row | None:
    return await ex.fetchone(sql, params)


async def execute(ex: Executor, sql: str, params: Params = ()) -> int:
    return await ex.execute(sql, params)


async def insert_id(ex: Executor, sql: str, params: Params = ()) -> int | None:
    """An INSERT's new id (the statement ends in `RETURNING id`); None when ON CONFLICT skipped it."""
    if ex.standalone:
        assert isinstance(ex, Database)
        async with ex.transaction() as conn:
            row = await conn.fetchone(sql, params)
        return None if row is None else int(row[0])
    return await ex.inserted_id(sql, params)  # already inside the caller's transaction


async def one(ex: Executor, cls: type[R], sql: str, params: Params = ()) -> R | None:
    row = await fetchone(ex, sql, params)
    return None if row is None else record(cls, row)


async def many(ex: Executor, cls: type[R], sql: str, params: Params = ()) -> list[R]:
    return [record(cls, row) for row in await fetchall(ex, sql, params)]
