"""The big database (a million claims about 100,000 people), built once and cached under
bench/.cache/, and the working copy each run polls against."""

from __future__ import annotations

import hashlib
import math
import random
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench._common import WorldSize
from bench.constants import CACHE, ROOT, SEED, WORLD_VERSION, WORLD_WINDOW
from bench.synthetic import (
    ItemSpec,
    anchor,
    club_names,
    etag,
    feed_url,
    item_spec,
    person_name,
    source_names,
    window,
)

# --- the big database ------------------------------------------------------------------------------


def schema_key(size: WorldSize) -> str:
    from storage.schema import migrations

    digest = hashlib.sha256()
    for version, name, sql in migrations():
        digest.update(f"{version}:{name}:{sql}".encode())
    digest.update(f"v{WORLD_VERSION}:{size}:{SEED}".encode())
    return digest.hexdigest()[:16]


def world_path(size: WorldSize) -> Path:
    return CACHE / f"world-{size.people}-{schema_key(size)}.db"


def ensure_world(size: WorldSize, log: Callable[[str], None]) -> Path:
    """The cached big database, built when missing (the key changes with the schema)."""
    path = world_path(size)
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    (CACHE / ".gitignore").write_text("# benchmark databases, rebuilt on demand\n*\n")
    for stale in CACHE.glob(f"world-{size.people}-*.db*"):
        stale.unlink()
    log(f"building the benchmark database ({size.claims:,} claims, {size.items:,} items, "
        f"{size.people:,} people, {size.feeds:,} feeds) into {path.relative_to(ROOT)} …")
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    build_world(partial, size)
    partial.rename(path)
    log(f"  built in {time.perf_counter() - started:.0f} s, {path.stat().st_size / 1e6:,.0f} MB")
    return path


def _iso(moment: datetime) -> str:
    from storage.db import stamp

    return stamp(moment)


def _item_text(spec: ItemSpec) -> tuple[str, str, str]:
    """title, summary and content hash exactly as bot.feeds.parse computes them."""
    from bot.feeds.parse import html_to_text

    title, summary = html_to_text(spec.title), html_to_text(spec.summary)
    return title, summary, hashlib.sha256(f"{title}\x1f{summary}".encode()).hexdigest()


def build_world(path: Path, size: WorldSize) -> None:
    from bot.identities import club_key, name_aliases
    from bot.models import LADDER
    from storage.schema import migrations, split_sql

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    indexes: list[str] = []
    grown: set[str] = set()  # indexes made before the rows (GROWN)
    now = _iso(datetime.now(UTC))
    conn.execute("BEGIN")
    for version, name, sql in migrations():
        for statement in split_sql(sql):
            if statement.upper().startswith(("CREATE INDEX", "DROP INDEX")) and not _grown_index(statement, grown):
                indexes.append(statement)  # after the rows: much faster than row by row (a drop in its turn)
            else:
                conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now))
    for table in GROWN:  # the rows are made here first, then go in oldest first (_grow)
        conn.execute(f"CREATE TEMP TABLE stage_{table} AS SELECT * FROM {table} WHERE 0")

    rng = random.Random(SEED)
    clubs = club_names()
    sources = source_names()

    # people, weighted by how often they are in the news
    weights = [(k + 10) ** -0.8 for k in range(size.people)]
    scale = size.claims / sum(weights)
    counts = [max(1, round(w * scale)) for w in weights]
    names = [person_name(k) for k in range(size.people)]
    conn.executemany(
        "INSERT INTO entities (id, name, role, club, placeholder, created_at, updated_at) VALUES (?,?,?,?,0,?,?)",
        ((k + 1, names[k], "manager" if k % 40 == 39 else "player", clubs[k % len(clubs)], now, now)
         for k in range(size.people)))
    conn.executemany(
        "INSERT OR IGNORE INTO entity_aliases (alias, entity_id, kind) VALUES (?, ?, ?)",
        ((alias, k + 1, kind) for k in range(size.people) for alias, kind in name_aliases(names[k])))

    # feeds, each with the window the farm serves at generation 0 and older history
    conn.executemany(
        "INSERT INTO feeds (id, url, name, origin, etag, first_fetch_done, last_fetch_at, last_success_at,"
        " created_at) VALUES (?, ?, ?, 'config', ?, 1, ?, ?, ?)",
        ((f + 1, feed_url("PORT", "e", WORLD_WINDOW, f), f"Wire {f}", etag(f, 0), now, now, now)
         for f in range(size.feeds)))

    def current_items() -> Iterator[tuple]:
        for f in range(size.feeds):
            for s in window(f, 0, WORLD_WINDOW):
                spec = item_spec(f, s, size.people)
                title, summary, digest = _item_text(spec)
                yield (f + 1, "guid:" + spec.guid, spec.guid, spec.link, title, summary,
                       _iso(spec.published), now, digest)

    conn.executemany(
        "INSERT INTO items (feed_id, key, guid, link, title, summary, published, fetched_at, content_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", current_items())
    pool = [item_spec(-1, s, size.people) for s in range(2000)]
    pool_text = [_item_text(spec) for spec in pool]
    history = size.items - size.feeds * WORLD_WINDOW
    first_history_id = size.feeds * WORLD_WINDOW + 1

    def history_items() -> Iterator[tuple]:
        start = anchor() - timedelta(days=360)
        for h in range(history):
            f = h % size.feeds
            title, summary, digest = pool_text[h % len(pool_text)]
            guid = f"cw-{f}-old{h}"
            yield (f + 1, "guid:" + guid, guid, f"https://news.example/{f}/old{h}", title, summary,
                   _iso(start + timedelta(seconds=h * 31_000_000 // max(history, 1))), now, digest)

    conn.executemany(
        "INSERT INTO items (feed_id, key, guid, link, title, summary, published, fetched_at, content_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", history_items())

    # claims grouped into stories (about three reports each), one 'new' event per story
    stories: list[tuple] = []
    claims: list[tuple] = []
    events: list[tuple] = []
    story_id = claim_id = 0
    deal_kinds = LADDER
    club_keys = {club: club_key(club) for club in clubs}
    start_day = anchor() - timedelta(days=720)
    for k in range(size.people):
        name, subject_key = names[k], names[k].casefold()
        n_stories = max(1, math.ceil(counts[k] / 3))
        role = "manager" if k % 40 == 39 else "player"
        for j in range(n_stories):
            story_id += 1
            counterpart = clubs[(k * 7 + j * 13) % len(clubs)]
            ckey = club_keys[counterpart]
            from_club = clubs[k % len(clubs)]
            begin = start_day + timedelta(minutes=rng.randrange(720 * 24 * 60))
            reports = counts[k] // n_stories + (1 if j < counts[k] % n_stories else 0)
            first_claim = claim_id + 1
            kind = "interest"
            published = begin
            for r in range(max(1, reports)):
                claim_id += 1
                kind = deal_kinds[min(r, len(deal_kinds) - 1)]
                published = begin + timedelta(hours=r * 20)
                source = sources[(claim_id * 3) % len(sources)]
                title = f"{counterpart} {'eye' if r == 0 else 'step up talks over'} {name}"
                claims.append((
                    claim_id, first_history_id + claim_id % max(history, 1), k + 1, story_id, name,
                    subject_key, role, kind, counterpart, ckey, from_club, source, None, f"Wire {claim_id % 97}",
                    _iso(published), title, f"https://news.example/claim/{claim_id}", title, now))
            stories.append((story_id, k + 1, "deal", counterpart, ckey, kind, deal_kinds.index(kind), 3,
                            _iso(begin), _iso(published), _iso(published), now))
            events.append((story_id, story_id, first_claim, "interest", "new", _iso(begin)))
        if len(claims) > 200_000:
            _flush(conn, stories, claims, events)
    _flush(conn, stories, claims, events)
    _grow(conn)

    # follows: the 500 most talked-about people, each in a few channels; their events were sent
    follows = [(g, 1000 + g * 10 + c, k + 1, now) for k in range(min(500, size.people))
               for g, c in [(k % 20 + 1, k % 3), ((k + 7) % 20 + 1, (k + 1) % 3)]]
    conn.executemany("INSERT OR IGNORE INTO follows (guild_id, channel_id, entity_id, created_at)"
                     " VALUES (?, ?, ?, ?)", follows)
    conn.execute(
        "INSERT INTO outbox (event_id, guild_id, channel_id, state, attempts, nonce, message_id, created_at, sent_at)"
        " SELECT ev.id, f.guild_id, f.channel_id, 'sent', 1, 'n' || ev.id || '-' || f.channel_id, 'm' || ev.id,"
        " ev.created_at, ev.created_at FROM story_events ev JOIN stories s ON s.id = ev.story_id"
        " JOIN follows f ON f.entity_id = s.entity_id")
    for statement in indexes:
        conn.execute(statement)
    conn.execute("COMMIT")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


# The columns the world fills, by table (the others keep their defaults).
FILLED = {
    "stories": ("id", "entity_id", "track", "counterpart", "counterpart_key", "kind", "rung", "best_tier_rank",
                "first_seen_at", "last_report_at", "rung_reached_at", "created_at"),
    "claims": ("id", "item_id", "entity_id", "story_id", "subject", "subject_key", "role", "kind", "counterpart",
               "counterpart_key", "from_club", "source", "source_tier", "outlet", "published", "evidence", "link",
               "title", "created_at"),
    "story_events": ("id", "story_id", "claim_id", "kind", "reason", "created_at"),
}


def _flush(conn: sqlite3.Connection, stories: list, claims: list, events: list) -> None:
    for table, rows in (("stories", stories), ("claims", claims), ("story_events", events)):
        conn.executemany(f"INSERT INTO stage_{table} ({', '.join(FILLED[table])})"
                         f" VALUES ({', '.join('?' * len(FILLED[table]))})", rows)
    stories.clear()
    claims.clear()
    events.clear()


# Tables a running bot grows a row at a time, oldest first, into indexes that already exist, as the
# world's stories and claims go in (_grow). An index built by CREATE INDEX over rows already there
# has every page full, which no database grown by polling has: each new claim's or story's insert
# then split a page of each index, and a 50-item feed's commit wrote 169 pages instead of 88 (the
# ingest benchmark's store alone, 2026-12-07, three pairs: 71-73 us of CPU an item against 63-67).
GROWN = ("stories", "claims", "story_events")


def _grown_index(statement: str, grown: set[str]) -> bool:
    """Whether an index statement of the migrations is about a table of GROWN (then run at once, before
    the rows); `grown` collects the names of those indexes, so that a later drop of one is run at once too."""
    words = statement.split()
    if words[0].upper() == "DROP":
        return words[-1] in grown
    name, table = words[2], words[words.index("ON") + 1]
    if table in GROWN:
        grown.add(name)
    return table in GROWN


def _grow(conn: sqlite3.Connection) -> None:
    """Stories, claims and story events from their stage tables, each in the order a running bot adds
    them (a story when first seen, a claim when published) and numbered in that order, into tables
    whose indexes exist: the indexes then have the free space a database grown by polling has."""
    conn.execute("CREATE TEMP TABLE story_ids (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    conn.execute("INSERT INTO story_ids SELECT id, row_number() OVER (ORDER BY first_seen_at, id) FROM stage_stories")
    conn.execute("CREATE TEMP TABLE claim_ids (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
    conn.execute("INSERT INTO claim_ids SELECT id, row_number() OVER (ORDER BY published, id) FROM stage_claims")
    renumbered = {"stories": {"id": "story_ids"},
                  "claims": {"id": "claim_ids", "story_id": "story_ids"},
                  "story_events": {"id": "story_ids", "story_id": "story_ids", "claim_id": "claim_ids"}}  # (one event a story)
    order = {"stories": "first_seen_at", "claims": "published", "story_events": "created_at"}
    for table in GROWN:
        maps = renumbered[table]
        picked = [f"(SELECT new FROM temp.{maps[c]} WHERE old = s.{c})" if c in maps else f"s.{c}" for c in FILLED[table]]
        conn.execute(f"INSERT OR IGNORE INTO {table} ({', '.join(FILLED[table])}) SELECT {', '.join(picked)}"
                     f" FROM stage_{table} s ORDER BY s.{order[table]}, s.id")
        conn.execute(f"DROP TABLE stage_{table}")
    conn.execute("DROP TABLE temp.story_ids")
    conn.execute("DROP TABLE temp.claim_ids")


def world_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("feeds", "items", "entities", "stories", "claims")}
    finally:
        conn.close()


def make_work_db(world: Path, dest: Path, port: int) -> Path:
    """A copy of the cached database for this run, its feed URLs pointing at this run's farm."""
    shutil.copyfile(world, dest)
    conn = sqlite3.connect(dest, isolation_level=None)
    try:
        conn.execute("UPDATE feeds SET url = replace(url, ':PORT/', ?)", (f":{port}/",))
    finally:
        conn.close()
    return dest
