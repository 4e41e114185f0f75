"""The benchmark's fixed numbers, read by every part of it (the farm, the synthetic feeds, the
world database, the scenarios). A leaf: it imports nothing of bench, so the farm and the feed
generator need not import the scenarios' shared code, which imports the farm."""

from __future__ import annotations

from pathlib import Path

SEED = 20251121
ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
HOSTS = 32  # the farm answers on 127.0.0.1 .. 127.0.0.32: feeds spread over hosts like real ones
WORLD_WINDOW = 20  # items in each big-database feed as the farm serves it
WORLD_VERSION = 4  # bump when the world generator changes what the cached database holds
WORLD_FEEDS_BELOW = 100_000  # farm feed numbers of the big database's feeds; scenarios use higher ones
