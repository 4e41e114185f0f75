"""Both backends, one schema: migrations from empty and idempotent on SQLite and PostgreSQL, the two
migration series paired number for number and column for column, a newer schema refused in one
line, and two processes on one database seeing each other's writes and names."""

from __future__ import annotations

import asyncio
import logging
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from bot import identities, service
from storage import people as people_store
from storage.backends import open_database
from storage.checks import DatabaseProblem
from storage.db import utcnow
from storage.schema import DIALECTS, migrations
from tests import postgres
from tests.helpers import run_cli

SQLITE, POSTGRES = DIALECTS


def _dialect(target: str) -> str:
    return POSTGRES if target.startswith("postgresql://") else SQLITE


def _applied(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.getMessage().startswith("applied migration")]


async def test_migrations_from_empty_apply_once_and_again_apply_nothing(
    database_target: str, caplog: pytest.LogCaptureFixture
) -> None:
    bundled = migrations(_dialect(database_target))
    caplog.set_level(logging.INFO, logger="storage")
    db = await open_database(database_target)
    try:
        assert db.dialect == _dialect(database_target)
        assert _applied(caplog) == [f"applied migration {version:04d}_{name}" for version, name, _ in bundled]
        rows = await db.fetchall("SELECT version, name FROM schema_migrations ORDER BY version")
        assert [(row["version"], row["name"]) for row in rows] == [(v, n) for v, n, _ in bundled]
        assert [row["version"] for row in rows] == list(range(1, len(bundled) + 1))  # 1..N, no gap
        assert await db.migrate() == []  # idempotent on the same connection
        stamps = [tuple(row) for row in await db.fetchall("SELECT version, applied_at FROM schema_migrations")]
    finally:
        await db.close()
    caplog.clear()
    again = await open_database(database_target)  # and on a restart
    try:
        assert _applied(caplog) == []
        assert await again.applied_versions() == set(range(1, len(bundled) + 1))
        assert [tuple(row) for row in await again.fetchall("SELECT version, applied_at FROM schema_migrations")] == stamps
    finally:
        await again.close()


async def test_processes_starting_together_on_postgresql_apply_each_migration_once(postgres_url: str) -> None:
    opened = await asyncio.gather(*(open_database(postgres_url) for _ in range(3)))
    try:
        rows = await opened[0].fetchall("SELECT version FROM schema_migrations ORDER BY version")
        assert [row["version"] for row in rows] == [version for version, _, _ in migrations(POSTGRES)]
    finally:
        for db in opened:
            await db.close()


def test_the_two_migration_series_pair_up_number_for_number_and_name_for_name() -> None:
    pairs = [[(version, name) for version, name, _ in migrations(dialect)] for dialect in DIALECTS]
    assert pairs[0] == pairs[1]
    assert pairs[0][0] == (1, "init")


async def test_postgresql_builds_the_tables_and_columns_sqlite_does(tmp_path: Path, postgres_url: str) -> None:
    """Same tables, same columns, integers for integers and text for text; and PostgreSQL's text
    compares byte by byte as SQLite's does (COLLATE "C"), whatever the server's own locale: stored
    timestamps and aliases sort as text, and a locale's order would sort them differently."""
    await (await open_database(tmp_path / "lite.db")).close()
    with closing(sqlite3.connect(tmp_path / "lite.db")) as lite:
        tables = [row[0] for row in lite.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        in_sqlite = {(table, row[1], row[2].lower()) for table in tables
                     for row in lite.execute(f"PRAGMA table_info('{table}')")}
    db = await open_database(postgres_url)
    try:
        rows = await db.fetchall("SELECT table_name, column_name, data_type, collation_name"
                                 " FROM information_schema.columns WHERE table_schema = current_schema()")
    finally:
        await db.close()
    kinds = {"bigint": "integer", "integer": "integer", "text": "text"}
    in_postgres = {(row["table_name"], row["column_name"], kinds.get(row["data_type"], row["data_type"]))
                   for row in rows}
    assert {"feeds", "outbox", "follows", "story_threads", "counters"} <= set(tables)
    assert sorted(in_postgres - in_sqlite) == [] and sorted(in_sqlite - in_postgres) == []
    not_bytewise = [f"{row['table_name']}.{row['column_name']}" for row in rows
                    if row["data_type"] == "text" and row["collation_name"] != "C" and row["table_name"] != "schema_migrations"]
    assert not_bytewise == []


async def test_a_database_from_a_newer_claimwatch_is_refused_in_one_line(database_target: str) -> None:
    newest = migrations(_dialect(database_target))[-1][0]
    db = await open_database(database_target)
    try:
        await db.write("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                       (newest + 1, "from_the_future", utcnow()))
    finally:
        await db.close()
    with pytest.raises(DatabaseProblem) as refused:
        await open_database(database_target)
    line = str(refused.value)
    assert "\n" not in line
    assert f"was written by a newer claimwatch (schema {newest + 1}; this one knows up to {newest})" in line
    assert line.endswith("run the newer version")


async def test_a_postgresql_server_that_cannot_be_reached_is_one_line_without_the_password(
    postgres_server: postgres.PostgresServer,
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    for url, shown in ((f"postgresql://claimwatch:s3cret@127.0.0.1:{closed}/claimwatch",
                        f"postgresql://claimwatch:***@127.0.0.1:{closed}/claimwatch"),
                       (postgres_server.url("no_such_database"), postgres_server.url("no_such_database"))):
        with pytest.raises(DatabaseProblem) as refused:
            await open_database(url)
        line = str(refused.value)
        assert line.startswith(f"cannot connect to PostgreSQL at {shown}: ") and "\n" not in line
        assert "s3cret" not in line


@contextmanager
def another_process() -> Iterator[None]:
    """What runs inside is done by another process: this one's own record of name changes
    (storage.people.NAMES_CHANGED) does not see it, only the database does."""
    before = people_store.NAMES_CHANGED[0]
    try:
        yield
    finally:
        people_store.NAMES_CHANGED[0] = before


async def test_two_processes_on_one_database_see_each_others_writes_and_new_names(database_target: str) -> None:
    bot, cli = await open_database(database_target), await open_database(database_target)
    try:
        async with bot.transaction() as conn:
            await identities.create(conn, "Xabi Alonso", "manager", club="Real Madrid")
        assert [p.name for p in await service.suggest(bot, "alonzo")] == ["Xabi Alonso"]  # the index is built
        before = await people_store.alias_stamp(bot)

        with another_process():
            await service.follow(cli, 1, 10, "Xabi Alonso")
            async with cli.transaction() as conn:
                await identities.create(conn, "Ibrahima Konaté", "player", club="Liverpool")

        rows = await bot.fetchall("SELECT guild_id, channel_id FROM follows")
        assert [tuple(row) for row in rows] == [(1, 10)]  # the other's follow is seen at once
        after = await people_store.alias_stamp(bot)
        assert after != before and after[0] == before[0]  # changed through the database alone
        # The typo-tolerant autocomplete (no prefix matches "konatte") finds the name the other learned.
        assert [p.name for p in await service.suggest(bot, "konatte")] == ["Ibrahima Konaté"]
        assert (await service.resolve(bot, "ibrahima konate")).person is not None

        async with bot.transaction() as conn:  # and the other way round
            await identities.create(conn, "Marcos Alonso", "player", club="Celta Vigo")
        assert {p.name for p in await service.suggest(cli, "alonso")} == {"Xabi Alonso", "Marcos Alonso"}
    finally:
        await bot.close()
        await cli.close()


def _cli_session(config: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[int, str, str]]:
    steps = [
        ("follow", "Xabi Alonso", "--guild", "1", "--channel", "10"),
        ("follow", "xabi alonso", "--guild", "1", "--channel", "10"),
        ("following", "--guild", "1"),
        ("alerts", "settings", "--guild", "1", "--min-tier", "tier2", "--kinds", "bid,agreement"),
        ("alerts", "channel", "--channel", "77", "--guild", "1"),
        ("feeds", "add", "https://feeds.example.org/wire.xml", "--guild", "1", "--name", "Our wire"),
        ("feeds", "list", "--guild", "1"),
        ("feeds", "list", "--guild", "2"),
        ("feeds", "remove", "1", "--guild", "1"),
        ("unfollow", "Alonso", "--guild", "1", "--channel", "10"),
        ("following", "--guild", "1"),
        ("timeline", "alonso"),
    ]
    return [run_cli(config, capsys, *step) for step in steps]


async def test_the_cli_twins_answer_the_same_on_both_backends(
    tmp_path: Path, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing above storage knows the backend: the same commands give the same answers."""
    lite, pg = tmp_path / "lite.toml", tmp_path / "pg.toml"
    lite.write_text(f'[storage]\npath = "{tmp_path / "cli.db"}"\n', encoding="utf-8")
    pg.write_text(f'[storage]\nurl = "{postgres_url}"\n', encoding="utf-8")
    on_sqlite = await asyncio.to_thread(_cli_session, lite, capsys)
    on_postgres = await asyncio.to_thread(_cli_session, pg, capsys)
    assert on_sqlite[0][:2] == (0, "Following Xabi Alonso. I have not seen them in the news yet; the first report "
                                   "that names them will be alerted here.\n")
    assert on_postgres == on_sqlite



def test_a_password_in_the_query_string_is_hidden_too() -> None:
    from storage.backend_postgres import redacted

    assert redacted("postgresql://bot@db.internal/claimwatch?password=s3cret&sslmode=require") == (
        "postgresql://bot@db.internal/claimwatch?password=***&sslmode=require")
    assert redacted("postgresql://bot:s3cret@db.internal:5432/claimwatch") == "postgresql://bot:***@db.internal:5432/claimwatch"
    assert redacted("postgresql://bot@db.internal/claimwatch") == "postgresql://bot@db.internal/claimwatch"


async def test_a_role_that_may_not_create_tables_runs_a_database_its_dba_migrated(postgres_url: str) -> None:
    """The DBA applies the migrations (as `db upgrade --sql` prints them) and the bot runs as a role
    that may only read and write rows: start-up reads the schema version and changes nothing."""
    import asyncpg

    await (await open_database(postgres_url)).close()  # migrated by the owner, as a DBA would
    admin = await asyncpg.connect(postgres_url)
    try:
        await admin.execute("DROP ROLE IF EXISTS claimwatch_bot")
        await admin.execute("CREATE ROLE claimwatch_bot LOGIN")
        await admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        await admin.execute("GRANT USAGE ON SCHEMA public TO claimwatch_bot")
        await admin.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO claimwatch_bot")
        await admin.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO claimwatch_bot")
    finally:
        await admin.close()
    bot = await open_database(postgres_url.replace("claimwatch@", "claimwatch_bot@"))
    try:
        await people_store.create(bot, "Ibrahima Konaté", "player", [("ibrahima konate", "full")])
        assert [p.name for p in await people_store.lookup(bot, "ibrahima konate")] == ["Ibrahima Konaté"]
    finally:
        await bot.close()


async def test_a_process_waits_for_another_s_migrations_then_starts(postgres_url: str) -> None:
    """Another process holds the migration lock (it is applying migrations): this one waits, with
    no statement timeout, and starts when the other is done."""
    import asyncpg

    from storage.backend_postgres import MIGRATION_LOCK

    holder = await asyncpg.connect(postgres_url)
    try:
        await holder.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
        opening = asyncio.create_task(open_database(postgres_url))
        await asyncio.sleep(1.0)
        assert not opening.done()  # waiting for the lock, not failing
        await holder.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)
        db = await asyncio.wait_for(opening, 120)
        assert await db.applied_versions() == {version for version, _, _ in migrations(POSTGRES)}
        await db.close()
    finally:
        await holder.close()
