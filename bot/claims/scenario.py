"""A move as the scene a modal pictures: "a deal that would see X join Juventus".

The causative "see" lets the move's person stand between the modal and the move verb, so
reading back from the verb meets the person first and stops there. Under would, could, might
or may the whole scene is a scenario (`interest`); a plain "sees X join" reports the deal.
"""

from __future__ import annotations

from bot.claims.frame import Frame, Trigger

_SEEING = frozenset({"see", "sees", "seeing"})
_MODALS = frozenset({"would", "could", "might", "may", "should"})
_OBJECTS = frozenset({"@p", "him", "her", "them"})


def seen(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger's verb is what a modal "see" pictures ("would see him join")."""
    units = fr.units
    u = trig.start - 1
    if u < 1 or units[u][2] not in _OBJECTS or units[u - 1][2] not in _SEEING:
        return False
    return any(units[w][2] in _MODALS for w in range(max(0, u - 4), u - 1))
