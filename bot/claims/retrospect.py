"""Whether a move is looked back on: a retrospective, an anniversary, a decision explained.

Features and blogs revisit moves long done in the words of news: "Throwback: when Liverpool
signed X", "X's move to Y: one year on", "explains his decision to leave", "his move to
Newcastle made him the record signing". Each check reads a label, a time clause or the verb
the move is the subject or object of (tense.history asks them), never a phrase of one story.
"""

from __future__ import annotations

from bot.claims import recency
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import PAST_FORMS

_CLAUSE_SUBJECTS = frozenset({"@p", "@c", "he", "she", "they", "we", "i", "it"})


def _told_past(word: str) -> bool:
    return word.endswith("ed") or word in PAST_FORMS


def _words(fr: Frame, span: range) -> list[str]:
    return [fr.units[u][2] for u in span]


# "one year on", "two years later", "a decade on": the piece looks back from the present.
_SPANS = frozenset({"year", "years", "decade", "decades", "season", "seasons", "months"})


def anniversary(fr: Frame) -> bool:
    """Whether the sentence is a retrospective ("X's move to Y: one year on"). It makes a move
    history only when told in the simple past or as a noun (tense.history asks): "rejoins
    Celtic, four years on" and "has rejoined ..., two decades later" report a return."""
    if " on " not in fr.text and " later " not in fr.text:
        return False
    units = fr.units
    return any(units[u][2] in {"on", "later"} and units[u - 1][2] in _SPANS
               and units[u - 2][2] in {"one", "a", "two", "three", "four", "five", "ten", "six", "@y"}
               and (u + 1 >= len(units) or units[u + 1][2] in {".", "?", "!", ",", ":", "|", "-", "–", ")"})
               for u in range(2, len(units)))


_NOT_A_NOUN_BEFORE = frozenset({"to", "will", "would", "could", "can", "may", "might", "must", "should", "did"})


def move_noun(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is a move noun with no verb of its own ("X's move to Y", not "to move")."""
    units = fr.units
    return units[trig.start][2] in MOVE_NOUNS and (trig.start == 0 or units[trig.start - 1][2] not in _NOT_A_NOUN_BEFORE)


# A move noun as the subject of a past verb telling what came of it: "his move to Newcastle made
# him the record signing". (Not "his exit came after a row" nor "stunned the players": those
# tell a fresh exit's cause or its news.)
MOVE_NOUNS = frozenset({"move", "switch", "transfer", "exit", "departure", "arrival", "sale", "sacking",
                         "dismissal", "return", "signing"})
_NOUN_TAIL = frozenset({"@c", "@p", "@m", "@y", "'s", "to", "from", "in", "the", "his", "her", "a", "last",
                        "summer", "permanent", "loan", "deal"})
_PAST_VERBS = frozenset({"made", "saw", "brought", "gave", "took", "earned", "netted", "broke", "set",
                         "proved", "turned", "meant", "helped", "paved", "handed", "became", "represented",
                         "raised", "ended"})


def move_then(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move noun is the subject of a past verb that tells what came of it."""
    units = fr.units
    if not any(units[u][2] in MOVE_NOUNS for u in range(trig.start, trig.end)):
        return False
    for u in range(trig.end, min(clause.stop, trig.end + 7)):
        word = units[u][2]
        if word in _PAST_VERBS:
            nxt = units[u + 1][2] if u + 1 < len(units) else "."
            return nxt not in {"official", "permanent", "public", "possible", "to", "up", "for", "in", "by", "after", "amid", "as"}
        if word not in _NOUN_TAIL:
            return False
    return False


# Looking back on a decision: "explains his decision to leave Liverpool", "reveals reasons for
# joining Celtic". (A "decision to leave" on its own is the news of one.)
_ACCOUNTING = frozenset({"explains", "explained", "explain", "explaining", "reveals", "revealed", "reveal",
                         "discusses", "discussed", "defends", "defended", "justifies", "justified",
                         "recalls", "recalled", "reflects", "reflected", "details", "detailed"})
_DECISIONS = frozenset({"decision", "reasons", "reason", "choice", "thinking", "motivation"})
_DECISION_STEMS = ("decision", "reason", "choice", "thinking", "motivation")


def decision_explained(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the move is the matter of a decision someone explains. ("Explains his decision
    to leave, confirmed this morning": a date of now makes the move news.)"""
    if not any(noun in fr.text for noun in _DECISION_STEMS) or recency.dated_now(fr.text):
        return False
    # (the trigger may hold the noun itself: "decision to leave")
    before = _words(fr, range(max(clause.start, trig.start - 5), trig.end - 1))
    for i, w in enumerate(before):
        if w in _DECISIONS and any(x in _ACCOUNTING for x in before[max(0, i - 3):i]) \
                and all(x in {"to", "for", "behind", "of", "his", "her", "the"} for x in before[i + 1:]):
            return True
    return False


# A piece that looks back: "Throwback: when Liverpool signed X", "Remember when Chelsea sold
# him?", "Looking back at X's move", "From the archive: X signs for Newcastle".
_LOOKING_BACK_LABELS = frozenset({"throwback", "flashback", "archive", "archives", "rewind", "retro", "nostalgia",
                                  "remember", "remembering", "revisited", "revisiting", "vault", "memories",
                                  "memory", "history", "classic", "anniversary", "retrospective"})


def looked_back_on(fr: Frame, trig: Trigger) -> bool:
    """Whether a label, a "when" clause or "looking back at" makes the move a memory."""
    text = fr.text
    if ":" not in text and " when " not in text and " back " not in text and not text.startswith("remember"):
        return False  # most sentences: none of the three forms can be there
    units = fr.units
    head = [units[u][2] for u in range(min(len(units), 5))]
    if any(w in _LOOKING_BACK_LABELS for w in head) and (":" in head or head[0] in {"remember", "remembering"}) \
            and trig.start > head.index(next(w for w in head if w in _LOOKING_BACK_LABELS)):
        return True
    before = [units[u][2] for u in range(max(0, trig.start - 6), trig.start)]
    if before[-3:-1].count("when") and before[-1] in _CLAUSE_SUBJECTS and _told_past(units[trig.start][2]):
        return True  # "when Liverpool signed X": a time clause, not a report
    return any(w in {"looking", "look", "looks", "looked"} and before[i + 1:i + 3] in (["back", "at"], ["back", "on"])
               for i, w in enumerate(before))


# The speaker's own past at any rung: "I was close to joining Brighton", "we had talks with
# Chelsea back then", "I wanted to sign for Madrid". (stance.own_past reads moves and exits.)
_FIRST_PERSON = frozenset({"i", "we"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "wanted", "came", "spoke", "talked", "got"})
_NOT_PAST = frozenset({"am", "'m", "m", "have", "'ve", "ve", "has", "will", "would", "could", "can", "may",
                       "might", "should", "must", "shall", "is", "are", "'re", "re", "want", "do", "never"})


def speaker_past(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether "I" or "we" tells the development in the past tense, not dated to now."""
    units = fr.units
    before = [units[u][2] for u in range(max(clause.start, trig.start - 5), trig.start)]
    if not _FIRST_PERSON.intersection(before) or recency.dated_now(fr.text):
        return False
    last = max(i for i, w in enumerate(before) if w in _FIRST_PERSON)
    between = before[last + 1:]
    return bool(between) and between[0] in _PAST_AUX and not _NOT_PAST.intersection(between)
