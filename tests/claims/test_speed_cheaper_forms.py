"""Cheaper forms of the binding gate's and the readers' own tests give the answers of the forms they
replaced: the last name-like token read from the end (nearby.last_named), keyword look-ups with no
generator per word (item_senses._may_match, segments._may_pursue), and the binding gate's reach test
asked before its name test (both pure, sharing one view: either order gives the same two answers).
On our fixtures, the bench stream, the same sentences re-cased, and generated texts."""

from __future__ import annotations

import json
import random
from pathlib import Path

from bench.bench_extract import synthetic
from bot.claims import bindable, item_senses, kinds, mentions, nearby, ordinary, segments
from bot.claims.flatten import flat
from bot.claims.text import Token, clean, forget_item, sentences, strip_boilerplate, tokens_of

DATA = Path(__file__).parent.parent / "data"


def _items() -> list[tuple[str, str]]:
    paths = sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"]
    rows = [json.loads(line) for p in paths for line in p.open(encoding="utf-8") if line.strip()]
    return [(r.get("title") or "", r.get("summary") or "") for r in rows] + synthetic(300, seed=5)


def _texts() -> list[str]:
    out: list[str] = []
    for title, summary in _items():
        found = sentences(clean(title)) + sentences(strip_boilerplate(clean(summary)))
        out += found + [t.lower() for t in found[:1]] + [t.upper() for t in found[:1]] + [t.title() for t in found[:1]]
    rng = random.Random(8)
    pieces = ["Isak", "to", "Liverpool", ".", "St.", "Pauli", "the", "race", "RACE", "Hunt", "claimed", "Report",
              "truth", "TRUE", "£30m", "2026", "'s", "AS", "Roma", "ſ", "K", "ı", "!", "?", ":", "x", ""]
    out += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(3000)]
    return out


def _last_named_as_before(tokens: list[Token]) -> int:
    """The form nearby.last_named replaced: the largest index over every token."""
    last = len(tokens) - 1
    return max((i for i, t in enumerate(tokens) if mentions.named(t) and (i < last or t.text != ".")), default=-1)


def test_the_last_name_like_token_is_the_one_the_full_scan_finds() -> None:
    checked = 0
    for text in _texts():
        tokens = tokens_of(text)
        assert nearby.last_named(tokens) == _last_named_as_before(tokens), text
        checked += 1
    assert nearby.last_named([]) == -1
    assert checked > 5_000


def test_the_keyword_look_ups_say_what_a_word_by_word_look_up_says() -> None:
    word_lists = [item_senses._REPORTED_WORDS, item_senses._NO_TRUTH_WORDS, item_senses._RANKED_WORDS]
    for text in _texts():
        for words in word_lists:
            before = not text.isascii() or any(w in text.lower() for w in words)
            # (read on flat(), it may also say yes where a mark stands between the words: "fake-news")
            assert item_senses._may_match(text, words) >= before, (text, words)
            if flat(text) == text.lower():  # (no mark or other space to read past: the same answer)
                assert item_senses._may_match(text, words) == before, (text, words)
        # _may_pursue's quick test may only say no where the search finds nothing.
        assert segments._may_pursue(text) == (segments._MAY_PURSUE.search(text) is not None), text


def _answers(text: str, headline: bool, near: object, reach_first: bool) -> tuple[bool, bool]:
    """(may_name, reach test) of one sentence, asked in the order given, from a fresh item."""
    forget_item()
    view = nearby.view(text, headline)

    def reach() -> bool:
        return near is True or nearby.View(text, headline, flat, whole=True).holds(near)  # type: ignore[arg-type]

    if reach_first:
        held = reach()
        return bindable.may_name(view), held
    named = bindable.may_name(view)
    return named, reach()


def test_the_binding_gates_two_tests_answer_the_same_in_either_order() -> None:
    asked = 0
    for title, summary in _items():
        ordinary.new_item(title, summary, "")
        heads = sentences(clean(title))
        for n, text in enumerate(heads + sentences(strip_boilerplate(clean(summary)))):
            forget_item()
            near = kinds._GATE.near_needs(flat(text))
            if near is None:
                continue
            for headline in {n < len(heads), False}:
                assert _answers(text, headline, near, True) == _answers(text, headline, near, False), text
                asked += 1
    assert asked > 300


def test_the_binding_gate_still_lets_through_a_named_move_and_turns_away_a_nameless_one() -> None:
    forget_item()
    assert bindable.may_bind(["Chelsea agree fee for Lorenzo Vasquez", "Talks went on late into the night."], 1)
    forget_item()
    assert not bindable.may_bind(["Match report from the weekend", "Negotiations are described as advanced."], 1)
