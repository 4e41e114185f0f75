"""The word families stay cheap for the keyword gate: every family pattern names keywords the
gate can look for (it never runs on every text), and none of them is a fragment of a few
letters. An alternation whose members share a short prefix ("try|tries|tried") is factored by
Python's regex parser into the prefix and the rest ("tr" + "y|ies|ied"), and the gate then keyed
the pattern on "tr" and opened it on any word starting so. A property of the patterns, not of
machine speed."""

from __future__ import annotations

from bot.claims import families, kinds
from bot.claims.prefilter import YES, required


def _family_patterns() -> list[tuple[int, str]]:
    first = len(kinds.PATTERNS) - len(families.PATTERNS)
    return [(first + n, kinds.PATTERNS[first + n][1].pattern) for n in range(len(families.PATTERNS))]


def test_every_family_pattern_has_keywords() -> None:
    for i, pattern in _family_patterns():
        assert required(kinds.PATTERNS[i][1]), pattern[:80]
        assert i not in kinds._GATE.always, pattern[:80]


def test_no_family_keyword_is_a_fragment_of_two_letters() -> None:
    for i, pattern in _family_patterns():
        short = {w for clause in required(kinds.PATTERNS[i][1]) for w, before, after in clause
                 if len(w) < 3 and not (before == YES and after == YES)}  # "up" as a word is fine
        assert not short, (short, pattern[:80])
