"""Real players and managers from openly licensed squad lists: who a name may be, and how common a surname is.

The shipped file (data/roster.json, built by `make roster` from openfootball's public-domain
squads of the World Cups 2018-2026, the Euros 2021 and 2024 and the Copas América 2021 and 2024;
see data/roster.NOTICE) holds one row per person: the folded name, the folded surname, the role
(player or manager), the year of birth, the national team and the last tournament listed.

It knows national-team squads only: most club players of the top leagues are there, few club
managers are, and nobody who first played for his country after the tournament. So it can
vouch for a name (a known player, a manager of a national team) but its silence says little:
the extractor must not drop a person for being absent.

Pure: the file is read once, on first use, through importlib.resources; nothing is written.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from bot.claims.lexicon import PARTICLES
from bot.claims.text import key

Role = Literal["player", "manager"]
DATA_FILE = "roster.json"
_DATA_PACKAGE = "bot.claims.data"


@dataclass(frozen=True, slots=True)
class RosterEntry:
    name: tuple[str, ...]  # folded name tokens, particles kept: ("virgil", "van", "dijk")
    surname: tuple[str, ...]  # folded surname tokens: ("van", "dijk")
    role: Role
    born: int  # year of birth; 0 when the source gives none
    team: str  # the national team whose squad lists him
    last_listed: int  # year of the latest tournament that lists him


@dataclass(frozen=True, slots=True)
class Roster:
    entries: tuple[RosterEntry, ...]
    by_name: dict[tuple[str, ...], tuple[RosterEntry, ...]]
    by_surname_token: dict[str, tuple[RosterEntry, ...]]
    latest: int  # the latest tournament year in the file


def name_key(name: str) -> tuple[str, ...]:
    """Folded tokens of a name as the roster stores them: "Ødegaard" -> ("odegaard",), "Alexander-Arnold" -> two."""
    return tuple(key(name).split())


def surname_tokens(surname: tuple[str, ...]) -> tuple[str, ...]:
    """The surname's tokens that identify someone: particles dropped unless nothing else is left."""
    kept = tuple(t for t in surname if t not in PARTICLES)
    return kept or surname


def roster_from(data: dict[str, object]) -> Roster:
    """A Roster from the shipped file's JSON (also used by tests on data of their own)."""
    rows = data["people"]
    assert isinstance(rows, list)
    entries = tuple(
        RosterEntry(tuple(str(n).split()), tuple(str(s).split()), "manager" if role == "manager" else "player",
                    int(born), str(team), int(last))
        for n, s, role, born, team, last in rows
    )
    by_name: dict[tuple[str, ...], list[RosterEntry]] = defaultdict(list)
    by_token: dict[str, list[RosterEntry]] = defaultdict(list)
    for entry in entries:
        by_name[entry.name].append(entry)
        for token in set(surname_tokens(entry.surname)):
            by_token[token].append(entry)
    return Roster(entries, {k: tuple(v) for k, v in by_name.items()},
                  {k: tuple(v) for k, v in by_token.items()}, max((e.last_listed for e in entries), default=0))


@cache
def load() -> Roster:
    """The shipped roster, read once; an empty one when the file is absent."""
    entry = resources.files(_DATA_PACKAGE).joinpath(DATA_FILE)
    if not entry.is_file():
        return roster_from({"people": []})
    return roster_from(json.loads(entry.read_text(encoding="utf-8")))


def _latest(entries: tuple[RosterEntry, ...] | list[RosterEntry]) -> RosterEntry:
    # Two people of one name: the one listed most recently, then the younger.
    return max(entries, key=lambda e: (e.last_listed, e.born, e.team))


def known_person(tokens: tuple[str, ...] | list[str], roster: Roster | None = None) -> RosterEntry | None:
    """The person a name (folded tokens, as name_key gives them) can only be, or None.

    A full name matches a row with the same tokens; a longer or shorter form one whose surname
    holds its last token and whose first token is the same ("Lucas Paqueta" for "Lucas Tolentino
    Paqueta") or whose surname it is whole ("Van Dijk"). A single token matches only when exactly
    one person has it in his surname: "Mbappe" yes, "Silva" never. Only squads are listed, so a
    single token that fits one of them may still be someone else (a club manager of that name).
    """
    roster = roster or load()
    tokens = tuple(tokens)
    if not tokens:
        return None
    exact = roster.by_name.get(tokens)
    if exact:
        return _latest(exact)
    sharing = roster.by_surname_token.get(tokens[-1], ())
    if len(tokens) == 1:
        return sharing[0] if len(_people(sharing)) == 1 else None
    wanted = surname_tokens(tokens)
    fits = [e for e in sharing if e.name[0] == tokens[0] or surname_tokens(e.surname) == wanted]
    return _latest(fits) if len(_people(fits)) == 1 else None


def _people(entries: tuple[RosterEntry, ...] | list[RosterEntry]) -> set[tuple[tuple[str, ...], int]]:
    return {(e.name, e.born) for e in entries}


def surname_people(token: str, roster: Roster | None = None) -> int:
    """How many distinct people in the roster carry this folded token in their surname."""
    roster = roster or load()
    return len(_people(roster.by_surname_token.get(token, ())))
