"""Round-up headlines: several rumours in one line, each segment its own subject and development.

"Liverpool transfer news: Guéhi bid, Konaté update and Ekitike medical", "Rumour mill: Isak to
Liverpool, Sesko to Newcastle": the segments between commas, semicolons, bars and "and" have
no verb. Two readings make them claims:

- a segment that is only a person and a club joined by "to" ("Isak to Liverpool", "Balogun to
  Spurs?") names a move; as a rumour it asserts the club's interest, no rung of a deal (the
  headline may tell a higher rung elsewhere, and the item's merge keeps the highest); a segment
  that is a name and a noun naming a rung ("Guéhi bid", "Wirtz agreement") asserts that rung;
- a label before the colon that is a club and words of no verb ("Liverpool transfer news:",
  "Celtic LIVE:", "Man Utd round-up |") says whose news follows: a move in a segment after it
  that names no club of its own is that club's ("Guéhi bid" is Liverpool's bid).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING

from bot.claims import text as text_module
from bot.claims.flatten import flat
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import MANAGER_ROLES, PARTICLES, PLAYER_ROLES, ROLE_MODIFIERS
from bot.claims.openers import GRAMMAR_OPENER
from bot.claims.text import item_memo, remember

if TYPE_CHECKING:
    from bot.claims.mentions import Mention

# Marks and words that close a verbless segment on either side.
_OPENS = frozenset({",", ":", ";", "|", "and", "&", "-", "–", "—", "?", "!", "•"})
_CLOSES = _OPENS | frozenset({".", "as", "amid", "after", "in", "for", "on", "with", "'"})
_LABEL_MARKS = frozenset({":", "|", "-", "–", "—"})
# Words a label holds besides its club: nouns and adjectives of what kind of page follows.
_LABEL_WORDS = 4
_PAGE_WORDS = frozenset({"transfer", "summer", "january", "winter"})  # "transfer news", not a role
_VERBISH = frozenset({"is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "could",
                      "can", "may", "should", "to", "not", "@p", "@s", "'s", "?"})


# Nouns that name a rung, read after a name in a verbless segment ("Guéhi bid", "Wirtz agreement").
_RUNG_NOUNS = {"bid": "bid", "bids": "bid", "offer": "bid", "offers": "bid", "agreement": "agreement",
               "talks": "talks", "medical": "medical", "contact": "talks"}


def verbless_moves(fr: Frame, persons: Iterable[int]) -> list[Trigger]:
    """A trigger for every segment that is only "@p to @c" (`interest` on "to @c") or a name
    and a rung noun ("@p bid": that rung)."""
    units = fr.units
    n = len(units)
    out: list[Trigger] = []
    for p in persons:
        noun = _RUNG_NOUNS.get(units[p + 1][2]) if p + 1 < n else None
        if noun and (p == 0 or units[p - 1][2] in _OPENS) and (p + 2 == n or units[p + 2][2] in _OPENS | {"."}):
            out.append(Trigger(noun, p + 1, p + 2, "before", False))
            continue
        if p + 2 >= n or units[p + 1][2] != "to" or units[p + 2][2] != "@c":
            continue
        if p > 0 and units[p - 1][2] not in _OPENS or _governed_list(units, p):
            continue  # "sold X to Liverpool", "from X to Y": a verb or a preposition governs it
        if p + 3 < n and units[p + 3][2] not in _CLOSES:
            continue  # "X to Liverpool fans": the club qualifies another noun
        out.append(Trigger("interest", p + 1, p + 3, "before", False))
    return out


def _governed_list(units: list[tuple[int, int, str]], p: int) -> bool:
    """Whether the name at `p` closes a list whose first name a verb governs ("lost X and Y to
    United and Newcastle in 2025"): the list is the verb's object, no segment of its own."""
    k = p
    while k >= 2 and units[k - 1][2] in {"and", ",", "&"} and units[k - 2][2] == "@p":
        k -= 2
    return k != p and k > 0 and units[k - 1][2] not in _OPENS


def label_end(fr: Frame, unit_club: Mapping[int, Mention], trigs: list[Trigger]) -> int | None:
    """Where a headline's opening label ends ("Liverpool transfer news:"), if it has one: the
    unit of its colon or bar, after a club and a few words of no verb, before any development."""
    units = fr.units
    if not units or units[0][2] != "@c" or 0 not in unit_club:
        return None
    for u in range(1, min(len(units), _LABEL_WORDS + 2)):
        w = units[u][2]
        if w in _LABEL_MARKS:
            if any(t.start < u for t in trigs) or "@p" not in (x[2] for x in units[u + 1:]):
                return None
            return u
        if w in _VERBISH or not w.replace(" ", "").isalpha() or w in PLAYER_ROLES or w in MANAGER_ROLES \
                or w in ROLE_MODIFIERS and w not in _PAGE_WORDS:
            return None  # "Liverpool star X:", "Chelsea's Y:" are no labels
    return None


def label_club(fr: Frame, unit_club: Mapping[int, Mention], trigs: list[Trigger]) -> str | None:
    """The club a headline's opening label names, if it has one."""
    return unit_club[0].name if label_end(fr, unit_club, trigs) is not None else None


def cut_label(parts: list[range], end: int | None) -> list[range]:
    """The clauses with the label standing alone: its club acts in no segment."""
    if end is None or not parts or end + 1 >= parts[0].stop:
        return parts
    return [range(parts[0].start, end + 1), range(end + 1, parts[0].stop), *parts[1:]]


# Developments a club makes as the buyer: a label's club is their counterpart.
_BUYING = frozenset({"interest", "talks", "bid", "agreement", "medical", "completed"})


def labelled(kind: str, cp: str | None, frm: str | None, label: str | None, own: str | None) -> tuple[str | None, str | None]:
    """(counterpart, from_club) with a round-up label's club filled in where the segment names
    none: the buyer of a move ("Liverpool news: Guéhi bid"), the club a loan leaves ("Man Utd
    news: Mainoo loan"), the club an extension is with."""
    if label is None or cp is not None or label in (frm, own):
        return cp, frm
    if kind in _BUYING:
        return label, frm
    if kind == "contract_extension":
        return label, frm or label  # "Celtic news: McGregor contract talks": the club he stays with
    if kind == "loan" and frm is None:
        return None, label
    return cp, frm


# A question on whether someone goes to a club: "Could X be heading to Y?", "Is X on his way to Y?".
_ASKING = frozenset({"could", "will", "would", "is", "are", "should", "can", "might", "may"})
_GOING = frozenset({"be", "heading", "head", "headed", "on", "his", "her", "their", "way", "off", "going",
                    "moving", "move", "switching", "switch", "returning", "return", "go", "set", "poised",
                    "about", "ready", "finally", "next", "now", "soon", "really", "still", "make", "the",
                    "a", "shock", "surprise", "dream"})


def asked_moves(fr: Frame, persons: Iterable[int]) -> list[Trigger]:
    """An `interest` trigger for a polar question whose words between a name and "to @c" only
    tell the person going there: asked, a move is only talked of, and the club's link stands."""
    units = fr.units
    n = len(units)
    if n < 5 or units[0][2] not in _ASKING or units[n - 1][2] != "?" and units[n - 2][2] != "?":
        return []
    out: list[Trigger] = []
    for p in persons:
        for u in range(p + 1, min(p + 6, n - 1)):
            if units[u][2] == "to" and units[u + 1][2] == "@c":
                if all(units[w][2] in _GOING for w in range(p + 1, u)):
                    out.append(Trigger("interest", u, u + 2, "before", False))
                break
    return out


# A capital letter in any script (Python's re has no \p{Lu}): "Ødegaard", "Šeško" open names too.
_CAP = "[" + "".join(re.escape(c) for c in map(chr, range(0x10000)) if c.isupper() or c.istitle()) + "]"
# A name opening a segment (after any mark that opens one, or a sentence's end: up to five words,
# each capitalised or a particle, "van Dijk" too), "to", a capitalised word: what "Isak to
# Liverpool" needs, looked for in texts the keyword gate turns away (no pattern keyword in them).
_NAME_WORD = rf"(?:{_CAP}[\w'’.-]*|(?i:{'|'.join(sorted(PARTICLES))}))"
_MOVE_MARKS = ",:;|&–—?!•.-"  # the marks that open a segment
_MAY_MOVE = re.compile(rf"(?:^|(?P<mark>[{re.escape(_MOVE_MARKS)}])\s*|\band\s+)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
                       rf"\s+to\s+{_CAP}")
# A capitalised word before a pursuit noun: what "in the Baleba pursuit" needs (phrases.pursued
# reads the same nouns).
PURSUITS = frozenset({"pursuit", "chase", "race", "sweepstakes", "scramble", "hunt", "tussle"})
_MAY_PURSUE = re.compile(rf"{_CAP}[\w'’.-]*\s+(?i:{'|'.join(sorted(PURSUITS))})\b")  # "In Baleba Pursuit" too


def may_hold(*texts: str) -> bool:
    """Whether any of the texts (title, summary, content) may hold a verbless "@p to @c" segment
    or a name before a pursuit noun: forms the keyword gate, which reads only the kind patterns,
    turns away. Loose on purpose: a text it lets through is only read, one it turns away is lost."""
    return any(_holds(text) for text in texts if text)


# Each text's answer, once an item (text.item_memo): the keyword gate asks it of a title and a
# summary after its reach test has, and the binding gate of each sentence, often the same text.
_HOLDS = item_memo()


def _holds(text: str) -> bool:
    if not text_module.REUSE:
        return " to " in text and _may_move(text) or _may_pursue(text)
    got = _HOLDS.get(text)
    if got is None:
        got = remember(_HOLDS, text, " to " in text and _may_move(text) or _may_pursue(text))
    return got  # type: ignore[no-any-return]


# Every _MAY_MOVE match ends with space, "to", space, a capital; most texts with " to " have none.
# (The plain form of the test: _TO_CAP_SEARCH below is what runs, and the tests hold it to this.)
_TO_CAP = re.compile(rf"\sto\s+{_CAP}")
# The same search with "to" first, the space before it read behind: re then skips from one "to" to
# the next as it does for any literal opening, where a class opening is tried a character at a time.
_TO_CAP_SEARCH = re.compile(rf"to(?<=\sto)\s+{_CAP}")


def _may_move(text: str) -> bool:
    if _TO_CAP_SEARCH.search(text) is None:
        return False  # (speed only: the search below finds nothing either)
    for m in _move_matches(text):
        name = m.group("name")
        mark = text[m.start()] if m.start() < m.start("name") and text[m.start()] in _MOVE_MARKS else None
        opening = m.start("name") == 0 or mark in (".", "!", "?", ":")
        if opening and " " not in name and GRAMMAR_OPENER.search(name.casefold()):
            continue  # "According to Marca": one word of grammar opening a sentence is nobody
        return True
    return False


# _MAY_MOVE past the text's first character, written so that re tries the pattern only where a
# match may start: every branch opens with a literal (a mark, or the "a" of "and" with the word
# edge before it read behind), and re then skips the characters none opens with; with an opening
# "^" (or a class) it tries the whole pattern at every position (about 9 µs a summary holding " to " and a capital).
# The same matches where a match cannot start at 0 (tests/claims/test_speed_shortcuts.py).
_MAY_MOVE_ON = re.compile("(?:" + "|".join(re.escape(c) + r"\s*" for c in _MOVE_MARKS) + r"|a(?<!\wa)nd\s+)"
                          + _MAY_MOVE.pattern.split(r"|\band\s+)", 1)[1])


def _move_matches(text: str) -> Iterator[re.Match[str]]:
    """_MAY_MOVE.finditer(text): a match at 0 asked of _MAY_MOVE itself (its "^" holds there
    alone), the rest found by _MAY_MOVE_ON from where that one ended."""
    first = _MAY_MOVE.match(text)
    if first is not None:
        yield first
    yield from _MAY_MOVE_ON.finditer(text, first.end() if first is not None else 1)


def _may_pursue(text: str) -> bool:
    """_MAY_PURSUE.search(text); an ASCII text (where re.I matches a letter by its lower case
    alone) first asked whether it holds a pursuit noun at all (speed only). Asked of flat(), which
    the gates have made already: an ASCII text's flat() is its lower case with runs of marks and
    spaces made one space, so a run of letters is in one exactly where it is in the other."""
    if text.isascii() and not any(map(flat(text).__contains__, PURSUITS)):  # (no generator frame per noun)
        return False
    return _MAY_PURSUE.search(text) is not None


def rung_label(fr: Frame, trigs: list[Trigger]) -> tuple[int, list[Trigger]] | None:
    """A headline that opens with a rung as its label ("Talks held:", "Bid prepared:"): the
    unit of the label's colon and the label's triggers (a rung noun alone makes one). The rest
    of the headline says whose development the label tells."""
    units = fr.units
    if " : " not in fr.text:
        return None
    mark = next((u for u in range(1, min(len(units), _LABEL_WORDS + 1)) if units[u][2] == ":"), None)
    if mark is None or any(not units[u][2].replace(" ", "").isalpha() for u in range(mark)):
        return None  # a label names nobody and no club: "Isak:", "Arsenal:" are other forms
    found = [t for t in trigs if t.end <= mark and not t.negated]
    if not found:
        noun = next((u for u in range(mark) if units[u][2] in _RUNG_NOUNS), None)
        if noun is None:
            return None
        found = [Trigger(_RUNG_NOUNS[units[noun][2]], noun, noun + 1, "after", False)]
    return mark, found


def label_bindings(fr: Frame, parts: list[range], bound: list[tuple[Trigger, int, range]],
                   persons: Mapping[int, object], trigs: list[Trigger]) -> list[tuple[range, Trigger, int]]:
    """The rung label's triggers bound to the one the rest of the headline is about: the first
    person a development after the label is told of, else the first person after it."""
    label = rung_label(fr, trigs)
    if label is None:
        return []
    mark, found = label
    # The label's clubs are the ones the headline's own development names: up to its end.
    subject = next(((u, range(0, max(t.end, u + 1))) for t, u, _ in bound if t.start > mark), None)
    if subject is None:
        unit = next((u for c in parts for u in c if u > mark and u in persons), None)
        if unit is None:
            return []
        # "Talks held: Spurs lead race to sign Liverpool & Arsenal target": the club that acts
        # first after the label, not the ones that describe the person.
        club = next((u for u in range(mark + 1, unit) if fr.units[u][2] == "@c"), None)
        subject = unit, range(0, unit if club is None else club + 1)
    unit, reach = subject
    taken = {id(t) for t, _, _ in bound}
    told = {t.kind for t, u, _ in bound if u == unit}  # "Deal agreed: Chelsea agree fee for X": told once
    return [(reach, t, unit) for t in found if id(t) not in taken and t.kind not in told]


def own_segment(fr: Frame, clause: range, t: Trigger, unit: int) -> range:
    """The clause a verbless "@p to @c" segment's move is read in: the segment alone, so that
    a club after it ("Nunez to Napoli: latest Liverpool rumours") is no party to it."""
    if t.kind == "interest" and t.end - t.start == 2 and unit == t.start - 1 and fr.units[t.start][2] == "to":
        return range(unit, t.end)
    return clause
