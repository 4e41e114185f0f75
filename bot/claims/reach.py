"""How near its keyword a pattern needs a person or a club, read off the pattern; and whether
a text has anything there that could become one.

Interest's "eye (?=(?:\\S+ ){0,4}@p)" needs a person at most four words after "eye". `reaches`
reads, for every branch of a pattern (every match is one branch's), the phrase the slot follows
(up to three literal words) and how many frame words at most stand between; a pattern where some
branch has no such need has none. `nearby.View.holds` asks of a title or summary as written whether,
in one sentence, after such a phrase and within that many words, stands a token at which the
person finder could start a person (openers.may_open_person), or the club finder a club:
that side is nearby.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_MAX_BRANCHES = 4096
_SLOT_LETTERS = frozenset("pcsmy")  # of the slots a frame writes ("@p", "@c", "@s", "@m", "@y")
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_NO_SPACE_CATEGORIES = (_c.CATEGORY_NOT_SPACE, _c.CATEGORY_WORD, _c.CATEGORY_DIGIT)


@dataclass(frozen=True, slots=True)
class Reach:
    """A slot ("@p" or "@c") at most `most` frame words after a phrase of `whole` (its words in
    a row, the last one of them also found by its last run of word characters) or of `endings`
    (the same, the first word found by how it ends)."""

    whole: frozenset[tuple[str, ...]]
    endings: tuple[tuple[str, ...], ...]
    slot: str
    most: int


Phrases = list[tuple[tuple[str, ...], bool]]  # a reach's phrases to look for, each whole or not
Anchors = tuple[dict[int, tuple[tuple[str, ...], bool]], frozenset[int]] | None


# A walk's state: the anchors met (phrases, whether their first word is whole; None: none known),
# spaces consumed since the anchor's end (None: no bound), what the text read so far ends with
# (the phrase's finished words, the current word's letters, whether the first is whole), and
# whether it stands at a word's start.
_Tail = tuple[tuple[str, ...], str, bool]
_State = tuple[frozenset[tuple[tuple[str, ...], bool]] | None, int | None, frozenset[_Tail], bool]
_PHRASE = 3  # words of a phrase kept
_UNKNOWN: frozenset[_Tail] = frozenset({((), "", False)})
_START: _State = (None, None, _UNKNOWN, False)


def _spaces(seq: Iterable[tuple[Any, Any]]) -> int | None:
    """The most spaces a match of a parsed sequence can hold (None: no bound or unknown)."""
    total = 0
    for op, av in seq:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            n: int | None = 0
        elif op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            n = int(_may_be_space(op, av))
        elif op is _c.SUBPATTERN:
            n = _spaces(av[-1])
        elif op is _c.BRANCH:
            each = [_spaces(b) for b in av[1]]
            n = None if any(x is None for x in each) else max((x for x in each if x is not None), default=0)
        elif op in _REPEATS:
            body = _spaces(av[2])
            n = None if body is None or body and av[1] is _c.MAXREPEAT else body * av[1]
        else:
            return None
        if n is None:
            return None
        total += n
    return total


def _may_be_space(op: Any, av: Any) -> bool:
    if op is _c.LITERAL:
        return bool(av == 32)
    if op is _c.NOT_LITERAL:
        return bool(av != 32)
    if op is _c.IN:
        negate = bool(av) and av[0][0] is _c.NEGATE
        hit = False
        for o, v in av[1:] if negate else av:
            if o is _c.LITERAL:
                hit = hit or v == 32
            elif o is _c.RANGE:
                hit = hit or v[0] <= 32 <= v[1]
            elif o is _c.CATEGORY:
                # A negated class ([^\S]) is read as if it took anything: only a plain class
                # of non-space categories can be said to take no space.
                hit = hit or v not in _NO_SPACE_CATEGORIES or negate
            else:
                return True
        return not hit if negate else hit
    return True  # ANY


def _merge(states: list[_State]) -> _State:
    anchors = None if any(s[0] is None for s in states) else frozenset().union(*(s[0] for s in states if s[0]))
    spaces = None if any(s[1] is None for s in states) else max(s[1] for s in states if s[1] is not None)
    return anchors, spaces, frozenset().union(*(s[2] for s in states)), all(s[3] for s in states)


def _space(state: _State) -> _State:
    anchors, spaces, tails, _ = state
    if all(current for _, current, _ in tails):
        # The word just ended closes a phrase: the nearest anchor (its last _PHRASE words).
        phrases = frozenset(((*words, current)[-_PHRASE:], whole or len(words) + 1 > _PHRASE)
                            for words, current, whole in tails)
        return phrases, 1, frozenset((p, "", w) for p, w in phrases), True
    return anchors, None if spaces is None else spaces + 1, frozenset({((), "", True)}), True


def _walk(items: list[tuple[Any, Any]], state: _State, found: list[tuple[_State, str]], top: bool) -> _State:
    """The state after a parsed sequence; at the top (and in a lookahead there), each slot met
    at a word's start goes to `found` with the state before it."""
    for k, (op, av) in enumerate(items):
        anchors, spaces, tails, fresh = state
        if op is _c.LITERAL:
            ch = chr(av)
            if ch == " ":
                state = _space(state)
                continue
            if ch == "@" and top and fresh and k + 1 < len(items) and items[k + 1][0] is _c.LITERAL \
                    and chr(items[k + 1][1]) in "pc" and not (k + 2 < len(items) and items[k + 2][0] is _c.LITERAL
                                                            and chr(items[k + 2][1]).isalnum()):
                found.append((state, "@" + chr(items[k + 1][1])))  # and read on: a phrase may follow
            state = anchors, spaces, frozenset((w, t + ch, whole) for w, t, whole in tails), False
        elif op is _c.AT:
            if av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
                state = anchors, spaces, frozenset((w, t, whole or not (w or t)) for w, t, whole in tails), fresh
        elif op is _c.ASSERT:
            if top and av[0] == 1:  # a lookahead: its slot stands where it looks
                _walk(list(av[1]), state, found, True)
        elif op is _c.ASSERT_NOT:
            continue  # a negative lookaround takes no text and moves no slot: the state stays
        elif op is _c.SUBPATTERN:
            state = _walk(list(av[-1]), state, found, False)
        elif op is _c.BRANCH:
            state = _merge([_walk(list(b), state, found, False) for b in av[1]])
        elif op in _REPEATS:
            state = _repeat(av, state)
        else:
            n = _spaces([(op, av)])
            state = (None, None, _UNKNOWN, False) if n is None else \
                (anchors, None if spaces is None else spaces + n, _UNKNOWN, False)
    return state


def _repeat(av: Any, state: _State) -> _State:
    """The state after a repeat: after one round (its anchors nearest), or after more (as far
    as all rounds reach), or, when it may not run, where it was."""
    low, high, body = av
    n = _spaces(body)
    if n is None:
        return None, None, _UNKNOWN, False
    if high == 0:
        return state
    once = _walk(list(body), state, [], False)
    if high != 1:
        anchors = None if once[0] is None or state[0] is None else once[0] | state[0]
        far = None if state[1] is None or high is _c.MAXREPEAT and n else state[1] + n * high
        spaces = None if far is None or once[1] is None else max(far, once[1])
        # A round whose end depends on where it began (no space in it) leaves the word unknown.
        alone = _walk(list(body), (None, 0, frozenset({(("\0",), "\0", False)}), False), [], False)[2]
        if any("\0" in t for _, t, _ in alone):  # the last word began before the round
            once = anchors, spaces, _UNKNOWN, False
        elif any("\0" in w for words, _, _ in alone for w in words):  # the phrase did: forget it
            once = anchors, spaces, frozenset({((), "", True)}) if once[3] else _UNKNOWN, once[3]
        else:
            once = anchors, spaces, once[2], once[3]
    return once if low else _merge([state, once])


def _branches(items: list[tuple[Any, Any]]) -> list[list[tuple[Any, Any]]]:
    """The sequence as alternatives: an alternation (or group) that opens it, spread out."""
    for k, (op, av) in enumerate(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.SUBPATTERN:
            return _branches(items[:k] + list(av[-1]) + items[k + 1:])
        if op is _c.BRANCH:
            out: list[list[tuple[Any, Any]]] = []
            for b in av[1]:
                out += _branches(items[:k] + list(b) + items[k + 1:])
                if len(out) > _MAX_BRANCHES:
                    break
            return out
        break
    return [items]


def _parsed(rx: re.Pattern[str]) -> list[list[tuple[Any, Any]]] | None:
    if rx.flags & re.IGNORECASE:
        return None
    try:
        branches = _branches(list(_parser.parse(rx.pattern, rx.flags)))
    except (TypeError, ValueError, AttributeError, IndexError):
        return None
    return branches if len(branches) <= _MAX_BRANCHES else None


_Need = tuple[str, int, frozenset[tuple[tuple[str, ...], bool]]]  # slot, most words, phrases


def _reach_of(items: list[tuple[Any, Any]]) -> _Need | None:
    """A branch's nearest slot need, or None."""
    found: list[tuple[_State, str]] = []
    _walk(items, _START, found, True)
    best = [(slot, spaces - 1, anchors) for (anchors, spaces, _, _), slot in found
            if anchors and spaces is not None and spaces >= 1]
    if not best:
        return None
    slot, most, found_anchors = min(best, key=lambda b: b[1])
    # A slot in a phrase ("of @m for"): the words after it, the first of them whole.
    anchors = frozenset((p[k + 1:], True) if (k := max((i for i, w in enumerate(p) if "@" in w), default=-1)) >= 0
                        else (p, whole) for p, whole in found_anchors)
    if any(not p or whole and p[0] in _SLOT_LETTERS for p, whole in anchors):
        return None  # a phrase that is a slot ("@c @p"; "\\bm" in "@m"): not in the text
    return slot, most, anchors


def _grouped(needs: Iterable[_Need]) -> dict[tuple[str, int], set[tuple[tuple[str, ...], bool]]]:
    by_need: dict[tuple[str, int], set[tuple[tuple[str, ...], bool]]] = {}
    for slot, most, anchors in needs:
        by_need.setdefault((slot, most), set()).update(anchors)
    return by_need


def _reach(slot: str, most: int, anchors: set[tuple[tuple[str, ...], bool]]) -> Reach:
    return Reach(frozenset(p for p, whole in anchors if whole), tuple(sorted(p for p, whole in anchors if not whole)),
                 slot, most)


def reaches(rx: re.Pattern[str]) -> tuple[Reach, ...] | None:
    """What every match of `rx` holds: one of these reaches (one a branch); None when a branch
    needs no slot near a keyword, or the pattern cannot be read."""
    branches = _parsed(rx)
    try:
        needs = [_reach_of(items) for items in branches or ()]
    except (TypeError, ValueError, AttributeError, IndexError):
        return None
    if not needs or any(n is None for n in needs):
        return None
    return tuple(_reach(slot, most, a) for (slot, most), a in sorted(_grouped(n for n in needs if n).items()))


Check = Callable[[frozenset[int]], bool]  # a test of the needs a text meets (prefilter.Gate)


@dataclass(frozen=True, slots=True)
class Near:
    """What a pattern needs, branch by branch: `free`, the keywords of its branches that need
    no slot near (None: it has none); `reached`, per slot need, the keywords of its branches
    that have it, the reach, and its phrases as numbered needs (anchor_ids)."""

    free: Check | None
    reached: tuple[tuple[Check, Reach, Anchors], ...]

    def wants(self, met: frozenset[int]) -> list[tuple[Reach, Phrases | None]] | None:
        """None when a branch that needs no slot near may match a text meeting `met`; else the
        reaches left to read there, each with its phrases met (None: not looked for)."""
        if self.free is not None and self.free(met):
            return None
        out: list[tuple[Reach, Phrases | None]] = []
        for check, reach, anchors in self.reached:
            phrases = None if anchors is None else [anchors[0][n] for n in anchors[1] & met]
            if (phrases is None or phrases) and check(met):
                out.append((reach, phrases))
        return out


def near_of(rx: re.Pattern[str], ids: dict[tuple[str, int, int], int],
            compiled: Callable[[list[list[tuple[Any, Any]]]], Check | None]) -> Near | None:
    """The pattern's Near, with `compiled(branches)` a test that holds wherever one of those
    parsed branches may match (None: anywhere); None when no branch needs a slot near its
    keyword, when one that needs none needs no keyword, or when the pattern cannot be read."""
    branches = _parsed(rx)
    try:
        needs = [_reach_of(items) for items in branches or ()]
    except (TypeError, ValueError, AttributeError, IndexError):
        return None
    if all(n is None for n in needs):
        return None
    free: Check | None = None
    if any(n is None for n in needs):
        free = compiled([items for items, n in zip(branches or (), needs, strict=True) if n is None])
        if free is None:
            return None
    reached: list[tuple[Check, Reach, Anchors]] = []
    for (slot, most), anchors in sorted(_grouped(n for n in needs if n).items()):
        own = [items for items, n in zip(branches or (), needs, strict=True) if n and n[:2] == (slot, most)]
        reach = _reach(slot, most, anchors)
        reached.append((compiled(own) or _anywhere, reach, anchor_ids(reach, ids)))
    return Near(free, tuple(reached))


def _anywhere(met: frozenset[int]) -> bool:
    return True


def anchor_needs(reach: Reach) -> list[tuple[tuple[str, int, int], tuple[tuple[str, ...], bool]]] | None:
    """The reach's phrases as the keyword gate's needs (prefilter.Need: a word edge certain
    after, and before a whole one), each with the phrase: one of them is in flat() of any text
    a frame meeting the reach comes from. None when a phrase holds a mark (flat() spaces them)."""
    phrases = [(p, True) for p in reach.whole] + [(p, False) for p in reach.endings]
    if any(not all(w.isalnum() and w.isascii() for w in p) for p, _ in phrases):
        return None
    return [((" ".join(p), int(whole), 1), (p, whole)) for p, whole in phrases]


def anchor_ids(reach: Reach, ids: dict[tuple[str, int, int], int]) -> Anchors:
    """The reach's phrases by their need's number in `ids` (numbered here when new), and those
    numbers; None when its phrases are not to be looked for."""
    needs = anchor_needs(reach)
    phrases = None if needs is None else {ids.setdefault(n, len(ids)): p for n, p in needs}
    return None if phrases is None else (phrases, frozenset(phrases))
