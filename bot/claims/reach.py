"""How near its keyword a pattern needs a person or a club, read off the pattern; and whether
a text has anything there that could become one.

Interest's "eye (?=(?:\\S+ ){0,4}@p)" needs a person at most four words after "eye". `reaches`
reads, for every branch of a pattern (every match is one branch's), the phrase the slot follows
(up to three literal words) and how many frame words at most stand between; a pattern where some
branch has no such need has none. `View.holds` asks of a title or summary as written whether,
in one sentence, after such a phrase and within that many words, stands a token at which the
person finder could start a person (openers.may_open_person), or the club finder a club.
A slot is one frame word however many tokens it covers, a token's key as many as its spaces
make: the walk from the phrase steps token by token or over any span a gazetteer mention could
take (mentions.spans), so every frame of the sentence is one of the walks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from bot.claims import learned, mentions
from bot.claims import text as text_module
from bot.claims.lexicon import NAME_SUFFIXES, PARTICLES
from bot.claims.openers import may_open_person, opens_name
from bot.claims.text import _SENT_END, MAX_SENTENCE_CHARS, tokenize

_MAX_BRANCHES = 4096
_SLOT_LETTERS = frozenset("pcsmy")  # of the slots a frame writes ("@p", "@c", "@s", "@m", "@y")
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_NO_SPACE_CATEGORIES = (_c.CATEGORY_NOT_SPACE, _c.CATEGORY_WORD, _c.CATEGORY_DIGIT)
_WORD = re.compile(r"\w*$")


@dataclass(frozen=True, slots=True)
class Reach:
    """A slot ("@p" or "@c") at most `most` frame words after a phrase of `whole` (its words in
    a row, the last one of them also found by its last run of word characters) or of `endings`
    (the same, the first word found by how it ends)."""

    whole: frozenset[tuple[str, ...]]
    endings: tuple[tuple[str, ...], ...]
    slot: str
    most: int


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
            elif ch == "@" and top and fresh and k + 1 < len(items) and items[k + 1][0] is _c.LITERAL \
                    and chr(items[k + 1][1]) in "pc" and not (k + 2 < len(items) and items[k + 2][0] is _c.LITERAL
                                                            and chr(items[k + 2][1]).isalnum()):
                found.append((state, "@" + chr(items[k + 1][1])))
                return state
            else:
                state = anchors, spaces, frozenset((w, t + ch, whole) for w, t, whole in tails), False
        elif op is _c.AT:
            if av in (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
                state = anchors, spaces, frozenset((w, t, whole or not (w or t)) for w, t, whole in tails), fresh
        elif op is _c.ASSERT:
            if top and av[0] == 1:  # a lookahead: its slot stands where it looks
                _walk(list(av[1]), state, found, True)
        elif op is _c.ASSERT_NOT:
            pass
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


def reaches(rx: re.Pattern[str]) -> tuple[Reach, ...] | None:
    """What every match of `rx` holds: one of these reaches (one a branch); None when a branch
    needs no slot near a keyword, or the pattern cannot be read."""
    if rx.flags & re.IGNORECASE:
        return None
    try:
        branches = _branches(list(_parser.parse(rx.pattern, rx.flags)))
    except (TypeError, ValueError, AttributeError, IndexError):
        return None
    if len(branches) > _MAX_BRANCHES:
        return None
    by_need: dict[tuple[str, int], set[tuple[tuple[str, ...], bool]]] = {}
    for items in branches:
        found: list[tuple[_State, str]] = []
        try:
            _walk(items, _START, found, True)
        except (TypeError, ValueError, AttributeError, IndexError):
            return None
        best = [(slot, spaces - 1, anchors) for (anchors, spaces, _, _), slot in found
                if anchors and spaces is not None and spaces >= 1]
        if not best:
            return None
        slot, most, found_anchors = min(best, key=lambda b: b[1])
        # A slot in a phrase ("of @m for"): the words after it, the first of them whole.
        anchors = {(p[k + 1:], True) if (k := max((i for i, w in enumerate(p) if "@" in w), default=-1)) >= 0
                   else (p, whole) for p, whole in found_anchors}
        if any(not p or whole and p[0] in _SLOT_LETTERS for p, whole in anchors):
            return None  # a phrase that is a slot ("@m bid for @p"; "\bm" in "@m"): not in the text
        by_need.setdefault((slot, most), set()).update(anchors)
    return tuple(Reach(frozenset(p for p, whole in anchors if whole),
                       tuple(sorted(p for p, whole in anchors if not whole)), slot, most)
                 for (slot, most), anchors in sorted(by_need.items()))


def anchor_needs(reach: Reach) -> list[tuple[tuple[str, int, int], tuple[tuple[str, ...], bool]]] | None:
    """The reach's phrases as the keyword gate's needs (prefilter.Need: a word edge certain
    after, and before a whole one), each with the phrase: one of them is in flat() of any text
    a frame meeting the reach comes from. None when a phrase holds a mark (flat() spaces them)."""
    phrases = [(p, True) for p in reach.whole] + [(p, False) for p in reach.endings]
    if any(not all(w.isalnum() and w.isascii() for w in p) for p, _ in phrases):
        return None
    return [((" ".join(p), int(whole), 1), (p, whole)) for p, whole in phrases]


Anchors = tuple[dict[int, tuple[tuple[str, ...], bool]], frozenset[int]] | None


def anchor_ids(reaches: tuple[Reach, ...] | None, ids: dict[tuple[str, int, int], int]) -> list[Anchors]:
    """Per reach: its phrases by their need's number in `ids` (numbered here when new), and
    those numbers; None for a reach whose phrases are not to be looked for."""
    out: list[Anchors] = []
    for reach in reaches or ():
        needs = anchor_needs(reach)
        phrases = None if needs is None else {ids.setdefault(n, len(ids)): p for n, p in needs}
        out.append(None if phrases is None else (phrases, frozenset(phrases)))
    return out


def wanted() -> bool:
    """Whether an item may be turned away for want of a slot near its keyword: not while the
    learned model reads what the gate lets through (switched on, or recording for training),
    since it finds interest where no pattern matches and learns from those items too."""
    return not learned.ENABLED and learned._RECORD.get() is None


Phrases = list[tuple[tuple[str, ...], bool]]  # a reach's phrases to look for, each whole or not


class View:
    """A title or summary as written, as the reach test reads it: its sentences where the
    splitter's plain reading (text.plain_spans) says where they end (else the whole text as
    one: a walk then runs on across ends, which only lets more through), each read only when
    flat() of it holds a phrase looked for."""

    def __init__(self, text: str, headline: bool, flat: Callable[[str], str]) -> None:
        text = text.strip()
        self.usable = not (len(text) >= MAX_SENTENCE_CHARS and any(len(w) >= MAX_SENTENCE_CHARS for w in text.split()))
        spans = text_module.plain_spans(text) if _SENT_END.search(text) else None
        self.pieces = [text[a:b] for a, b in spans] if spans else [text]
        self.headline = headline
        self.flat = flat

    def holds(self, near: list[tuple[Reach, Phrases | None]]) -> bool:
        """Whether a frame of a sentence of this text may meet one of these reaches, each with
        the phrases of it the whole text holds (None: all of them, unlooked for)."""
        if not self.usable:
            return True
        for piece in self.pieces:
            flat: str | None = None
            todo: list[tuple[Reach, Phrases]] = []
            for reach, phrases in near:
                if phrases is None:
                    todo.append((reach, [(p, True) for p in reach.whole] + [(p, False) for p in reach.endings]))
                    continue
                flat = self.flat(piece) if flat is None else flat
                here = [(p, whole) for p, whole in phrases if " ".join(p) in flat]
                if here:
                    todo.append((reach, here))
            if todo and _Sentence(piece, self.headline).holds(todo):
                return True
        return False


class _Sentence:
    """One piece of a text: its tokens, the frame words of each, and where mentions may stand."""

    def __init__(self, text: str, headline: bool) -> None:
        self.tokens = tokens = tokenize(text)
        self.headline = headline
        keys = [t.key for t in tokens]
        if any(" " in k for k in keys):
            self.words = [k.count(" ") + 1 for k in keys]
            self.flat = [w for k in keys for w in k.split(" ")]  # the frame words, in a row
            # Per flat word: the next token, and the words left in its own.
            self.after = [(i + 1, m - n - 1) for i, m in enumerate(self.words) for n in range(m)]
        else:  # one word a token (most sentences)
            self.words = [1] * len(keys)
            self.flat = keys
            self.after = [(i + 1, 0) for i in range(len(keys))]
        # A mention needs a token written as a name (mentions.named): none starts after the last
        # (a "." only inside one: not the sentence's last token).
        last = len(tokens) - 1
        self.last_named = max((i for i, t in enumerate(tokens) if mentions.named(t) and (i < last or t.text != ".")),
                              default=-1)
        self._spans: dict[int, list[int]] | None = None
        self._opens: dict[tuple[str, int], bool] = {}

    def places(self, word: str, whole: bool) -> list[int]:
        """Flat places of a word: itself, or (whole) its last run of word characters ("'s" as "s"),
        or (not whole) a word ending with it."""
        if not whole:
            return [p for p, w in enumerate(self.flat) if w.endswith(word)]
        return [p for p, w in enumerate(self.flat) if w == word or not w.isalnum()
                and _WORD.search(w).group() == word]  # type: ignore[union-attr]

    def spans(self, i: int) -> list[int]:
        """End tokens of every span a mention may take from token i (mentions.spans)."""
        if i > self.last_named:
            return []
        if self._spans is None:
            self._spans = mentions.spans(self.tokens)
        return self._spans.get(i, [])

    def _opener(self, slot: str, i: int) -> bool:
        got = self._opens.get((slot, i))
        if got is None:
            tokens = self.tokens
            if slot == "@p":
                got = may_open_person(tokens, i, _Clubs(self, i), self.headline)
            else:  # a gazetteer club, or a name-like run the person finder may take for one
                got = bool(self.spans(i)) or opens_name(tokens, i) or tokens[i].is_cap and tokens[i].key in NAME_SUFFIXES
            self._opens[(slot, i)] = got
        return got

    def _near(self, place: int, reach: Reach) -> bool:
        """Whether after flat word `place` an opener is in reach."""
        todo, seen, n = [self.after[place]], set(), len(self.tokens)
        while todo:
            i, u = todo.pop()
            if u > reach.most or i >= n or (i, u) in seen:
                continue
            seen.add((i, u))
            if self._opener(reach.slot, i):
                return True
            todo.append((i + 1, u + self.words[i]))
            todo.extend((end, u + 1) for end in self.spans(i))
        return False

    def _said(self, phrase: tuple[str, ...], place: int, whole: bool) -> bool:
        """Whether the flat words up to `place` end with the phrase (its last word looked up)."""
        k = len(phrase)
        if place + 1 < k:
            return False
        flat = self.flat
        for m in range(1, k):
            word, want = flat[place - m], phrase[k - 1 - m]
            if word != want and not (m == k - 1 and (word.endswith(want) if not whole else
                                                     _WORD.search(word).group() == want)):  # type: ignore[union-attr]
                return False
        return True

    def holds(self, todo: list[tuple[Reach, Phrases]]) -> bool:
        for reach, phrases in todo:
            for phrase, whole in phrases:
                for place in self.places(phrase[-1], whole or len(phrase) > 1):
                    if self._said(phrase, place, whole) and self._near(place, reach):
                        return True
        return False


class _Clubs:
    """The tokens a club may cover in a mention that starts at or after token `first` (what a
    stand-in or a description starting there can hold): a gazetteer span, or a run the person
    finder may take for a club it does not know (capitalised tokens and particles)."""

    __slots__ = ("first", "sentence")

    def __init__(self, sentence: _Sentence, first: int) -> None:
        self.sentence, self.first = sentence, first

    def __contains__(self, j: object) -> bool:
        s = self.sentence
        if not isinstance(j, int):
            return False
        if s.tokens[j].is_cap or s.tokens[j].key in PARTICLES:
            return True
        return any(end > j for start in range(self.first, j + 1) for end in s.spans(start))
