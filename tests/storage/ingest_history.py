"""Every stored row after one deterministic feed history, to compare two versions of the ingest code.

Not a test: a tool for a change to storage or bot/ingest.py that must store the same rows. Run it in
a checkout of each version (the working directory is the code it imports), then compare the files:

    (cd /tmp/before && python -m tests.storage.ingest_history /tmp/before.json)
    (cd /tmp/after && python -m tests.storage.ingest_history /tmp/after.json)
    cmp /tmp/before.json /tmp/after.json

It copies the quick benchmark's world (10,000 people, bench/.cache; `python -m bench --quick` builds
it), follows placeholders (full names and bare surnames the world lacks), then polls 24 synthetic
feeds and 4 feeds about new people for five generations: new items each time, edited items in the
fourth, two generations stored as one transaction for every feed (console mode) and three feed by
feed. Storage's clock and the outbox nonces are made deterministic, so every column is compared,
ids and timestamps included. With a PostgreSQL URL (an empty copy of the world: `python -m bot db
copy --from sqlite:WORLD --to URL`, then CREATE DATABASE ... TEMPLATE), the same on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import shutil
import sys
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

from bench.synthetic import _TRANSFER, ItemSpec, _fields, _published, feed_body, person_name, rss
from bench.world import WorldSize, world_path

FEEDS, ITEMS = 24, 40
TABLES = ("items", "entities", "entity_aliases", "claims", "stories", "story_events", "outbox", "feeds", "counters",
          "follows")


def _deterministic() -> None:
    """Storage's clock as a fixed sequence (the same calls give the same stamps), nonces from a seed."""
    import storage.db

    ticks = itertools.count()
    real = storage.db.utcnow

    def fake() -> str:
        return f"2026-12-06T10:00:{next(ticks) % 60:02d}.000000Z"

    for module in list(sys.modules.values()):
        if getattr(module, "utcnow", None) is real:
            module.utcnow = fake  # type: ignore[attr-defined]
    rng = random.Random(7)
    uuid.uuid4 = lambda: uuid.UUID(int=rng.getrandbits(128), version=4)


def _own_feed(n: int, gen: int, people: int) -> bytes:
    """Claims about people the world does not hold (created, or upgrading a followed placeholder),
    some sharing surnames with each other and with the world."""
    items = []
    for seq in range(gen * 6, gen * 6 + 12):
        rng = random.Random(f"own:{n}:{seq}")
        k = people + rng.randrange(60) if rng.random() < 0.6 else rng.randrange(200)
        fields = _fields(rng, k)
        items.append(ItemSpec(f"own-{n}-{seq}", f"https://own.example/{n}/{seq}",
                              rng.choice(_TRANSFER).format(**fields), "Talks continue.", _published(seq)))
    return rss(f"Own {n}", items)


async def history(url: str | None) -> dict[str, list[str]]:
    """Run the history into a copy of the world (or the PostgreSQL database at `url`); every table's
    rows as sorted JSON lines."""
    from bench._common import add_feeds
    from bot import identities
    from bot.feeds.parse import parse_feed
    from bot.ingest import batch_of, ingest_many
    from bot.pipeline import extract_batch
    from storage import follows
    from storage.backends import open_database
    from storage.ingest import known_items
    from storage.records import FetchState

    size = WorldSize.for_mode(True)
    tmp = Path(tempfile.mkdtemp(prefix="ingest-history-"))
    if url is None:
        shutil.copyfile(world_path(size), tmp / "work.db")
    db = await open_database(url or str(tmp / "work.db"))
    _deterministic()
    try:
        people = size.people
        for k in range(people, people + 60, 3):  # followed before any claim: full names and bare surnames
            name = person_name(k) if k % 2 else person_name(k).split()[-1]
            await follows.add(db, 900 + k % 3, 9000 + k % 7, await identities.create_placeholder(db, name))
        urls = [f"http://127.0.0.1:1/e/{ITEMS}/{n}" for n in range(400_000, 400_000 + FEEDS)]
        urls += [f"http://127.0.0.1:1/own/{n}" for n in range(4)]
        ids = await add_feeds(db, urls)
        for gen in range(5):
            bodies = [feed_body("e", ITEMS, 400_000 + i, gen * 4, people) for i in range(FEEDS)]
            bodies += [_own_feed(i, gen, people) for i in range(4)]
            prepared = []
            for feed_id, feed_url, body in zip(ids, urls, bodies, strict=True):
                items = parse_feed(body, feed_url, content_type="application/rss+xml").items
                if gen == 3 and feed_id % 3 == 0:  # edits: an item's text changed under the same key
                    items = [replace(item, title=item.title + " (updated)", content_hash=item.content_hash + "e")
                             if i % 4 == 1 else item for i, item in enumerate(items)]
                known = await known_items(db, feed_id, [item.key for item in items])
                fresh = [item for item in items if known.get(item.key) != item.content_hash]
                prepared.append(batch_of(feed_id, extract_batch(fresh), FetchState(f'"{gen}"', None, f"h{gen}"),
                                         emit_alerts=gen > 0 or feed_id % 2 == 0,
                                         edited={item.key for item in fresh if item.key in known},
                                         outlet_tier="tier2" if feed_id % 5 == 0 else None))
            if gen in (1, 4):  # a console cycle: every feed in one transaction
                await ingest_many(db, prepared, window_days=120)
            else:
                for batch in prepared:
                    await ingest_many(db, [batch], window_days=120)
        dump = {}
        for table in TABLES:
            rows = [dict(row) for row in await db.fetchall(f"SELECT * FROM {table}")]  # noqa: S608 - fixed names
            dump[table] = sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)
    finally:
        await db.close()
        shutil.rmtree(tmp)
    return dump


if __name__ == "__main__":
    tables = asyncio.run(history(sys.argv[2] if len(sys.argv) > 2 else None))
    Path(sys.argv[1]).write_text(json.dumps(tables, indent=0))
    print({table: len(rows) for table, rows in tables.items()})  # noqa: T201
