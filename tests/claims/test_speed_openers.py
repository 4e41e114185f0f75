"""The start rules' short cuts (nearby.SentenceView.opener and .spans, bindable.may_name) give the
answers of the rules asked in full, at every token: on our fixtures, the bench stream and the same
sentences lower-cased, title-cased, upper-cased and spliced together, as headlines and not."""

from __future__ import annotations

import json
import random
from pathlib import Path

from bench.bench_extract import synthetic
from bot.claims import bindable, mentions, ordinary
from bot.claims.lexicon import NAME_SUFFIXES
from bot.claims.nearby import Clubs, SentenceView
from bot.claims.openers import may_open_person, may_open_unknown_club, opens_name
from bot.claims.sentence import opening
from bot.claims.text import clean, forget_item, sentences, strip_boilerplate

DATA = Path(__file__).parent.parent / "data"


def _items() -> list[tuple[str, str]]:
    paths = sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"]
    rows = [json.loads(line) for p in paths for line in p.open(encoding="utf-8") if line.strip()]
    return [(r.get("title") or "", r.get("summary") or "") for r in rows] + synthetic(200, seed=11)


def _texts(title: str, summary: str, rng: random.Random) -> list[str]:
    found = sentences(clean(title)) + sentences(strip_boilerplate(clean(summary)))
    varied = [t.lower() for t in found[:2]] + [t.title() for t in found[:2]] + [t.upper() for t in found[:1]]
    if len(found) > 1:  # words of two sentences run together
        a, b = rng.sample(found, 2)
        varied.append(" ".join(a.split()[: len(a.split()) // 2] + b.split()[len(b.split()) // 2:]))
    return found + varied


def _opener_in_full(view: SentenceView, slot: str, i: int) -> bool:
    tokens = view.tokens
    if slot == "@p":
        return may_open_person(tokens, i, Clubs(view, i), view.headline)
    return bool(view.spans(i, clubs=True)) or (opens_name(tokens, i) or tokens[i].is_cap and tokens[i].key in NAME_SUFFIXES) \
        and may_open_unknown_club(tokens, i)


def _may_name_in_full(view: SentenceView) -> bool:
    tokens, start = view.tokens, opening(view.tokens)
    if any(opens_name(tokens, i) and not (i == start and bindable._nobody(tokens, i, view)) for i in range(len(tokens))):
        return True
    if any(view.opener("@p", i) and not (i == start and bindable._nobody(tokens, i, view)) for i in range(len(tokens))):
        return True
    return any(view.opener("@c", i) for i in range(len(tokens)))


def test_the_short_cuts_give_the_full_rules_answers() -> None:
    rng = random.Random(3)
    asked = 0
    for title, summary in _items():
        forget_item()
        ordinary.new_item(title, summary, "")
        for text in _texts(title, summary, rng):
            for headline in (False, True):
                view, full = SentenceView(text, headline), SentenceView(text, headline)
                every, clubs = mentions.both_spans(full.tokens)
                full.spans(0) if full.tokens else None  # its last name-like token, as spans() finds it
                for i in range(len(view.tokens)):
                    fresh = SentenceView(text, headline)  # spans asked first at token i
                    last = full.last_named if full.last_named is not None else -1
                    assert fresh.spans(i, clubs=True) == (clubs.get(i, []) if i <= last else []), (text, i)
                    assert SentenceView(text, headline).spans(i) == (every.get(i, []) if i <= last else []), (text, i)
                    for slot in ("@p", "@c"):
                        assert view.opener(slot, i) == _opener_in_full(full, slot, i), (text, slot, i)
                        asked += 1
                assert bindable.may_name(SentenceView(text, headline)) == _may_name_in_full(SentenceView(text, headline)), text
    assert asked > 50_000
