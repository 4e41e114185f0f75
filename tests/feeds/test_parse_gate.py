"""Parses run one at a time, so a cycle's memory is one parse's worst case, not one per feed in
flight; a cancelled caller does not open the gate while its parse is still running."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest

from bot.feeds import parse
from bot.models import ParsedFeed


class _Recorder:
    """Stands in for parse_feed: counts parses running at once; each waits for its release."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.most = 0
        self.started: list[str] = []
        self.release: dict[str, threading.Event] = {}

    def __call__(self, body: bytes, feed_url: str, **kwargs: Any) -> ParsedFeed:
        with self.lock:
            release = self.release.setdefault(feed_url, threading.Event())
            self.running += 1
            self.most = max(self.most, self.running)
            self.started.append(feed_url)
        release.wait(30)
        with self.lock:
            self.running -= 1
        return ParsedFeed(title=feed_url, items=[], is_feed=True)


async def _until(condition: Any) -> None:
    """Yield to the loop and the worker threads until the condition holds (30 s at most)."""
    for _ in range(3000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never held")


async def test_parses_run_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = _Recorder()
    monkeypatch.setattr(parse, "parse_feed", recorder)
    urls = [f"feed-{n}" for n in range(4)]
    tasks = [asyncio.create_task(parse.parse_feed_async(b"", url)) for url in urls]
    for done in range(len(urls)):
        await _until(lambda done=done: len(recorder.started) > done)
        assert recorder.running == 1  # the others wait at the gate, not in a thread
        recorder.release[recorder.started[-1]].set()
    assert [result.title for result in await asyncio.gather(*tasks)] == urls
    assert recorder.most == 1


async def test_a_cancelled_parse_holds_the_gate_until_its_thread_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = _Recorder()
    monkeypatch.setattr(parse, "parse_feed", recorder)
    first = asyncio.create_task(parse.parse_feed_async(b"", "first"))
    await _until(lambda: recorder.started == ["first"])
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    recorder.release["second"] = threading.Event()
    recorder.release["second"].set()
    second = asyncio.create_task(parse.parse_feed_async(b"", "second"))
    await asyncio.sleep(0.2)  # time for "second" to start, were the gate open: it must not
    assert recorder.started == ["first"]
    recorder.release["first"].set()
    assert (await second).title == "second"
    assert recorder.started == ["first", "second"] and recorder.most == 1
