"""The keyword gate's answer for a set of needs met, kept across items.

Gate.near_needs() reads a text in two steps: which needs (keywords with their word edges) the
text meets, then which patterns those needs let through and what each still wants near its
keyword (reach.Near.wants). The second step is a function of the set of needs met alone, and
most texts meet one of a few sets (none, "to", "move", "talks"...), so its answer is kept per
set: no text is kept, and the same set always gives the same answer. The answers are shared:
a caller never changes one. Switched off with ENABLED in the with/without comparisons
(tests/claims/gates.py, bench_extract --compare).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

ENABLED = True  # tests and the benchmark switch it off to compare

_Answer = TypeVar("_Answer")
_MISSING = object()
_LIMIT = 4096  # sets kept per gate before the memo starts afresh


class Answers(Generic[_Answer]):
    """answer(met, flag), once per (set of needs met, flag), for one gate."""

    __slots__ = ("_answer", "_memo")

    def __init__(self, answer: Callable[[frozenset[int], bool], _Answer]) -> None:
        self._answer = answer
        # One memo per flag, keyed by the set alone (no (set, flag) tuple made and hashed a call).
        self._memo: tuple[dict[frozenset[int], _Answer], dict[frozenset[int], _Answer]] = ({}, {})

    def __call__(self, met: frozenset[int], flag: bool) -> _Answer:
        if not ENABLED:
            return self._answer(met, flag)
        memo, key = self._memo[flag], frozenset(met)
        got = memo.get(key, _MISSING)
        if got is _MISSING:
            if len(memo) >= _LIMIT:
                memo.clear()
            got = memo[key] = self._answer(met, flag)
        return got  # type: ignore[return-value]
