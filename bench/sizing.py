"""Sizing figures for the README's "Running at scale": what one Discord shard costs in memory, and
what the database costs per feed, measured with claimwatch's own code.

    python -m bench.sizing memory [--guilds 0,500,2500]
    python -m bench.sizing database [--feeds 1000] [--cycles 4] [--new 2]

memory: the loopback Discord (tests/fakes) in this process serves N servers shaped like a community
server (20 channels, 15 roles, 20 emojis); a child process runs the real bot (ClaimwatchBot with
its intents, cogs and an open database) until READY and every GUILD_CREATE is in, and reports its
RSS. The slope between the sizes is the memory per server; the intercept the process's own.

database: a fresh SQLite database and the bench's feed farm (bench/farm.py). FEEDS feeds of 20
items are polled once (recorded without alerts, as a new feed is), SERVERS servers each follow 10
of the most-reported people, then CYCLES poll cycles in which every feed has NEW new items, each
cycle's outbox delivered to a console sink. Printed: bytes per row of each table with its indexes
(SQLite's dbstat), rows inserted and updated per cycle and per changed poll, and one cycle where
every feed answers 304. The bench reads the file with its own sqlite3 connection, as bench/world.py
writes it: the application's writes all go through storage/.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import io
import json
import logging
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench._common import add_feeds, settings_for
from bench.constants import ROOT

FARM_BASE = 300_000  # farm feed numbers: above the big database's (bench/constants.WORLD_FEEDS_BELOW)
WINDOW = 20
PEOPLE = 10_000


# --- memory of one shard ---------------------------------------------------------------------------


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def bot_child() -> None:
    """In the child: python -c 'from bench.sizing import bot_child; bot_child()' API GATEWAY TOKEN DB."""
    api, gateway, token, db_path = sys.argv[1:5]

    async def main() -> dict[str, Any]:
        from bot.app import open_app
        from bot.discord_client import ClaimwatchBot
        from bot.discord_endpoints import point_discord_at

        point_discord_at(api, gateway)
        app = await open_app(settings_for(Path(db_path)))
        bot = ClaimwatchBot(app, start_polling=False, guild_ready_timeout=2.0)
        gc.collect()
        before = _rss_mb()
        task = asyncio.create_task(bot.start(token))
        started = time.perf_counter()
        await asyncio.wait_for(bot.wait_until_ready(), timeout=600)
        ready_s = time.perf_counter() - started
        gc.collect()
        after = _rss_mb()
        result = {"guilds": len(bot.guilds), "channels": sum(len(g.channels) for g in bot.guilds),
                  "rss_before_mb": before, "rss_ready_mb": after, "ready_s": ready_s, "intents": bot.intents.value}
        await bot.close()
        await asyncio.wait_for(task, timeout=60)
        await app.close()
        return result

    print(json.dumps(asyncio.run(main())), flush=True)


def _community_guild(fake: Any, gid: int) -> None:
    base = gid * 100
    channels: list[dict[str, Any]] = [{"id": base + 1, "type": 4, "name": "text"},
                                      {"id": base + 2, "type": 4, "name": "voice"}]
    channels += [{"id": base + 10 + i, "type": 0, "name": f"chat-{i}", "parent_id": str(base + 1),
                  "topic": "Talk about the club, the window and the next match",
                  "permission_overwrites": [{"id": str(gid), "type": 0, "allow": "0", "deny": "2048"}]}
                 for i in range(15)]
    channels += [{"id": base + 40 + i, "type": 2, "name": f"Voice {i}", "parent_id": str(base + 2)}
                 for i in range(3)]
    roles = [{"id": base + 60 + i, "name": f"role {i}", "permissions": 1024} for i in range(15)]
    fake.add_guild(gid, f"Supporters {gid}", channels=channels, roles=roles)


async def measure_memory(sizes: list[int]) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from tests.fakes import FakeDiscord, fake_discord_state

    emojis = [{"id": str(900_000 + i), "name": f"emoji{i}", "roles": [], "require_colons": True,
               "managed": False, "animated": False, "available": True} for i in range(20)]
    original = fake_discord_state.DiscordState.guild_create_payload

    def with_emojis(self: Any, guild: Any, intents: int) -> dict[str, Any]:
        payload = original(self, guild, intents)
        payload["emojis"] = emojis
        return payload

    fake_discord_state.DiscordState.guild_create_payload = with_emojis  # type: ignore[method-assign]
    results = []
    for size in sizes:
        fake = FakeDiscord()
        for g in range(size):
            _community_guild(fake, 1_000_000 + g)
        await fake.start()
        try:
            with tempfile.TemporaryDirectory() as tmp:
                proc = await asyncio.create_subprocess_exec(
                    sys.executable, "-c", "from bench.sizing import bot_child; bot_child()",
                    fake.api_base_url, fake.gateway_url, fake.token, str(Path(tmp) / "m.db"), cwd=ROOT,
                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                out, err = await proc.communicate()
                if proc.returncode != 0:
                    raise RuntimeError(f"bot child failed: {err.decode()[-800:]}")
                result = json.loads(out.decode().strip().splitlines()[-1])
        finally:
            await fake.close()
        print(f"  {size:>6,} servers: RSS {result['rss_before_mb']:.0f} MB before login, "
              f"{result['rss_ready_mb']:.0f} MB at READY ({result['guilds']:,} guilds, {result['channels']:,} "
              f"channels cached, ready in {result['ready_s']:.1f} s)", flush=True)
        results.append({"size": size, **result})
    if len(results) >= 2:
        first, last = results[0], results[-1]
        per = (last["rss_ready_mb"] - first["rss_ready_mb"]) * 1024 / max(1, last["size"] - first["size"])
        print(f"  per server: {per:.1f} KB; a full shard of 2,500 servers: "
              f"{first['rss_ready_mb'] + per * 2500 / 1024:.0f} MB in a one-shard process")
    return results


# --- the database per feed -------------------------------------------------------------------------


def _table_bytes(path: Path) -> dict[str, int]:
    """Bytes on disk of each table with its indexes (dbstat pages)."""
    conn = sqlite3.connect(path)
    try:
        owner = {name: table for name, table in conn.execute("SELECT name, tbl_name FROM sqlite_master")}
        sizes: dict[str, int] = {}
        for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            table = owner.get(name, name)
            sizes[table] = sizes.get(table, 0) + size
        return sizes
    finally:
        conn.close()


def _snapshot(path: Path, tables: list[str]) -> dict[str, dict[Any, tuple[Any, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {table: {row[0]: row for row in conn.execute(f"SELECT rowid, * FROM {table}")} for table in tables}
    finally:
        conn.close()


def _diff(before: dict[str, dict[Any, tuple[Any, ...]]], after: dict[str, dict[Any, tuple[Any, ...]]]) -> dict[str, tuple[int, int, int]]:
    """Per table: rows inserted, updated, deleted."""
    out = {}
    for table, rows in after.items():
        old = before[table]
        inserted = sum(1 for key in rows if key not in old)
        updated = sum(1 for key, row in rows.items() if key in old and old[key] != row)
        deleted = sum(1 for key in old if key not in rows)
        out[table] = (inserted, updated, deleted)
    return out


# Mean lengths of real feed items with summaries (../shared/data/labelled/items_f.jsonl, 539 items from 11
# outlets): title 74, summary 244, link 96 characters; a real GUID is most often the link.
REAL_TITLE, REAL_SUMMARY, REAL_LINK = 74, 244, 96


def _real_shaped(path: Path) -> dict[str, int]:
    """The same rows with text as long as real feed items' (copy of the file, padded, VACUUMed)."""
    copy = path.with_name("real-shaped.db")
    shutil.copyfile(path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    pad = "x" * 400

    def fit(column: str, n: int) -> str:
        return f"substr({column} || '{pad}', 1, {n})"

    conn.execute(f"UPDATE items SET title = {fit('title', REAL_TITLE)}, summary = {fit('summary', REAL_SUMMARY)},"
                 f" link = {fit('link', REAL_LINK)}, guid = {fit('link', REAL_LINK)},"
                 f" key = 'guid:' || {fit('link', REAL_LINK)}")
    conn.execute(f"UPDATE claims SET title = {fit('title', REAL_TITLE)}, evidence = {fit('evidence', REAL_TITLE)},"
                 f" link = {fit('link', REAL_LINK)}")
    conn.execute("VACUUM")
    conn.close()
    sizes = _table_bytes(copy)
    copy.unlink()
    return sizes


TABLES = ["feeds", "items", "claims", "stories", "story_events", "entities", "entity_aliases", "outbox", "follows"]


async def measure_database(feeds: int, cycles: int, new: int, servers: int, keep: Path | None = None) -> dict[str, Any]:
    from bench.farm import Farm
    from bot.alerts.deliver import ConsoleSink, Dispatcher
    from bot.app import open_app, poll_all
    from storage import follows

    farm = Farm(PEOPLE)
    tmp = tempfile.TemporaryDirectory()
    db_path = Path(tmp.name) / "size.db"
    report: dict[str, Any] = {"feeds": feeds, "cycles": cycles, "new_per_feed_per_cycle": new, "servers": servers}
    try:
        app = await open_app(settings_for(db_path))
        dispatcher = Dispatcher(app.db, ConsoleSink(io.StringIO()))
        try:
            numbers = range(FARM_BASE, FARM_BASE + feeds)
            await add_feeds(app.db, [farm.url("e", WINDOW, n) for n in numbers])
            started = time.perf_counter()
            outcomes = await poll_all(app)
            print(f"  first poll: {len(outcomes):,} feeds, {sum(o.new_items for o in outcomes):,} items recorded "
                  f"in {time.perf_counter() - started:.0f} s", flush=True)
            conn = sqlite3.connect(db_path)
            top = [row[0] for row in conn.execute(
                "SELECT entity_id FROM claims GROUP BY entity_id ORDER BY count(*) DESC LIMIT 300")]
            conn.close()
            rng = random.Random(13)
            for g in range(servers):
                for entity_id in rng.sample(top, min(10, len(top))):
                    await follows.add(app.db, 5_000_000 + g, 6_000_000 + g, entity_id)
            per_cycle: list[dict[str, Any]] = []
            for cycle in range(cycles + 1):
                changed = cycle < cycles  # the last cycle: nothing new anywhere, every feed answers 304
                if changed:
                    for _ in range(new):
                        await farm.control(advance_range=[FARM_BASE, FARM_BASE + feeds, 1])
                before = _snapshot(db_path, TABLES)
                started = time.perf_counter()
                outcomes = await poll_all(app)
                while await dispatcher.run_once(1000):
                    pass
                wall = time.perf_counter() - started
                after = _snapshot(db_path, TABLES)
                diff = _diff(before, after)
                statuses: dict[str, int] = {}
                for outcome in outcomes:
                    statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
                per_cycle.append({"statuses": statuses, "rows": diff, "wall": wall})
                print(f"  cycle {cycle + 1}: {statuses} in {wall:.1f} s; "
                      + ", ".join(f"{t} +{i}/~{u}" for t, (i, u, _d) in diff.items() if i or u), flush=True)
        finally:
            await app.close()
        conn = sqlite3.connect(db_path)
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        sizes = _table_bytes(db_path)
        report.update(counts=counts, bytes=sizes, page_size=page_size, file_bytes=db_path.stat().st_size,
                      per_cycle=per_cycle)
        print(f"\n  {'table':<15} {'rows':>9} {'bytes':>12} {'bytes/row':>10}  (with its indexes)")
        for table in TABLES:
            rows, size = counts[table], sizes.get(table, 0)
            print(f"  {table:<15} {rows:>9,} {size:>12,} {size / rows if rows else 0:>10,.0f}")
        print(f"  file {db_path.stat().st_size:,} bytes")
        if keep is not None:
            shutil.copyfile(db_path, keep)
        real = _real_shaped(db_path)
        report["real_shaped_bytes"] = real
        print("  with text as long as real items' (title 74, summary 244, link and GUID 96 characters): "
              + ", ".join(f"{t} {real.get(t, 0) / counts[t]:,.0f}" for t in ("items", "claims") if counts[t])
              + " bytes/row")
        changed_cycles = per_cycle[:-1]
        polls = sum(c["statuses"].get("changed", 0) for c in changed_cycles)
        items = sum(c["rows"]["items"][0] for c in changed_cycles)
        print(f"\n  {len(changed_cycles)} changed cycles: {polls:,} changed polls, {items:,} new items")
        for table in TABLES:
            ins = sum(c["rows"][table][0] for c in changed_cycles)
            upd = sum(c["rows"][table][1] for c in changed_cycles)
            if ins or upd:
                print(f"  {table:<15} per new item: +{ins / max(items, 1):.3f} rows, ~{upd / max(items, 1):.3f} "
                      f"updated; per changed poll: +{ins / max(polls, 1):.2f}, ~{upd / max(polls, 1):.2f}")
        idle = per_cycle[-1]
        print(f"  a cycle with no news ({idle['statuses']}): "
              + (", ".join(f"{t} +{i}/~{u}" for t, (i, u, _d) in idle["rows"].items() if i or u) or "no row written"))
    finally:
        farm.close()
        tmp.cleanup()
    return report


# --- the outbox's pace against the loopback Discord ---------------------------------------------------


async def measure_dispatch(sqlite_path: Path) -> dict[str, Any]:
    """The kept database's outbox, set back to pending, delivered by the real bot (ClaimwatchBot's
    Dispatcher and DiscordSink) to the loopback Discord holding its servers and channels: rows per
    second with no network latency and no rate limit, so the bot's own cost per alert. The fake
    runs in this process too, so the figure is a floor."""
    sys.path.insert(0, str(ROOT))
    from bot.app import open_app
    from bot.discord_client import ClaimwatchBot
    from bot.discord_endpoints import point_discord_at
    from tests.fakes import FakeDiscord

    tmp = tempfile.TemporaryDirectory()
    db_path = Path(tmp.name) / "dispatch.db"
    shutil.copyfile(sqlite_path, db_path)
    conn = sqlite3.connect(db_path, isolation_level=None)
    places = conn.execute("SELECT DISTINCT guild_id, channel_id FROM follows").fetchall()
    conn.close()
    fake = FakeDiscord()
    for guild_id, channel_id in places:
        fake.add_guild(guild_id, f"Supporters {guild_id}", channels=[channel_id])
    await fake.start()
    point_discord_at(fake.api_base_url, fake.gateway_url)
    logging.disable(logging.WARNING)  # the kept database's feeds are not in this config: paused, said per feed
    app = await open_app(settings_for(db_path))
    bot = ClaimwatchBot(app, start_polling=False, guild_ready_timeout=0.5)
    task = asyncio.create_task(bot.start(fake.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), timeout=120)
        await asyncio.sleep(1)
        while await bot.dispatcher.run_once(1000):
            pass  # whatever on_ready began
        conn = sqlite3.connect(db_path, isolation_level=None)
        rows = conn.execute("UPDATE outbox SET state = 'pending', message_id = NULL, sent_at = NULL,"
                            " sending_at = NULL, attempts = 0, next_attempt_at = NULL").rowcount
        conn.close()
        posted_before = len(fake.messages_by_id)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        sent = 0
        while n := await bot.dispatcher.run_once(1000):
            sent += n
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        posted = len(fake.messages_by_id) - posted_before
    finally:
        await bot.close()
        await asyncio.wait_for(task, timeout=30)
        await app.close()
        await fake.close()
        point_discord_at(None, None)
        tmp.cleanup()
    print(f"  {rows:,} outbox rows to {len(places):,} channels: {sent:,} sent, {posted:,} posts on the loopback "
          f"Discord in {wall:.1f} s = {sent / wall:,.0f} alerts/s, {cpu / max(sent, 1) * 1000:.2f} ms CPU per alert "
          f"(bot and fake together)")
    return {"rows": rows, "sent": sent, "posted": posted, "wall": wall, "cpu": cpu}


# --- the same rows in PostgreSQL ---------------------------------------------------------------------

PG_ORDER = ["feeds", "entities", "entity_aliases", "items", "stories", "claims", "story_events", "follows",
            "outbox"]


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))), None)
    if not found:
        raise RuntimeError(f"{name} not found: install PostgreSQL to compare")
    return str(found)


def measure_postgres(sqlite_path: Path) -> dict[str, Any]:
    """A throwaway PostgreSQL cluster with the PostgreSQL migrations (storage/migrations/postgresql),
    the kept database's rows copied in, and each table's size with its indexes and TOAST after
    VACUUM: freshly loaded, so without the dead rows that updates leave until autovacuum."""
    import csv
    import os

    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="cw-pgsize-"))
    data, port = home / "data", "5987"
    if as_postgres:
        shutil.chown(home, "postgres")

    def run(*cmd: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([*as_postgres, *cmd], capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"{Path(cmd[0]).name} failed: {done.stderr.strip()[-800:]}")
        return done

    run(_pg_bin("initdb"), "-D", str(data), "-A", "trust", "-U", "claimwatch", "--no-sync", "-E", "UTF8")
    run(_pg_bin("pg_ctl"), "-D", str(data), "-w", "-l", str(home / "log"), "-o",
        f"-k {home} -p {port} -c listen_addresses='' -c fsync=off", "start")
    psql = [_pg_bin("psql"), "-h", str(home), "-p", port, "-U", "claimwatch", "-d", "postgres", "-v",
            "ON_ERROR_STOP=1", "-q", "-A", "-t"]
    try:
        for migration in sorted((ROOT / "storage" / "migrations" / "postgresql").glob("*.sql")):
            subprocess.run([*as_postgres, *psql], input=migration.read_text() + ";\n", check=True,
                           capture_output=True, text=True)
        lite = sqlite3.connect(sqlite_path)
        for table in PG_ORDER:
            columns = [row[1] for row in lite.execute(f"PRAGMA table_info({table})")]
            dump = home / f"{table}.csv"
            with dump.open("w", newline="") as out:
                writer = csv.writer(out)
                writer.writerows([r"\N" if value is None else value for value in row]
                                 for row in lite.execute(f"SELECT {', '.join(columns)} FROM {table}"))
            if as_postgres:
                shutil.chown(dump, "postgres")
            run(*psql, "-c", "SET session_replication_role = replica",
                "-c", f"\\copy {table} ({', '.join(columns)}) FROM '{dump}' WITH (FORMAT csv, NULL '\\N')")
        lite.close()
        run(*psql, "-c", "VACUUM ANALYZE")
        query = ("SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid) FROM pg_class c"
                 " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'")
        sizes = {name: (int(total), int(heap)) for name, total, heap in
                 (line.split("|") for line in run(*psql, "-c", query).stdout.split())}
    finally:
        run(_pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "stop")
        shutil.rmtree(home, ignore_errors=True)
    lite_sizes = _table_bytes(sqlite_path)
    conn = sqlite3.connect(sqlite_path)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in PG_ORDER}
    conn.close()
    print(f"  {'table':<15} {'rows':>8} {'SQLite B/row':>13} {'PostgreSQL B/row':>17} {'of it heap':>11} {'ratio':>6}")
    report = {}
    for table in PG_ORDER:
        rows = counts[table] or 1
        total, heap = sizes.get(table, (0, 0))
        lite_row, pg_row = lite_sizes.get(table, 0) / rows, total / rows
        report[table] = {"rows": counts[table], "sqlite": lite_sizes.get(table, 0), "postgres": total, "heap": heap}
        print(f"  {table:<15} {counts[table]:>8,} {lite_row:>13,.0f} {pg_row:>17,.0f} {heap / rows:>11,.0f} "
              f"{pg_row / lite_row if lite_row else 0:>5.2f}×")
    lite_all = sum(lite_sizes.get(t, 0) for t in PG_ORDER)
    pg_all = sum(sizes.get(t, (0, 0))[0] for t in PG_ORDER)
    print(f"  all these tables: SQLite {lite_all:,} bytes, PostgreSQL {pg_all:,} bytes ({pg_all / lite_all:.2f}×)")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.sizing")
    sub = parser.add_subparsers(dest="what", required=True)
    mem = sub.add_parser("memory")
    mem.add_argument("--guilds", default="0,500,2500")
    data = sub.add_parser("database")
    data.add_argument("--feeds", type=int, default=1000)
    data.add_argument("--cycles", type=int, default=4)
    data.add_argument("--new", type=int, default=2)
    data.add_argument("--servers", type=int, default=500)
    data.add_argument("--keep", type=Path, help="keep the database here (for `postgres`)")
    dispatch = sub.add_parser("dispatch")
    dispatch.add_argument("sqlite", type=Path, help="a database kept by `database --keep`")
    pg = sub.add_parser("postgres")
    pg.add_argument("sqlite", type=Path, help="a database kept by `database --keep`")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    if args.what == "memory":
        result: Any = asyncio.run(measure_memory([int(n) for n in args.guilds.split(",")]))
    elif args.what == "database":
        result = asyncio.run(measure_database(args.feeds, args.cycles, args.new, args.servers, args.keep))
    elif args.what == "dispatch":
        result = asyncio.run(measure_dispatch(args.sqlite))
    else:
        result = measure_postgres(args.sqlite)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str))


if __name__ == "__main__":
    main()
