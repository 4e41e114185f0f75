"""A player named as the object a club wants, told by a relative clause with a gap.

"X is the striker Arsenal want to sign", "named X as the midfielder he would like Real Madrid
to sign": the wanting verb has no object of its own; its object is the role noun the clause
hangs on, and that noun is said of a named person. The trigger's own clause names nobody, so
binding finds no one; this reads the construction whole: person, a linking word ("is", "as",
a comma), a role noun, an optional relative pronoun, the one who wants, a wanting verb, and
nothing after the verb that could be its object.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.claims import getting
from bot.claims.lexicon import PLAYER_ROLES, ROLE_MODIFIERS

if TYPE_CHECKING:
    from bot.claims.people import Person
    from bot.claims.sentence import Sentence

_LINKS = frozenset({"is", "was", "as", ",", "remains", "became", "becomes"})
_DETERMINERS = frozenset({"the", "a", "an"})
_RELATIVE = frozenset({"that", "who", "whom"})
_WANTER_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_WANTER_NOUNS = frozenset({"club", "manager", "boss", "coach"})  # "the club would like to sign"
_BETWEEN = frozenset({"would", "most", "really", "also", "still", "are", "is", "were", "was", "have",
                      "has", "had", "long", "desperately", "reportedly", "all", "now"})
_WANTING = frozenset({"want", "wants", "wanted", "like", "love", "covet", "covets", "coveted",
                      "hope", "hopes", "eye", "eyes", "eyed", "target", "targets", "targeted"})
_ACQUIRE = getting.FIRST_WORDS | {"add"}  # "want to add X" as well
# Words after the verb that leave its object slot empty: the clause ends or an adjunct opens.
_GAP_FOLLOWS = frozenset({".", ",", ";", ":", "?", "!", "this", "next", "in", "according", "for", "before",
                          "after", "when", "if", "as", "at", "during", "ahead", "-", "—", "–"})
_REACH = 4  # modifiers before the role noun ("the experienced Argentine midfielder")


def wanted(s: Sentence) -> list[tuple[Person, str]]:
    """(person, club) for each person a relative clause with a gap says a named club wants."""
    out: list[tuple[Person, str]] = []
    club_at = {m.start: m for m in s.mentions if m.kind == "club" and not m.national}
    keys = [t.key for t in s.tokens]
    n = len(keys)
    for p in s.persons:
        i = p.end
        if i >= n or keys[i] not in _LINKS:
            continue
        i += 1
        if i < n and keys[i] in _DETERMINERS:
            i += 1
        start = i
        while i < n and i - start < _REACH and keys[i] not in PLAYER_ROLES and (keys[i] in ROLE_MODIFIERS
                                                                              or s.tokens[i].is_cap):
            i += 1
        if i >= n or keys[i] not in PLAYER_ROLES:
            continue
        i += 1
        if i < n and keys[i] in _RELATIVE:
            i += 1
        wanter = None
        if i in club_at:
            wanter, i = club_at[i].name, club_at[i].end
        elif i < n and keys[i] in _WANTER_PRONOUNS:
            i += 1
        elif i + 1 < n and keys[i] == "the" and keys[i + 1] in _WANTER_NOUNS:
            i += 2
        else:
            continue
        while i < n and keys[i] in _BETWEEN:
            i += 1
        if i >= n or keys[i] not in _WANTING:
            continue
        i += 1
        if i in club_at:  # "would like Real Madrid to sign": the club the wish is for
            wanter, i = club_at[i].name, club_at[i].end
        if i < n and keys[i] == "to":
            if i + 1 >= n or keys[i + 1] not in _ACQUIRE:
                continue
            i += 2
            if i < n and keys[i] in {"in", "up"} and keys[i - 1] in {"bring", "snap"}:
                i += 1
        if wanter is not None and (i >= n or keys[i] in _GAP_FOLLOWS):
            out.append((p, wanter))
    return out
