"""The feed farm: the synthetic feeds served over HTTP by an aiohttp server in its own process, so
its CPU is not counted against claimwatch."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from typing import Any

from bench.constants import HOSTS, ROOT, WORLD_FEEDS_BELOW
from bench.synthetic import etag, feed_body, feed_url

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
        code = f"from bench.farm import serve; serve({people})"
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
