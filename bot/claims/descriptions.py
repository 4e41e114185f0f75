"""What a description says about the person it stands for.

A headline that hides its person behind a description often tells a development in the
description itself: "Talks planned over future of Manchester United & Arsenal transfer
target" says both clubs want the player the summary names. A description whose head noun
is `target` reads as each club in it wanting that person.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.claims import trace
from bot.claims.lexicon import COMPETITIONS, ROLE_MODIFIERS

if TYPE_CHECKING:
    from bot.claims.people import Person
    from bot.claims.sentence import Sentence
    from bot.models import Claim

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


def add_targeted(claims: list[Claim], targeted: dict[tuple[str, str], Claim]) -> list[Claim]:
    """The claims with each description's (or wanting clause's) interest added where nothing
    else in the item tells that person's interest, and its club given to an interest told
    without one ("X tops the manager's wish list" beside "... he would like Real Madrid to
    sign")."""
    out = list(claims)
    for (name, wanting), c in targeted.items():
        told = [i for i, k in enumerate(claims) if k.subject == name and k.kind == "interest"]
        if not told:
            trace.note(f"{name} interest -> {wanting}: described as that club's target")
            out.append(c)
        elif all(out[i].counterpart is None for i in told):
            trace.note(f"{name} interest -> {wanting}: the club a wanting clause names")
            out[told[0]] = replace(out[told[0]], counterpart=wanting)
    return out
