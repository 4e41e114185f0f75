"""The gate's requirement trees (prefilter.py): stricter than its clauses, never wrong.

A tree keeps what each branch of an alternation needs in full; the gate lets a pattern run
only where its tree holds. Like the clauses, it may only skip work, never change a claim:
checked here against the extractor with no gate at all, on our own fixtures and on the
benchmark's synthetic stream (and on the real labelled items in test_speed_identical.py).
"""

from __future__ import annotations

import json
import random
import re
import types
from pathlib import Path

import pytest

from bench.bench_extract import synthetic
from bot.claims import kinds, sentence, sources, tree_tests
from bot.claims.prefilter import NO, TRUE, YES, Gate, _weaken, flat, requirement
from bot.claims.text import clean, sentences, strip_boilerplate

# It swaps the extractor's parts (gates, switches): a pass of its own runs it on the Python modules
# when the compiled extractor is in use (Makefile, tests/conftest.py).
pytestmark = pytest.mark.pure_extractor

DATA = Path(__file__).parent.parent / "data"


def _texts() -> list[str]:
    paths = sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"]
    rows = [json.loads(line) for p in paths for line in p.open(encoding="utf-8") if line.strip()]
    rows += [{"title": t, "summary": s} for t, s in synthetic(400)]
    return [t for r in rows for t in (clean(r["title"]), strip_boilerplate(clean(r.get("summary", ""))))]


def test_a_tree_keeps_every_word_a_branch_needs() -> None:
    tree = requirement(re.compile(r"\bjoin (?:the )?(?:race|chase)\b|\bon (?:red )?alert\b"))
    # After an optional word, an edge before "race" is not certain (NO); after it, it is.
    assert tree == ("or", (
        ("and", (("kw", ("join", YES, YES)), ("or", (("kw", ("race", NO, YES)), ("kw", ("chase", NO, YES)))))),
        ("and", (("kw", ("on", YES, YES)), ("kw", ("alert", NO, YES)))),
    ))
    gate = Gate([re.compile(r"\bjoin (?:the )?(?:race|chase)\b|\bon (?:red )?alert\b")])
    # The clauses alone would let "join" through; the tree asks for its race too.
    assert Gate([re.compile(r"\bjoin (?:the )?(?:race|chase)\b|\bon alert\b")], trees=False).any(flat("Fans join in"))
    assert not gate.any(flat("Fans join in"))
    assert gate.any(flat("Spurs join the race for Silva"))
    assert gate.any(flat("Wolves on red alert"))
    assert not gate.any(flat("Wolves raise the alarm"))


def test_optional_parts_and_negative_lookarounds_need_nothing() -> None:
    assert requirement(re.compile(r"(?:foo )?\w+(?!bar)")) == TRUE
    assert requirement(re.compile(r"foo|\d+")) == TRUE  # one branch needs nothing
    assert requirement(re.compile(r"(?i)foo")) == TRUE  # literals compared in any case
    assert requirement(re.compile(r"(?:foo|bar)qux")) == ("and", (
        ("or", (("kw", ("foo", NO, NO)), ("kw", ("bar", NO, NO)))), ("kw", ("qux", NO, NO))))


def test_a_frame_is_read_on_its_own_text() -> None:
    # A frame comes from one sentence of one text: words split between a title and its
    # summary cannot make one match.
    gate = Gate([re.compile(r"\bagree (?:personal )?terms\b")])
    assert not gate.any(flat("Vasquez set to agree"), flat("Terms of the loan are unclear"))
    assert gate.any(flat("Vasquez set to agree terms"), flat(""))


def test_trees_admit_every_pattern_that_matches_a_frame() -> None:
    clauses_only = Gate([rx for _, rx, _ in kinds.PATTERNS], trees=False)
    stricter = 0
    for text in _texts():
        for sent in sentences(text):
            fr = sentence.analyse(sent, None).frame
            allowed = set(kinds._GATE.which(fr.text))
            loose = set(clauses_only.which(fr.text))
            assert allowed <= loose
            stricter += len(loose - allowed)
            for i, (kind, rx, _) in enumerate(kinds.PATTERNS):
                if rx.search(fr.text):
                    assert i in allowed, (kind, fr.text)
                    assert kinds.may_trigger(text), (kind, text)
    assert stricter > 0  # the trees do turn patterns away


def test_slots_are_words_in_a_frame_gate() -> None:
    rx = re.compile(r"(?P<s>@s) (?:\S+ )?(?:reports|says)\b|\baccording to (?P<t>@s|@p)\b")
    # Without slots the tree is the words alone (after an optional word no edge is certain).
    assert requirement(rx) == ("or", (("kw", ("reports", NO, YES)), ("kw", ("says", NO, YES)),
                                      ("kw", ("according to", YES, YES))))
    gate = Gate([rx], slots=True)
    assert not gate.any("@p says he is happy ")
    assert gate.any("@s says @p is close ")
    assert gate.any("according to @p , talks go on ")


def _code_names(code: types.CodeType) -> set[str]:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def test_the_source_gate_holds_every_pattern_sources_find_reads() -> None:
    # The gate skips sources.find() on a frame none of the module's patterns can match: it
    # must know every pattern find() reads, so find() may read module patterns only.
    names = _code_names(sources.find.__code__)
    assert "re" not in names and "compile" not in names
    gated = set(map(id, sentence.source_patterns()))
    for name in names:
        value = getattr(sources, name, None)
        for rx in value if isinstance(value, tuple) else (value,):
            if isinstance(rx, re.Pattern):
                assert id(rx) in gated, name


def test_the_source_gate_admits_every_frame_that_cites_a_source() -> None:
    cited = 0
    for text in _texts():
        for sent in sentences(text):
            s = sentence.analyse(sent, None)
            units = ["?"] * len(s.frame.units)
            if sources.find(s.frame, lambda units=units: units) != (None, None, False):
                cited += 1
                assert sentence._SOURCE_GATE.any(s.frame.text), s.frame.text
    assert cited > 50


def _holds(tree: tuple[object, ...], met: frozenset[int], ids: dict[tuple[str, int, int], int]) -> bool:
    """The tree read need by need, as its definition says."""
    if tree[0] == "kw":
        return ids[tree[1]] in met  # type: ignore[index]
    parts = (_holds(child, met, ids) for child in tree[1])  # type: ignore[union-attr, arg-type]
    return all(parts) if tree[0] == "and" else any(parts)


def test_a_compiled_tree_test_says_what_the_tree_says() -> None:
    """tree_tests.source() asks the keywords side by side in an "or" or an "and" as one set: on the
    needs texts meet and on random sets of needs, every kind pattern's test gives the tree's answer."""
    gate = kinds._GATE
    ids = dict(gate.ids)
    rng = random.Random(4)
    numbers = sorted(ids.values())
    mets = [gate._met(flat(t)) for t in _texts()] + [frozenset(rng.sample(numbers, rng.randint(0, 80))) for _ in range(400)]
    for _, rx, _ in kinds.PATTERNS:
        tree = _weaken(requirement(rx))
        if tree == TRUE:
            continue
        sets: list[frozenset[int]] = []
        test = tree_tests.compiled([tree_tests.source(tree, ids, sets)], sets, {})
        assert len(ids) == len(gate.ids)  # (every need of a tree is numbered already)
        for met in mets:
            assert test(met) == _holds(tree, met, ids), rx.pattern[:80]
