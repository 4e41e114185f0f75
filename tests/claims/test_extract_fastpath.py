"""The keyword fast path (prefilter.py): it may only skip work, never change a claim."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.claims import kinds, sentence
from bot.claims.extract import extract_claims
from bot.claims.prefilter import NO, YES, Gate, flat, required
from bot.claims.text import clean, sentences
from tests.claims.gates import OpenGate

# It swaps the extractor's parts (gates, switches): a pass of its own runs it on the Python modules
# when the compiled extractor is in use (Makefile, tests/conftest.py).
pytestmark = pytest.mark.pure_extractor

DATA = Path(__file__).parent.parent / "data"
# What the proof in prefilter.py allows a keyword to be.
_KEYWORD = re.compile(r"[a-z0-9]{2,}(?: [a-z0-9]+)*|[!\"#$%&()*+,/:;<=>?\[\\\]^`{|}~]")


def _items() -> list[dict]:
    paths = sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"]
    return [json.loads(line) for p in paths for line in p.open(encoding="utf-8") if line.strip()]


def test_every_kind_pattern_needs_a_keyword() -> None:
    # A pattern without one would have to run on every item, and the fast path could
    # then turn nothing away: Gate.always must stay empty.
    assert not kinds._GATE.always
    for kind, rx, _ in kinds.PATTERNS:
        clauses = required(rx)
        assert clauses, f"{kind} pattern {rx.pattern[:80]!r} names no keyword"
        for clause in clauses:
            for word, before, after in clause:
                assert _KEYWORD.fullmatch(word), (kind, word)
                assert before in (YES, NO) and after in (YES, NO)


def test_required_reads_literals_branches_and_word_edges() -> None:
    # Both clauses hold for every match; "bar"/"qux" may go on into "bars" (no edge after).
    assert set(required(re.compile(r"\bfoo (?:bar|qux)s?\b"))) == {
        frozenset({("foo", YES, YES)}),
        frozenset({("bar", YES, NO), ("qux", YES, NO)}),
    }
    # Optional parts, classes and negative lookarounds promise nothing.
    assert required(re.compile(r"(?:foo )?\w+(?!bar)")) == []
    assert required(re.compile(r"foo|\d+")) == []  # one branch has no keyword
    gate = Gate([re.compile(r"\bland\b")])
    assert not gate.any(flat("England expect"))
    assert gate.any(flat("Wolves land Silva"))
    assert Gate([re.compile(r"\d+")]).any(flat("anything at all"))  # no keyword: always runs


def test_flat_spaces_out_inner_marks_and_foreign_punctuation() -> None:
    assert flat("Re‑Sign_now’s PSG") == "re sign now s psg"
    assert flat("Tomás: €5m «deal»") == "tomas: 5m deal "


def test_gate_admits_every_pattern_that_matches_a_labelled_frame() -> None:
    for row in _items():
        title, summary = clean(row["title"]), clean(row.get("summary", ""))
        matched = False
        for text in sentences(title) + sentences(summary):
            fr = sentence.analyse(text, None).frame
            allowed = set(kinds._GATE.which(fr.text))
            for i, (kind, rx, _) in enumerate(kinds.PATTERNS):
                if rx.search(fr.text):
                    matched = True
                    assert i in allowed, (row["id"], kind, fr.text)
        if matched:
            assert kinds.may_trigger(title, summary), row["id"]


def test_fast_path_changes_no_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _items()
    fast = [extract_claims(r["title"], r.get("summary", ""), outlet=r.get("outlet")) for r in rows]
    monkeypatch.setattr(kinds, "_GATE", OpenGate())
    slow = [extract_claims(r["title"], r.get("summary", ""), outlet=r.get("outlet")) for r in rows]
    assert fast == slow
    assert sum(map(bool, fast)) > len(rows) // 3  # the check compares real claims


def test_an_item_with_no_trigger_word_is_turned_away() -> None:
    title, summary = "Lyon 3-1 Ajax: five talking points", "The hosts were ahead after ten minutes."
    assert not kinds.may_trigger(title, summary)
    assert extract_claims(title, summary) == []


def test_name_in_title_and_trigger_in_summary_still_claims() -> None:
    # The headline alone holds no trigger word; the standfirst tells the development and
    # calls the player "the winger".
    title = "Tomás Veloso's summer at Porto"
    summary = ("Everton have agreed a fee with Porto for the winger, who will undergo a medical"
               " on Friday.")
    assert not kinds.may_trigger(title, "")
    claims = extract_claims(title, summary)
    assert [(c.subject, c.kind, c.counterpart, c.from_club) for c in claims] == [
        ("Tomás Veloso", "agreement", "Everton", "Porto")]


def test_triggers_in_title_and_summary_both_claim() -> None:
    title = "Everton agree fee for Porto's Tomás Veloso"
    summary = "The winger will have a medical on Friday, according to Record."
    claims = extract_claims(title, summary)
    assert {(c.subject, c.kind, c.source) for c in claims} == {
        ("Tomás Veloso", "agreement", "Record"), ("Tomás Veloso", "medical", "Record")}
