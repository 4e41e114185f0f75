"""Three real `python -m bot run` processes on one PostgreSQL database and one loopback Discord.

Six gateway shards in three clusters (0-1, 2-3, 4-5), twelve servers spread over them following
24 people, 500 local feeds that gain items on each of their first four fetches. What a user would
see, and what an operator would: each alert posted exactly once, by the process holding its
server's shard; each feed fetched in each cycle and never twice within its interval. Then the
process of shards 2-3 is SIGKILLed while it holds feed leases: the others fetch those feeds once
the leases run out, its servers' alerts wait for it, and restarted under the same name it posts
them, nothing lost and nothing twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import signal
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import BinaryIO

import aiohttp
import pytest
from aiohttp import web

from bot import service
from bot.app import PROCESS_NAME_ENV, open_app
from storage.backends import open_database
from storage.db import fetchall, moment
from tests.fakes import FakeDiscord
from tests.fakes.fake_discord_gateway import shard_of
from tests.fakes.feed_server import FeedItemSpec, FeedServer, Route, rss
from tests.helpers import ROOT, bare_env, is_alert, make_settings, stop_process

SHARDS = 6
CLUSTERS = {"claimwatch-a": (0, 1), "claimwatch-b": (2, 3), "claimwatch-c": (4, 5)}  # process name -> shards
VICTIM = "claimwatch-b"
VICTIM_LEASES = VICTIM + "%"  # its leases' owner: its name, or its name and the run ("claimwatch-b#…")
FEEDS = 500
INTERVAL = 30  # the shortest a feed may have
LEASE = 40  # polling.lease_seconds, above timeout_seconds
HOLD = 2.0  # seconds the feed server takes over a feed's 4th fetch, so the kill finds polls in flight
WAIT = 300.0  # generous deadline for each liveness wait: a busy machine is slow, never wrong
FAN = 900_200
START = datetime(2025, 7, 1, tzinfo=UTC)
CLUBS = ["Real Madrid", "Arsenal", "Bayern Munich", "Juventus", "Newcastle United", "Benfica", "Ajax", "Celtic"]
STEPS = [  # one rung per fetch: interest (the first fetch, recorded without alerts), talks, bid, agreement
    "{club} keen on midfielder {name}",
    "{club} open talks over {name}",
    "{club} submit opening bid for {name}",
    "{club} agree fee for {name}",
]
ALERTED = ["Talks", "Bid", "Agreement"]  # what each follower sees, in order
FIRST = ["Tomas", "Ilias", "Mateo", "Jonas", "Rafael", "Kenji"]
SURNAMES = ("Varga Brenner Quiroga Ekdahl Toledo Morita Lindqvist Okonkwo Salvatierra Dembinski Hartley Novaro "
            "Petrescu Almeida Fontaine Halvorsen Kaminski Lachance Moreau Nakamura Oyelaran Rasmussen Szabo Vidmar")
PEOPLE = [f"{FIRST[n % len(FIRST)]} {surname}" for n, surname in enumerate(SURNAMES.split())]
# Nobody follows these: claims about them cross feeds and processes but alert no one.
OTHERS = [f"{first} {last}" for first in ("Aron", "Bruno", "Ciro", "Dario", "Emil")
          for last in ("Abelard", "Bramwell", "Castellano", "Dunmore", "Esterhazy", "Falkenrath", "Grunwald", "Holloway")]


def guild_on(shard: int, n: int) -> int:
    """A realistic guild snowflake held by `shard` of SHARDS (two per shard: n = 0, 1)."""
    return ((1_300_000_000 + SHARDS * 1_000 * n + shard) << 22) + 4_343


GUILDS = [guild_on(shard, n) for shard in range(SHARDS) for n in range(2)]
OWNER = {guild: next(name for name, shards in CLUSTERS.items() if shard_of(guild, SHARDS) in shards)
         for guild in GUILDS}
# Person p is followed in two servers, usually on different shards; each server follows four people.
FOLLOWERS = {p: [GUILDS[p % len(GUILDS)], GUILDS[(p + 5) % len(GUILDS)]] for p in range(len(PEOPLE))}
# Person p's ladder is told by feed 20p + 10 alone, so the order of its rungs is the order of the
# fetches; spread over the feeds, most are fetched after the kill early in the fourth cycle.
TOLD_BY = {20 * p + 10: p for p in range(len(PEOPLE))}
EXPECTED = Counter((guild, PEOPLE[p], kind) for p, guilds in FOLLOWERS.items() for guild in guilds for kind in ALERTED)


def channel_of(guild: int) -> int:
    return guild + 10


def path_of(feed: int) -> str:
    return f"/wire/{feed}.xml"


def feed_of(url: object) -> int:
    """The feed number in a stored feed URL (".../wire/17.xml" -> 17)."""
    return int(str(url).rsplit("/", 1)[1].removesuffix(".xml"))


def items_at(feed: int, fetch: int) -> list[FeedItemSpec]:
    """What feed `feed` serves at its `fetch`-th fetch: one more item each time up to the fourth,
    newest first. A feed of TOLD_BY follows its person up the ladder; the others mix match reports
    with claims about unfollowed people."""
    items = []
    for n in range(min(fetch, len(STEPS))):
        when = START + timedelta(days=n * 3, minutes=feed)
        guid = f"w{feed}-{n}"
        if feed in TOLD_BY:
            person = PEOPLE[TOLD_BY[feed]]
            title = STEPS[n].format(club=CLUBS[TOLD_BY[feed] % len(CLUBS)], name=person)
            items.append(FeedItemSpec(guid, title, f"Our reporter hears {person} is wanted.", when))
        elif (feed + n) % 3:
            items.append(FeedItemSpec(guid, f"{CLUBS[(feed + n) % len(CLUBS)]} win 2-1 in a tight derby",
                                      "Two late goals settled it.", when))
        else:
            name = OTHERS[(feed * 7 + n) % len(OTHERS)]
            title = STEPS[n].format(club=CLUBS[(feed // 3) % len(CLUBS)], name=name)
            items.append(FeedItemSpec(guid, title, f"Our reporter hears {name} is wanted.", when))
    return list(reversed(items))


def serve_growing_feeds(server: FeedServer) -> list[str]:
    """FEEDS routes whose body depends on how many times the feed was fetched (conditional GET
    honoured); the 4th fetch of each is answered after HOLD seconds."""
    bodies: dict[tuple[int, int], tuple[bytes, str]] = {}

    def handler(feed: int) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handle(request: web.Request) -> web.StreamResponse:
            fetch = min(len(server.fetched[request.path]), len(STEPS))
            if len(server.fetched[request.path]) == len(STEPS):
                await asyncio.sleep(HOLD)
            if (feed, fetch) not in bodies:
                body = rss(f"Wire {feed}", items_at(feed, fetch))
                bodies[feed, fetch] = (body, '"' + hashlib.sha1(body).hexdigest() + '"')
            body, tag = bodies[feed, fetch]
            if request.headers.get("If-None-Match") == tag:
                return web.Response(status=304, headers={"ETag": tag})
            return web.Response(body=body, headers={"ETag": tag}, content_type="application/rss+xml")
        return handle

    for feed in range(FEEDS):
        server.routes[path_of(feed)] = Route(handler=handler(feed))
    return [server.url(path_of(feed)) for feed in range(FEEDS)]


class RestTap:
    """One process's way to the loopback Discord's REST API: passes every request through as it
    is, and notes the nonce of each message it posted, so a message names the process that sent it."""

    HOP = frozenset({"host", "content-length", "transfer-encoding", "connection", "keep-alive", "content-encoding"})
    NONCE = re.compile(rb'"nonce"\s*:\s*"?([^",}]+)')

    def __init__(self, name: str, fake: FakeDiscord, posted: dict[str, list[str]]) -> None:
        self.name, self.fake, self.posted = name, fake, posted
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(auto_decompress=True)
        app = web.Application(client_max_size=50_000_000)
        app.router.add_route("*", "/{tail:.*}", self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    @property
    def api_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.fake.api_path}"

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        assert self._session is not None
        body = await request.read()
        headers = {k: v for k, v in request.headers.items() if k.lower() not in self.HOP}
        upstream = self.fake.api_base_url.removesuffix(self.fake.api_path) + request.path_qs
        async with self._session.request(request.method, upstream, headers=headers, data=body,
                                         allow_redirects=False) as answer:
            payload = await answer.read()
            status, back = answer.status, {k: v for k, v in answer.headers.items() if k.lower() not in self.HOP}
        if request.method == "POST" and re.search(r"/channels/\d+/messages$", request.path) and status < 300:
            found = self.NONCE.search(body)
            if found:
                self.posted.setdefault(found.group(1).decode(), []).append(self.name)
        return web.Response(status=status, body=payload, headers=back)

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()


def config_for(path: Path, fake: FakeDiscord, tap: RestTap, database: str, urls: list[str]) -> Path:
    feeds = "".join(f'[[feeds]]\nurl = "{url}"\nname = "Wire {n}"\n' for n, url in enumerate(urls))
    config = path / f"{tap.name}.toml"
    config.write_text(
        f'[discord]\ntoken = "{fake.token}"\napi_base_url = "{tap.api_base_url}"\ngateway_url = "{fake.gateway_url}"\n'
        f'[storage]\nurl = "{database}"\nretention_days = 10000\n'
        f"[polling]\ninterval_seconds = {INTERVAL}\njitter_seconds = 0\nlease_seconds = {LEASE}\n"
        "timeout_seconds = 20\nclaim_seconds = 2\nconcurrency = 16\nper_host_concurrency = 16\n"
        "allow_private_addresses = true\n" + feeds,
        encoding="utf-8",
    )
    return config


async def until(condition: Callable[[], Awaitable[bool]], what: str, timeout: float = WAIT,  # noqa: ASYNC109 - a liveness deadline, never a verdict on speed
                progress: Callable[[], str] = lambda: "") -> None:
    """Wait for `condition`, saying every 15 s how far things are (pytest shows it on a failure)."""
    started = time.monotonic()
    said = started
    while not await condition():
        now = time.monotonic()
        if now - started > timeout:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}; {progress()}")
        if now - said >= 15:
            said = now
            print(f"{time.strftime('%H:%M:%S')} waiting {now - started:.0f}s for {what}: {progress()}", flush=True)
        await asyncio.sleep(0.5)


def alerts_seen(fake: FakeDiscord) -> tuple[Counter[tuple[int, str, str]], list[tuple[int, str | int | None]]]:
    """Every alert in every server's channel as its members read it: (server, person, rung)
    counted, and each alert's (server, nonce)."""
    seen: Counter[tuple[int, str, str]] = Counter()
    nonces = []
    for guild in GUILDS:
        for message in fake.messages(channel_of(guild)):
            if not is_alert(message):
                continue
            # "Moved up: Tomas Varga — Talks · Arsenal"
            _, rest = message.embeds[0]["title"].split(": ", 1)
            person, rest = rest.split(" — ", 1)
            seen[guild, person, rest.split(" · ")[0]] += 1
            nonces.append((guild, message.nonce))
    return seen, nonces


@pytest.mark.timeout(900)
async def test_three_processes_share_polling_and_post_each_alert_once_through_a_kill(
        tmp_path: Path, feed_server: FeedServer, postgres_url: str) -> None:
    fake = FakeDiscord(heartbeat_interval=0.5, shard_count=SHARDS, max_concurrency=16)
    for guild in GUILDS:
        fake.add_guild(guild, f"Server {guild}", channels=[{"id": channel_of(guild), "name": "transfers"}],
                       members=[FAN])
    await fake.start()
    posted_by: dict[str, list[str]] = {}  # nonce -> the processes whose REST calls posted it
    taps = {name: RestTap(name, fake, posted_by) for name in CLUSTERS}
    for tap in taps.values():
        await tap.start()
    urls = serve_growing_feeds(feed_server)
    configs = {name: config_for(tmp_path, fake, tap, postgres_url, urls) for name, tap in taps.items()}
    processes: dict[str, asyncio.subprocess.Process] = {}
    logs: list[BinaryIO] = []

    async def start(name: str) -> None:
        low, high = CLUSTERS[name]
        log = (tmp_path / f"{name}.log").open("ab")  # each process's own log (-v: every poll)
        logs.append(log)
        processes[name] = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "--config", str(configs[name]), "run", "--shards", f"{low}-{high}",
            "--shard-count", str(SHARDS), "-v", cwd=ROOT, env={**bare_env(tmp_path), PROCESS_NAME_ENV: name},
            stdout=asyncio.subprocess.DEVNULL, stderr=log)

    # The schema and the follows, as the operator's CLI would leave them: by name, before any report.
    app = await open_app(make_settings(tmp_path, [], database=postgres_url))
    try:
        for p, guilds in FOLLOWERS.items():
            for guild in guilds:
                await service.follow(app.db, guild, channel_of(guild), PEOPLE[p])
    finally:
        await app.close()
    db = await open_database(postgres_url)

    def fetches(feed: int) -> list[float]:
        return feed_server.fetched.get(path_of(feed), [])

    def state() -> str:
        seen, _ = alerts_seen(fake)
        spread = sorted(Counter(len(fetches(f)) for f in range(FEEDS)).items())
        return f"feeds by fetches so far {spread}; {sum(seen.values())} alerts posted"

    async def outbox() -> list[tuple[int, str]]:
        return [(int(r["guild_id"]), str(r["state"])) for r in await fetchall(db, "SELECT guild_id, state FROM outbox")]

    def posted_once_by_owner(kinds: list[str], guilds: list[int]) -> None:
        seen, nonces = alerts_seen(fake)
        want = Counter({key: n for key, n in EXPECTED.items() if key[2] in kinds and key[0] in guilds})
        got = Counter({key: n for key, n in seen.items() if key[2] in kinds and key[0] in guilds})
        assert got == want, f"missing {want - got}, twice or unexpected {got - want}"
        for guild, nonce in nonces:
            # (A post retried after a lost answer may pass the tap twice; from the same process.)
            assert set(posted_by.get(str(nonce), ())) == {OWNER[guild]}, (guild, nonce, posted_by.get(str(nonce)))

    try:
        for name in CLUSTERS:
            await start(name)

        # Three cycles: every feed fetched three times; its second and third fetch alert Talks, then Bid.
        async def fetched(times: int) -> bool:
            return all(len(fetches(f)) >= times for f in range(FEEDS))

        await until(lambda: fetched(3), "every feed's third fetch", progress=state)

        async def alerted(kinds: list[str], guilds: list[int]) -> bool:
            """These alerts are in the channels, and every post has come back through its process's tap."""
            seen, nonces = alerts_seen(fake)
            return all(seen[key] >= n for key, n in EXPECTED.items() if key[2] in kinds and key[0] in guilds) and \
                all(str(nonce) in posted_by for _, nonce in nonces)

        await until(lambda: alerted(ALERTED[:2], GUILDS), "every follower's Talks and Bid alerts", progress=state)
        posted_once_by_owner(ALERTED[:2], GUILDS)
        polled = Counter(str(r["polled_by"]) for r in await fetchall(db, "SELECT polled_by FROM feeds"))
        # Every process took its share: a due feed goes to the live process its id hashes to,
        # whichever process's claim round comes first (storage/leases.py).
        assert set(polled) == set(CLUSTERS), polled

        # The fourth cycle: SIGKILL shards 2-3's process while it holds leases on polls under way.
        async def victim_mid_poll() -> bool:
            held = await fetchall(db, "SELECT url FROM feeds WHERE lease_owner LIKE ?", (VICTIM_LEASES,))
            return sum(len(fetches(feed_of(r["url"]))) >= len(STEPS) for r in held) >= 3

        await until(victim_mid_poll, f"{VICTIM} polling fourth fetches", progress=state)
        processes[VICTIM].send_signal(signal.SIGKILL)
        await processes[VICTIM].wait()
        killed_at = time.time()
        held = {feed_of(r["url"]): moment(str(r["lease_until"])).timestamp()
                for r in await fetchall(db, "SELECT url, lease_until FROM feeds WHERE lease_owner LIKE ?",
                                        (VICTIM_LEASES,))}
        assert held, "the killed process held no lease"

        # Its leases run out and the others fetch those feeds; no feed waits on the dead process.
        async def taken_over() -> bool:
            rows = await fetchall(db, "SELECT url, polled_by, lease_owner FROM feeds")
            return all(r["lease_owner"] is None and r["polled_by"] != VICTIM for r in rows
                       if feed_of(r["url"]) in held) and \
                all(len(fetches(f)) >= len(STEPS) for f in range(FEEDS))

        await until(taken_over, "the killed process's feeds taken over", progress=state)
        by = {feed_of(r["url"]): str(r["polled_by"])
              for r in await fetchall(db, "SELECT url, polled_by FROM feeds")}
        takers = Counter(by[f] for f in held)
        assert set(takers) <= set(CLUSTERS) - {VICTIM}, takers
        for feed, lease_until in held.items():
            since = [t for t in fetches(feed) if t > killed_at]
            assert since and since[0] >= lease_until, (feed, "fetched again before the dead process's lease ran out")

        # Every follower's Agreement is stored; those of the live processes' servers are posted, the
        # dead process's servers' wait for it, posted by nobody else.
        survivors = [g for g in GUILDS if OWNER[g] != VICTIM]
        orphans = [g for g in GUILDS if OWNER[g] == VICTIM]
        await until(lambda: alerted(ALERTED, survivors), "the live processes' servers' Agreement alerts", progress=state)
        posted_once_by_owner(ALERTED, survivors)

        async def recorded(guilds: list[int]) -> bool:
            return all(state == "sent" for g, state in await outbox() if g in guilds)

        await until(lambda: recorded(survivors), "the live processes' rows recorded as sent", progress=state)
        waiting = [g for g, state in await outbox() if state != "sent"]
        assert waiting and set(waiting) <= set(orphans), waiting

        # Restarted under the same name, as a deployment would: its servers' alerts, each once.
        await start(VICTIM)
        await until(lambda: alerted(ALERTED, GUILDS), "every follower's alerts after the restart", progress=state)

        await until(lambda: recorded(GUILDS), "every outbox row recorded as sent", progress=state)
        posted_once_by_owner(ALERTED, GUILDS)
        seen, nonces = alerts_seen(fake)
        assert sum(seen.values()) == sum(EXPECTED.values()) == len(await outbox())
        assert len({nonce for _, nonce in nonces}) == len(nonces)

        # Never twice within an interval: a feed's next fetch comes at least INTERVAL after the one
        # before (its lease runs from the end of that poll), except the polls the kill cut short,
        # whose feed waited for the lease instead (checked above).
        for feed in range(FEEDS):
            times = fetches(feed)
            for earlier, later in zip(times, times[1:], strict=False):
                if feed in held and earlier < killed_at < later:
                    continue
                assert later - earlier >= INTERVAL, (feed, times)
        # Every item of every fetch stored once, whichever process polled it.
        stored = Counter(feed_of(r["url"]) for r in await fetchall(db, "SELECT f.url FROM items i JOIN feeds f ON f.id = i.feed_id"))
        assert stored == Counter({feed: len(STEPS) for feed in range(FEEDS)})
        print(f"\nthird cycle polled by {dict(polled)}; killed {VICTIM} holding {len(held)} leases; "
              f"taken over by {dict(takers)}; "
              f"fetches per feed {Counter(len(fetches(f)) for f in range(FEEDS))}")
    finally:
        for process in processes.values():
            await stop_process(process)
        await db.close()
        for log in logs:
            log.close()
        for tap in taps.values():
            await tap.close()
        await fake.close()
