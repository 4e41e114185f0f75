"""Where a background span starts and stops, so that history stays out and news stays in.

A summary often tells the news and a person's history in one sentence: "Villa have signed X
after his loan spell, and Y has left for Roma", "He succeeds Z, who resigned last week",
"After the match Milan confirmed X has signed a new deal", "The striker moved to Napoli in
2025 after a loan spell at Ajax". The clause splitter (clauses.py) asks here:

- whether "and" opens a conjunct of its own (a new subject and its finite verb after a comma
  or after a clause that already has its verb), so that a background adjunct before it does
  not swallow it and the two conjuncts do not share one verb's people;
- whether a fronted time adjunct whose object is an event ("after the match", "following
  the defeat") ends where a subject and its verb begin: the main clause is news;
- whether a relative clause is dated to now ("who resigned last week"): news, not history;
- which person a relative clause's development is about (its antecedent);
- how far back the date of a clause continuing a past frame reaches ("moved to Napoli in
  2025 after a loan spell", "came close to joining in 2025 before City refused to sell").

Grammar only: subjects, finite verbs, relative pronouns, adjunct openers; no story's words.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.claims import recency
from bot.claims.frame import Frame
from bot.claims.lexicon import PAST_FORMS, PAST_NOUNS, SOFT

# Finite verbs and auxiliaries that open a predicate right after a subject.
_FINITE = frozenset({"has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can",
                     "may", "might", "must", "should", "shall", "'s", "did", "does", "do"})
# Verbs that agree with one subject only: "X and Y is" cannot be a pair's.
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does", "says", "insists", "believes", "admits", "reveals",
                             "claims", "thinks", "feels", "hopes", "explains", "warns", "tells", "wants", "expects"})
_SUBJECTS = frozenset({"@p", "@c", "he", "she", "they", "it", "we"})
# Words of a noun phrase after a fronted "after"/"following": articles, possessives, adjectives
# and nouns; no verb, no clause mark.
_PHRASE_OPEN = frozenset({"after", "following", "before", "during", "ahead"})
_PHRASE_WORDS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "last", "'s",
                           "@c", "of", "to", "at", "against", "over", "in", "on", "midweek", "weekend",
                           "night", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday", "final", "full", "time", "whistle", "game", "match", "defeat", "win",
                           "victory", "draw", "loss", "clash", "tie", "fixture", "meeting", "derby", "semi",
                           "training", "session", "season", "campaign", "break", "international", "friendly",
                           "opener", "league", "cup", "home", "away", "latest", "recent", "heavy", "narrow",
                           "late", "shock", "thumping", "emphatic", "goalless", "first", "second", "third",
                           "fourth", "fifth"})
# Nouns of a past stay: an adjunct "after his loan spell" tells where the person was before.
SPELL_NOUNS = PAST_NOUNS | frozenset({"spell", "stint", "spells", "stints"})
_AHEAD = frozenset({"will", "would", "to", "set", "could", "may", "might", "shall", "expected", "due", "poised"})
_LIST_MARKS = frozenset({",", "and", "or", "&"})


def finite(word: str) -> bool:
    """Whether a word after a subject is its finite verb: an auxiliary or a simple past."""
    return word in _FINITE or word in PAST_FORMS or word.endswith("ed") and len(word) > 3


def conjunct(units: list[tuple[int, int, str]], u: int, start: int, names: Mapping[int, str]) -> bool:
    """Whether "and" at `u` opens a conjunct with its own subject and verb (", and Y has left
    for Roma", "Villa signed X and Y has joined Leeds"): after a comma that closes no list of
    names, or after a clause from `start` that already has its finite verb. "X and Y have
    left" is one subject: the names before "and" hold no verb. A conjunct about someone the
    clause already names ("succeed X at Brentford, and X is expected to leave") goes on in its
    setting. (`names`: a person unit's folded surname.)"""
    n = len(units)
    if u + 2 >= n or units[u + 1][2] not in {"@p", "@c"} or not finite(units[u + 2][2]) \
            and units[u + 2][2] not in _SINGULAR_VERBS:
        return False
    if u + 1 in names and names[u + 1] in {names[k] for k in range(start, u) if k in names}:
        return False
    if units[u + 1][2] == "@p" and units[u + 2][2] in _SINGULAR_VERBS and "@p" in (units[k][2] for k in range(start, u)):
        # "move for X and Lampard is convinced ...": two names joined cannot take a singular verb,
        # so the second is the subject of a clause of its own.
        return True
    if units[u + 1][2] == "@c" and not _names_ahead(units, u + 2):
        return False  # "X, and Arsenal have made contact with the player": about X still
    before = [units[k][2] for k in range(start, u)]
    if before and before[-1] == ",":
        # "X, Y, and Z have signed": a comma between names of one list.
        return not (len(before) >= 3 and before[-2] in {"@p", "@c"} and before[-3] in _LIST_MARKS)
    return any(finite(w) for w in before[1:]) and units[u + 1][2] == "@p"


def _names_ahead(units: list[tuple[int, int, str]], u: int) -> bool:
    """Whether a person is named from `u` to the end of its sentence part."""
    for k in range(u, len(units)):
        if units[k][2] in {".", ";", ":", "|"}:
            return False
        if units[k][2] == "@p":
            return True
    return False


def adjunct_ends(units: list[tuple[int, int, str]], u: int, start: int) -> bool:
    """Whether unit `u` (a subject) ends a fronted time adjunct that opens the clause at
    `start` and names an event, not a move ("After the match Milan confirmed ...", "Following
    Sunday's defeat the club sacked him"): its subject and finite verb open the main clause."""
    if start != 0 and units[start - 1][2] not in {".", ":", ";"} or units[start][2] not in _PHRASE_OPEN:
        return False
    if units[u][2] not in _SUBJECTS or u + 1 >= len(units) or not finite(units[u + 1][2]):
        return False
    words = [units[k][2] for k in range(start + 1, u)]
    return 2 <= len(words) + 1 <= 7 and bool(words) and all(w in _PHRASE_WORDS for w in words) \
        and words[-1] not in {"'s", "of", "the", "a", "an", "his", "her", "their", "to", "at", "in", "on", "against", "over"}


def dated_now(fr: Frame, clause: range) -> bool:
    """Whether the clause dates what it tells to now ("who resigned last week", "who was
    sacked on Sunday"): this week's news, not the person's history."""
    return recency.dated_now(" ".join(fr.units[u][2] for u in clause))


def antecedent(fr: Frame, clause: range, unit_person: Mapping[int, object]) -> int | None:
    """The person a relative clause dated to now ("X, who resigned last week") is about: the
    name right before its comma and pronoun. (Other relative clauses keep the readings of
    their own forms: "who will undergo a medical" is the deal's next step, not a rung.)"""
    lo = clause.start
    if fr.units[lo][2] not in {"who", "whom"} or lo < 2 or fr.units[lo - 1][2] != "," or not dated_now(fr, clause):
        return None
    words = [fr.units[u][2] for u in clause]
    if any(w in _AHEAD for w in words) or not any(w in {"was", "were", "had"} or w in PAST_FORMS or w.endswith("ed") for w in words):
        return None  # "who will undergo a medical on Friday": what is to come, read by its own forms
    return lo - 2 if lo - 2 in unit_person else None


def dated_with(fr: Frame, clause: range) -> range:
    """The span whose date dates the clause: a clause that continues a past frame without a
    verb of its own tense ("... in 2025 after a loan spell at Ajax", "... in 2025 before City
    refused to sell", "... before being released") is dated by the clause before it, back to
    where that one opens; any other clause by itself."""
    units = fr.units
    lo = clause.start
    if lo == 0 or units[lo][2] not in {"after", "before", "until", "then", "following"}:
        return clause
    words = [units[u][2] for u in clause]
    if any(w in {"has", "have", "is", "are", "will", "'s", "can", "may", "would", "could"} for w in words) \
            or recency.dated_now(" ".join(words)):
        return clause  # its own tense or date: "... before he has signed", "after Sunday's match"
    start = lo - 1
    while start > 0 and units[start][2] not in SOFT | {",", ";", ":", ".", "(", ")"}:
        start -= 1
    if "@y" not in (units[u][2] for u in range(start, lo)):
        return clause
    return range(start, clause.stop)


# Adverbs of sequence between a conjunction and its verb: "and then sacked", "and later joined".
_SEQUENCE = frozenset({"then", "later", "subsequently", "eventually", "soon", "quickly", "promptly", "also"})


def continued(fr: Frame, clause: range) -> range | None:
    """The span a conjunct continues when it has no subject of its own and its verb is in the
    simple past ("Forest sacked X last month and appointed Y", "joined in 2024 and then left"):
    it happened in the same time frame, so it is background when that span is. None when the
    clause opens otherwise, names its own time ("and left on Sunday") or tense ("and has ...")."""
    units = fr.units
    lo = clause.start
    if lo == 0 or units[lo][2] not in {"and", "then"}:
        return None
    k = lo + 1
    while k < clause.stop and units[k][2] in _SEQUENCE:
        k += 1
    if k >= clause.stop or not (units[k][2] in PAST_FORMS or units[k][2].endswith("ed") or units[k][2] in {"was", "were"}):
        return None
    if dated_now(fr, clause):
        return None
    start = lo - 1
    while start > 0 and units[start][2] not in SOFT | {",", ";", ":", ".", "(", ")"}:
        start -= 1
    return range(start, lo) if lo - start >= 3 else None


# Nouns of a person related to another: "X's teammate / successor / replacement" is someone else.
_RELATIONS = frozenset({"teammate", "teammates", "team mate", "team mates", "colleague", "successor",
                        "replacement", "understudy", "brother", "son", "father", "cousin", "compatriot",
                        "countryman", "friend", "rival", "heir", "deputy", "namesake", "partner",
                        "club mate", "clubmate", "alternative", "twin"})
_BETWEEN = frozenset({"former", "ex", "old", "new", "current", "likely", "possible", "potential", "long-term",
                      "preferred", "ideal", "eventual", "england", "international", "national", "team", "strike",
                      "younger", "older", "elder", "little", "big", "@c", "transfer"})


def possessor(units: list[tuple[int, int, str]], u: int) -> bool:
    """Whether the person at `u` only owns a relation after him ("X's former teammate", "X's
    successor", "X's England teammate", "X successor identified", "X transfer alternative"):
    the one related to him is meant, not X."""
    k = u + 1
    if k < len(units) and units[k][2] == "'s":
        k += 1  # "X's successor"; also "X successor", "X transfer alternative": the name as a modifier
    while k < len(units) and k - u <= 5 and units[k][2] in _BETWEEN:
        k += 1
    return k < len(units) and units[k][2] in _RELATIONS


# A measure of time before "after"/"since" opening a sentence: "A year after joining ...,".
_MEASURE = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                      "few", "several", "couple", "of", "year", "years", "month", "months", "week", "weeks",
                      "day", "days", "season", "seasons", "shortly", "just", "soon", "only", "not", "long",
                      "barely", "less", "than", "more", "almost", "nearly", "@y", "18", "six-month", "half"})


def measured_opening(units: list[tuple[int, int, str]], u: int) -> bool:
    """Whether the word at `u` ("after", "since") opens a time adjunct that a measure of time
    before it opens the sentence with ("A year after joining from Dortmund, X has left"): like
    "After joining ...,", the adjunct ends at its comma and the main clause is the news."""
    return 0 < u <= 4 and units[u][2] in {"after", "since", "following"} and all(
        units[k][2] in _MEASURE or units[k][2].isdigit() for k in range(u))


def listed(units: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the names from unit `k` on close a list with "and" ("X, Y and Z could leave"):
    the comma before them joins names, it does not open the next rumour."""
    n = len(units)
    while k + 1 < n and units[k][2] == "@p" and units[k + 1][2] == ",":
        k += 2
    return k + 2 < n and units[k][2] == "@p" and units[k + 1][2] in {"and", "or", "&"} and units[k + 2][2] == "@p"
