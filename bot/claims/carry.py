"""A development and its person in different sentences.

A summary sentence that names nobody goes on about the one person its item is about.

"Marc Guéhi: decision day" over "Liverpool have opened talks with Crystal Palace. The Reds are
ready to table a £40m bid.": the talks and the bid are about Guéhi, though no sentence of the
summary names him or stands in for him ("he", "the defender"). The subject is left out because
there is only one it can be: English leaves out what the reader already holds (zero anaphora).

So a development a club makes (interest, talks, a bid, its rejection, an agreement, a refusal
to sell) in a summary sentence that names nobody, not even by a description, is about the
person the headline names, when that person is the only one the item has named up to that
sentence. Not when the development has an object of its own ("a new striker", "another
target", "players"), when its clause is background, or when no club in its clause makes it;
not an exit, which a club also makes of its manager or of a competition.

A pronoun or a description in a sentence stands for the one the sentence before told a
development of (`told_subject`): "Chelsea have signed Gittens. Jackson could leave. He is wanted
by Napoli" is Jackson's; a speaker or a manager commenting in between does not take it over.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.claims import getting, trace
from bot.claims.clauses import background, clauses
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import (
    BID_NOUNS,
    FEATURE_OPENERS,
    MOVE_WORDS,
    SPEECH_VERBS,
)
from bot.claims.text import fold

if TYPE_CHECKING:
    from bot.claims.people import Person
    from bot.claims.sentence import Sentence

# Developments a club makes about a player: what an omitted object can be.
_CARRIED = frozenset({"interest", "talks", "bid", "bid_rejected", "agreement", "denial"})
# An object of the development's own: "talks over a new striker", "bids for two players".
_OWN_OBJECT = frozenset({"another", "other", "others", "players", "targets", "options", "alternatives",
                         "alternative", "replacement", "replacements", "reinforcements", "signings",
                         "them", "duo", "pair", "trio", "one", "both", "@p", "@s"})
_INDEFINITE = frozenset({"a", "an", "new", "two", "three", "several", "some", "any"})


def _surname(name: str) -> str:
    parts = fold(name).replace("-", " ").split()
    return parts[-1] if parts else ""


def _own_object(fr: Frame, clause: range, t: Trigger) -> bool:
    """Whether the development names what it is about: "a bid for a new centre-back", "talks
    over a friendly", "keen to strengthen in defence"."""
    words = [fr.units[u][2] for u in range(t.start, clause.stop)]
    if any(w in _OWN_OBJECT for w in words[t.end - t.start :]):
        return True  # after the development: "are both keen" is no object, "bids for both players" is
    for i, w in enumerate(words):
        if w in _INDEFINITE:
            head = next((x for x in words[i + 1 : i + 4] if x not in _INDEFINITE and x not in _MODIFIERS), "")
            if head and not (head in _DEAL_NOUNS or head.startswith("@")):
                return True  # an indefinite object that is no deal of his
        if w == "to" and i + 1 < len(words) and words[i + 1] not in _ACQUIRING and not words[i + 1].startswith("@"):
            return True  # "keen to strengthen", "ready to move on": a plan of another kind
    return False


# Nouns a deal about the person takes: "talks over a £60m deal", "an opening bid".
_DEAL_NOUNS = MOVE_WORDS | BID_NOUNS | frozenset({"fee", "package", "agreement", "loan", "swap", "price",
                                                  "permanent", "medical", "signing", "return"})
_MODIFIERS = frozenset({"opening", "fresh", "first", "second", "improved", "formal", "official", "record",
                        "club", "verbal", "potential", "possible", "permanent", "initial", "-", "rated"})
# Verbs of getting a player, and of the deal's steps: "keen to sign", "ready to make a move" stay the
# item's pursuit.
_ACQUIRING = getting.FIRST_WORDS | {"secure", "complete", "make", "seal", "get", "tie", "table", "submit", "launch",
                                    "finalise", "finalize", "agree", "open", "hold", "step", "test", "meet", "pay",
                                    "trigger", "beat", "hijack", "take"}
# What a person says or is told in a headline: "X: we must do better", "X on Y", "X sends message".
_SPEAKING = SPEECH_VERBS | frozenset({":", "on", "says", "sends", "reacts", "responds", "hails", "praises",
                                      "speaks", "opens", "explains", "reveals", "admits", "insists", "tells"})


def carry(sents: list[Sentence], heads: int) -> None:
    """Bind, in place, the unbound developments of summary sentences that name nobody to the
    one person the headline names (see the module doc)."""
    if not any(not s.persons and s.trigs for s in sents[heads:]):
        return  # most items: every summary sentence with a development names someone
    topic: Person | None = None
    named: set[str] = set()
    for n, s in enumerate(sents):
        people = [p for p in s.persons if p.role != "other"]
        named.update(_surname(p.name) for p in people)
        if n < heads:
            # A lone capitalised word opening the headline ("Insider confirms ...") may be no name;
            # one who speaks there ("X: we must do better") is not what the item goes on about.
            topic = topic or next((p for p in people if (p.role or p.start > 0 or " " in p.name)
                                   and not (p.end < len(s.tokens) and s.tokens[p.end].key in _SPEAKING)), None)
            continue
        if s.persons or not s.trigs or topic is None or len(named) != 1:
            continue
        if s.tokens and s.tokens[0].key in FEATURE_OPENERS:
            continue
        fr = s.frame
        if any(w in SPEECH_VERBS for _, _, w in fr.units):
            continue  # a quote or a report of one: whose words they are is another reading
        taken = {id(t) for _, t, _ in s.bound}
        here = [t for t in s.trigs if t.kind in _CARRIED and not t.negated and id(t) not in taken]
        if not here:
            continue
        virtual = len(fr.units)  # the left-out subject: a unit past the frame's end
        for clause in clauses(fr, s.unit_person, s.unit_club):
            for t in here:
                if t.start not in clause or background(fr, clause):
                    continue
                if not (any(u in s.unit_club for u in clause) or _settled(fr, t)) or _own_object(fr, clause, t):
                    continue
                s.unit_person[virtual] = topic
                s.bound.append((clause, t, virtual))
                trace.note(f"{t.kind} in a sentence that names nobody: about {topic.name}, the one the item is about")


# A deal settled, told with no party: "Here we go", "The agreement is almost done", "Deal done".
_SETTLED_WORDS = frozenset({"here we go", "deal done", "done deal", "agreement", "deal", "verbal agreement"})


def _settled(fr: Frame, t: Trigger) -> bool:
    """Whether the trigger is an agreement told as settled with no club: it can only be the
    item's own deal (merge.py gives it the club the item's other claims name)."""
    if t.kind != "agreement":
        return False
    words = " ".join(fr.units[u][2] for u in range(t.start, t.end))
    return any(w in words for w in _SETTLED_WORDS)


def told_subject(s: Sentence, recent: Person | None) -> Person | None:
    """Whom "he" and "the striker" in the next sentence stand for: the one this sentence tells a
    development of ("... Jackson could leave. He is wanted by Napoli"), not its speaker nor a
    manager commenting on him; else the one they stood for before."""
    for _, _, u in s.bound:
        p = s.unit_person[u]
        if p.role in (None, "player") and p.name != s.source and not _speaks(s, u):
            return p
    return recent


def _speaks(s: Sentence, u: int) -> bool:
    """Whether the person at unit `u` is the one speaking ("X has said ...", "X insists ...")."""
    after = [w for _, _, w in s.frame.units[u + 1 : u + 3] if w not in {"has", "have", "had"}]
    return bool(after) and after[0] in SPEECH_VERBS


def named_in_headline(sents: list[Sentence], heads: int, full: dict[str, str]) -> set[str]:
    """The folded full names the headline names: found there as a person, or by the capitalised
    surname of someone the item names in full elsewhere ("Kelly seals Rangers return" over
    "Rangers have completed the signing of goalkeeper Liam Kelly", where a bare "Kelly" opening
    a headline could be a first name and is not taken as a person on its own)."""
    named = {fold(full[fold(p.name)]) for s in sents[:heads] for p in s.persons}
    written = {fold(t.text) for s in sents[:heads] for t in s.tokens if t.is_cap}  # folded as _surname is
    return named | {fold(name) for name in full.values() if " " in name and _surname(name) in written}
