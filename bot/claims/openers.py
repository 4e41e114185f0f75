"""Where a person mention can begin: the person finder's own start rules, in one place.

people.py finds names, stand-ins ("the Liverpool defender", "he") and headline descriptions
("Arsenal target 18-year-old sensation"); each of its three readers asks the function here
before it reads a mention at a token, so no mention starts where these say none can. The
keyword gate (prefilter.py) asks `may_open_person` the same of an item's whole text, before any
sentence is read, to turn away an item whose pattern needs a person right after its keyword
("kept a close eye on the situation") when nothing there can open one.

Each rule is a relaxation of its reader: it looks at fewer conditions (no `taken`, any
title case, clubs as every place the gazetteer could name one), never at other ones.
"""

from __future__ import annotations

import re
from collections.abc import Container

from bot.claims.lexicon import (
    AGE_OR_ADJ,
    CLUB_SLOT,
    DETERMINERS,
    FIRST_NAMES,
    HEADLINE_NOUNS,
    MANAGER_ROLES,
    NAME_SUFFIXES,
    NAMING,
    NATIONALITIES,
    NATIONALITY_NOUNS,
    NOT_DESCRIBING,
    NOT_NAMES,
    PARTICLES,
    PLAYER_ROLES,
    STAND_IN_PRONOUNS,
    TO_SLOT,
)
from bot.claims.mentions import named as written_as_name
from bot.claims.ordinary import CLAUSE_OPENERS, PLURAL_ACTS, also_a_name, forced, is_ordinary
from bot.claims.text import Token


class _GrammarOpener:
    """A capitalised word that opens a sentence and reads as grammar, not a name ("Following
    their exit", "Asking price set", "According to"): no one-word person there (sentence.py), no
    verbless move either (segments.may_hold), nor a person the binding gate waits for. Its
    ending says so, unless the word is a name all the same: one SCOWL knows as a name ("King",
    "Sterling", "Manning": ordinary.py) or an -ing word no dictionary of common words holds
    ("Fleming", "Golding")."""

    _ENDING = re.compile(r"(?:ing|ed|ly|tion|ment|ness|ship)$")

    def search(self, word: str) -> bool:
        if not self._ENDING.search(word) or also_a_name(word):
            return False
        return not (word.endswith("ing") and " " not in word and not is_ordinary(word))


GRAMMAR_OPENER = _GrammarOpener()

ADJ_ENDINGS = ("ed", "ing", "ly", "ful", "ous", "less", "ive", "ic", "est")


def is_acronym(tok: Token) -> bool:
    return len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()


def name_token(tok: Token, title_case: bool) -> bool:
    """A token that can be part of a name: capitalised, no digit, not a known non-name."""
    if not tok.is_word or not tok.is_cap or not tok.text.isalpha() and any(c.isdigit() for c in tok.text):
        return False  # (a word of letters alone holds no digit: most names, asked first)
    caps = len(tok.text) - len(tok.text.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if 2 <= caps < len(tok.text) and tok.text[caps].islower():
        return False  # "WCup", "UCLfinal": a run-together abbreviation, not "McTominay"
    if tok.key in NOT_NAMES and tok.key not in PARTICLES:
        return False
    if " " in tok.key:
        # "League-winning", "Madrid-born", "British-record": a compound adjective, not
        # "Alexander-Arnold".
        head, tail = tok.key.split(" ", 1)[0], tok.key.rsplit(" ", 1)[1]
        # A capitalised last part outside a title-case headline is a surname ("Mendez-Laing").
        named_tail = not title_case and tok.text[-len(tail):][:1].isupper()
        if not named_tail and (tail.endswith(ADJ_ENDINGS) or tail in {"born", "based", "old", "year", "bound", "time", "led"}):
            return False
        if head in NOT_NAMES and head not in PARTICLES and head not in FIRST_NAMES:
            return False
    return not (is_acronym(tok) and not title_case)


def opens_name(tokens: list[Token], i: int, title_case: bool = True, taken: Container[int] = ()) -> bool:
    """Whether a run of name tokens may start at token i (people.find asks this): a name token,
    or a particle before one ("van Dijk")."""
    tok = tokens[i]
    if name_token(tok, title_case):
        return True
    if tok.key not in PARTICLES:
        return False
    k = i + 1
    if k < len(tokens) and k not in taken and tokens[k].key in PARTICLES:
        k += 1  # "van de Beek"
    return k < len(tokens) and k not in taken and name_token(tokens[k], title_case)


def stand_in_head(tok: Token) -> bool:
    """A word a stand-in can end on: a role noun, a nationality noun, an age."""
    return (tok.key in PLAYER_ROLES or tok.key in MANAGER_ROLES or tok.key.split(" ")[-1] in PLAYER_ROLES
            or tok.key in NATIONALITY_NOUNS or tok.key.endswith("year old"))


def opens_stand_in(tokens: list[Token], i: int, clubs: Container[int]) -> bool:
    """Whether a stand-in may start at token i (people.anaphora asks this): a determiner, then
    words a description is made of (ages, adjectives, nationalities, numbers, a club, "'s", a
    first role noun) up to a head (stand_in_head). `clubs`: tokens a club may cover."""
    if tokens[i].key not in DETERMINERS:
        return False
    for j in range(i + 1, len(tokens)):
        tok = tokens[j]
        if stand_in_head(tok):
            return True
        if not (j in clubs or tok.key in AGE_OR_ADJ or tok.key in NATIONALITIES or tok.text[0].isdigit()
                or tok.key == "'s"):
            return False
    return False


def description_noun(tok: Token) -> bool:
    """A noun a headline description ends on ("winger", "sensation", "boss")."""
    noun = tok.key.split(" ")[-1]
    return (noun in PLAYER_ROLES or noun in HEADLINE_NOUNS or tok.key in MANAGER_ROLES) and tok.key not in NOT_DESCRIBING


def describing(tok: Token, k: int, clubs: Container[int]) -> bool:
    """A word a headline description holds before its noun: ages, fees, adjectives, a club."""
    return (k in clubs or tok.key in AGE_OR_ADJ
            # "Serie A phenomenon", "Premier League midfield duo"
            or tok.is_cap and tok.key in NOT_NAMES
            or tok.key.endswith(("year old", "rated"))
            or tok.key in NATIONALITIES or tok.text[:1] in "£€$"
            or (tok.is_word and not tok.is_cap and tok.key.endswith(("ive", "al", "ous", "ic", "ful"))))


def opens_description(tokens: list[Token], i: int, clubs: Container[int]) -> bool:
    """Whether a headline description may start at token i (people.headline_descriptions):
    describing words from i up to a description noun."""
    for j in range(i, len(tokens)):
        if description_noun(tokens[j]):
            return True
        if not describing(tokens[j], j, clubs):
            return False
    return False


def may_open_person(tokens: list[Token], i: int, clubs: Container[int], headline: bool) -> bool:
    """Whether any of people.py's readers may start a person at token i of a text (the title
    when `headline`) whose sentences are pieces of it: a name (or, after a headline-opening
    adjective, a name suffix), a pronoun, a stand-in, a headline description. `clubs` must hold
    every token a club mention may cover, the gazetteer's and the finder's own guesses (capitalised
    runs: any capitalised token or particle)."""
    tok = tokens[i]
    # (A name opens by either case rule: a summary's "Mendez-Laing" is a name, a headline's not.)
    return (opens_name(tokens, i) or " " in tok.key and opens_name(tokens, i, False)
            or tok.is_cap and tok.key in NAME_SUFFIXES or tok.key in STAND_IN_PRONOUNS
            or opens_stand_in(tokens, i, clubs) or headline and opens_description(tokens, i, clubs))


CLUB_NOUNS = frozenset({"side", "club", "outfit", "minnows", "giants"})
CLUB_JOBS = frozenset({"job", "hotseat", "dugout", "vacancy"})


def club_like(tokens: list[Token], j: int, title_case: bool, named: bool = False) -> bool:
    """ "Castilla coach Álvaro Arbeloa": a name-like run before a role noun and a name is a
    club or a country the gazetteer does not know. After a naming verb ("Chelsea name
    Rosenior head coach") the run is the person unless another name follows the role."""
    n = len(tokens)
    k = j + 1 if j < n and tokens[j].key == "'s" else j
    # "back" is a role only after a side or a line ("left back", "centre back"): "want X back"
    # has a person before it.
    while k < n and (tokens[k].key in PLAYER_ROLES and (tokens[k].key != "back" or k > j) or tokens[k].key in MANAGER_ROLES):
        k += 1
    if k == j:
        return False
    # "Woking boss", "Swansea's Wales forward Cullen"; but "Konaté's agent" is a person.
    if named:
        return k > j and k < n and tokens[k].is_cap and name_token(tokens[k], title_case)
    return k > j + (tokens[j].key == "'s") and (k >= n or not tokens[k].is_cap or name_token(tokens[k], title_case))


# Prepositions after a party to talks that name what the talks are about: "talks with X over Y".
_ABOUT = frozenset({"over", "for", "about"})


def acts_as_a_body(tokens: list[Token], i: int, taken: Container[int] = ()) -> bool:
    """Whether the one-token run at i is a club or a body by its grammar, whatever the gazetteer
    knows: the subject of a plural verb where a clause opens ("Zrinjski confirm departure of
    coach", "as Frosinone agree a fee"), or the party to talks about someone else ("in talks with
    Frosinone over Farès Ghedjemis"). `taken`: tokens a known club or source covers."""
    n = len(tokens)
    if i + 1 >= n or not name_token(tokens[i], True) or is_ordinary(tokens[i].key) and forced(tokens, i, False):
        return False  # "Negotiations are advanced": an ordinary word opening the sentence
    nxt = tokens[i + 1]
    if (i == 0 or tokens[i - 1].text in CLAUSE_OPENERS) and nxt.key in PLURAL_ACTS and not nxt.is_cap:
        return True
    if not (i > 0 and tokens[i - 1].key == "with" and nxt.key in _ABOUT):
        return False
    k = i + 2
    while k < n and k - i < 5 and (tokens[k].key in PLAYER_ROLES or tokens[k].key in MANAGER_ROLES):
        k += 1  # "a deal with Dijon for goalkeeper X": the role named before the name
    return k < n and k not in taken and name_token(tokens[k], False)


def may_open_unknown_club(tokens: list[Token], i: int) -> bool:
    """Whether people.find may take a run starting at token i for a club the gazetteer lacks: what
    its test there asks, at every end the run may have (capitalised tokens, particles, a one-token
    club it absorbs), in either case and with any mention around. find() asks this first, and so
    does the keyword gate (a "@c" slot's opener)."""
    before = tokens[i - 1].key if i > 0 else ""
    if acts_as_a_body(tokens, i):
        return True
    if before in CLUB_NOUNS or before in CLUB_SLOT or before == "for" or before == "to" and i > 1 and tokens[i - 2].key in TO_SLOT:
        return True
    n, named = len(tokens), before in NAMING
    for j in range(i + 1, n + 1):
        if j - i > 1 and j < n and tokens[j].key in CLUB_JOBS or club_like(tokens, j, True, named) \
                or club_like(tokens, j, False, named):
            return True
        if j == n or not (tokens[j].is_cap or tokens[j].key in PARTICLES or written_as_name(tokens[j])):
            return False
    return False
