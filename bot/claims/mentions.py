"""Club and source mentions: one Aho-Corasick automaton over the gazetteer's names.

Matches run on the sentence's key string (token keys joined by one space) and count only
when they start and end on token edges; overlapping matches keep the longest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

import ahocorasick

from bot.claims import gazetteer
from bot.claims import text as text_module
from bot.claims.lexicon import (
    JOB_AT_GROUND,
    LOCATIVES,
    VENUE_WORDS,
    WEAK_DEFAULTS,
)
from bot.claims.text import Token, key


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # "club" | "source" | "place" (a ground named as a place: not a party)
    name: str  # canonical name
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    weak: bool = False
    national: bool = False
    candidates: tuple[str, ...] = ()  # a weak alias shared by several clubs names them all


@dataclass(frozen=True, slots=True)
class _Entry:
    kind: str
    name: str
    weak: bool
    national: bool
    exact: str | None = None  # an acronym alias ("AS", "BBC") must match its own case


@cache
def _automaton() -> ahocorasick.Automaton:
    table: dict[str, list[_Entry]] = {}

    def add(alias: str, entry: _Entry) -> None:
        k = key(alias)
        if len(alias) <= 5 and alias.isupper():
            entry = replace(entry, exact=alias)
        if k and entry not in table.setdefault(k, []):
            table[k].append(entry)

    for club in gazetteer.clubs():
        for alias in (club.name, *club.aliases):
            add(alias, _Entry("club", club.name, False, club.national))
        for alias in club.weak_aliases:
            add(alias, _Entry("club", club.name, True, club.national))
    for source in gazetteer.sources():
        for alias in (source.name, *source.aliases):
            add(alias, _Entry("source", source.name, False, False))
    auto = ahocorasick.Automaton()
    for k, entries in table.items():
        # A shared weak alias lists its usual reading first ("Madrid" -> Real Madrid).
        usual = WEAK_DEFAULTS.get(k)
        entries.sort(key=lambda e: (e.kind != "club", e.name != usual))
        # A strong reading of an alias beats a weak one of the same text.
        strong = [e for e in entries if not e.weak]
        auto.add_word(k, (len(k), tuple(strong or entries)))
    auto.make_automaton()
    return auto


def key_string(tokens: list[Token]) -> tuple[str, dict[int, int], dict[int, int]]:
    """Join token keys; map each token's start and end offsets back to its index."""
    parts: list[str] = []
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    pos = 0
    for i, tok in enumerate(tokens):
        if tok.key == ".":  # "St. Pauli" matches "st pauli"
            continue
        starts[pos] = i
        parts.append(tok.key)
        pos += len(tok.key)
        ends[pos] = i + 1
        pos += 1
    return " ".join(parts), starts, ends


_OCCURRENCES = text_module.item_memo()


def _occurrences(tokens: list[Token]) -> list[tuple[int, int, tuple[_Entry, ...]]]:
    """Every gazetteer alias on token edges written as a name may be (find() keeps some): once an
    item for one list of tokens (text.tokens_of shares it between the gate and the analyser)."""
    if not text_module.REUSE:
        return _find_occurrences(tokens)
    got = _OCCURRENCES.get(id(tokens))
    if got is None or got[0] is not tokens:  # the tokens kept beside: their id is not reused meanwhile
        got = text_module.remember(_OCCURRENCES, id(tokens), (tokens, _find_occurrences(tokens)))
    return got[1]  # type: ignore[no-any-return]


def _find_occurrences(tokens: list[Token]) -> list[tuple[int, int, tuple[_Entry, ...]]]:
    text, starts, ends = key_string(tokens)
    found: list[tuple[int, int, tuple[_Entry, ...]]] = []
    for end_char, (length, entries) in _automaton().iter(text):
        start_char = end_char - length + 1
        if start_char in starts and end_char + 1 in ends:
            start, end = starts[start_char], ends[end_char + 1]
            if any(map(named, tokens[start:end])):
                found.append((start, end, entries))
    return found


def may_start(tok: Token) -> bool:
    """Whether an occurrence may start at this token: an alias's first word is its key's (the key
    string from a token's start opens with the first word of its key; a "." is left out of it)."""
    return tok.key != "." and tok.key.split(" ", 1)[0] in _first_words()


@cache
def _first_words() -> frozenset[str]:
    return frozenset(k.split(" ", 1)[0] for k in _automaton())  # (iterating gives its keys)


def named(tok: Token) -> bool:
    """A token a mention needs one of: all-lower-case text ("the reds", "real", "as") is prose,
    not a name; a web address ("ge.globo", "kicker.de") is a name in any case."""
    return tok.is_cap or tok.text[0].isdigit() or tok.text == "."


def spans(tokens: list[Token], clubs: bool = False) -> dict[int, list[int]]:
    """Start token -> end tokens of every span a club or source mention (with `clubs`, a club
    mention) may take in these tokens (or in any run of them, a sentence of a text): the places
    find() chooses among."""
    out: dict[int, list[int]] = {}
    for start, end, entries in _occurrences(tokens):
        if not clubs or any(e.kind == "club" for e in entries):
            out.setdefault(start, []).append(end)
    return out


def both_spans(tokens: list[Token]) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """(spans(tokens), spans(tokens, clubs=True)) from one pass."""
    every: dict[int, list[int]] = {}
    clubs: dict[int, list[int]] = {}
    for start, end, entries in _occurrences(tokens):
        every.setdefault(start, []).append(end)
        if any(e.kind == "club" for e in entries):
            clubs.setdefault(start, []).append(end)
    return every, clubs


def find(tokens: list[Token]) -> list[Mention]:
    """Club and source mentions in one sentence, longest first, never overlapping."""
    found = sorted(_occurrences(tokens), key=lambda f: (f[0] - f[1], f[0]))  # a copy: the memo's stays
    taken: set[int] = set()
    out: list[Mention] = []
    for start, end, entries in found:
        if taken.intersection(range(start, end)):
            continue
        if entries[0].weak and start > 0 and tokens[start - 1].is_cap and tokens[start - 1].is_word \
                and not taken.intersection({start - 1}):
            continue  # "London City", "Orlando City": part of a name the gazetteer lacks
        written = " ".join(t.text for t in tokens[start:end])
        entries = tuple(e for e in entries if e.exact is None or e.exact == written)
        if not entries:
            continue
        taken.update(range(start, end))
        first = entries[0]
        clubs = tuple(e.name for e in entries if e.kind == "club")
        if clubs and _place(tokens, start, end):
            out.append(Mention("place", clubs[0], start, end))  # no club, and no name either
            continue
        out.append(
            Mention(
                first.kind if not clubs else "club",
                clubs[0] if clubs else first.name,
                start,
                end,
                weak=first.weak,
                national=first.national,
                candidates=clubs if first.weak else (),
            )
        )
    out.sort(key=lambda m: m.start)
    return _abroad(tokens, out)


# "clubs from England and Spain", "interest from Spain", "a move to Saudi Arabia": a country after
# these words is where the clubs are or the player goes, not its national team (no call-up).
_FROM_A_COUNTRY = frozenset({"clubs", "sides", "teams", "outfits", "suitors", "interest", "offers", "bids"})
# Verbs of arriving or being seen somewhere: "in" a club's city names the city.
_ARRIVING_IN = frozenset({"arrive", "arrives", "arrived", "arriving", "land", "lands", "landed", "landing", "jets", "jetted",
                          "flies", "flew", "spotted", "seen", "pictured", "photographed"})
_TO_A_COUNTRY = frozenset({"move", "moves", "moving", "transfer", "heads", "head", "heading", "loan"})


def _abroad(tokens: list[Token], found: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in found:
        k = m.start
        before = tokens[k - 2].key if k >= 2 else ""
        listed = k > 0 and tokens[k - 1].key in {"and", "or", ","} and out and out[-1].kind == "place" \
            and out[-1].end == k - 1
        if m.kind == "club" and k >= 2 and tokens[k - 1].key == "in" and tokens[k - 2].key in _ARRIVING_IN:
            m = Mention("place", m.name, m.start, m.end)  # "arrives in Liverpool to complete his Everton move": a city
        elif m.national and m.kind == "club" and (listed or k > 0 and (
                tokens[k - 1].key in {"from", "in"} and before in _FROM_A_COUNTRY
                or tokens[k - 1].key == "to" and before in _TO_A_COUNTRY)) \
                and not (m.end < len(tokens) and tokens[m.end].key in {"squad", "camp", "team", "duty", "call up"}):
            m = Mention("place", m.name, m.start, m.end)
        out.append(m)
    return out


def _place(tokens: list[Token], start: int, end: int) -> bool:
    """A ground after "to", "in", "on" ("his return to the Bernabéu", "booed on his return
    to Stamford Bridge") is where something happens; "an Anfield return", "leave Old
    Trafford", "his contract at Anfield" name the club."""
    if not any(w in VENUE_WORDS for t in tokens[start:end] for w in t.key.split(" ")):
        return False
    if end < len(tokens) and tokens[end].key in JOB_AT_GROUND:
        return False  # "in the Bernabéu hotseat", "the Anfield dugout": the club's job
    k = start - 1
    if k >= 0 and tokens[k].key == "the":
        k -= 1
    return k >= 0 and tokens[k].key in LOCATIVES


@cache
def source_names() -> frozenset[str]:
    """Folded keys of every source name and alias: journalists are never subjects."""
    return frozenset(key(a) for s in gazetteer.sources() for a in (s.name, *s.aliases))


