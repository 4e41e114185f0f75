"""Whether an item's sentences can give a claim at all, asked before any sentence is analysed.

The keyword gate (kinds.may_trigger) reads a title and a summary whole. Many items it lets
through hold a pattern's keyword in a sentence that names nobody ("Negotiations are described
as advanced." under a headline about a match), and no claim can come from such a sentence:

- a claim is a trigger bound to a person of its own sentence (extract._bindings: clauses.bind
  binds a trigger to a person unit of its clause, or of an earlier clause of the same sentence;
  `_ahead` to one of the next clause; segments.label_bindings to one after a round-up's label),
  or, in a summary sentence that names nobody, a club's development carried to the headline's
  person (carry.py), which needs a club in the trigger's clause; an item with no bound trigger
  returns no claim (nor does the targeted-description reading run: it needs one);
- a trigger comes from the kind patterns, the forms segments.py and phrases.py read beside them
  (what kinds.may_trigger lets through, asked here of one sentence: its reach test with the
  sentence whole, as analyse() reads it), or a rung noun in a headline's label ("Bid prepared:");
- a person unit is a name, a stand-in or a headline description, each starting where
  openers.may_open_person says one may (people.py asks it first); a club unit is a gazetteer
  club's span or a run the person finder may take for a club it lacks (may_open_unknown_club).
  One exception the analyser makes is kept: a one-word "name" opening the sentence that is a
  pattern's word or reads as grammar ("Negotiations are ...", "Following ...") is nobody
  (sentence.analyse), unless a name, a particle or a mention may run on after it, or the word
  is one SCOWL knows as a name ("Young", "Cash": the analyser keeps it when the item marks it).

So an item passes when some sentence both may hold a trigger and may hold a person or a club.
Every test is a relaxation of the reader it stands for: when unsure, the item is read. Not while
`make model` records items for training: the model learns from people with no trigger
(nearby.wanted()). tests/claims/test_speed_identical.py compares the claims with the
gate switched off (ENABLED), on every labelled, fixture and bench item and on fuzzed texts.
"""

from __future__ import annotations

import re

from bot.claims import kinds, nearby
from bot.claims.flatten import flat
from bot.claims.lexicon import DETERMINERS, NAME_SUFFIXES, PARTICLES, STAND_IN_PRONOUNS
from bot.claims.openers import GRAMMAR_OPENER, opens_description, opens_name, opens_stand_in
from bot.claims.ordinary import also_a_name
from bot.claims.reach import Phrases, Reach
from bot.claims.segments import _RUNG_NOUNS, may_hold
from bot.claims.sentence import opening
from bot.claims.text import Token, forget_item

ENABLED = True  # tests and the benchmark switch it off to compare

# A rung noun a headline's label may name alone (segments.rung_label), in flat() of the text
# before its last colon (the label's colon is one; flat() keeps ":" and word edges).
_RUNG = re.compile(r"(?<![a-z0-9])(?:" + "|".join(sorted(map(re.escape, _RUNG_NOUNS))) + r")(?![a-z0-9])")


def new_item() -> None:
    """Forget what the last item computed (text.forget_item): no item reuses another's work."""
    forget_item()


def may_bind(sentences: list[str], heads: int) -> bool:
    """Whether some sentence (the first `heads` a headline's) may hold both a trigger and a person
    or club it can bind (see the module doc); False only when none can. An item of one sentence
    has had its trigger asked by the keyword gate already."""
    if not ENABLED or not nearby.wanted():
        return True
    gate = kinds._GATE
    for n, text in enumerate(sentences):
        headline = n < heads
        near: bool | list[tuple[Reach, Phrases | None]] | None = True
        if len(sentences) > 1:
            folded = flat(text)
            near = gate.near_needs(folded)
            if near is None and (may_hold(text) or ":" in folded and _RUNG.search(folded, 0, folded.rindex(":"))):
                near = True
            if near is None:
                continue
        view = nearby.view(text, headline)
        # Both tests are pure and share the view's memo of openers: the reach test first, since a
        # sentence with a keyword and nobody in reach of it (most of the items turned away here)
        # then needs no search for a name anywhere else in it.
        if (near is True or nearby.View(text, headline, flat, whole=True).holds(near)) and may_name(view):  # type: ignore[arg-type]
            return True
    return False


def may_name(view: nearby.SentenceView) -> bool:
    """Whether a person or a club may stand anywhere in the sentence, by the finders' own start
    rules (nearby.SentenceView.opener); a name's start (opens_name, where most sentences give
    their answer) looked for first, then the other rules only at tokens where they can hold."""
    tokens = view.tokens
    start = opening(tokens)
    nobody: bool | None = None  # _nobody() at the opening token, once asked
    for i, tok in enumerate(tokens):
        # (opens_name needs a capital, name_token's, or a particle before one)
        if (tok.is_cap or tok.key in PARTICLES) and opens_name(tokens, i) \
                and (i != start or not (nobody := _nobody(tokens, i, view))):
            return True
    # No name opens anywhere but maybe at the opening token, there nobody: elsewhere a person
    # opens (may_open_person) only at a name suffix, a pronoun, a determiner (opens_stand_in) or,
    # in a headline, a description; a club at a gazetteer span or a name suffix (opener("@c")).
    for i, tok in enumerate(tokens):
        if i == start:
            if not nobody and view.opener("@p", i) and not (_nobody(tokens, i, view) if nobody is None else nobody):
                return True
        elif (view.headline or tok.key in _OPENING_WORDS) and view.opener("@p", i):
            return True
    return any(view.opener("@c", i) for i, tok in enumerate(tokens)
               if i == start or tok.is_cap and tok.key in NAME_SUFFIXES or view.spans(i, clubs=True))


_OPENING_WORDS = NAME_SUFFIXES | STAND_IN_PRONOUNS | DETERMINERS


def _nobody(tokens: list[Token], i: int, view: nearby.SentenceView) -> bool:
    """Whether no person can start at the sentence's opening token i: a pattern's word or a word
    of grammar that no name token, particle or mention (a name, a digit, a ".") may follow, and no
    stand-in or description either (analyse() drops only one-word names there)."""
    tok = tokens[i]
    if not (tok.key in kinds.PATTERN_WORDS or GRAMMAR_OPENER.search(tok.key)) or also_a_name(tok.key):
        return False  # (a pattern's word SCOWL knows as a name may be one: ordinary.named_at_opening)
    if i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if nxt.is_cap or nxt.key in PARTICLES or nxt.text[0].isdigit() or nxt.text == ".":
            return False  # the run may go on: "Following Smith", a club alias taken for a surname
    clubs = nearby.Clubs(view, i)
    return not (tok.key in STAND_IN_PRONOUNS or opens_stand_in(tokens, i, clubs)
                or view.headline and opens_description(tokens, i, clubs))
