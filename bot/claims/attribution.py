"""Who reported a claim when its own sentence names nobody: a source cited elsewhere in the item.

"Arsenal table £60m bid for Zubimendi. The offer was submitted on Monday, according to The
Athletic": the one source the item cites, in a sentence that tells no other person's claim
and no other development, reports the claim too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.claims import kinds
from bot.claims.text import fold
from bot.models import MOVE_KINDS

if TYPE_CHECKING:
    from bot.claims.sentence import Sentence



@dataclass(frozen=True, slots=True)
class Cited:
    source: str
    kind: str  # "report", "speaker" or "club" (see Sentence.source_kind)
    named: frozenset[str]  # the people its sentence names
    subjects: frozenset[str]  # the people its sentence tells a development about
    told: frozenset[str]  # the kinds of development its sentence tells


def item_sources(sents: list[Sentence], full: dict[str, str]) -> list[Cited]:
    """Every source the item cites, with what its sentence is about."""
    out: list[Cited] = []
    for s in sents:
        if s.source:
            out.append(Cited(
                full.get(fold(s.source), s.source), s.source_kind,
                frozenset(full[fold(p.name)] for p in s.persons),
                frozenset(full[fold(s.unit_person[u].name)] for _, _, u in s.bound),
                frozenset(t.kind for t in (s.trigs if s.trigs is not None else kinds.triggers(s.frame))
                          if not t.negated),
            ))
    return out


def borrowed_source(name: str, kind: str, cp: str | None, frm: str | None, cited: list[Cited]) -> str | None:
    """A source for a claim whose own sentence cites none: the one source the item cites
    about the same person elsewhere, else the one reporter the item cites at all ("The
    offer was made on Monday, according to The Athletic") unless it attributes another
    person's claim or another development ("LAFC are in talks, per X" is no source for
    "Son to leave"); never the person themselves. A club's statement counts only for a
    claim the club is a party to."""
    party = cp if kind in MOVE_KINDS and cp else frm

    def usable(c: Cited) -> str | None:
        if c.source == name:
            return None
        if c.kind != "club":
            return c.source
        club = party if c.source == "@club" else c.source
        return club if club and club in (cp, frm) else None

    for pool in (
        (c for c in cited if name in c.named),
        (c for c in cited if c.kind != "speaker" and (not c.subjects or name in c.subjects)
         and same_development(kind, c.told)),
    ):
        found = {u for c in pool if (u := usable(c))}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


def same_development(kind: str, told: frozenset[str]) -> bool:
    """Whether a sentence telling `told` kinds can be the report of a `kind` claim."""
    return not told or kind in told or kind in MOVE_KINDS and bool(told & MOVE_KINDS)
