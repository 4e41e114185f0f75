"""A local feed server for tests: serves feeds we write, honours conditional GET, logs requests
(and, per path, when each one came: `fetched`)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime

from aiohttp import web


@dataclass
class FeedItemSpec:
    guid: str
    title: str
    summary: str
    published: datetime
    link: str | None = None


def rss(title: str, items: list[FeedItemSpec]) -> bytes:
    from xml.sax.saxutils import escape

    entries = []
    for item in items:
        link = item.link or f"https://example.org/{item.guid}"
        entries.append(
            "<item>"
            f"<title>{escape(item.title)}</title><link>{escape(link)}</link>"
            f"<guid isPermaLink=\"false\">{escape(item.guid)}</guid>"
            f"<pubDate>{format_datetime(item.published)}</pubDate>"
            f"<description>{escape(item.summary)}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://example.org/</link><description>test</description>"
        + "".join(entries)
        + "</channel></rss>"
    ).encode()


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml"
    etag: bool = True
    headers: dict[str, str] = field(default_factory=dict)
    handler: Callable[[web.Request], object] | None = None


class LocalHTTPServer:
    """An aiohttp app on 127.0.0.1 and a free port; subclasses answer every GET in `_handle`."""

    runner_options: dict[str, object] = {}
    _handle: Callable[[web.Request], Awaitable[web.StreamResponse]]  # each subclass answers its routes

    def __init__(self) -> None:
        self._runner: web.AppRunner | None = None
        self.port = 0

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, **self.runner_options)  # type: ignore[arg-type]
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def close(self) -> None:
        if self._runner:
            await self._runner.cleanup()


class FeedServer(LocalHTTPServer):
    def __init__(self) -> None:
        super().__init__()
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.fetched: dict[str, list[float]] = {}  # path -> when each request for it arrived (time.time())

    def set_feed(self, path: str, title: str, items: list[FeedItemSpec], **kwargs: object) -> str:
        self.routes[path] = Route(body=rss(title, items), **kwargs)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> int:
        return len(self.fetched.get(path, ()))

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((request.path, dict(request.headers)))
        self.fetched.setdefault(request.path, []).append(time.time())
        route = self.routes.get(request.path)
        if route is None:
            return web.Response(status=404, text="not found")
        if route.handler is not None:
            return await route.handler(request)  # type: ignore[misc]
        headers = dict(route.headers)
        if route.etag and route.status == 200:
            tag = '"' + hashlib.sha1(route.body).hexdigest() + '"'
            headers["ETag"] = tag
            if request.headers.get("If-None-Match") == tag:
                return web.Response(status=304, headers=headers)
        return web.Response(status=route.status, body=route.body, headers=headers, content_type=route.content_type)


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(tzinfo=UTC)
