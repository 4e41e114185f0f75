"""When a move or an exit happened: the person's history, or this week's news.

Feed summaries tell a player's or a manager's past in the same words as news: "was released
by Southampton as a youngster", "resigned in October", "the day Arsenal signed him", "his
move to Newcastle made him the record signing", "one year on". Each check here reads the
tense of the trigger's verb and the time words of its clause (a stage of life, a month, a
time noun the move qualifies, a past verb whose subject the move is), never a phrase of a
particular story. A development dated to now ("on Monday", "this week") stays news.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.claims import retrospect, scenario
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import HISTORY_SPANS, PAST_FORMS, RECENT_SPANS
from bot.claims.stance import fresh
from bot.models import Claim

_MOVES = frozenset({"completed", "departure", "loan"})


def _told_past(word: str) -> bool:
    return word.endswith("ed") or word in PAST_FORMS


def _words(fr: Frame, span: range) -> list[str]:
    return [fr.units[u][2] for u in span]


def _past_verb(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger's verb is in the simple past or a past passive ("was released",
    "had joined", "resigned"), not the perfect, a participle after "to", or a noun."""
    first = fr.units[trig.start][2]
    before = _words(fr, range(max(clause.start, trig.start - 3), trig.start))
    if before and before[-1] in {"has", "have", "'s", "to", "be", "being", "will", "would", "could"}:
        return False
    if before and before[-1] in {"was", "were", "had"}:
        return True
    return _told_past(first) and (not before or before[-1] not in {"the", "a", "an", "his", "her", "their"})


# A stage of life the move is dated to: "joined Celtic as a teenager", "released at the age of 16".
_LIFE_STAGES = frozenset({"youngster", "teenager", "boy", "kid", "child", "schoolboy", "junior", "youth",
                          "trainee", "15-year-old", "16-year-old", "17-year-old", "14-year-old"})


def life_stage(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a past move is dated to the person's youth ("as a youngster", "aged 16", "at 14")."""
    words = _words(fr, range(trig.end, min(clause.stop, trig.end + 8)))
    for i, w in enumerate(words):
        if w == "at" and i + 1 < len(words) and words[i + 1].isdigit() and int(words[i + 1]) <= 21:
            return True
        if w == "as" and any(x in _LIFE_STAGES for x in words[i + 1:i + 3]):
            return True
        if w == "aged" or w == "age" and words[i - 1:i] == ["the"] and words[i + 1:i + 2] == ["of"]:
            return True
        if w in {"youth", "childhood"} and words[i - 1:i] in (["his"], ["her"], ["in"]):
            return True
    return False


# The months and windows a past move is dated by; a day of the week or "this week" is news.
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "summer", "winter", "preseason"})
_THEN = frozenset({"and", "but", "then", "later", "subsequently", "eventually", "before", "after"})


def dated_month(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a verb in the past, after "and"/"then" in a sentence telling earlier events
    ("walked out in 2019 and resigned in October"), is dated to a month or a window."""
    if not _past_verb(fr, clause, trig):
        return False
    prev = fr.units[trig.start - 1][2] if trig.start > 0 else ""
    if prev not in _THEN:
        return False
    words = _words(fr, range(trig.end, clause.stop))
    if any(w in RECENT_SPANS for w in words):
        return False
    return any(w == "in" and (words[i + 1:i + 2] and words[i + 1] in _MONTHS
                              or words[i + 1:i + 3] and words[i + 1] == "the" and words[i + 2] in _MONTHS)
               for i, w in enumerate(words[:-1]))


# A time noun the move qualifies: "the day Arsenal signed him", "the summer he left Lyon".
_TIME_NOUNS = frozenset({"day", "night", "moment", "summer", "season", "year", "week", "time", "window",
                         "afternoon", "morning", "evening", "january", "month"})
_CLAUSE_SUBJECTS = frozenset({"@p", "@c", "he", "she", "they", "we", "i", "it"})


def time_noun_clause(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a past move is a relative clause on a time noun ("recalls the day he joined")."""
    if not _told_past(fr.units[trig.start][2]):
        return False
    before = _words(fr, range(max(0, trig.start - 4), trig.start))
    while before and before[-1] in {"finally", "first", "eventually", "officially", "actually"}:
        before.pop()
    if len(before) < 2 or before[-1] not in _CLAUSE_SUBJECTS:
        return False
    rest = before[:-1]
    if rest and rest[-1] in {"when", "that"}:
        rest = rest[:-1]
    return len(rest) >= 2 and rest[-1] in _TIME_NOUNS and rest[-2] in {"the", "that", "this"}


# "He was a Liverpool target before signing a new deal": a gerund after "before", in a
# sentence told in the past, is an earlier event of the same story.
_PAST_MAIN = frozenset({"was", "were", "had"})


def before_then(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is a gerund after "before" in a sentence told in the past."""
    units = fr.units
    if trig.start < 2 or units[trig.start - 1][2] != "before" or not units[trig.start][2].endswith("ing"):
        return False
    return any(units[u][2] in _PAST_MAIN or units[u][2] in PAST_FORMS for u in range(trig.start - 1))


# A move noun after "after", "following" or "since" is the setting of the news, not the news:
# "settling in after his summer switch to Liverpool". ("... after exit confirmed" reports it.)
_SETTING = frozenset({"after", "following", "since"})
_NOUN_LEAD = frozenset({"his", "her", "their", "the", "a", "summer", "january", "record", "big", "@m",
                        "permanent", "loan", "recent", "dream", "shock", "surprise", "high", "profile",
                        "@c", "'s", "last", "season's", "move"})
_REPORTED = frozenset({"confirmed", "completed", "agreed", "announced", "sealed", "finalised", "finalized",
                       "official", "approved"})


def setting_noun(fr: Frame, trig: Trigger) -> bool:
    """Whether a move noun opens an adjunct of time ("after his switch to Liverpool")."""
    units = fr.units
    if units[trig.start][2] not in retrospect.MOVE_NOUNS:
        return False
    u = trig.start - 1
    while u >= 0 and trig.start - u <= 4 and units[u][2] in _NOUN_LEAD:
        u -= 1
    if u < 0 or units[u][2] not in _SETTING:
        return False
    after = [units[w][2] for w in range(trig.end, min(len(units), trig.end + 4))]
    return not any(w in _REPORTED for w in after)


def setting_gerund(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is the gerund of a sentence-opening adjunct of time ("After selling
    X to Arsenal, Chelsea ..."): the setting of the main clause's news."""
    units = fr.units
    if trig.start == 0 or units[0][2] not in _SETTING or not units[trig.start][2].endswith("ing"):
        return False
    return all(units[u][2] not in {",", ";", ":"} for u in range(1, trig.start)) \
        and any(units[u][2] == "," for u in range(trig.end, len(units)))


def relative_past(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move in the past tense is a relative clause on a club or a person ("Newcastle,
    who sold X to Leeds, want Y"): what the antecedent did before, the setting of the news."""
    units = fr.units
    u = trig.start - 1
    while u > 0 and units[u][2] in {"already", "recently", "previously", "once", "famously", "only"}:
        u -= 1
    return u > 0 and units[u][2] in {"who", "which"} and units[u - 1][2] in {",", "@c", "@p"} \
        and _past_verb(fr, clause, trig)


# An exit talked of as ended: "has ended uncertainty over his future", "puts an end to exit talk".
_ENDING = frozenset({"end", "ends", "ended", "ending", "resolve", "resolves", "resolved", "settle",
                     "settles", "settled", "dispel", "dispels", "dispelled", "quash", "quashes", "quashed",
                     "kill", "kills", "killed", "silence", "silences", "silenced"})


def doubt_ended(fr: Frame, trig: Trigger) -> bool:
    """Whether the exit the trigger names is what someone has put an end to."""
    before = [fr.units[u][2] for u in range(max(0, trig.start - 4), trig.start)]
    return bool(before) and (before[-1] in _ENDING or before[-2:] == ["end", "to"]
                             or len(before) >= 2 and before[-2] in _ENDING and before[-1] in {"the", "his", "her", "any"})


# A failure is no denial: "failed with a £60m bid for him", "failed to agree terms". Nobody
# rules anything out; an attempt fell through.
_FAILING = frozenset({"fail", "fails", "failed", "failing"})


def failed_attempt(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a denial's negation is a verb of failing before the trigger."""
    if trig.kind != "denial" or " fail" not in fr.text:
        return False
    return any(w in _FAILING for w in _words(fr, range(max(clause.start, trig.start - 5), trig.end)))


def history_words(words: list[str]) -> bool:
    """"last summer", "two years ago": a window before this one."""
    return any((w == "last" and i + 1 < len(words) and words[i + 1] in HISTORY_SPANS)
               or (w == "ago" and i and words[i - 1] in HISTORY_SPANS) for i, w in enumerate(words))


def dated_earlier(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a rung told in the past tense ("rejected a bid", "were interested in him") is
    dated to an earlier window ("last summer", "two years ago", "in January")."""
    if trig.kind in _MOVES or " last " not in fr.text and " ago " not in fr.text and " in " not in fr.text:
        return False  # (moves and exits: modality.unasserted dates them whatever the tense)
    if not _past_verb(fr, clause, trig):
        return False
    words = _words(fr, clause)
    return history_words(words) or any(
        w == "in" and (words[i + 1:i + 2] and words[i + 1] in _MONTHS
                       or words[i + 1:i + 3] and words[i + 1] == "the" and words[i + 2] in _MONTHS)
        for i, w in enumerate(words[:-1]))


# An attempt told in the past ("Arsenal tried to sign me twice"): it did not come off, and it is
# over. (A present attempt, "trying to sign", is a wish: modality reads it.)
_TRIED = frozenset({"tried", "attempted"})


def tried_once(fr: Frame, trig: Trigger) -> bool:
    """Whether "tried to" or "attempted to" governs the trigger."""
    units = fr.units
    return trig.start >= 2 and units[trig.start - 1][2] == "to" and units[trig.start - 2][2] in _TRIED


# The speaker as the object of a past move: "Chelsea released me", "they sacked us".
def done_to_speaker(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move told in the past has the speaker ("me", "us") as its object."""
    units = fr.units
    return trig.end < len(units) and units[trig.end][2] in {"me", "us"} and _past_verb(fr, clause, trig)


# A refusal or a miss regretted: "regret the decision not to sign him", "rue not signing him".
_REGRET = frozenset({"regret", "regrets", "regretted", "regretting", "rue", "rues", "rued", "ruing",
                     "lament", "laments", "lamented", "mourn", "mourns", "mourned", "kicking"})


def regretted(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a verb of regret governs the trigger (within its clause, six words back)."""
    return any(fr.units[u][2] in _REGRET for u in range(max(clause.start, trig.start - 6), trig.start))


def history(fr: Frame, clause: range, trig: Trigger) -> str:
    """Why a development is told as the person's history, or ''."""
    if tried_once(fr, trig):
        return "an attempt told in the past ('tried to sign me'): over, not news"
    if scenario.believed_once(fr, clause, trig):
        return "what someone once thought would happen ('I never thought I would leave'): history"
    if (" yet to " in fr.text or " still to " in fr.text) and scenario.not_yet(fr, clause, trig):
        return "what has not happened yet ('is yet to sign a new deal')"
    if trig.kind == "departure" and scenario.supposed(fr, trig):
        return "an exit supposed in a conditional ('Were X to leave, ...'), not reported"
    if trig.kind == "denial" and regretted(fr, clause, trig):
        return "a refusal regretted ('regret the decision not to sign him'): looked back on, no denial"
    if failed_attempt(fr, clause, trig):
        return "an attempt that failed ('failed with a bid'), not a denial"
    if dated_earlier(fr, clause, trig):
        return "a rung told in the past and dated to an earlier window ('rejected a bid last summer')"
    if before_then(fr, trig):
        return "an earlier event of a story told in the past ('was a target before signing a new deal')"
    if trig.kind not in _MOVES:
        return ""
    if retrospect.looked_back_on(fr, trig):
        return "a piece looking back ('Throwback: when Liverpool signed X', 'looking back at his move')"
    if done_to_speaker(fr, clause, trig):
        return "the speaker's own past ('Chelsea released me at 14')"
    if trig.kind == "departure" and doubt_ended(fr, trig):
        return "an exit someone has put an end to ('ended uncertainty over his future')"
    if relative_past(fr, clause, trig):
        return "a past move in a relative clause ('Newcastle, who sold X to Leeds, ...'), the setting"
    if setting_gerund(fr, trig):
        return "a move opening an adjunct of time ('After selling X, ...'), the setting of the news"
    if setting_noun(fr, trig):
        return "a move noun setting the scene ('settling in after his switch to Liverpool'), not the news"
    if retrospect.anniversary(fr):
        return "the piece looks back ('one year on', 'two years later'): history"
    if _past_verb(fr, clause, trig) and life_stage(fr, clause, trig):
        return "a past move dated to the person's youth ('released as a youngster'): history"
    if dated_month(fr, clause, trig):
        return "a past development dated to a month, after earlier events ('and resigned in October'): history"
    if time_noun_clause(fr, clause, trig):
        return "a past move qualifying a time noun ('the day Arsenal signed him'): history"
    if retrospect.decision_explained(fr, clause, trig):
        return "a decision explained ('explains his decision to leave'): looked back on"
    if retrospect.move_then(fr, clause, trig):
        return "a move noun as the subject of a past verb ('his move made him the record signing'): history"
    return ""


# A window named as the time of a past development: "in January", "last summer", "two years ago".
_DATED_THEN = re.compile(r"\b(?:in|back in) (?:the )?(?:january|february|march|april|may|june|july|august|september"
                         r"|october|november|december|summer|winter|20\d\d)\b|\blast (?:summer|season|year|"
                         r"january|winter|campaign)\b|\b(?:years?|seasons?|months) ago\b", re.I)
_LADDER = frozenset({"interest", "talks", "bid", "bid_rejected", "agreement", "medical", "completed", "loan"})


def past_is_news(claim: Claim, heard: Sequence[Claim], named: bool) -> bool:
    """Whether a summary's development told in the past tense is the item's news.

    Under a headline that names the person and reports nothing about them, it is, but a
    move done or a club's interest needs a date of now ("on Monday", "has signed",
    "confirmed") to be more than the person's history ("Liverpool were keen on him"). Under a headline that reports this development (the
    same kind, or a rung of the deal it tells: "close to Juventus move" over "... agreed
    terms") it is the news told again. An exit under a headline about another development
    ("Roma want Amorim" over "Amorim was sacked by United"; "Real Madrid eye Saliba" over
    "Saliba penned a new deal in January"), or a move done under a headline
    about a lower rung ("Arsenal make contact" over "Bologna signed him for €8m"), is
    background unless dated to now.
    """
    if not heard:
        return named and (claim.kind not in {"completed", "interest"} or fresh(claim.evidence))
    if any(h.kind == claim.kind for h in heard):
        return True
    rung_of_it = any(claim.counterpart in (None, h.counterpart) for h in heard)
    if claim.kind not in _LADDER:  # an exit, an extension, a denial: no rung of the headline's deal
        return fresh(claim.evidence) and not _DATED_THEN.search(claim.evidence)
    if claim.kind == "completed":  # "Bologna signed him for €8m" under "Arsenal make contact"
        return rung_of_it and fresh(claim.evidence)
    return rung_of_it
