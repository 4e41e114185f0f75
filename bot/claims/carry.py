"""A summary sentence that names nobody goes on about the one person its item is about.

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
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.claims import trace
from bot.claims.clauses import background, clauses
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import FEATURE_OPENERS, MANAGER_ROLES, PLAYER_ROLES, SPEECH_VERBS
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
    """Whether the development names what it is about ("a bid for a new centre-back")."""
    words = [fr.units[u][2] for u in range(t.start, clause.stop)]
    if any(w in _OWN_OBJECT for w in words):
        return True
    return any(w in _INDEFINITE and any(x.rsplit(" ", 1)[-1] in _ROLES for x in words[i + 1 : i + 4])
               for i, w in enumerate(words))


_ROLES = PLAYER_ROLES | MANAGER_ROLES


def carry(sents: list[Sentence], heads: int) -> None:
    """Bind, in place, the unbound developments of summary sentences that name nobody to the
    one person the headline names (see the module doc)."""
    topic: Person | None = None
    named: set[str] = set()
    for n, s in enumerate(sents):
        people = [p for p in s.persons if p.role != "other"]
        named.update(_surname(p.name) for p in people)
        if n < heads:
            # A lone capitalised word opening the headline ("Insider confirms ...") may be no name.
            topic = topic or next((p for p in people if p.role or p.start > 0 or " " in p.name), None)
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
                if not any(u in s.unit_club for u in clause) or _own_object(fr, clause, t):
                    continue
                s.unit_person[virtual] = topic
                s.bound.append((clause, t, virtual))
                trace.note(f"{t.kind} in a sentence that names nobody: about {topic.name}, the one the item is about")
