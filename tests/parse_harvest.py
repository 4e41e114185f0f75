"""A pytest plugin that collects every body the test suite hands to the feed parser, into
tests/data/parse_corpus.jsonl, so test_parse_fast.py can compare both parsers on all of them:

    .venv/bin/python -m pytest -p tests.parse_harvest

Bodies over 64 KB are left out (the hostile server's big bodies are rebuilt by their generators in
test_parse_fast.py), and so are bodies that name a file on this machine. The file is rewritten,
sorted and deduplicated, at the end of the run; existing entries are kept.
"""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parent / "data" / "parse_corpus.jsonl"
LIMIT = 64_000
_seen: dict[str, dict[str, Any]] = {}


def _entry(body: bytes, url: str, content_type: str | None) -> dict[str, Any]:
    return {"url": url, "content_type": content_type,
            "gzip_base64": base64.b64encode(gzip.compress(body, mtime=0)).decode()}


def pytest_configure(config: pytest.Config) -> None:
    from bot.feeds import parse

    real = parse.parse_feed_delta

    def recording(body: bytes, feed_url: str, **kwargs: Any) -> Any:
        if isinstance(body, bytes) and len(body) <= LIMIT and not body.startswith(b"/"):
            row = _entry(body, feed_url, kwargs.get("content_type"))
            _seen.setdefault(row["gzip_base64"] + repr(row["content_type"]), row)
        return real(body, feed_url, **kwargs)

    parse.parse_feed_delta = recording  # type: ignore[assignment]


def pytest_unconfigure(config: pytest.Config) -> None:
    if not _seen:
        return
    rows = {}
    if CORPUS.exists():
        for line in CORPUS.read_text().splitlines():
            row = json.loads(line)
            rows[row["gzip_base64"] + repr(row["content_type"])] = row
    rows.update(_seen)
    CORPUS.write_text("".join(json.dumps(rows[key], sort_keys=True) + "\n" for key in sorted(rows)))
