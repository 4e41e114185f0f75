"""The extractor's speed-ups change no claim: its output with them equals its output without
them, item for item, in one process on the same code.

Compared by hash only: a real labelled item's text (or its claims) never appears in a
message, so a failure names how many items differ and nothing of what they say.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from bench.bench_extract import synthetic
from tests.claims.gates import plain
from tests.claims.shared_data import SHARED, claim_digests, jsonl, shared_rows

# It swaps the extractor's parts (gates, switches): a pass of its own runs it on the Python modules
# when the compiled extractor is in use (Makefile, tests/conftest.py).
pytestmark = pytest.mark.pure_extractor

DATA = Path(__file__).parent.parent / "data"


def _same(rows: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch) -> int:
    """How many items carry claims; asserts the output is the same with and without speed-ups."""
    fast = claim_digests(rows)
    with plain(monkeypatch):
        slow = claim_digests(rows)
    differ = sum(a != b for a, b in zip(fast, slow, strict=True))
    assert differ == 0, f"{differ} of {len(rows)} items read differently with the speed-ups"
    empty = hashlib.sha256(b"[]").hexdigest()
    return sum(d != empty for d in fast)


def test_own_fixtures_and_the_benchmark_stream_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"]
    rows = [row for p in paths for row in jsonl(p)]
    flagged = _same(rows, monkeypatch)
    assert flagged > len(rows) // 3
    stream = [{"title": t, "summary": s} for t, s in synthetic(1500)]
    flagged = _same(stream, monkeypatch)
    assert flagged > 150


# Every labelled file there is (skipped, one name standing for them, when ../shared is absent).
_LABELLED = [f"labelled/{p.stem}" for p in sorted((SHARED / "labelled").glob("items_*.jsonl"))] or ["labelled/items_h"]


@pytest.mark.slow
@pytest.mark.parametrize("name", [*_LABELLED, "headlines_2026"])
def test_real_items_read_the_same(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Counts only in any message: a real item must never be printed.
    flagged = _same(shared_rows(name), monkeypatch)
    assert flagged > 0
