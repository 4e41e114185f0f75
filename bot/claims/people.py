"""Person names without a list of people: capitalised runs with name particles.

A run of capitalised tokens ("Ibrahima Konaté", "Mac Allister", "Alexander-Arnold"), with
lower-case particles inside or in front ("van Dijk", "Frenkie de Jong"), is a name unless
a token is a club, a source, a competition, a month or a headline word. The words in front
give the role ("Liverpool defender ...", "Madrid boss ...") and the club the person is at.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from bot.claims import crowds, ordinary
from bot.claims.kinds import PATTERN_WORDS
from bot.claims.lexicon import (
    AGE_OR_ADJ,
    CLUB_SLOT,
    COLLECTIVE_NOUNS,
    DETERMINERS,
    FIRST_NAMES,
    FORMER_WORDS,
    INCOMING,
    MANAGER_ROLES,
    MOVE_WORDS,
    NAME_SUFFIXES,
    NAMING,
    NATIONAL_NOUNS,
    NATIONALITIES,
    NATIONALITY_NOUNS,
    NON_SUBJECT_ROLES,
    NOT_NAMES,
    PARTICLES,
    PLAYER_ROLES,
    PREDICATING,
    RELATIONS,
    STAND_IN_PRONOUNS,
    TO_SLOT,
    WEAK_DEFAULTS,
)
from bot.claims.mentions import Mention
from bot.claims.openers import (
    ADJ_ENDINGS,
    CLUB_JOBS,
    CLUB_NOUNS,
    acts_as_a_body,
    club_like,
    describing,
    description_noun,
    may_open_unknown_club,
    name_token,
    opens_name,
    opens_stand_in,
)
from bot.claims.text import Token, key

# The longest full name a headline writes ("Vinícius José Paixão de Oliveira Júnior" has five, its
# particles aside); a longer run of capitalised words is a list of names or a shouted phrase.
MAX_NAME_TOKENS = 5

@dataclass(frozen=True, slots=True)
class Person:
    name: str
    start: int  # token index
    end: int
    role: str | None  # "manager" / "player" / "other" (chairman, agent) when a noun says so
    club: str | None  # the club a role apposition or possessive ties the person to
    club_options: tuple[str, ...] = ()  # every club a weak alias there may mean


def find(
    tokens: list[Token], mentions: list[Mention], known: frozenset[str] = frozenset()
) -> tuple[list[Person], list[tuple[int, int]], set[int]]:
    """Person mentions in one sentence, given its club and source mentions.

    Also returns spans that look like clubs the gazetteer lacks ("Woking boss"), and the
    starts of club mentions that are really a surname ("Andrey Santos").
    """
    taken: dict[int, Mention] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            taken[i] = m
    words = [t for t in tokens if t.is_word and len(t.text) > 3]
    title_case = len(words) >= 4 and sum(t.is_cap for t in words) / len(words) > 0.7
    out: list[Person] = []
    unknown: list[tuple[int, int]] = []
    absorbed: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if i in taken and taken[i].end == i + 1 and tok.key in FIRST_NAMES and i + 1 < n and i + 1 not in taken \
                and name_token(tokens[i + 1], title_case) and tokens[i + 1].key not in FIRST_NAMES:
            # "Jordan Henderson", "Georgia Stanway": a given name that is also a country.
            absorbed.add(i)
            taken.pop(i)
        # (a name opens at a capital, or a particle before one: name_token's first test)
        starts = (tok.is_cap or tok.key in PARTICLES) and i not in taken and opens_name(tokens, i, title_case, taken)
        if not starts or (i > 0 and tokens[i - 1].key == "the" and tok.key not in FIRST_NAMES) or crowds.not_a_person(tokens, i):
            i += 1  # names take no article: "the Metropolitano" is a place
            continue
        j = i + 1
        while j < n and j not in taken:
            nxt = tokens[j]
            if j > i and _shouted(nxt, tokens[j - 1]):
                break  # "Luis Suarez TERMINATES his contract": a word written in capitals for emphasis
            if name_token(nxt, title_case) or (j > i and nxt.key in NAME_SUFFIXES and nxt.is_cap):
                j += 1
            elif nxt.key in PARTICLES and (run := _particles_then_name(tokens, j, taken, title_case)):
                j += run  # "van Dijk", and a run of them: "van de Beek", "de la Fuente"
            else:
                break
        # A headline-opening adjective is not a first name ("Rejuvenated Casemiro").
        if (
            i == 0
            and j - i >= 2
            and tok.key not in FIRST_NAMES
            and tok.key.endswith(ADJ_ENDINGS)
        ):
            i += 1
        while j - i >= 2 and ordinary.leads_a_name(tokens, i, j, title_case):
            i += 1  # "Brave Saka", "Arsenal Monitor Eze": an ordinary word whose capital is forced
        j = ordinary.verb_in_run(tokens, i, j, title_case)  # "X Sends Heartfelt Message": the name ends
        if tokens[i].key in PARTICLES and j - i == 1 or j == i + 1 and len(tokens[i].text) == 1:
            i = j  # a lone particle, or a lone letter ("Serie B", "Group C")
            continue
        if sum(1 for t in tokens[i:j] if t.key not in PARTICLES) > MAX_NAME_TOKENS:
            i = j  # "Mbappe Kane Salah Haaland Vinicius Rodrygo": a list of names, not one name
            continue
        if _epithet(tokens, i, j, title_case) or j == i + 1 and j < n and tokens[j].key == "of" and (
            i == 0 or tokens[i - 1].text in _OPENING
        ) and tokens[i].key not in FIRST_NAMES:
            # "'Strong leader' Wilkinson": a quoted description before the name; "'Part of
            # myself' leaving": a phrase's first word
            i = j
            continue
        if j == i + 1 and tokens[i].key in FIRST_NAMES and j in taken and taken[j].national and (
            taken[j].end == j + 1 and taken[j].end < n and _acts(tokens[taken[j].end])
        ):
            # "Lucy England joins Villa": a given name and a country before a verb is a
            # person, not a player and a national team ("Kane England recall" is not).
            absorbed.add(j)
            taken.pop(j)
            j += 1
        if j == i + 1 and j in taken and taken[j].kind == "club" and taken[j].end == j + 1 and (
            taken[j].end >= n or not tokens[taken[j].end].key[0].isalpha()
            or tokens[taken[j].end].key in NOT_NAMES and tokens[taken[j].end].key not in MOVE_WORDS
        ) and not taken[j].national and tok.key not in NOT_NAMES and not (
            ordinary.is_ordinary(tok.key) and ordinary.forced(tokens, i, title_case)
        ):
            # "Andrey Santos", "Bruno Guimarães": a club alias used as a surname (not
            # "Understand Newcastle are ...": an ordinary word whose capital is forced).
            absorbed.add(j)
            taken.pop(j)
            j += 1
        # "Israeli side Maccabi Haifa", "the Red Star job": what the words around make a club.
        club_said = i > 0 and tokens[i - 1].key in CLUB_NOUNS or j - i > 1 and j < n and tokens[j].key in CLUB_JOBS
        if j <= i:
            pass  # the run held only particles or a club: no name to add
        elif known and key(" ".join(t.text for t in tokens[i:j])) in known and not club_said:
            out.append(_person(tokens, i, j, taken))  # named as a person elsewhere in the item
        elif j == i + 1 and tok.key not in FIRST_NAMES and acts_as_a_body(tokens, i, taken):
            unknown.append((i, j))  # "Zrinjski confirm ...", "talks with Frosinone over X": a body
        elif may_open_unknown_club(tokens, i) and (club_like(tokens, j, title_case, named=i > 0 and tokens[i - 1].key in NAMING) or club_said or (
            j == i + 1 and i > 0 and tok.key not in FIRST_NAMES and (
                # "joins Woking", "leaves Ayr"; but "move on from Alonso" names a person
                tokens[i - 1].key in CLUB_SLOT and not (i > 1 and tokens[i - 2].key == "on")
                or tokens[i - 1].key == "to" and i > 1 and tokens[i - 2].key in TO_SLOT
                # "leaves Chelsea for Lyonnes": the club left, then the club joined
                or tokens[i - 1].key == "for" and i - 2 in taken and taken[i - 2].kind == "club"
                and taken[i - 2].start > 0 and tokens[taken[i - 2].start - 1].key in CLUB_SLOT
            )
        )):
            unknown.append((i, j))
        elif not ordinary.not_a_name(tokens, i, j, title_case) and not (  # "Recap:", "Memorable Moments"
                j == i + 1 and tok.key not in FIRST_NAMES and ordinary.body_elsewhere(tok.text)):
            out.append(_person(tokens, i, j, taken))  # (not a club the item writes as one elsewhere)
        i = j
    return out, unknown, absorbed


_OPENING = frozenset({"'", "‘", "\"", "“"})
_CLOSING = frozenset({"'", "’", "\"", "”"})


def _epithet(tokens: list[Token], i: int, j: int, title_case: bool) -> bool:
    """A run that opens a short quote which closes right before a name: "'Strong leader'
    Wilkinson", "'Emotional' Trippier" describe the person named after the quote."""
    if i == 0 or tokens[i - 1].text not in _OPENING:
        return False
    k = j
    while k < len(tokens) and k - j < 3 and tokens[k].is_word and not tokens[k].is_cap:
        k += 1
    return k + 1 < len(tokens) and tokens[k].text in _CLOSING and name_token(tokens[k + 1], title_case)


def _acts(tok: Token) -> bool:
    """Whether a token can be the verb after a subject: a lower-case word, not a noun of a
    role, a move or a national team."""
    return tok.is_word and not tok.is_cap and tok.key not in PLAYER_ROLES and tok.key not in MANAGER_ROLES \
        and tok.key not in MOVE_WORDS and tok.key not in NATIONAL_NOUNS and tok.key != "'s"


def _describing(tok: Token) -> bool:
    """An adjective, not a verb, before a role noun ("attacking", "talented", "prolific"); the
    words the kind patterns are made of are verbs here ("Arsenal eyeing winger X")."""
    return (tok.is_word and not tok.is_cap and tok.key.endswith(("ing", "ive", "al", "ed", "ful", "ous", "ic"))
            and tok.key not in PATTERN_WORDS)


def _particles_then_name(tokens: list[Token], j: int, taken: Container[int], title_case: bool) -> int:
    """How many tokens from `j` a run of up to two particles and the name word after it take
    ("van de Beek"), or 0 when no name word follows them."""
    k = j
    while k < len(tokens) and k - j < 2 and k not in taken and tokens[k].key in PARTICLES:
        k += 1
    return k + 1 - j if k < len(tokens) and k not in taken and name_token(tokens[k], title_case) else 0


def _shouted(tok: Token, before: Token) -> bool:
    """A word in capitals after a name written in mixed case: an emphasis, not the name's next
    word ("Luis Suarez TERMINATES his contract", "Man United WONT sign")."""
    return len(tok.text) >= 3 and tok.text.isalpha() and tok.text.isupper() and not before.text.isupper()


def _person(tokens: list[Token], i: int, j: int, taken: dict[int, Mention]) -> Person:
    name = " ".join(t.text for t in tokens[i:j])
    # Hyphen-joined tokens keep their spelling; only spaces between tokens are normalised.
    role: str | None = None
    club: str | None = None
    k = i - 1
    # Walk back over role nouns: "Liverpool centre-back", "Real Madrid head coach".
    while k >= 0 and (tokens[k].key in PLAYER_ROLES or tokens[k].key in MANAGER_ROLES
                      or tokens[k].key.split(" ")[-1] in PLAYER_ROLES
                      or tokens[k].key in NON_SUBJECT_ROLES
                      or tokens[k].key in {"new", "interim", "caretaker"}):
        if tokens[k].key == "agent" and k > 0 and tokens[k - 1].key == "free" and role is None:
            role = "player"  # "free agent Edinson Cavani": a player out of contract, no agent
        elif tokens[k].key in NON_SUBJECT_ROLES and role is None:
            role = "other"
        elif tokens[k].key in MANAGER_ROLES and role != "other":
            role = "manager"
        elif role is None and tokens[k].key.split(" ")[-1] in PLAYER_ROLES:
            role = "player"
        k -= 1
    if role is not None and k >= 1 and k not in taken and _describing(tokens[k]) and k - 1 in taken \
            and taken[k - 1].kind == "club":
        k -= 1  # "Inter Milan attacking sensation Pio Esposito": one adjective before the role
    if k >= 0 and k in taken and taken[k].national and role != "manager":
        # "Liverpool's Hungary midfielder": the nation is a nationality, the club comes before.
        k = taken[k].start - 1
    if k >= 0 and tokens[k].key == "'s":  # "Porto's Costa", "Liverpool's Mac Allister"
        k -= 1
        if k >= 0 and k in taken and taken[k].kind == "club":
            club = taken[k].name
    elif k >= 0 and k in taken and taken[k].kind == "club" and k < i - 1:
        club = taken[k].name
    options: tuple[str, ...] = ()
    if club and taken[k].national and role != "manager":
        club = None  # "Wales' Cain": a nationality, not a club
    elif club:
        options = taken[k].candidates  # "Madrid boss": the item may say which Madrid
        written = key(" ".join(t.text for t in tokens[taken[k].start:taken[k].end]))
        if len(options) > 1 and WEAK_DEFAULTS.get(written) != club:
            club = None  # "Sporting's Diomande": which Sporting is not known
    if club and k in taken:
        b = taken[k].start - 1
        while b >= 0 and (tokens[b].key in {"and", ","} or (b in taken and taken[b].kind == "club")):
            b -= 1  # "Former Spain and Real Madrid coach"
        if b >= 0 and (tokens[b].key in FORMER_WORDS or tokens[b].key in INCOMING):
            club = None  # a club once held, or one still to come ("incoming Madrid manager")
    return Person(name, i, j, role, club, options)


def headline_descriptions(tokens: list[Token], mentions: list[Mention], main: Person) -> list[Person]:
    """Descriptions in a headline that names nobody ("Chelsea plot move for rising star",
    "Arsenal target 18-year-old defensive sensation"): the person the item's text names.

    Headlines drop the article that `anaphora` needs, so any role noun not followed by a
    name stands for the described person; words before it (ages, fees, adjectives, a club)
    belong to the description."""
    clubs = {i for m in mentions for i in range(m.start, m.end)}
    out: list[Person] = []
    for j, tok in enumerate(tokens):
        if not description_noun(tok) or j in clubs:
            continue
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is not None and (nxt.is_cap or nxt.key in PLAYER_ROLES or nxt.key in {"'s", "s"}):
            continue  # an apposition ("Liverpool star Mohamed Salah") or a compound noun
        if nxt is not None and nxt.key in COLLECTIVE_NOUNS:
            continue  # "in bid for Belgian club": a nationality describing a club, not a person
        start = j
        while start > 0 and describing(tokens[start - 1], start - 1, clubs):
            start -= 1
        club = next((m.name for m in mentions if m.start >= start and m.end <= j and not m.national), None)
        out.append(Person(main.name, start, j + 1, "manager" if tok.key in MANAGER_ROLES else "player", club))
    if len({p.role for p in out}) > 1:
        # "Napoli boss wants Premier League midfielder": two people, and the one the item names
        # first is the boss (he comes first); the player stays undescribed rather than made him.
        out = [p for p in out if p.role == "manager"]
    return out


def anaphora(
    tokens: list[Token], mentions: list[Mention], persons: list[Person], main: Person
) -> list[Person]:
    """Descriptions and pronouns that stand for the item's first-named person.

    "the Liverpool defender", "the Belgian midfielder", "the 41-year-old", "the Portuguese";
    and "he"/"him" before anyone else is named. An apposition ("the Arsenal centre-back
    William Saliba") is not a stand-in: a name follows it.
    """
    taken: dict[int, Mention | Person] = {}
    spans: list[Mention | Person] = [*mentions, *persons]
    for m in spans:
        for i in range(m.start, m.end):
            taken[i] = m
    by_start = {m.start: m for m in mentions}
    clubs = {i for m in mentions if m.kind == "club" for i in range(m.start, m.end)}
    out: list[Person] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if tok.key not in DETERMINERS or i in taken:
            continue
        if i > 0 and tokens[i - 1].key in PREDICATING:
            continue  # "stepping down as the Madrid head coach", "will become the new Brazil boss": a role, not a stand-in
        if not opens_stand_in(tokens, i, clubs):
            continue  # no stand-in can start here (openers.py: what the gate asks too)
        j, club, role = i + 1, None, None
        former = False
        while j < n and j not in taken and tokens[j].key in AGE_OR_ADJ:
            former = former or tokens[j].key in FORMER_WORDS
            j += 1  # "the former England manager"
        if j in by_start and by_start[j].kind == "club":
            m = by_start[j]
            # "the former Reds midfielder": a club once held is not the person's club.
            club = None if m.national or former else m.name
            j = m.end
            if j < n and tokens[j].key == "'s":
                j += 1
        while j < n and j not in taken and (
            tokens[j].key in AGE_OR_ADJ or tokens[j].key.endswith("year old")
            or tokens[j].key in NATIONALITIES or tokens[j].text[0].isdigit()
        ):
            j += 1
        last = j
        while j < n and j not in taken and j - last < 2 and (
            tokens[j].key in PLAYER_ROLES or tokens[j].key in MANAGER_ROLES
            or tokens[j].key.split(" ")[-1] in PLAYER_ROLES
        ):
            role = "manager" if tokens[j].key in MANAGER_ROLES else role or "player"
            j += 1
        if j == last:
            # "the Portuguese", "the 41-year-old": a nationality noun or an age alone.
            end = j - 1
            if end > i and (tokens[end].key in NATIONALITY_NOUNS or tokens[end].key.endswith("year old")):
                j = end + 1
            elif j < n and j not in taken and tokens[j].key in NATIONALITY_NOUNS:
                j += 1
            else:
                continue
        if j < n and (j in taken and isinstance(taken[j], Person) or tokens[j].is_cap):
            continue  # an apposition: the name follows
        if role == "manager" and i > 0 and tokens[i - 1].key in {"under", "by"}:
            continue  # "his role under the new coach": someone else
        if role is None and j < n and tokens[j].key in COLLECTIVE_NOUNS:
            continue  # "the German champions", "the Spanish club": a club or a body, not a person
        if j < n and tokens[j].key in RELATIONS:
            continue  # "his international teammate", "the coaching staff": not the person
        if j < n and tokens[j].key == "of" and tokens[j - 1].key == "prospect":
            continue  # "face the prospect of losing X": a possibility, not a young player
        if role in {"head", "back", "left", "right", "no", "number", "international"}:
            continue
        # "X confirmed talks with Y, with the defender's deal running out": a player's description
        # after names in its own sentence stands for the nearest one, not the item's first.
        near = next((p for p in reversed(persons) if p.end <= i), None)
        told_by_main = near is not None and near.role in (None, "player") and any(  # and in another clause
            key(p.name).split(" ")[-1] == key(main.name).split(" ")[-1] and p.end <= near.start for p in persons
        ) and any(t.text == "," for t in tokens[near.end:i])
        out.append(Person(near.name if role == "player" and near and told_by_main else main.name, i, j, role, club))
    if not out:
        # "he"/"him" before anyone else is named: "Spanish media expect him to succeed
        # Ancelotti"; after a name the pronoun may be that person's.
        first = min((p.start for p in persons), default=len(tokens))
        for i, tok in enumerate(tokens[:first]):
            if tok.key in STAND_IN_PRONOUNS and i not in taken:
                out.append(Person(main.name, i, i + 1, None, None))
                break
    # "Reis: “He is having a medical”": in a speaker's quoted answer "he" is not the speaker.
    out.extend(Person(main.name, i, i + 1, None, None) for i in range(2, n) if not out
               and tokens[i].key in STAND_IN_PRONOUNS and i not in taken and tokens[i - 1].text in "“\"‘"
               and tokens[i - 2].text == ":" and any(p.end == i - 2 and p.name != main.name for p in persons))
    return out
