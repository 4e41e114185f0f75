"""The bundled sample feeds, read by the extractor, give the claims `bot/samples/EXPECTED.md`
lists for every item: what a new user sees in the console demo (`make run`)."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest

from bot.claims.extract import extract_claims

SAMPLES = Path(__file__).resolve().parent.parent / "bot" / "samples"
FEEDS = ("transfer_wire.xml", "touchline_daily.atom", "continental_desk.rdf")


def _expected() -> dict[str, set[tuple[str, str, str, str | None]]]:
    """Item id -> (subject, role, kind, counterpart) for each claim EXPECTED.md lists."""
    out: dict[str, set[tuple[str, str, str, str | None]]] = {}
    item = None
    for line in (SAMPLES / "EXPECTED.md").read_text(encoding="utf-8").splitlines():
        if heading := re.match(r"### `(.+)`", line):
            item = heading.group(1)
            out[item] = set()
        elif item and line.startswith("- ") and "·" in line:
            subject, role, kind, counterpart = (part.strip() for part in line[2:].split("·")[:4])
            out[item].add((subject, role, kind, None if counterpart == "null" else counterpart))
    return out


def _read() -> dict[str, set[tuple[str, str, str, str | None]]]:
    out: dict[str, set[tuple[str, str, str, str | None]]] = {}
    for name in FEEDS:
        for entry in feedparser.parse(str(SAMPLES / name)).entries:
            claims = extract_claims(entry.get("title", ""), entry.get("summary", ""))
            out[entry.get("id") or entry["link"]] = {(c.subject, c.role, c.kind, c.counterpart) for c in claims}
    return out


EXPECTED = _expected()
READ = _read()


def test_every_sample_item_is_listed() -> None:
    assert len(EXPECTED) == 51 and set(READ) == set(EXPECTED)


@pytest.mark.parametrize("item", sorted(EXPECTED))
def test_sample_item_gives_the_listed_claims(item: str) -> None:
    assert READ[item] == EXPECTED[item]
