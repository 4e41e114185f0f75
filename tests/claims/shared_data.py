"""The real text beside the repository (../shared/data), for the evaluations that say they read it.

Tests that compare the extractor with and without its speed-ups on real items read them through
here: a row is never printed (counts only), and without the folder such a test skips with its path.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def jsonl(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSON-lines file (ours or the shared one)."""
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def shared_rows(name: str) -> list[dict[str, Any]]:
    """The rows of ../shared/data/NAME.jsonl; the calling test skips when it is not there."""
    path = SHARED / f"{name}.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    return jsonl(path)


def claim_digests(rows: list[dict[str, Any]]) -> list[str]:
    """Each row's claims as a hash: outputs compared item by item without a real item's text in a message."""
    from bot.claims.extract import extract_claims

    out = []
    for r in rows:
        claims = extract_claims(r.get("title") or "", r.get("summary") or "", outlet=r.get("outlet"),
                                published=r.get("published"), item=r.get("link") or r.get("id"),
                                content=r.get("content") or "")
        out.append(hashlib.sha256(repr(claims).encode()).hexdigest())
    return out
