"""Absolute constructions and pronoun objects: a clause whose subject is its own, and a pronoun
that goes back to the person named before it.

"X is available, with Arsenal and Chelsea both interested", "X leaves, with Y set to replace
him", "..., with Pochettino the early favourite": after "with", a subject (people or clubs, a list
of them) and a predicate with no finite verb (a participle, an adjective, "set to", a noun
phrase) make a clause of their own, not an object of "with" ("talks with Ajax"). A pronoun object
in such a clause ("keen to sign him") is not that clause's subject, so it stands for the person
named before.
"""

from __future__ import annotations

from collections.abc import Container

from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import NOT_GERUND, WITH_ABSOLUTE

# Words that may open an absolute's predicate right after its subject.
_PREDICATE_OPEN = WITH_ABSOLUTE | {"keen", "interested", "eager", "both", "all", "also", "still", "among", "the",
                                   "circling", "lurking", "waiting", "monitoring", "tracking", "watching", "eyeing",
                                   "linked", "credited", "alerted"}
# Nouns a deal is made with: "talks with Ajax continuing" keeps Ajax a party to the talks.
_DEAL_NOUNS = frozenset({"talks", "agreement", "deal", "contact", "negotiations", "discussions", "terms", "fee"})
# Verbs of contending take their rival with "with": "vie with Chelsea to sign X" names a rival
# suitor, not a clause of Chelsea's own.
_CONTENDING = frozenset({"vie", "vies", "vying", "compete", "competes", "competing", "battle", "battles", "battling",
                         "jostle", "jostles", "jostling", "fight", "fights", "fighting", "race", "races", "racing",
                         "tussle", "tussling", "scrap", "scrapping", "rivalry", "competition", "contend", "contending"})


def absolute_with(units: list[tuple[int, int, str]], u: int) -> bool:
    """Whether "with" at unit `u` opens an absolute clause: a person or clubs as its subject,
    then a predicate without a finite verb."""
    n = len(units)
    v = u + 1
    if v >= n or units[v][2] not in {"@p", "@c"} or units[u - 1][2] in _DEAL_NOUNS or units[u - 1][2] in _CONTENDING:
        return False
    while v + 2 < n and units[v + 1][2] in {"and", "&", ","} and units[v + 2][2] in {"@p", "@c"}:
        v += 2  # "with Arsenal, Chelsea and Spurs all keen"
    if v + 1 >= n:
        return False
    nxt = units[v + 1][2]
    if v == u + 1 and units[v][2] == "@p":
        return nxt in WITH_ABSOLUTE or nxt == "the"  # (one person: "with Y set to replace him")
    return nxt in _PREDICATE_OPEN or units[u - 1][2] == "," and nxt.endswith("ing") and nxt not in NOT_GERUND


# "..., with Arsenal keen to sign him", "Arsenal are monitoring his situation": a clause that names
# nobody and refers back with a pronoun after its development is about the subject before it,
# whatever word opens it. (Before the development a pronoun is its own subject: "he wants".)
_OBJECT_PRONOUNS = frozenset({"him", "her", "his"})


def refers_back(fr: Frame, t: Trigger, hi: int) -> bool:
    """Whether an object pronoun follows the development within its clause (before `hi`)."""
    return any(fr.units[u][2] in _OBJECT_PRONOUNS for u in range(t.start, min(hi, t.end + 5)))


_BETWEEN_CLUB_AND_ACT = frozenset({"are", "is", "both", "all", "now", "also", "reportedly", "still", "have", "has", "been"})


def club_acts(fr: Frame, t: Trigger, lo: int) -> bool:
    """Whether a club is the development's own subject ("with Arsenal keen to sign him"), so a
    pronoun after it cannot be that subject and stands for the person named before."""
    u = t.start - 1 if fr.units[t.start][2] != "@c" else t.start
    while u > lo and fr.units[u][2] in _BETWEEN_CLUB_AND_ACT:
        u -= 1
    return u >= lo and fr.units[u][2] == "@c"


# Verbs of letting a player go in the active voice: the one let go is their object, after them.
# (Not "part" nor "get": "X parts ways with Everton" and "X gets the sack" are his own exits.)
_SELLING_ACTIVE = frozenset({"sell", "sells", "selling", "offload", "offloads", "offloading", "cash", "cashes",
                             "cashing", "freeze", "freezes", "freezing", "froze"})
_RELATIVES = frozenset({"who", "whom", "that", "which"})


def not_the_seller(fr: Frame, t: Trigger, chosen: list[int], after: list[int]) -> list[int]:
    """The persons of `chosen` an exit (or an exit denied) can be about: not the one who sells,
    named before an active verb of selling with no relative pronoun between ("as Warnock looks to
    sell the keeper", "Bruce insists he never considered selling X"), nor the agent of a passive
    ("frozen out by Mourinho"). When that leaves no one, the person after the verb (`after`) is
    the one sold."""
    if t.kind != "departure" and t.base != "departure":
        return chosen
    selling = fr.units[t.start][2] in _SELLING_ACTIVE
    kept = [u for u in chosen if not (u > 0 and fr.units[u - 1][2] == "by") and not (
        selling and u < t.start and not any(fr.units[w][2] in _RELATIVES for w in range(u + 1, t.start)))]
    return kept if kept or not chosen else [u for u in after[:1] if fr.units[u - 1][2] != "by"]


# Nouns of a pursuit that take the pursued in apposition right after them: "No 1 target X".
_APPOSING = frozenset({"target", "targets", "priority", "option"})


def apposed(fr: Frame, t: Trigger, unit_person: Container[int]) -> int | None:
    """The person set right after a pursuit noun that ends the trigger ("miss out on No 1 target
    Said Benrahma": Benrahma, not the manager before), or None."""
    if t.end < len(fr.units) and t.end in unit_person and fr.units[t.end - 1][2] in _APPOSING:
        return t.end
    return None
