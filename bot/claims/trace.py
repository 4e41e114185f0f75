"""The trace behind `explain_claims`: which people, candidates and drops led to an item's claims.

Set only while one explains (a context variable), so extraction pays one lookup per note.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.claims.sentence import Sentence

_TRACE: ContextVar[list[str] | None] = ContextVar("claim_trace", default=None)


def note(line: str) -> None:
    trace = _TRACE.get()
    if trace is not None:
        trace.append(line)


def _units_text(s: Sentence, start: int, end: int) -> str:
    a, b = s.frame.units[start][0], s.frame.units[end - 1][1]
    return " ".join(t.text for t in s.tokens[a:b])


def explain_sentence(s: Sentence) -> None:
    if not active():
        return
    note(f"sentence: {s.text}")
    if s.persons:
        note("  people: " + ", ".join(f"{p.name} ({p.role or 'role unknown'})" for p in s.persons))
    bound = {(id(t)) for _, t, _ in s.bound}
    for t in s.trigs or []:
        words = _units_text(s, t.start, t.end)
        if t.negated:
            note(f"  dropped {t.kind} '{words}': negated")
        elif id(t) not in bound:
            note(f"  dropped {t.kind} '{words}': no person it can be about in its clause")
    for _, t, u in s.bound:
        note(f"  candidate {t.kind} '{_units_text(s, t.start, t.end)}' about {s.unit_person[u].name}")


def active() -> bool:
    return _TRACE.get() is not None


@contextmanager
def collect() -> Iterator[list[str]]:
    """Collect the notes made by extraction inside the block."""
    lines: list[str] = []
    token = _TRACE.set(lines)
    try:
        yield lines
    finally:
        _TRACE.reset(token)
