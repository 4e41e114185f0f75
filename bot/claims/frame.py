"""The frame: a sentence as its token keys with entities replaced by slots.

`@c` club, `@p` person, `@s` source, `@m` money, `@y` year: "Real Madrid table £60m bid for
Liverpool's Konaté" is `@c table @m bid for @c 's @p`. Kind patterns (kinds.py), clauses,
modality, roles and sources all read frames; a Trigger is one kind pattern found in one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Frame:
    text: str
    units: list[tuple[int, int, str]]  # (token start, token end, slot) per unit
    offsets: list[int]  # char offset of each unit in `text`


def frame(tokens_keys: list[str], slots: dict[int, tuple[int, str]]) -> Frame:
    """Build a frame: `slots` maps a token index to (token end, slot name)."""
    units: list[tuple[int, int, str]] = []
    i, n = 0, len(tokens_keys)
    while i < n:
        if i in slots:
            end, slot = slots[i]
            units.append((i, end, slot))
            i = end
        else:
            units.append((i, i + 1, tokens_keys[i]))
            i += 1
    offsets: list[int] = []
    pos = 0
    for _, _, word in units:
        offsets.append(pos)
        pos += len(word) + 1
    return Frame(" ".join(u[2] for u in units) + " ", units, offsets)


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: str
    start: int  # unit indices, end exclusive
    end: int
    direction: str
    negated: bool
    # The kind the pattern named before a negation turned it ("do not want X": interest
    # denied); parties read the clubs by it.
    base: str = ""
