"""What a description says about the person it stands for.

A headline that hides its person behind a description often tells a development in the
description itself: "Talks planned over future of Manchester United & Arsenal transfer
target" says both clubs want the player the summary names. A description whose head noun
is `target` reads as each club in it wanting that person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.claims.lexicon import COMPETITIONS, ROLE_MODIFIERS

if TYPE_CHECKING:
    from bot.claims.people import Person
    from bot.claims.sentence import Sentence

_TARGET_NOUNS = frozenset({"target", "targets"})
_LIST = frozenset({"&", "and", ","})
_REACH = 8


def wanted_by(s: Sentence) -> list[tuple[Person, str]]:
    """(person, club) for every "<club> (transfer) target" description standing for a person:
    the clubs named in the description, before its head noun, want that person."""
    out: list[tuple[Person, str]] = []
    club_at = {i: m for m in s.mentions if m.kind == "club" and not m.national for i in range(m.start, m.end)}
    for p in s.persons:
        if s.tokens[p.end - 1].key not in _TARGET_NOUNS:
            continue
        if " ".join(t.text for t in s.tokens[p.start:p.end]) == p.name:
            continue  # a name, not a description
        j, clubs = p.end - 2, []
        while j >= 0 and p.end - j <= _REACH:
            tok = s.tokens[j]
            if j in club_at:
                m = club_at[j]
                clubs.append(m.name)
                j = m.start - 1
            elif tok.key in _LIST or tok.key.isdigit():
                j -= 1
            elif tok.key in ROLE_MODIFIERS or tok.key in COMPETITIONS:
                j -= 1  # "transfer", "midfield", "Ligue 1": the description's modifiers
            else:
                break
        out.extend((p, c) for c in clubs)
    return out
