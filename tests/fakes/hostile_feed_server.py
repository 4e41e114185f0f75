"""A hostile feed server for tests, on 127.0.0.1: every way a feed can misbehave, one path each.

Endless handlers stop when the client goes away (handler cancellation), so closing is quick.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import socket
import zlib
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.feeds import netguard
from tests.fakes.feed_server import FeedItemSpec, LocalHTTPServer, at, rss

BOMB_INFLATED = 120_000_000  # what the gzip bomb inflates to: far over any body cap
DRIP_EVERY = 0.1  # seconds between the slow drip's bytes: never silent long enough for a read timeout
MANY_ITEMS = 10_000
HUGE = 1_000_000  # characters in a huge title
ENTITY_USES = 3_000  # a 10 KB entity used this often: 30 MB once expanded
NESTED_LINKS = 800_000  # 4.8 MB of nested <link>, under the body cap
MANY_TAGS = 250_000  # self-closing tags in one summary: 1 MB

STRAY_TALKS = "Juventus open talks with Lille defender Bafodé Diakité"
GOOD = FeedItemSpec("good-1", "Liverpool beat Aston Villa 2-0 at Anfield",
                    "Goals in each half settled a tidy home win.", at("2025-11-02T18:00:00"))
KONATE_TALKS = "Real Madrid open talks with Liverpool defender Ibrahima Konaté"
ZUBIMENDI_BID = "Arsenal table £60m bid for Real Sociedad midfielder Martín Zubimendi"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Hostile</title>'


def _item(guid: str, title: str, summary: str = "", pub: str = "Sun, 02 Nov 2025 18:00:00 +0000") -> str:
    return (f"<item><guid>{guid}</guid><title>{title}</title><pubDate>{pub}</pubDate>"
            f"<description>{summary}</description></item>")


@functools.cache
def gzip_bomb(inflated: int = BOMB_INFLATED) -> bytes:
    """About 120 KB of gzip that inflates to `inflated` bytes of zeros."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1_000_000)
    parts = [packer.compress(block) for _ in range(inflated // len(block))]
    return b"".join([*parts, packer.flush()])


def broken_xml() -> bytes:
    """Two good items, one with a bare "&" (not well-formed), then the document stops mid-item."""
    return (_XML_HEAD + _item("b-1", "Liverpool beat Aston Villa 2-0 at Anfield", "A tidy home win.")
            + _item("b-2", "Arsenal & Chelsea share the points", "A draw at the Emirates.")
            + "<item><guid>b-3</guid><title>Tottenham ann").encode()


def latin1_mislabelled() -> bytes:
    """Declared utf-8 (in the XML and in the header), encoded latin-1: í is the single byte 0xED."""
    return (_XML_HEAD + _item("l-1", ZUBIMENDI_BID, "The offer was submitted on Monday, café owners say.")
            + "</channel></rss>").encode("latin-1")


def html_page() -> bytes:
    return (b"<!DOCTYPE html>\n<html><head><title>Football news</title>"
            b'<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
            b"<body><h1>Latest</h1><p>Liverpool beat Aston Villa.</p></body></html>")


def many_items(count: int = MANY_ITEMS) -> bytes:
    base = datetime(2025, 11, 1, tzinfo=UTC)
    return rss("Many", [FeedItemSpec(f"m-{n}", f"Matchday report number {n}", "Short summary.",
                                     base - timedelta(minutes=n)) for n in range(count)])


def duplicate_guids(version: int) -> bytes:
    """Three entries sharing one guid, their text different on every request, and one plain item."""
    copies = "".join(_item("same", f"Transfer round-up, edition {version}.{n}", f"Version {version}") for n in range(3))
    return (_XML_HEAD + copies + _item("other", "Liverpool beat Aston Villa 2-0 at Anfield") + "</channel></rss>").encode()


def odd_dates() -> bytes:
    return (_XML_HEAD + _item("d-future", "Liverpool beat Aston Villa 2-0 at Anfield", pub="Fri, 01 Jan 2999 00:00:00 +0000")
            + _item("d-1970", "Arsenal beat Chelsea 1-0 at the Emirates", pub="Thu, 01 Jan 1970 00:00:00 +0000")
            + "</channel></rss>").encode()


def huge_titles(size: int = HUGE) -> bytes:
    """A 1 MB title, a million "<" (quadratic for a naive tag regex), a million characters of
    unclosed "<script>" tags, and a good item: about 3 MB in all, under the body cap."""
    return (_XML_HEAD + _item("h-1", "A" * size, "First huge")
            + _item("h-2", f"<![CDATA[{'<' * size}]]>", "Second huge")
            + _item("h-3", f"<![CDATA[{'<script>' * (size // 8)}]]>", "Third huge")
            + _item("h-4", "Liverpool beat Aston Villa 2-0 at Anfield") + "</channel></rss>").encode()


def deep_nesting(depth: int = 500_000) -> bytes:
    """1.5 MB of "<a>" inside one description: feedparser would take seconds and ~150 MB on it."""
    return (_XML_HEAD + '<item><guid>n-1</guid><title>Deep</title><description>' + "<a>" * depth).encode()


def entity_expansion(uses: int = ENTITY_USES) -> bytes:
    """A DOCTYPE declaring a 10 KB entity, each declaration on its own line where feedparser's
    fallback parser looks for "safe" entities, used `uses` times in one summary; then an item with
    a bare "&", so the strict parser gives up and the fallback one reads the document."""
    value = "Konaté" + "-" * 10_000
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rss [\n<!ENTITY wire "' + value + '">\n]>\n'
            '<rss version="2.0"><channel><title>Entity Wire</title>'
            + _item("x-1", "Liverpool beat Aston Villa 2-0 at Anfield", "&wire;" * uses)
            + _item("x-2", "Arsenal & Chelsea share the points") + "</channel></rss>").encode()


def nested_links(depth: int = NESTED_LINKS) -> bytes:
    """<link> is an HTML void tag, and the old depth check skipped those; feedparser nests it."""
    return (_XML_HEAD + "<item><guid>k-1</guid><title>Links</title><description>" + "<link>" * depth).encode()


def many_tags(count: int = MANY_TAGS) -> bytes:
    """Flat, well-formed and shallow, but a quarter of a million tags: seconds of parser time."""
    return (_XML_HEAD + _item("t-1", "Tags", "<a/>" * count) + "</channel></rss>").encode()


def stray_byte() -> bytes:
    """UTF-8 throughout, declared so, but for one byte (0x81) in the second item's summary."""
    first = _item("u-1", STRAY_TALKS, "Juventus have made first contact with the defender's camp.")
    second = _item("u-2", "Matchday notes", "Kick-off moved to 8pm.").encode().replace(b"moved", b"moved\x81")
    return (_XML_HEAD + first).encode() + second + b"</channel></rss>"


def huge_charref() -> bytes:
    """A numeric character reference of 20,000 digits: html.unescape raises on it, unguarded."""
    return (_XML_HEAD + _item("c-1", "Liverpool &amp;#" + "1" * 20_000 + "; win", "Fine summary.")
            + "</channel></rss>").encode()


def scripts_and_pings() -> bytes:
    """A claim hidden in script, style and a comment: none is text a reader sees."""
    hidden = ("<p>Team news @everyone @here</p>"
              f"<script>document.write('{KONATE_TALKS}')</script>"
              f"<style>.x::after {{ content: '{KONATE_TALKS}' }}</style><!-- {KONATE_TALKS} -->")
    return (_XML_HEAD + _item("s-1", "Matchday notes @everyone", f"<![CDATA[{hidden}]]>") + "</channel></rss>").encode()


def everyone_claim() -> bytes:
    return (_XML_HEAD + _item("e-1", f"{KONATE_TALKS} @everyone", "Madrid have made first contact.")
            + "</channel></rss>").encode()


class HostileFeedServer(LocalHTTPServer):
    # Handlers that drip forever must be cancelled when a client gives up, and must not stall close().
    runner_options = {"handler_cancellation": True, "shutdown_timeout": 0.5}

    def __init__(self) -> None:
        super().__init__()
        self.hits: Counter[str] = Counter()
        self.in_flight = 0
        self.max_in_flight = 0
        # Set while a /drip request is open: /gated answers only then, which shows the drip did
        # not hold up the rest of its poll cycle.
        self.drip_open = asyncio.Event()
        self.gated_while_drip_open = False
        self._routes: dict[str, Callable[[web.Request], Awaitable[web.StreamResponse]]] = {
            "drip": self._drip, "endless": self._endless, "announced-huge": self._announced_huge,
            "bomb": self._bomb, "loop": self._loop, "redirect": self._redirect, "page": self._page,
            "broken": self._broken, "latin1": self._latin1, "error500": self._error500,
            "ratelimited": self._ratelimited, "unavailable": self._unavailable, "many": self._many,
            "dupes": self._dupes, "dates": self._dates, "huge-titles": self._huge_titles,
            "script": self._script, "everyone": self._everyone, "feed.xml": self._feed_xml,
            "slow": self._slow, "silent": self._silent, "image": self._image, "deep": self._deep,
            "charref": self._charref, "entities": self._entities, "nested-links": self._nested_links,
            "many-tags": self._many_tags, "stray-byte": self._stray_byte, "gated": self._gated,
        }

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        handler = self._routes.get(path.split("/")[1])
        if handler is None:
            return web.Response(status=404, text="not found")
        return await handler(request)

    @staticmethod
    def _respond(body: bytes, content_type: str = "application/rss+xml", **headers: str) -> web.Response:
        return web.Response(body=body, headers={"Content-Type": content_type, **headers})

    async def _drip(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        await response.write(_XML_HEAD.encode())
        self.drip_open.set()
        try:
            for _ in range(int(60 / DRIP_EVERY)):  # a minute at most, should a client never leave
                await asyncio.sleep(DRIP_EVERY)
                await response.write(b" ")
        finally:
            self.drip_open.clear()
        return response

    async def _gated(self, request: web.Request) -> web.Response:
        """A fine feed, served once a /drip request is open (a minute at most)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.drip_open.wait(), 60)
        self.gated_while_drip_open = self.drip_open.is_set()
        return self._respond(rss("Gated", [GOOD]))

    async def _endless(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        await response.write(_XML_HEAD.encode())
        chunk = _item("e", "Endless", "x" * 60_000).encode()
        for _ in range(100_000):  # 6 GB, more than any client should read
            await response.write(chunk)
        return response

    async def _silent(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await response.prepare(request)
        await response.write(_XML_HEAD.encode())
        await asyncio.sleep(60)  # then nothing: the read timeout's case
        return response

    async def _image(self, request: web.Request) -> web.Response:
        return self._respond(b"\x89PNG\r\n\x1a\n" + bytes(1000), "image/png")

    async def _announced_huge(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        response.content_length = 6_000_000
        await response.prepare(request)
        await response.write(_XML_HEAD.encode())
        await asyncio.sleep(60)
        return response

    async def _bomb(self, request: web.Request) -> web.Response:
        return self._respond(gzip_bomb(), **{"Content-Encoding": "gzip"})

    async def _loop(self, request: web.Request) -> web.Response:
        step = int(request.path.rsplit("/", 1)[-1] or 0) if request.path.count("/") > 1 else 0
        return web.Response(status=302, headers={"Location": f"/loop/{step + 1}"})

    async def _redirect(self, request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": request.query["to"]})

    async def _page(self, request: web.Request) -> web.Response:
        return self._respond(html_page(), "text/html; charset=utf-8")

    async def _broken(self, request: web.Request) -> web.Response:
        return self._respond(broken_xml())

    async def _latin1(self, request: web.Request) -> web.Response:
        return self._respond(latin1_mislabelled(), "application/rss+xml; charset=utf-8")

    async def _error500(self, request: web.Request) -> web.Response:
        # Retry-After on a 500 is not a request to wait: only 429 and 503 carry that meaning.
        return web.Response(status=500, text="Internal Server Error", headers={"Retry-After": "99999"})

    async def _ratelimited(self, request: web.Request) -> web.Response:
        return web.Response(status=429, text="slow down", headers={"Retry-After": "3600"})

    async def _unavailable(self, request: web.Request) -> web.Response:
        when = format_datetime(datetime.now(UTC) + timedelta(hours=2), usegmt=True)
        return web.Response(status=503, text="maintenance", headers={"Retry-After": when})

    async def _many(self, request: web.Request) -> web.Response:
        return self._respond(many_items())

    async def _dupes(self, request: web.Request) -> web.Response:
        return self._respond(duplicate_guids(self.hits[request.path]))

    async def _dates(self, request: web.Request) -> web.Response:
        return self._respond(odd_dates())

    async def _huge_titles(self, request: web.Request) -> web.Response:
        return self._respond(huge_titles())

    async def _deep(self, request: web.Request) -> web.Response:
        return self._respond(deep_nesting())

    async def _charref(self, request: web.Request) -> web.Response:
        return self._respond(huge_charref())

    async def _entities(self, request: web.Request) -> web.Response:
        return self._respond(entity_expansion())

    async def _nested_links(self, request: web.Request) -> web.Response:
        return self._respond(nested_links())

    async def _many_tags(self, request: web.Request) -> web.Response:
        return self._respond(many_tags())

    async def _stray_byte(self, request: web.Request) -> web.Response:
        return self._respond(stray_byte(), "application/rss+xml; charset=utf-8")

    async def _script(self, request: web.Request) -> web.Response:
        return self._respond(scripts_and_pings())

    async def _everyone(self, request: web.Request) -> web.Response:
        return self._respond(everyone_claim())

    async def _feed_xml(self, request: web.Request) -> web.Response:
        return self._respond(rss("Fine", [GOOD]))

    async def _slow(self, request: web.Request) -> web.Response:
        """A fine feed served slowly, counting how many requests are in flight at once."""
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0.15)
        finally:
            self.in_flight -= 1
        return self._respond(rss("Slow", [GOOD]))


class FakeDNS(AbstractResolver):
    """A resolver answering from a table (name -> answers, one per lookup, the last repeating).

    Lets a test name hosts without touching real DNS, and play a rebinding DNS server.
    """

    def __init__(self, table: dict[str, list[list[str]]]) -> None:
        self.table = table
        self.lookups: list[str] = []

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        self.lookups.append(host)
        answers = self.table.get(host)
        if not answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        addresses = answers[0] if len(answers) == 1 else answers.pop(0)
        return [{"hostname": host, "host": address, "port": port,
                 "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                 "proto": 0, "flags": socket.AI_NUMERICHOST} for address in addresses]

    async def close(self) -> None:
        """Nothing to release: the answers live in a dict."""


def pretend_loopback_is_public(monkeypatch: pytest.MonkeyPatch, dns: FakeDNS) -> None:
    """For an untrusted feed to reach the test server at all, 127.0.0.1 must pass as public:
    here it plays the public internet, reached by names from `dns`. Everything else is judged
    as in production, so a redirect to 10.0.0.1 is still refused."""
    real = netguard.is_public_address
    monkeypatch.setattr(netguard, "is_public_address", lambda address: address == "127.0.0.1" or real(address))
    monkeypatch.setattr(netguard, "ThreadedResolver", lambda: dns)


class RawHttpServer:
    """Answers with raw bytes, per path, then closes: for what an aiohttp app cannot send (a
    status line that is not HTTP, a body shorter than announced, no answer at all)."""

    ANSWERS: dict[str, bytes] = {
        "/not-http": b"SSH-2.0-OpenSSH_9.0\r\n\r\n",
        "/hang-up": b"",
        "/short": b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<rss>",
        "/header-flood": b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: a\r\n" % n for n in range(20_000)),
        "/not-gzip": b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 5\r\n\r\n<rss>",
    }

    def __init__(self) -> None:
        self.port = 0
        self._server: asyncio.Server | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._answer, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server:
            self._server.close()
            await self._server.wait_closed()

    async def _answer(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await reader.readuntil(b"\r\n\r\n")
            path = request.split(b" ", 2)[1].decode()
            writer.write(self.ANSWERS.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the client left first: fine
        finally:
            writer.close()
