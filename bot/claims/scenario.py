"""A move pictured, hoped for or once believed in, not reported.

"A deal that would see X join Juventus": the causative "see" lets the move's person stand
between the modal and the move verb, so reading back from the verb meets the person first and
stops there. Under would, could, might or may the whole scene is a scenario (`interest`); a
plain "sees X join" reports the deal. "Confident of completing", "hopeful of signing": a club's
hope for a deal is no deal done. "I never thought I would leave", "I always believed I would
sign for them": a past belief about a move is the speaker's history, not news.
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
    if u >= 2 and units[u - 2][2] == "to":
        return True  # "no surprise to see him join", "would love to see him join": pictured
    return any(units[w][2] in _MODALS for w in range(max(0, u - 6), u - 1))


# A club's or a player's hope of a deal: "confident of completing", "optimistic about signing".
_HOPEFUL = frozenset({"confident", "hopeful", "optimistic", "bullish", "upbeat"})


def hoped(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether an adjective of hope governs the trigger ("confident of completing the deal")."""
    before = [fr.units[u][2] for u in range(max(clause.start, trig.start - 3), trig.start)]
    return any(w in _HOPEFUL for w in before) and bool(before) and before[-1] in {"of", "about", "to", "that"} | _HOPEFUL


# A belief held in the past about a move: "I never thought I would leave Liverpool".
_BELIEVED = frozenset({"thought", "imagined", "expected", "believed", "dreamed", "dreamt", "pictured",
                       "envisaged", "knew", "felt"})


def believed_once(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger is what someone once thought "would" happen."""
    if " would " not in fr.text:
        return False  # most sentences: no need to read the words
    before = [fr.units[u][2] for u in range(max(clause.start, trig.start - 6), trig.start)]
    if "would" not in before:
        return False
    cut = before.index("would")
    return any(w in _BELIEVED for w in before[:cut]) and all(w not in {"@c", "@p"} for w in before[cut + 1:])


# "is yet to put pen to paper", "have still to agree a fee": the development has not happened.
_NOT_YET = frozenset({"yet", "still"})


def not_yet(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether "yet to" / "still to" governs the trigger: what has not happened so far."""
    units = fr.units
    for u in range(trig.start - 1, max(clause.start, trig.start - 7), -1):
        word = units[u][2]
        if word in {",", "and", "but", ":", ";", "@c", "@p", "after", "while"}:
            return False  # ("yet to ... and joined": another clause)
        if word == "to" and units[u - 1][2] in _NOT_YET:
            return True  # "is yet to put pen to paper on fresh terms"
    return False


# An inverted conditional opening the sentence: "Were Salah to leave, ...", "Should Liverpool
# sell him, ...": what would follow from a development, not the development.
_INVERTING = frozenset({"were", "should", "had"})
_SUBJECTS = frozenset({"@p", "@c", "he", "she", "they", "it", "the"})


def supposed(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is the verb of an inverted conditional opening the sentence."""
    units = fr.units
    if not units or units[0][2] not in _INVERTING or trig.start > 5 or "?" in fr.text:
        return False  # ("Should Arsenal sign X?" asks: a question's own rule reads it)
    between = [units[u][2] for u in range(1, trig.start)]
    return bool(between) and between[0] in _SUBJECTS and all(w not in {",", ":", ";"} for w in between)


# A condition after the move: "will join Liverpool if the clubs agree a fee" (a scenario), "will
# complete the signing if he passes a medical" (a deal waiting on its medical: agreed).
_CONDITIONS = frozenset({"if", "provided", "providing", "unless"})
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "and", "but", "?", "!", "—", "–"})


def condition(fr: Frame, trig: Trigger) -> str:
    """'medical' when a condition after the trigger waits on a medical, 'other' for any other
    condition ("if the clubs agree a fee"), '' when none follows in the trigger's clause."""
    units = fr.units
    if " if " not in fr.text and " provided " not in fr.text and " unless " not in fr.text \
            and " providing " not in fr.text:
        return ""
    for u in range(trig.end, min(len(units), trig.end + 8)):
        word = units[u][2]
        if word in _CLAUSE_ENDS:
            return ""
        if word in _CONDITIONS:
            rest = [units[w][2] for w in range(u + 1, min(len(units), u + 8))]
            return "medical" if "medical" in rest else "other"
    return ""


# A move named as an aim: "Completing the signing of X is Liverpool's priority", "make the X
# signing their priority": what a club is after, not what it has done.
_AIMS = frozenset({"priority", "priorities", "aim", "goal", "target", "plan", "objective", "focus", "dream",
                   "wish", "ambition", "mission", "wishlist"})
_MOVE_NOUNS = frozenset({"signing", "move", "deal", "switch", "transfer", "capture", "arrival", "completing",
                         "landing", "securing"})


_AIM_LEAD = frozenset({"their", "'s", "his", "her", "its", "main", "top", "first", "key", "number", "one",
                       "biggest", "a", "the", "priority", "primary", "chief", "major", "big"})


def aimed(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move noun or gerund is named as an aim ("... is their priority")."""
    units = fr.units
    if not any(units[u][2] in _MOVE_NOUNS for u in range(trig.start, trig.end)):
        return False
    for u in range(trig.end, min(clause.stop, trig.end + 6)):
        word = units[u][2]
        if word in _CLAUSE_ENDS:
            return False
        if word in _AIMS and units[u - 1][2] in _AIM_LEAD:
            return True  # ("... as they target a striker": a verb, no aim named)
    return False


# Verbs of a deal's last step: ready to take one is about to close it.
_CLOSING = frozenset({"seal", "complete", "finalise", "finalize", "conclude", "wrap", "rubber-stamp", "sign-off"})
_DEAL_NOUNS = frozenset({"deal", "move", "transfer", "switch", "signing", "agreement", "medical", "loan", "return"})
_BEFORE_DEAL = frozenset({"a", "an", "the", "his", "her", "their", "its", "@c", "@p", "@m", "'s", "£", "permanent"})


def closes_a_deal(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is a deal's last step and its object a deal ("ready to seal the deal" is
    imminent, claims.md: "seal the deal", "complete his Villa move"), not something else it
    completes ("complete the attacking puzzle")."""
    if fr.units[trig.start][2] not in _CLOSING:
        return False
    u = trig.start + 1
    while u < len(fr.units) and u - trig.start <= 4 and fr.units[u][2] in _BEFORE_DEAL:
        u += 1
    return u < len(fr.units) and fr.units[u][2] in _DEAL_NOUNS
