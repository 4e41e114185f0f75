"""When a move or an exit happened: the person's history, or this week's news.

Feed summaries tell a player's or a manager's past in the same words as news: "was released
by Southampton as a youngster", "resigned in October", "the day Arsenal signed him", "his
move to Newcastle made him the record signing", "one year on". Each check here reads the
tense of the trigger's verb and the time words of its clause (a stage of life, a month, a
time noun the move qualifies, a past verb whose subject the move is), never a phrase of a
particular story. A development dated to now ("on Monday", "this week", "overnight") stays
news, and a month is history only when it is not the item's own (recency.py reads the dates).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.claims import recency, retrospect, scenario, spans
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
# Where the words of the trigger's own verb end: another event ("ahead of a move in January",
# "after his exit in May") or another clause begins.
_OWN_END = frozenset({",", ";", ":", "-", "–", "ahead", "before", "after", "until", "following", "who",
                      "which", "when", "while", "since", "amid", "and", "but", "because", "despite"})


def own_words(fr: Frame, clause: range, trig: Trigger) -> list[str]:
    """The words of the trigger's own clause around it, up to another event or clause on
    either side: what its own verb is dated by."""
    start = trig.start
    while start > clause.start and fr.units[start - 1][2] not in _OWN_END:
        start -= 1
    stop = trig.end
    while stop < clause.stop and fr.units[stop][2] not in _OWN_END:
        stop += 1
    return _words(fr, range(start, stop))


def month_before(words: list[str], published: str | None) -> bool:
    """Whether the words date a development to a month or window before the item's month
    ("in October", "in the summer"), the item's own month being news."""
    for i, w in enumerate(words[:-1]):
        if w == "in":
            nxt = words[i + 2] if words[i + 1] == "the" and i + 2 < len(words) else words[i + 1]
            if nxt in _MONTHS and recency.window_before(nxt, published):
                return True
    return False


def dated_month(fr: Frame, clause: range, trig: Trigger, published: str | None = None) -> bool:
    """Whether a verb in the past, after "and"/"then" in a sentence telling earlier events
    ("walked out in 2019 and resigned in October"), is dated to a month or a window before
    the item's month. A date of now in the clause wins."""
    if not _past_verb(fr, clause, trig):
        return False
    prev = fr.units[trig.start - 1][2] if trig.start > 0 else ""
    if prev not in _THEN:
        return False
    words = _words(fr, range(trig.end, clause.stop))
    if any(w in RECENT_SPANS for w in words) or recency.dated_now(" ".join(_words(fr, clause))):
        return False
    return month_before(own_words(fr, clause, trig), published)


# A time noun the move qualifies: "the day Arsenal signed him", "the summer he left Lyon".
_TIME_NOUNS = frozenset({"day", "night", "moment", "summer", "season", "year", "week", "time", "window",
                         "afternoon", "morning", "evening", "january", "month"})
_CLAUSE_SUBJECTS = frozenset({"@p", "@c", "he", "she", "they", "we", "i", "it"})


def time_noun_clause(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a past move is a relative clause on a time noun that is itself the object of
    another word ("recalls the day he joined", "on the night they sacked him"). "This week
    Chelsea signed him", "This morning Everton sacked him": a date of now opening the sentence."""
    if not _told_past(fr.units[trig.start][2]):
        return False
    before = _words(fr, range(max(0, trig.start - 6), trig.start))
    while before and before[-1] in {"finally", "first", "eventually", "officially", "actually"}:
        before.pop()
    if len(before) < 2 or before[-1] not in _CLAUSE_SUBJECTS:
        return False
    rest = before[:-1]
    if rest and rest[-1] in {"when", "that"}:
        rest = rest[:-1]
    if len(rest) < 3 or rest[-1] not in _TIME_NOUNS or rest[-2] not in {"the", "that"}:
        return False
    governor = rest[-3]  # the verb or preposition the time noun is the object of
    return governor.isalpha() and governor not in {"and", "but", "then", "so"}


# "He was a Liverpool target before signing a new deal": a gerund after "before", in a
# sentence told in the past, is an earlier event of the same story.
_PAST_MAIN = frozenset({"was", "were", "had"})


def before_then(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is a gerund after "before" in a sentence told in the past."""
    units = fr.units
    at = trig.start - 1
    if at >= 1 and units[at][2] == "being" and not units[trig.start][2].endswith("ing"):
        at -= 1  # "spent two years there before being released": a passive gerund
    elif not units[trig.start][2].endswith("ing"):
        return False
    if at < 1 or units[at][2] != "before":
        return False
    return any(units[u][2] in _PAST_MAIN or units[u][2] in PAST_FORMS for u in range(at))


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


def setting_clause(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a development told in the past is an adjunct of time after the main clause ("will
    have his medical this week after United triggered his release clause"): the setting of the
    main clause's news, whatever that is dated to."""
    units = fr.units
    u = trig.start - 1
    while u > 0 and units[u][2] in {"had", "was", "were", "already", "finally", "officially", "reportedly"}:
        u -= 1
    if u < 2 or units[u][2] not in _CLAUSE_SUBJECTS or units[u - 1][2] not in _SETTING:
        return False
    return _past_verb(fr, clause, trig)


def relative_past(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move in the past tense is a relative clause on a club or a person ("Newcastle,
    who sold X to Leeds, want Y"): what the antecedent did before, the setting of the news."""
    units = fr.units
    u = trig.start - 1
    while u > 0 and units[u][2] in {"already", "recently", "previously", "once", "famously", "only"}:
        u -= 1
    return u > 0 and units[u][2] in {"who", "which"} and units[u - 1][2] in {",", "@c", "@p"} \
        and _past_verb(fr, clause, trig) and not spans.dated_now(fr, clause)  # "who resigned last week": news


# An exit talked of as ended: "has ended uncertainty over his future", "puts an end to exit talk".
_ENDING = frozenset({"end", "ends", "ended", "ending", "resolve", "resolves", "resolved", "settle",
                     "settles", "settled", "dispel", "dispels", "dispelled", "quash", "quashes", "quashed",
                     "kill", "kills", "killed", "silence", "silences", "silenced"})


def doubt_ended(fr: Frame, trig: Trigger) -> bool:
    """Whether the exit the trigger names is what someone has put an end to."""
    before = [fr.units[u][2] for u in range(max(0, trig.start - 4), trig.start)]
    return bool(before) and (before[-1] in _ENDING or before[-2:] == ["end", "to"]
                             or len(before) >= 2 and before[-2] in _ENDING and before[-1] in {"the", "his", "her", "any"})


# A failure is no denial: "failed with a £60m bid for him", "failed to agree terms", "have
# been unable to reach an agreement", "could not agree a fee". Nobody rules anything out; an
# attempt fell through.
_FAILING = frozenset({"fail", "fails", "failed", "failing", "unable", "cannot", "can t", "couldn t", "cant", "couldnt"})
_FAILING_WORDS = (" fail", " unable ", " can", " could")


def failed_attempt(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a denial's negation is a verb of failing before the trigger."""
    if trig.kind != "denial" or not any(w in fr.text for w in _FAILING_WORDS):
        return False
    words = _words(fr, range(max(clause.start, trig.start - 5), trig.end))
    return any(w in _FAILING or w == "not" and i and words[i - 1] in {"could", "can"} for i, w in enumerate(words))


def history_words(words: list[str]) -> bool:
    """"last summer", "two years ago": a window before this one."""
    return any((w == "last" and i + 1 < len(words) and words[i + 1] in HISTORY_SPANS)
               or (w == "ago" and i and words[i - 1] in HISTORY_SPANS) for i, w in enumerate(words))


def dated_earlier(fr: Frame, clause: range, trig: Trigger, published: str | None = None) -> bool:
    """Whether a rung told in the past tense ("rejected a bid", "were interested in him") is
    dated to an earlier window ("last summer", "two years ago", or a month before the item's
    attached to its own verb: "in January", not "ahead of a move in January"). A date of now
    in the clause ("this week") wins."""
    if trig.kind in _MOVES or " last " not in fr.text and " ago " not in fr.text and " in " not in fr.text:
        return False  # (moves and exits: modality.unasserted dates them whatever the tense)
    if not _past_verb(fr, clause, trig):
        return False
    words = _words(fr, clause)
    if recency.dated_now(" ".join(words)):
        return False
    return history_words(words) or month_before(own_words(fr, clause, trig), published)


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


# A refusal or a miss regretted: "regret passing on him", "rue not signing him". (The verbs
# of regret, not words of one headline.)
_REGRET = frozenset({"regret", "regrets", "regretted", "regretting", "rue", "rues", "rued", "ruing",
                     "lament", "laments", "lamented", "lamenting", "bemoan", "bemoans", "bemoaned"})


def regretted(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a verb of regret governs the trigger (within its clause, six words back)."""
    return any(fr.units[u][2] in _REGRET for u in range(max(clause.start, trig.start - 6), trig.start))


def history(fr: Frame, clause: range, trig: Trigger, published: str | None = None) -> str:
    """Why a development is told as the person's history, or ''. (`published`: the item's
    date, which a month is compared with.)"""
    if tried_once(fr, trig):
        return "an attempt told in the past ('tried to sign me'): over, not news"
    if scenario.believed_once(fr, clause, trig):
        return "what someone once thought would happen ('I never thought I would leave'): history"
    if (" yet to " in fr.text or " still to " in fr.text) and scenario.not_yet(fr, clause, trig):
        return "what has not happened yet ('is yet to sign a new deal')"
    if trig.kind == "departure" and scenario.supposed(fr, trig):
        return "an exit supposed in a conditional ('Were X to leave, ...'), not reported"
    if trig.kind == "denial" and regretted(fr, clause, trig):
        return "a refusal regretted ('rue passing on him'): looked back on, no denial"
    if failed_attempt(fr, clause, trig):
        return "an attempt that failed ('failed with a bid'), not a denial"
    if dated_earlier(fr, clause, trig, published):
        return "a rung told in the past and dated to an earlier window ('rejected a bid last summer')"
    if setting_clause(fr, clause, trig):
        return "a past development in an adjunct of time ('... this week after United triggered his clause'): the setting"
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
    if retrospect.anniversary(fr) and (_past_verb(fr, clause, trig) or retrospect.move_noun(fr, trig)):
        return "the piece looks back ('one year on', 'two years later'): history"
    if _past_verb(fr, clause, trig) and life_stage(fr, clause, trig):
        return "a past move dated to the person's youth ('released as a youngster'): history"
    if dated_month(fr, clause, trig, published):
        return "a past development dated to a month, after earlier events ('and resigned in October'): history"
    if time_noun_clause(fr, clause, trig):
        return "a past move qualifying a time noun ('the day Arsenal signed him'): history"
    if retrospect.decision_explained(fr, clause, trig):
        return "a decision explained ('explains his decision to leave'): looked back on"
    if retrospect.move_then(fr, clause, trig):
        return "a move noun as the subject of a past verb ('his move made him the record signing'): history"
    return ""


_LADDER = frozenset({"interest", "talks", "bid", "bid_rejected", "agreement", "medical", "completed", "loan"})


def past_background(claim: Claim, heard: Sequence[Claim], named: bool) -> str:
    """Why a summary's development told in the past tense is background to the item's news,
    or '' when it is the news (`heard`: the headline's claims about the person; `named`:
    whether the headline names them).

    A development dated to now ("last night", "after Sunday's defeat", "overnight") is news
    whatever the headline. Under a headline that reports this development (the same kind, or
    a rung of the deal it tells: "close to Juventus move" over "... agreed terms") it is the
    news told again. Under a headline that names the person and reports nothing about them,
    an exit or a rung is news, but a move done or a club's interest needs a date of now to be
    more than the person's history ("Liverpool were keen on him"). An exit, an extension or a
    denial under a headline about another development ("Roma want Amorim" over "Amorim was
    sacked by United") is news unless dated before the item's month ("last season", "in 2023",
    "in October" in a December item); a move done under a headline about a lower rung
    ("Arsenal make contact" over "Bologna signed him for €8m") needs a date of now.
    """
    text = claim.evidence
    if any(h.kind == claim.kind for h in heard) or recency.dated_now(text):
        return ""
    if not heard:
        if not named:
            return "a summary's past development about someone the headline does not name, not dated to now: background"
        if claim.kind in {"completed", "interest"} and not fresh(text):
            return ("a move done or a club's interest told in the past, not dated to now, under a headline "
                    "reporting nothing about the person: their history")
        return ""
    if claim.kind not in _LADDER:  # an exit, an extension, a denial: no rung of the headline's deal
        if recency.dated_then(text, claim.published):
            return "an exit, extension or denial dated before the item's month, under a headline about another development"
        return ""
    rung_of_it = any(claim.counterpart in (None, h.counterpart) for h in heard)
    if not rung_of_it:
        return "a rung of another club's deal told in the past, not dated to now, under a headline about another development"
    if claim.kind == "completed" and not fresh(text):  # "Bologna signed him for €8m" under "Arsenal make contact"
        return "a move done told in the past, not dated to now, under a headline about a lower rung of its deal"
    return ""


def dated_span(fr: Frame, clause: range) -> range:
    """The span whose year dates the clause's development (extract compares it with the
    item's year): a clause continuing a past frame ("moved to Napoli in 2025 after a loan spell
    at Ajax", "came close to joining in 2025 before City refused to sell") shares the date of
    the clause it continues (spans.dated_with)."""
    return spans.dated_with(fr, clause)
