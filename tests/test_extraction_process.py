"""Claims extracted in a process of their own (bot/extraction_process.py): the same claims as in a
thread, nothing lost when the worker dies, and no worker left behind when the bot is killed."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from bot import extraction_process, pipeline, service
from bot.alerts.deliver import ConsoleSink, Dispatcher
from bot.app import App, poll_all
from bot.claims import extract as extract_module
from bot.config import ConfigError
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import MakeApp, make_settings

pytestmark = pytest.mark.skipif(not extraction_process.worth_it(), reason="one core: claims are extracted in a thread")

ROOT = Path(__file__).resolve().parents[1]
NEWS = [
    FeedItemSpec("x-1", "Real Madrid open talks with Liverpool over Ibrahima Konaté",
                 "The Spanish club have asked about the centre-back, whose deal runs out next summer.",
                 at("2026-11-02T09:00:00")),
    FeedItemSpec("x-2", "Bayer Leverkusen confirm Xabi Alonso will leave at the end of the season",
                 "The Spaniard has told the club he wants a new challenge.", at("2026-11-02T10:00:00")),
    FeedItemSpec("x-3", "Liverpool beat Aston Villa 2-0 at Anfield", "A tidy home win.", at("2026-11-02T11:00:00")),
]
LATER = FeedItemSpec("x-4", "Newcastle make an offer for Alexis Mac Allister",
                     "The Magpies have put a bid to Liverpool for the Argentina midfielder.", at("2026-11-03T09:00:00"))


async def _app(make_app: MakeApp, tmp_path: Path, url: str, *, apart: bool) -> App:
    settings = make_settings(tmp_path / ("apart" if apart else "here"), [{"url": url, "name": "Test Wire"}],
                             polling={"extraction_process": apart, "alert_on_first_poll": True})
    (tmp_path / ("apart" if apart else "here")).mkdir(exist_ok=True)
    return await make_app(settings)


async def _claims(app: App) -> list[tuple[str, str, str | None]]:
    rows = await app.db.fetchall("SELECT subject, kind, counterpart FROM claims ORDER BY subject, kind")
    return [(row["subject"], row["kind"], row["counterpart"]) for row in rows]


async def _alerts(app: App) -> str:
    out = io.StringIO()
    await Dispatcher(app.db, ConsoleSink(out)).run_once()
    return out.getvalue()


async def test_the_process_finds_the_claims_a_thread_finds(tmp_path: Path, feed_server: FeedServer,
                                                           make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", NEWS)
    apart = await _app(make_app, tmp_path, url, apart=True)
    here = await _app(make_app, tmp_path, url, apart=False)
    assert apart.pipeline.extract_apart and not here.pipeline.extract_apart
    await poll_all(apart)
    assert extraction_process.worker_pids()  # the claims below came from the worker
    await poll_all(here)
    found = await _claims(apart)
    assert found == await _claims(here)
    assert ("Ibrahima Konaté", "talks", "Real Madrid") in found and any(s == "Xabi Alonso" for s, _, _ in found)
    assert apart.pipeline.stage_cpu["extract"] > 0  # the worker's CPU is counted where it is spent


async def test_a_batch_the_process_screens_itself_gives_the_same_claims(
        tmp_path: Path, feed_server: FeedServer, make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """While parses wait for the worker thread, the process gets the whole batch and screens it."""
    url = feed_server.set_feed("/wire.xml", "Test Wire", NEWS)
    here = await _app(make_app, tmp_path, url, apart=False)
    await poll_all(here)
    apart = await _app(make_app, tmp_path, url, apart=True)
    sent: list[list[tuple[str, bool]]] = []
    real_extract = extraction_process.extract

    async def extract(items: Any, texts: Any, spent: Any = None) -> Any:
        sent.append([(title, args["screened_already"]) for title, _, args in texts])
        return await real_extract(items, texts, spent)

    monkeypatch.setattr(pipeline, "jobs_waiting", lambda: 1)
    monkeypatch.setattr(extraction_process, "extract", extract)
    await poll_all(apart)
    assert sent == [[(spec.title, False) for spec in NEWS]]  # the match report too: the process turns it away
    assert await _claims(apart) == await _claims(here)


async def test_a_worker_that_dies_loses_no_news(tmp_path: Path, feed_server: FeedServer, make_app: MakeApp,
                                               caplog: pytest.LogCaptureFixture) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", NEWS)
    app = await _app(make_app, tmp_path, url, apart=True)
    await service.follow(app.db, 1, 10, "Mac Allister")
    await poll_all(app)
    worker = extraction_process.worker_pids()[0]
    os.kill(worker, signal.SIGKILL)  # out of memory, or an operator's mistake: one worker dies
    assert await asyncio.to_thread(_gone_within, worker, 60)
    feed_server.set_feed("/wire.xml", "Test Wire", [LATER, *NEWS])
    with caplog.at_level(logging.ERROR, logger="bot.extraction_process"):
        [outcome] = await poll_all(app)
    assert outcome.status == "changed" and outcome.claims >= 1
    assert "the extraction process died; 1 item is extracted in this process instead" in caplog.text
    assert "Alexis Mac Allister" in await _alerts(app)  # the news reached the channel all the same
    feed_server.set_feed("/wire.xml", "Test Wire", [
        FeedItemSpec("x-5", "Alexis Mac Allister completes his move to Newcastle",
                     "The midfielder has signed a four-year deal.", at("2026-11-04T09:00:00")), LATER, *NEWS])
    await poll_all(app)
    assert extraction_process.worker_pids() and worker not in extraction_process.worker_pids()  # new workers
    assert "completed" in [kind for _, kind, _ in await _claims(app)]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A dead child of this process stays a zombie until its parent reaps it: not alive either.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def _gone_within(pid: int, seconds: float) -> bool:
    """Whether the process ends within `seconds`: a generous bound for a busy machine (it takes milliseconds)."""
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _alive(pid)


def test_a_killed_bot_leaves_no_worker_behind(tmp_path: Path) -> None:
    """SIGKILL gives the bot no chance to stop its worker: the worker must see it go, and go too."""
    script = tmp_path / "bot_like.py"
    script.write_text(textwrap.dedent("""
        import asyncio, sys
        from bot import extraction_process
        from bot.models import FeedItem

        async def main():
            await extraction_process.start()  # every worker, not only the one a single batch needs
            item = FeedItem("u", "k", None, None, "Arsenal agree a fee for Declan Rice", "", None, "X", "h")
            await extraction_process.extract([item], [(item.title, item.summary, {"item": "k"})])
            print(*extraction_process.worker_pids(), flush=True)
            await asyncio.sleep(3600)

        if __name__ == "__main__":
            asyncio.run(main())
    """))
    bot = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert bot.stdout is not None
        workers = [int(pid) for pid in bot.stdout.readline().split()]
        assert len(workers) == extraction_process.WORKERS
        bot.kill()
        bot.wait()
        for worker in workers:
            assert _gone_within(worker, 60), "an extraction worker outlived the bot"
    finally:
        bot.kill()


def test_an_item_the_extractor_fails_on_costs_the_feed_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the worker runs, here in this process: the odd item is reported with its traceback."""
    real = extract_module.extract_claims

    def fragile(title: str, summary: str = "", **args: object) -> list:
        if "odd" in title:
            raise ValueError("an item the extractor cannot read")
        return real(title, summary, **args)  # type: ignore[arg-type]

    monkeypatch.setattr(extract_module, "extract_claims", fragile)
    claims, failed, cpu = extraction_process._extract_all([
        ("An odd item", "", {"item": "https://wire.example/odd"}),
        ("Arsenal agree a fee for Declan Rice", "", {"item": "https://wire.example/rice"}),
    ])
    assert claims[0] == [] and [c.subject for c in claims[1]] == ["Declan Rice"]
    [(ref, error)] = failed
    assert ref == "https://wire.example/odd" and "an item the extractor cannot read" in error
    assert cpu >= 0


def test_the_setting_takes_true_or_false(tmp_path: Path) -> None:
    assert make_settings(tmp_path, [], polling={"extraction_process": False}).polling.extraction_process is False
    assert make_settings(tmp_path, []).polling.extraction_process is True
    with pytest.raises(ConfigError, match="polling.extraction_process: expected true or false"):
        make_settings(tmp_path, [], polling={"extraction_process": "yes"})


async def test_a_poller_starts_the_workers_before_its_first_poll(tmp_path: Path, feed_server: FeedServer,
                                                                 make_app: MakeApp) -> None:
    url = feed_server.set_feed("/wire.xml", "Test Wire", NEWS)
    extraction_process.shutdown()  # as a bot that has just started
    here = await _app(make_app, tmp_path, url, apart=False)
    here.pipeline.start_extraction()
    assert not extraction_process.worker_pids()  # extraction stays in this process: no worker
    apart = await _app(make_app, tmp_path, url, apart=True)
    apart.pipeline.start_extraction()
    assert apart.pipeline._starting is not None
    await apart.pipeline._starting
    assert len(extraction_process.worker_pids()) == extraction_process.WORKERS  # all ready before any poll


async def test_the_first_batch_starts_every_worker() -> None:
    """Without the poller's start(): a pool starts a worker only for a job submitted while none is idle,
    so a single first batch once left the second worker to start (two seconds of CPU) mid-way through a
    later large poll. The pool starts them all when it is made."""
    from bot.models import FeedItem

    extraction_process.shutdown()  # as a one-shot run that never called start()
    item = FeedItem("u", "k", None, None, "Arsenal agree a fee for Declan Rice", "", None, "X", "h")
    [(_, claims)] = await extraction_process.extract([item], [(item.title, item.summary, {"item": "k"})]) or []
    assert [claim.kind for claim in claims] == ["agreement"]
    assert len(extraction_process.worker_pids()) == extraction_process.WORKERS


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="process priorities are a Unix notion")
async def test_the_workers_run_below_the_bot() -> None:
    """A poll's extraction waits for the event loop and the database writer, not the other way round."""
    extraction_process.shutdown()
    await extraction_process.start()
    own = os.getpriority(os.PRIO_PROCESS, 0)
    workers = extraction_process.worker_pids()
    assert len(workers) == extraction_process.WORKERS
    assert {os.getpriority(os.PRIO_PROCESS, pid) for pid in workers} == {min(own + extraction_process.NICENESS, 19)}
