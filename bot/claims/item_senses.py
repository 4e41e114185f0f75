"""What the whole item says about its claims: a byline, a staff title, a debunk, a ranking.

Some readings need more than the sentence a claim comes from. A line "By James Wilson." names
the writer, who then stands for the headline's unnamed star; "goalkeeping coach X" or "named
X as assistant" makes X staff, whom claims.md counts as no subject, even where a headline's
"appoint new assistant coach" was resolved to him; "A website claimed X had agreed a deal.
They have not." takes back what the sentence before it reported, and so does a headline
opening "No, ..."; "The five best free transfers of 2025" makes the item a ranking of deals
done. extract.py hands the item's claims and sentences here last.
"""

from __future__ import annotations

import re

from bot.claims import other_uses, trace
from bot.claims.flatten import flat
from bot.claims.sentence import Sentence
from bot.claims.text import fold, trim
from bot.models import Claim

# "By James Wilson.", "Words by Sam Lee", "Written by X, Chief Football Writer".
_BYLINE = re.compile(r"^(?:written |words |reporting |report |story )?by\s+\S+(?:\s+\S+){0,3}\s*"
                     r"(?:[,|–—-]\s*[\w' ]{0,40})?[.]?$", re.I)

# Staff titles before a name ("goalkeeping coach X", "assistant Y") or after "as" ("as assistant").
# (A qualifier alone is a player's position or past: "goalkeeper X", "academy graduate Y".)
_STAFF_ALONE = frozenset({"assistant", "analyst"})
_STAFF = frozenset({"assistant", "goalkeeping", "goalkeeper", "fitness", "set piece", "conditioning", "analyst",
                    "academy", "development", "strength", "kit", "performance", "coaching", "first team"})
_STAFF_NOUNS = frozenset({"coach", "manager", "boss", "staff", "man", "trainer", "to", "coaches"})
_FORMER = frozenset({"former", "ex", "then", "previous", "one time", "onetime", "old", "once"})
_AS_SKIP = frozenset({"the", "his", "her", "their", "a", "an", "new", "club", "'s", "team"})
# A head job in the claim's own sentence keeps it: "Chelsea assistant X named Hull head coach".
_HEAD_JOB = re.compile(r"\b(?:head coach|manager|boss|head of the coaching|in charge|takes? charge|taking charge|"
                       r"took charge|caretaker|interim|job|hot ?seat|reins|post)\b")
_STAFF_BEFORE_JOB = re.compile(r"\b(?:assistant|goalkeeping|goalkeeper|fitness|set piece|set-piece|academy|"
                               r"conditioning|development|coaching) (?:head coach|manager|boss)\b")


def _title(words: list[str]) -> bool:
    """Whether the words end (or start) with a staff title: "assistant", "goalkeeping coach"."""
    return bool(words) and words[-1] in _STAFF_ALONE or len(words) >= 2 and words[-2] in _STAFF \
        and words[-1] in _STAFF_NOUNS - {"to"}


def _staff_title(s: Sentence, start: int, end: int) -> bool:
    keys = [t.key for t in s.tokens]
    if _title(keys[start:end]) and not set(keys[start:end]) & _FORMER:
        return True  # a description standing for the person: "the set-piece coach"
    before = keys[max(0, start - 2):start]
    if _title(before):
        return not set(keys[max(0, start - 7):start]) & _FORMER
    after = [k for k in keys[end:end + 6] if k not in _AS_SKIP]
    if len(after) < 2 or after[0] != "as":
        return False
    return after[1] in _STAFF_ALONE or after[1] in _STAFF and len(after) > 2 and after[2] in _STAFF_NOUNS


def _bylined(s: Sentence) -> list[str]:
    if not s.persons or not _BYLINE.match(s.text.strip()) or len(s.tokens) > 12:
        return []
    return [p.name for p in s.persons if p.start <= 3]


def _same(subject: str, name: str) -> bool:
    a, b = fold(subject), fold(name)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


# "They have not.", "That is not true.", "He did not.": the sentence before is taken back.
_TAKEN_BACK = re.compile(r"^(?:but |and )?(?:they|he|she|it|that|this|the club|the player|neither|none of it)"
                         r"(?: (?:have|has|had|did|does|do|is|are|was|were|will|won't|isn't|aren't|hasn't|haven't"
                         r"|didn't|wasn't|weren't))?(?: simply| just)?(?: not|n't| never| untrue| false| wrong| nonsense)"
                         r"(?: (?:true|so|happening|the case|agreed|signed|accurate|correct|happened))?[.!]?$", re.I)
# "That is not true, according to ...", "Liverpool insist that is false": a later sentence's verdict.
_VERDICT_FALSE = re.compile(r"\b(?:that|this|it|which|the report|the claim|the story|such reports?|those reports|"
                            r"the reports?|the claims?) (?:is|was|are|were|has been|have been) (?:simply |completely |"
                            r"totally |categorically )?(?:not true|untrue|false|wrong|nonsense|fake|inaccurate|"
                            r"wide of the mark|not the case|not accurate|incorrect|rubbish|made up|denied)\b", re.I)
# In the sentence itself: "There is no truth in reports that Arsenal have agreed a fee".
_NO_TRUTH = re.compile(r"\b(?:no truth (?:in|to|behind)|nothing in|fake news|wide of the mark|no substance (?:in|to)|"
                       r"not true|untrue|debunk\w*)\b", re.I)
_REPORTED = re.compile(r"\b(?:claimed|claims|reported|reports|suggested|suggests|alleged|said|says|insisted|"
                       r"according to|rumoured|speculated|wrote)\b", re.I)
# A headline taking a story back: "No, Real Madrid are not signing Rodri".
_NO_OPENER = re.compile(r"^(?:[\w ]{1,20}:\s*)?no,\s", re.I)


# A word every match of each case-blind search holds (speed only: _may_match).
_NO_TRUTH_WORDS = ("truth", "nothing in", "fake news", "wide of the mark", "no substance", "true", "debunk")
_REPORTED_WORDS = ("claim", "report", "suggest", "alleged", "said", "says", "insisted", "according to", "rumoured",
                   "speculated", "wrote")
_RANKED_WORDS = ("transfers", "signings", "deals", "buys", "purchases", "bargains", "flops", "arrivals", "departures",
                 "sales", "free agents", "business", "appointments", "sackings", "exits")


def _may_match(text: str, words: tuple[str, ...]) -> bool:
    """False only when no match of a re.I pattern whose every match holds one of `words` can be in
    the text: asked of an ASCII text alone (where re.I matches a letter by its lower case alone).
    Asked of flat(), which the gates made of most sentences already: an ASCII text's flat() is its
    lower case with runs of spaces and marks made one space, so a word run of the lower case
    (these words hold letters and single spaces) is in it too."""
    if not text.isascii():
        return True
    return any(map(flat(text).__contains__, words))  # (no generator frame per word)


def _taken_back(sents: list[Sentence], heads: int) -> set[str]:
    """The evidence of sentences whose report the item takes back."""
    out: set[str] = set()
    debunk_headline = any(_NO_OPENER.match(s.text) and (" not " in f" {s.frame.text} " or "n't" in s.text)
                          for s in sents[:heads])
    for i, s in enumerate(sents):
        if i < heads or not _may_match(s.text, _REPORTED_WORDS) or not _REPORTED.search(s.text):
            continue
        nxt = sents[i + 1].text.strip() if i + 1 < len(sents) else ""
        if debunk_headline or nxt and (len(nxt.split()) <= 8 and _TAKEN_BACK.match(nxt) or _VERDICT_FALSE.search(nxt)):
            out.add(trim(s.text))
    for s in sents:
        if _may_match(s.text, _NO_TRUTH_WORDS) and _NO_TRUTH.search(s.text) and _REPORTED.search(s.text):
            out.add(trim(s.text))  # "no truth in reports that ...": the sentence denies what it cites
    return out


# "The five best free transfers of 2025", "Ranking the summer's signings", "Top 10 flops".
_RANKING = re.compile(
    r"\b(?:best|worst|greatest|biggest|cheapest|priciest|most expensive|top \d+|top (?:three|five|ten|twenty)|"
    r"ranking|ranked|rating|rated|every)\b(?:[\w'’ ,-]{0,40})\b(?:transfers|signings|deals|buys|purchases|"
    r"bargains|flops|arrivals|departures|sales|free agents|business|appointments|sackings|exits)\b", re.I)
_RANKING_BLOCK = re.compile(r"\b(?:target|targets|could|would|might|should|want|linked|rumou?rs?)\b", re.I)


def _ranking(sents: list[Sentence], heads: int) -> bool:
    return any(_may_match(s.text, _RANKED_WORDS) and _RANKING.search(s.text) and not _RANKING_BLOCK.search(s.text)
               for s in sents[:heads])


def _column_lines(sents: list[Sentence]) -> set[str]:
    """The evidence of lines a column's label opens ("Mailbag: sell X, sack Y"), read on the
    tokens: the label word may have been taken for a name."""
    out: set[str] = set()
    for s in sents:
        keys = [t.key for t in s.tokens[:6]]
        if ":" in keys[1:]:
            label = keys[: keys.index(":")]
            if any(k in other_uses.COLUMN_LABELS for k in label) or " ".join(label) in other_uses.DATED_LABELS:
                out.add(trim(s.text))
    return out


def kept(claims: list[Claim], sents: list[Sentence], heads: int) -> list[Claim]:
    """The claims the item as a whole lets stand."""
    if not claims:
        return claims
    if _ranking(sents, heads):
        trace.note("dropped every claim: the headline ranks deals done ('the best free transfers of ...')")
        return []
    bylines = [n for s in sents for n in _bylined(s)]
    staff = [p.name for s in sents for p in s.persons if _staff_title(s, p.start, p.end)]
    back = _taken_back(sents, heads)
    columns = _column_lines(sents)
    out: list[Claim] = []
    for c in claims:
        why = ""
        if any(_same(c.subject, n) for n in bylines):
            why = "a byline names the writer, no subject"
        elif any(_same(c.subject, n) for n in staff) and not _HEAD_JOB.search(_STAFF_BEFORE_JOB.sub("", fold(c.evidence))):
            why = "a staff coach (assistant, goalkeeping, fitness), no subject"
        elif c.evidence in back and c.kind != "denial":
            why = "a report the item takes back ('claimed ... They have not')"
        elif c.evidence in columns:
            why = "a line a column's label opens ('Mailbag: sell X'), not a report"
        if why:
            trace.note(f"dropped {c.subject} {c.kind} -> {c.counterpart}: {why}")
        else:
            out.append(c)
    return out
