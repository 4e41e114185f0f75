"""The keyword gate answers a text the same with its answers kept per set of needs met
(answers.py) as with each worked out afresh, and with a pattern opened by its most selective
clause as by any: what it wants near its keywords (near_needs) and which patterns may match
(which), on texts, sentences and the frames the extractor reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.bench_extract import synthetic
from bot.claims import answers, kinds, prefilter
from bot.claims import text as text_module
from bot.claims.flatten import flat
from bot.claims.selective import FREQUENT, NO, YES, opening
from bot.claims.sentence import _SOURCE_GATE, analyse
from bot.claims.text import clean, sentences

DATA = Path(__file__).parent.parent / "data"


def _texts() -> list[str]:
    rows = [json.loads(line) for p in sorted((DATA / "eval").glob("*.jsonl")) for line in p.open(encoding="utf-8") if line.strip()]
    whole = [clean(r.get(k) or "") for r in rows for k in ("title", "summary")]
    whole += [clean(x) for t, s in synthetic(600, seed=11) for x in (t, s)]
    return [flat(t) for t in whole + [s for t in whole for s in sentences(t)]]


def _answer(text: str, reach: bool) -> object:
    got = kinds._GATE.near_needs(text, reach)
    return got if not isinstance(got, list) else sorted(map(repr, got))


def test_kept_answers_are_the_answers_worked_out_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_module, "REUSE", False)  # every text asked of the gate itself
    texts = _texts()
    kept = [_answer(t, reach) for t in texts for reach in (True, False)]
    kept_again = [_answer(t, reach) for t in texts for reach in (True, False)]  # now from the memo
    monkeypatch.setattr(answers, "ENABLED", False)
    fresh = [_answer(t, reach) for t in texts for reach in (True, False)]
    assert kept == fresh == kept_again
    assert any(isinstance(a, list) and a for a in fresh) and True in fresh and None in fresh


def test_kept_pattern_choices_are_the_choices_worked_out_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    frames = [analyse(s, None).frame.text for t, s in synthetic(300, seed=5) for s in sentences(clean(t + ". " + s))]
    kept = [(kinds._GATE.which(t), _SOURCE_GATE.which(t)) for t in texts + frames]
    monkeypatch.setattr(answers, "ENABLED", False)
    fresh = [(kinds._GATE.which(t), _SOURCE_GATE.which(t)) for t in texts + frames]
    assert kept == fresh
    assert any(k for k, _ in fresh) and any(s for _, s in fresh)


def test_patterns_opened_by_one_clause_are_the_patterns_opened_by_any(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern opened only by a need of its most selective clause (prefilter.ONE_CLAUSE): the
    same choices and reaches as one opened by a need of any clause, kept answers off."""
    monkeypatch.setattr(text_module, "REUSE", False)
    monkeypatch.setattr(answers, "ENABLED", False)
    texts = _texts()
    frames = [analyse(s, None).frame.text for t, s in synthetic(300, seed=5) for s in sentences(clean(t + ". " + s))]

    def read() -> list[object]:
        return [(kinds._GATE.which(t), _SOURCE_GATE.which(t), _answer(t, True), _answer(t, False)) for t in texts + frames]

    one = read()
    monkeypatch.setattr(prefilter, "ONE_CLAUSE", False)
    assert one == read()


def test_a_pattern_is_opened_by_a_clause_without_a_preposition_where_it_has_one() -> None:
    """selective.opening passes over a clause holding a word nearly every text meets ("for", "to")
    when the pattern has another; which clause opens a pattern changes no answer (the test above)."""
    prepositions = frozenset({("for", YES, YES), ("with", YES, YES)})
    deal = frozenset({("deal", NO, YES), ("move", NO, YES)})
    assert opening([prepositions, deal]) == 1
    assert opening([prepositions]) == 0 and opening([]) is None
    gate = kinds._GATE
    opened = [i for i, own in enumerate(gate.needs) if own and not all(any(w in FREQUENT for w, _, _ in c) for c in own)]
    assert opened and all(not any(w in FREQUENT for w, _, _ in gate.needs[i][opening(gate.needs[i]) or 0]) for i in opened)
