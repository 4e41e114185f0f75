"""`db upgrade [--sql]`, `db copy` and `db check` for operators, on a real PostgreSQL server: the SQL
a DBA applies by hand builds the schema the bot expects, and a community's bot moved from SQLite to
PostgreSQL keeps every follow, story and outbox row and answers `/timeline` as before."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from pathlib import Path

import asyncpg
import pytest

from bot import service
from bot.alerts.render import timeline_text
from bot.app import App, open_app, poll_all
from bot.config import Settings
from storage.checks import DatabaseProblem
from storage.copy import TABLES, copy
from storage.db import from_now, is_postgres_url
from storage.schema import migrations
from storage.upgrade import script
from tests import postgres
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public
from tests.helpers import bare_env, make_settings

A, A_CHAN, B, B_CHAN = 600_001, 600_010, 700_001, 700_010
MATCH = FeedItemSpec("m-1", "Liverpool beat Brentford 3-0 at Anfield", "A routine home win.", at("2025-11-01T18:00:00"))
TALKS = FeedItemSpec("t-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté", "Contact made.",
                     at("2025-11-12T10:00:00"))
BID = FeedItemSpec("b-1", "Bayern Munich submit bid for Liverpool defender Ibrahima Konaté", "An offer has been made.",
                   at("2025-11-14T10:00:00"))
LATER = FeedItemSpec("c-1", "Chelsea submit bid for Liverpool defender Ibrahima Konaté", "A rival offer.",
                     at("2025-11-20T10:00:00"))
NEWEST = max(version for version, _, _ in migrations("postgresql"))


def _config(tmp_path: Path, target: str) -> Path:
    key = "url" if target.startswith("postgresql://") else "path"
    path = tmp_path / "config.toml"
    path.write_text(f'[storage]\n{key} = "{target}"\n', encoding="utf-8")
    return path


async def _cli(tmp_path: Path, config: Path, *args: str) -> tuple[int, str, str]:
    """`python -m bot … --config CONFIG` in its own process: (exit status, stdout, stderr)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, "--config", str(config), cwd=tmp_path, env=bare_env(tmp_path),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def _pg_tables(url: str) -> list[str]:
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                "ORDER BY table_name")
        return [row[0] for row in rows]
    finally:
        await conn.close()


async def _run_sql_by_hand(target: str, sql: str) -> None:
    """What a DBA does with `db upgrade --sql`: psql -f, or sqlite3 < file."""
    if target.startswith("postgresql://"):
        conn = await asyncpg.connect(target)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()
    else:
        with sqlite3.connect(target, isolation_level=None) as conn:
            conn.executescript(sql)
        conn.close()


@pytest.mark.slow  # starts `python -m bot`
async def test_upgrade_sql_on_an_empty_postgres_database_prints_every_migration_and_applies_none(
    tmp_path: Path, postgres_url: str
) -> None:
    config = _config(tmp_path, postgres_url)
    code, out, err = await _cli(tmp_path, config, "db", "upgrade", "--sql")
    assert code == 0, err
    assert await _pg_tables(postgres_url) == []  # nothing applied, not even the migration log
    # Each migration headed by its number and name, in order, ending with the row it records.
    bundled = migrations("postgresql")
    heads = [line for line in out.splitlines() if line.startswith("-- 00")]
    assert heads == [f"-- {version:04d}_{name}" for version, name, _ in bundled]
    for version, name, _ in bundled:
        section = out.split(f"-- {version:04d}_{name}\n", 1)[1].split("\n\n", 1)[0]
        assert section.splitlines()[-2].startswith(
            f"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({version}, '{name}', ")
        assert section.splitlines()[-1] == "COMMIT;"
    # db check creates nothing either: it says what to run.
    code, out_check, err = await _cli(tmp_path, config, "db", "check")
    assert code == 3 and out_check == ""
    assert err.strip() == (f"database error: {postgres_url} lacks {len(bundled)} of this claimwatch's migrations: "
                           "`python -m bot db upgrade` applies them (--sql prints them)")
    assert await _pg_tables(postgres_url) == []

    # Applied by hand, the SQL builds what the bot expects: it is then up to date and checks out.
    await _run_sql_by_hand(postgres_url, out)
    code, out, err = await _cli(tmp_path, config, "db", "upgrade")
    assert (code, out, err) == (0, f"{postgres_url} is up to date (schema version {NEWEST}).\n", "")
    code, out, err = await _cli(tmp_path, config, "db", "check")
    assert code == 0, err
    assert out.splitlines() == [f"{postgres_url}: ok (PostgreSQL, schema version {NEWEST})",
                                "0 feeds, 0 items, 0 claims, 0 follows, 0 alerts waiting"]
    # db backup copies SQLite files; for PostgreSQL it names the tool that does.
    code, out, err = await _cli(tmp_path, config, "db", "backup", str(tmp_path / "backup.db"))
    assert (code, out) == (3, "") and not (tmp_path / "backup.db").exists()
    assert err.strip() == (f"database error: {postgres_url} is PostgreSQL: back it up with pg_dump "
                           "(pg_dump --format=custom --file=PATH URL); db backup copies SQLite files")


@pytest.mark.slow  # starts `python -m bot`
async def test_upgrade_applies_what_is_pending_and_is_idempotent(tmp_path: Path, database_target: str) -> None:
    dialect = "postgresql" if database_target.startswith("postgresql://") else "sqlite"
    bundled = migrations(dialect)
    # A database some versions behind: the first seven migrations, as an older claimwatch left it.
    await _run_sql_by_hand(database_target, script(bundled[:7], dialect))
    config = _config(tmp_path, database_target)

    code, out, err = await _cli(tmp_path, config, "db", "upgrade", "--sql")
    assert code == 0, err
    assert [line for line in out.splitlines() if line.startswith("-- 00")] == [
        f"-- {version:04d}_{name}" for version, name, _ in bundled[7:]]
    code, out, err = await _cli(tmp_path, config, "db", "upgrade")
    names = ", ".join(f"{version:04d}_{name}" for version, name, _ in bundled[7:])
    assert (code, out, err) == (0, f"Applied {names} to {database_target}; schema version {NEWEST}.\n", "")
    code, out, err = await _cli(tmp_path, config, "db", "upgrade")
    assert (code, out, err) == (0, f"{database_target} is up to date (schema version {NEWEST}).\n", "")
    code, out, err = await _cli(tmp_path, config, "db", "upgrade", "--sql")
    assert (code, out) == (0, f"-- {database_target} is up to date (schema version {NEWEST}): nothing to apply.\n")
    code, out, err = await _cli(tmp_path, config, "db", "check")
    assert code == 0 and f"schema version {NEWEST}" in out.splitlines()[0], err


async def _build_source(tmp_path: Path, feed_server: FeedServer,
                        monkeypatch: pytest.MonkeyPatch) -> tuple[Settings, Path]:
    """A community's bot on SQLite, built through the real app: follows in two servers, server A's
    own feed (its news shows in A only), alert settings, and two polls of news, so there are items,
    claims, stories, story events and outbox rows. The settings (feeds included) and the file."""
    pretend_loopback_is_public(monkeypatch, FakeDNS({}))  # the feed server plays A's public host
    wire = feed_server.set_feed("/wire.xml", "Transfer Wire", [MATCH])
    settings = make_settings(tmp_path, [{"url": wire, "name": "Transfer Wire"}])
    app = await open_app(settings)
    try:
        await service.add_server_feed(app.db, feed_server.set_feed("/a.xml", "A's Wire", []), "A's wire", guild_id=A)
        await poll_all(app)  # first fetches: the backlog is recorded without alerts
        await service.follow(app.db, A, A_CHAN, "Ibrahima Konaté", by="1")
        await service.follow(app.db, B, B_CHAN, "Ibrahima Konaté", by="2")
        await service.follow(app.db, A, A_CHAN, "Xabi Alonso", by="1")
        await service.set_alert_channel(app.db, A, A_CHAN)
        feed_server.set_feed("/wire.xml", "Transfer Wire", [TALKS, MATCH])
        feed_server.set_feed("/a.xml", "A's Wire", [BID])
        await poll_all(app)
    finally:
        await app.close()
    return settings, settings.database_path


async def _table_rows(target: str | Path, table: str, columns: list[str]) -> list[tuple[object, ...]]:
    names = ", ".join(columns)
    sql = f"SELECT {names} FROM {table} ORDER BY {names}"  # noqa: S608 - the schema's own names
    if is_postgres_url(target):
        conn = await asyncpg.connect(str(target))
        try:
            return [tuple(row) for row in await conn.fetch(sql)]
        finally:
            await conn.close()
    with sqlite3.connect(target) as lite:
        rows = [tuple(row) for row in lite.execute(sql)]
    lite.close()
    return rows


def _columns(path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(path) as lite:
        found = {table: [row[1] for row in lite.execute(f"PRAGMA table_info('{table}')")] for table in TABLES}
    lite.close()
    return found


async def _answers(app: App) -> list[str]:
    """What a user sees: /timeline as each server and the operator, /following, /latest."""
    shown = []
    for guild in (A, B, None):
        found = await service.timeline(app.db, "Konate", guild_id=guild)
        shown.append(timeline_text(found.person.name, found.stories, every_report=True))
    for guild, channel in ((A, A_CHAN), (B, B_CHAN)):
        shown += await service.following(app.db, guild, channel)
        shown += [f"{view.story.id} {view.story.counterpart}" for view in await service.latest(app.db, guild)]
    return shown


@pytest.mark.slow  # starts `python -m bot`
async def test_copy_moves_a_bot_to_postgres_losing_nothing(tmp_path: Path, feed_server: FeedServer,
                                                           postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    settings, source = await _build_source(tmp_path, feed_server, monkeypatch)
    columns = _columns(source)
    before = {table: await _table_rows(source, table, columns[table]) for table in TABLES}
    assert all(before[table] for table in ("follows", "items", "claims", "stories", "story_events", "outbox",
                                           "feed_subscriptions", "guild_settings", "entity_aliases"))
    sqlite_app = await open_app(settings)
    try:
        on_sqlite = await _answers(sqlite_app)
    finally:
        await sqlite_app.close()
    assert "Bayern Munich" in on_sqlite[0] and "Real Madrid" in on_sqlite[0]  # server A's timeline
    assert "Bayern Munich" not in on_sqlite[1] and "Real Madrid" in on_sqlite[1]  # B did not add A's feed

    config = _config(tmp_path, str(source))
    code, out, err = await _cli(tmp_path, config, "db", "copy", "--from", f"sqlite:{source}", "--to", postgres_url)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"Copied {source} to {postgres_url} in one transaction; every table's rows match the source:"
    assert [line.split() for line in lines[1:-1]] == [[table, f"{len(before[table]):,}"] for table in TABLES]
    # Every row, ids included, as it was.
    for table in TABLES:
        assert await _table_rows(postgres_url, table, columns[table]) == before[table], table

    pg_settings = make_settings(tmp_path, [{"url": feed_server.url("/wire.xml"), "name": "Transfer Wire"}],
                                database=postgres_url)
    pg_app = await open_app(pg_settings)
    try:
        assert await _answers(pg_app) == on_sqlite
        # The bot carries on there: new rows take new ids past the copied ones, with no conflict.
        feed_server.set_feed("/wire.xml", "Transfer Wire", [LATER, TALKS, MATCH])
        outcomes = await poll_all(pg_app)
        # A's feed is asked with the ETag the copy carried over, and is not sent again.
        assert sorted(outcome.status for outcome in outcomes) == ["changed", "not_modified"]
        for table in ("items", "claims", "stories", "story_events", "outbox"):
            new = await pg_app.db.fetchall(f"SELECT id FROM {table} WHERE id > ?",  # noqa: S608
                                           (max(row[0] for row in before[table]),))
            assert len(new) >= 1, table
        queued = await pg_app.db.fetchall(
            "SELECT o.channel_id FROM outbox o JOIN story_events e ON e.id = o.event_id "
            "JOIN stories s ON s.id = e.story_id WHERE s.counterpart = ? ORDER BY o.channel_id", ("Chelsea",))
        assert [row["channel_id"] for row in queued] == [A_CHAN, B_CHAN]
    finally:
        await pg_app.close()

    # A second copy into what now holds a bot is refused, in one line, and changes nothing.
    code, out, err = await _cli(tmp_path, config, "db", "copy", "--from", f"sqlite:{source}", "--to", postgres_url)
    assert (code, out) == (3, "")
    [line] = err.splitlines()
    assert line.startswith(f"database error: {postgres_url} already holds data (2 feeds, ")
    assert line.endswith("copy into a new, empty database (createdb NAME), or drop and recreate this one")


async def test_a_copy_is_whole_or_nothing_in_batches(tmp_path: Path, feed_server: FeedServer,
                                                     postgres_server: postgres.PostgresServer,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _, source = await _build_source(tmp_path, feed_server, monkeypatch)
    columns = _columns(source)
    with sqlite3.connect(source) as lite:  # a run of the old bot that never said goodbye
        lite.execute("INSERT INTO processes (owner, alive_until) VALUES ('host/all shards#old', ?)",
                     (from_now(3600),))
    lite.close()
    # Batches of two: every table of more than two rows is read and written in several.
    small = await postgres.fresh_database(postgres_server, "copy_in_batches")
    counts = await copy(f"sqlite:{source}", small, batch=2)
    assert dict(counts) == {table: len(await _table_rows(source, table, columns[table])) for table in TABLES}
    for table in TABLES:
        assert await _table_rows(small, table, columns[table]) == await _table_rows(source, table, columns[table])
    # The processes alive on the old database are none of the new one's: no share waits for them.
    assert await _table_rows(small, "processes", ["owner"]) == []

    # A row PostgreSQL cannot take, late in the order: the tables copied before it roll back too.
    with sqlite3.connect(source) as lite:
        lite.execute("UPDATE follows SET guild_id = 'not-a-number' WHERE id = (SELECT max(id) FROM follows)")
    lite.close()
    broken = await postgres.fresh_database(postgres_server, "copy_rolled_back")
    with pytest.raises(DatabaseProblem, match="follows holds 'not-a-number' where a number belongs"):
        await copy(f"sqlite:{source}", broken)
    for table in TABLES:
        rows = await _table_rows(broken, table, columns[table])
        assert rows == ([("names", 0)] if table == "counters" else []), table


async def test_copy_refuses_a_source_behind_the_schema(tmp_path: Path, postgres_url: str) -> None:
    old = tmp_path / "old.db"
    await _run_sql_by_hand(str(old), script(migrations("sqlite")[:-1], "sqlite"))
    with pytest.raises(DatabaseProblem) as refused:
        await copy(f"sqlite:{old}", postgres_url)
    assert str(refused.value) == (
        f"{old} is not at this claimwatch's schema (1 migration pending): upgrade it first (`python -m bot db "
        "upgrade` with it as [storage] path, or run the bot once on it), then copy")
    assert await _pg_tables(postgres_url) == []  # the target is not touched
    with pytest.raises(DatabaseProblem, match="does not exist"):
        await copy(f"sqlite:{tmp_path / 'missing.db'}", postgres_url)
    assert not (tmp_path / "missing.db").exists()



async def test_copy_names_a_table_it_does_not_know_without_reading_it(tmp_path: Path, postgres_url: str) -> None:
    """A table name comes from whoever made the file: refused by name before it reaches any SQL."""
    from storage.backends import open_database

    source = tmp_path / "odd.db"
    await (await open_database(source)).close()
    with sqlite3.connect(source) as lite:
        lite.execute("""CREATE TABLE "x'y" (id INTEGER)""")
    with pytest.raises(DatabaseProblem, match="does not know how to copy: \"x'y\""):
        await copy(f"sqlite:{source}", postgres_url)
