"""What every scenario shares: synthetic feeds, the feed-farm server process, the big database,
timing helpers and the result rows.

Everything synthetic is deterministic: seeded random over our own templates, real club names from
the gazetteer and made-up people ("Lorenzo Vasquez"). Item dates are anchored to today's midnight
(UTC) so they stay inside the retention window; the rest of every byte depends on the seed alone.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

SEED = 20251121
ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
HOSTS = 32  # the farm answers on 127.0.0.1 .. 127.0.0.32: feeds spread over hosts like real ones
WORLD_WINDOW = 20  # items in each big-database feed as the farm serves it
WORLD_VERSION = 3
WORLD_FEEDS_BELOW = 100_000  # farm feed numbers of the big database's feeds; scenarios use higher ones  # bump when the generator below changes what the cached database holds


# --- results -------------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """One line of the table. `ratio` compares figure to baseline the way the goal reads."""

    scenario: str
    figure: str
    baseline: str
    ratio: float | None
    ratio_text: str
    goal: str
    met: bool | None  # None: information, no goal of its own
    note: str = ""


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}×"


def fmt_pct(value: float) -> str:
    return f"{value * 100:.2f} %" if value < 0.1 else f"{value * 100:.1f} %"


def fmt_ms(seconds: float) -> str:
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def goal_row(scenario: str, value: float, goal: float, fmt: Callable[[float], str], *,
             figure: str | None = None, note: str = "") -> Row:
    """A row with no natural baseline: the goal is the reference, the ratio is figure / goal."""
    ratio = value / goal
    return Row(scenario, figure or fmt(value), f"{fmt(goal)} (goal)", ratio, fmt_ratio(ratio),
               f"< {fmt(goal)}", ratio < 1.0, note)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: p99 of 200 samples is the 198th smallest."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def render_table(rows: list[Row]) -> str:
    head = ("scenario", "figure", "baseline", "ratio", "goal", "met?")
    body = [(r.scenario, r.figure, r.baseline, r.ratio_text, r.goal,
             "—" if r.met is None else ("yes" if r.met else "NO")) for r in rows]
    widths = [max(len(str(line[i])) for line in [head, *body]) for i in range(len(head))]
    lines = ["  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
             for line in [head, *body]]
    lines.insert(1, "  ".join("-" * width for width in widths))
    notes = [f"  [{i}] {r.scenario}: {r.note}" for i, r in enumerate(rows, 1) if r.note]
    return "\n".join(lines + ([""] + notes if notes else []))


# --- the run's context -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WorldSize:
    feeds: int
    items: int
    claims: int
    people: int

    @classmethod
    def for_mode(cls, quick: bool) -> WorldSize:
        scale = 10 if quick else 1
        return cls(feeds=5000 // scale, items=1_000_000 // scale, claims=1_000_000 // scale,
                   people=100_000 // scale)


@dataclass(slots=True)
class Context:
    quick: bool
    cycle_feeds: int
    tmp: Path
    farm: Farm
    world: WorldSize
    work_db: Path
    log: Callable[[str], None] = print
    profile: bool = False
    extras: list[str] = field(default_factory=list)  # profiler output printed after the table

    @property
    def runs(self) -> int:
        return 3 if self.quick else 5


# --- synthetic names and items -------------------------------------------------------------------

FIRST_NAMES = (
    "Lorenzo", "Mateo", "Darius", "Tomas", "Emil", "Jonas", "Rafael", "Nikola", "Adrian", "Bruno",
    "Callum", "Dario", "Elias", "Fabian", "Gustavo", "Hugo", "Ivan", "Jasper", "Kai", "Leandro",
    "Marco", "Nils", "Oscar", "Pablo", "Quentin", "Rui", "Stefan", "Tiago", "Ugo", "Viktor",
    "Wesley", "Xavi", "Yannick", "Zoran", "Aleksander", "Benedikt", "Cristian", "Dominik", "Enzo",
    "Filip", "Gonzalo", "Henrik", "Ismael", "Joaquin", "Kasper", "Luka", "Milan", "Noah", "Olivier",
    "Pedro", "Ricardo", "Samuel", "Teo", "Valentin", "Wout", "Yusuf", "Amadou", "Bakary", "Cheikh",
    "Diego", "Ederson", "Florin", "Giorgi", "Hamza", "Igor", "Jules", "Kenji", "Lamine", "Moussa",
    "Nuno", "Orel", "Patrik", "Ruben", "Sandro", "Timo", "Umar", "Vitor", "Wilfried", "Yeray",
    "Anton", "Bastian", "Cesar", "Dejan", "Erling", "Fede", "Gabri", "Hakim", "Ilkay", "Jan",
)
_SURNAME_HEADS = (
    "Vas", "Kol", "Ostro", "Bel", "Mar", "Del", "Kar", "Sten", "Riv", "Lund", "Gal", "Fer", "Bran",
    "Mor", "Sal", "Vel", "Dra", "Hol", "Nov", "Pel", "Quin", "Ros", "Tor", "Var", "Zel", "Ald",
    "Bor", "Cas", "Dun", "Est", "Gor", "Ham", "Ivan", "Jov", "Kov", "Lem", "Mand", "Nor", "Orl",
    "Pad", "Ram", "Sav", "Tam", "Ul", "Ven", "Wal", "Yar", "Zor", "Ang", "Bert", "Carr", "Dom",
    "Ferr", "Gris", "Herr", "Lar", "Mont", "Pav", "Sor", "Tren",
)
_SURNAME_TAILS = (
    "quez", "arek", "win", "ani", "ello", "ov", "ic", "sson", "era", "ez", "ini", "ek", "ard",
    "holm", "ino", "ovic", "ski", "aro", "etti", "ens", "ado", "ier", "ley", "man", "uchi", "ota",
    "berg", "ane", "inho", "ac", "ito", "urt", "osa", "ell", "amo", "ik", "ues", "elli", "ant",
    "enko", "is", "oni", "ala", "ueta", "ach", "ero", "ul", "ona", "ing", "ath", "or", "ida",
    "uel", "ovsky", "anu", "eau", "ton", "ste", "undo", "ica",
)
ROLES = ("defender", "midfielder", "striker", "winger", "goalkeeper", "forward", "centre-back",
         "full-back")


def person_name(k: int) -> str:
    """The k-th made-up person; distinct for every k below len(FIRST_NAMES) * surnames."""
    surnames = len(_SURNAME_HEADS) * len(_SURNAME_TAILS)
    s = (k * 7919) % surnames  # spread neighbours over the surname space
    surname = _SURNAME_HEADS[s // len(_SURNAME_TAILS)] + _SURNAME_TAILS[s % len(_SURNAME_TAILS)]
    first = FIRST_NAMES[(k // surnames + k) % len(FIRST_NAMES)]
    return f"{first} {surname}"


@cache
def club_names() -> tuple[str, ...]:
    from bot.claims.gazetteer import clubs

    return tuple(c.name for c in clubs() if not c.national)


@cache
def source_names() -> tuple[str, ...]:
    from bot.claims.gazetteer import sources

    return tuple(s.name for s in sources())


@cache
def popularity(people: int) -> tuple[list[int], list[float]]:
    """People ranked by how often the news names them: weight ∝ (rank + 10) ** -0.8."""
    ranks = list(range(people))
    return ranks, list(itertools.accumulate((k + 10) ** -0.8 for k in ranks))


def popular_person(rng: random.Random, people: int) -> int:
    ranks, cumulative = popularity(people)
    return rng.choices(ranks, cum_weights=cumulative)[0]


_TRANSFER = (
    "{c1} in talks with {c2} over {name}",
    "{c1} open talks with {c2} {role} {name}",
    "{c1} make £{m}m bid for {c2} {role} {name}",
    "{name} agrees personal terms with {c1}",
    "{c2} reject {c1} offer for {name}",
    "{name} signs new {c2} contract until 2029",
    "{name} to have {c1} medical after fee agreed with {c2}",
    "{name} joins {c1} on loan from {c2}",
    "{c1} keen on {c2} {role} {name}",
    "{c1} eye {surname}",
    "{c1} monitoring {c2} {role} {surname}",
    "{c2} sack manager {name}",
)
_OTHER = (
    "{name} scores twice as {c1} beat {c2}",
    "{c1} 2-1 {c2}: player ratings and talking points",
    "{name} out for six weeks with a knee injury",
    "{c1} announce record revenue for the season",
    "Five things we learned from {c1} against {c2}",
    "{name} wins player of the month award",
    "{c1} v {c2}: team news, kick-off time and how to watch",
    "{c1} fans react to a tense draw with {c2}",
    "{name} reflects on a difficult season at {c1}",
    "{c1} confirm ticket prices for next season",
)
_SUMMARY = (
    "The {role} has been a regular for {c2} since arriving three seasons ago.",
    "According to {src}, the clubs spoke again on Monday.",
    "<p>{c1} have kept a close eye on the situation &amp; are weighing their options.</p>",
    "The match was played in front of a crowd of {m},000.",
    "<p>Negotiations are described as <b>advanced</b>.</p><p>More to follow.</p>",
    "{src} reports that a decision is expected before the end of the month.",
    "Supporters have been vocal about the club's plans for the summer window.",
)


# Feed modes the farm serves: e = ETag and 304; n = no validators (same bytes until it changes);
# a = alert feed (every item alerts, about one of ALERT_PEOPLE followed people).
ALERT_PEOPLE = 20


@dataclass(frozen=True, slots=True)
class ItemSpec:
    guid: str
    link: str
    title: str
    summary: str  # HTML, as a feed's description carries it
    published: datetime


@cache
def anchor() -> datetime:
    """Today's midnight, UTC: item dates are relative to it, so they never age out of retention."""
    now = datetime.now(UTC)
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def _published(seq: int) -> datetime:
    return anchor() - timedelta(minutes=15 * (3000 - seq))


def _fields(rng: random.Random, person: int) -> dict[str, object]:
    c1, c2 = rng.sample(club_names(), 2)
    name = person_name(person)
    return {"c1": c1, "c2": c2, "name": name, "surname": name.split(" ", 1)[1],
            "role": rng.choice(ROLES), "m": rng.randint(10, 90), "src": rng.choice(source_names())}


def item_spec(feed: int, seq: int, people: int, claim_share: float = 0.2) -> ItemSpec:
    """Item `seq` of feed `feed`: about one in five a transfer or managerial claim."""
    rng = random.Random(f"{SEED}:{feed}:{seq}")
    fields = _fields(rng, popular_person(rng, people))
    template = rng.choice(_TRANSFER if rng.random() < claim_share else _OTHER)
    summary = " ".join(rng.choice(_SUMMARY) for _ in range(rng.randint(1, 3)))
    return ItemSpec(f"cw-{feed}-{seq}", f"https://news.example/{feed}/{seq}", template.format(**fields),
                    summary.format(**fields), _published(seq))


def alert_person(p: int, people: int) -> int:
    """Who the alert feed writes about: half the most talked-about people, half the long tail."""
    half = ALERT_PEOPLE // 2
    return p if p < half else people - 1 - (p - half) * 37


def alert_item_spec(feed: int, seq: int, people: int) -> ItemSpec:
    """An item that always alerts: a completed move, a new story or the top of an open one."""
    rng = random.Random(f"{SEED}:alert:{feed}:{seq}")
    clubs = club_names()
    c1 = clubs[seq % len(clubs)]
    c2 = clubs[(seq + len(clubs) // 2) % len(clubs)]
    name = person_name(alert_person(seq % ALERT_PEOPLE, people))
    return ItemSpec(f"cw-a{feed}-{seq}", f"https://news.example/a{feed}/{seq}",
                    f"{c1} complete signing of {name} from {c2}",
                    f"According to {rng.choice(source_names())}, the fee could rise to £{rng.randint(10, 90)}m.",
                    _published(seq))


def rss(title: str, items: Iterable[ItemSpec]) -> bytes:
    entries = [
        f"<item><title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
        f'<guid isPermaLink="false">{escape(it.guid)}</guid>'
        f"<pubDate>{format_datetime(it.published)}</pubDate>"
        f"<description>{escape(it.summary)}</description></item>"
        for it in items
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>"
        "<description>Synthetic football news for claimwatch benchmarks</description>"
        + "".join(entries) + "</channel></rss>"
    ).encode()


def window(feed: int, gen: int, n: int) -> range:
    """The item sequence numbers a feed shows at generation `gen`, newest first."""
    return range(gen + n - 1, gen - 1, -1)


def feed_body(mode: str, n: int, feed: int, gen: int, people: int) -> bytes:
    if mode == "a":
        items = [alert_item_spec(feed, s, people) for s in window(feed, gen, n)]
    else:
        items = [item_spec(feed, s, people) for s in window(feed, gen, n)]
    return rss(f"Wire {feed}", items)


def etag(feed: int, gen: int) -> str:
    return f'"{feed}-{gen}"'


def feed_path(mode: str, n: int, feed: int) -> str:
    return f"/{mode}/{n}/{feed}.xml"


def feed_url(port: int | str, mode: str, n: int, feed: int) -> str:
    return f"http://127.0.0.{1 + feed % HOSTS}:{port}{feed_path(mode, n, feed)}"


# --- the feed farm: an aiohttp server in its own process ----------------------------------------


def serve(people: int) -> None:
    """Entry point of the farm process: prints its port, serves until stdin closes."""
    from aiohttp import web

    state: dict[str, Any] = {"latency": 0.0, "gens": {}, "bodies": {}, "requests": 0}

    def body(mode: str, n: int, feed: int, gen: int) -> bytes:
        key = (mode, n, feed)
        cached = state["bodies"].get(key)
        if cached is None or cached[0] != gen:
            cached = (gen, feed_body(mode, n, feed, gen, people))
            state["bodies"][key] = cached
        return cached[1]

    async def handle(request: web.Request) -> web.StreamResponse:
        state["requests"] += 1
        try:
            mode, n_text, name = request.path.strip("/").split("/")
            n, feed = int(n_text), int(name.removesuffix(".xml"))
        except ValueError:
            return web.Response(status=404, text="not found")
        if state["latency"] and feed < WORLD_FEEDS_BELOW:  # only the big database's feeds are slow
            await asyncio.sleep(state["latency"])
        gen = state["gens"].get(feed, 0)
        headers = {}
        if mode in ("e", "a"):
            headers["ETag"] = etag(feed, gen)
            if request.headers.get("If-None-Match") == headers["ETag"]:
                return web.Response(status=304, headers=headers)
        return web.Response(body=body(mode, n, feed, gen), headers=headers,
                            content_type="application/rss+xml")

    async def control(request: web.Request) -> web.Response:
        order = await request.json()
        if "latency" in order:
            state["latency"] = float(order["latency"])
        for feed in order.get("advance", []):
            state["gens"][feed] = state["gens"].get(feed, 0) + 1
        if "advance_range" in order:
            for feed in range(*order["advance_range"]):
                state["gens"][feed] = state["gens"].get(feed, 0) + 1
        if order.get("forget_bodies"):
            state["bodies"].clear()
        return web.json_response({"requests": state["requests"]})

    async def main() -> None:
        app = web.Application()
        app.router.add_post("/_ctl", control)
        app.router.add_get("/{tail:.*}", handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        first = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await first.start()
        port = first._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        for host in range(2, HOSTS + 1):
            await web.TCPSite(runner, f"127.0.0.{host}", port, backlog=1024).start()
        print(port, flush=True)
        await asyncio.Event().wait()

    # The farm dies with its parent: the parent holds our stdin open and never writes to it.
    threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
    asyncio.run(main())


class Farm:
    """The parent's handle on the farm process."""

    def __init__(self, people: int) -> None:
        code = f"from bench._common import serve; serve({people})"
        self.proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line.strip():
            raise RuntimeError("the feed farm did not start")
        self.port = int(line)
        self.people = people

    def url(self, mode: str, n: int, feed: int) -> str:
        return feed_url(self.port, mode, n, feed)

    async def control(self, **order: object) -> dict[str, Any]:
        import aiohttp

        async with aiohttp.ClientSession() as session, session.post(
            f"http://127.0.0.1:{self.port}/_ctl", json=order
        ) as response:
            return dict(await response.json())

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()


# --- the application under test ------------------------------------------------------------------


def settings_for(db_path: Path, **polling: object) -> Any:
    from bot.config import parse_settings

    raw = {
        "storage": {"path": str(db_path)},
        "polling": {"allow_private_addresses": True, "jitter_seconds": 0, **polling},
    }
    return parse_settings(raw, db_path.parent, env={})


async def only_feeds(db: Any, where: str, params: tuple = ()) -> int:
    """Pause every feed but those matching `where`, so poll_all polls exactly a scenario's feeds."""
    async with db.transaction() as conn:
        await conn.execute(f"UPDATE feeds SET paused = 1, paused_reason = 'bench' WHERE NOT ({where})", params)
        await conn.execute(f"UPDATE feeds SET paused = 0, paused_reason = NULL WHERE {where}", params)
    row = await db.fetchone(f"SELECT count(*) AS n FROM feeds WHERE {where}", params)
    return int(row["n"])


async def poll_feeds(app: Any, ids: list[int]) -> list[Any]:
    """Poll these feeds as the scheduler does in Discord mode (Poller: one Pipeline.poll per feed),
    at most polling.concurrency at a time; poll_all adds a listing of every feed per cycle."""
    gate = asyncio.Semaphore(app.settings.polling.concurrency)

    async def one(feed_id: int) -> Any:
        async with gate:
            return await app.pipeline.poll(feed_id)

    return list(await asyncio.gather(*(one(feed_id) for feed_id in ids)))


async def add_feeds(db: Any, urls: list[str]) -> list[int]:
    from storage import feeds as feed_store

    return [await feed_store.upsert(db, url, f"Wire {i}", None, origin="config") for i, url in enumerate(urls)]


# --- the big database ------------------------------------------------------------------------------


def schema_key(size: WorldSize) -> str:
    from storage.db import migrations

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
    from storage.db import migrations
    from storage.schema import split_sql

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    indexes = []
    now = _iso(datetime.now(UTC))
    conn.execute("BEGIN")
    for version, name, sql in migrations():
        for statement in split_sql(sql):
            if statement.upper().startswith("CREATE INDEX"):
                indexes.append(statement)  # after the rows: much faster than row by row
            else:
                conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, now))

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


def _flush(conn: sqlite3.Connection, stories: list, claims: list, events: list) -> None:
    conn.executemany(
        "INSERT INTO stories (id, entity_id, track, counterpart, counterpart_key, kind, rung, best_tier_rank,"
        " first_seen_at, last_report_at, rung_reached_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", stories)
    conn.executemany(
        "INSERT OR IGNORE INTO claims (id, item_id, entity_id, story_id, subject, subject_key, role, kind,"
        " counterpart, counterpart_key, from_club, source, source_tier, outlet, published, evidence, link, title,"
        " created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", claims)
    conn.executemany(
        "INSERT INTO story_events (id, story_id, claim_id, kind, reason, created_at) VALUES (?,?,?,?,?,?)", events)
    stories.clear()
    claims.clear()
    events.clear()


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


# --- timing ---------------------------------------------------------------------------------------


class Timer:
    """Wall and CPU (time.process_time: every thread of this process) of a block."""

    def __enter__(self) -> Timer:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def profile_top(fn: Callable[[], object], limit: int = 25, sort: str = "tottime") -> str:
    """cProfile of a synchronous call (the main thread only), top functions as text."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    try:
        fn()
    finally:
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(limit)
    return out.getvalue()


def dumps(data: object) -> str:
    return json.dumps(data, separators=(",", ":"))
