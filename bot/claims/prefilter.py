"""Keywords the kind patterns cannot match without, read off the patterns themselves.

Most items carry no claim, and a claim needs a kind pattern to match a frame. `required`
reads a pattern's parse tree for clauses every match meets, each a set of keywords one of
which occurs: literal stretches ("on from", "medical", "?"), with whether a word edge (\\b,
a space) is certain before or after. A pattern runs only on a frame that meets all its
clauses, and an item whose title and summary meet no pattern's clauses has no claim.

A keyword is lower-case ASCII words joined by single spaces, the first of 2+ characters, or
one ASCII mark other than "@", "_" and key()'s inner marks (- ' .). Why one in a frame is
in flat() of the title or summary the frame comes from, its edges too: it cannot touch a
slot ("@c") or the "'s" unit, so it covers consecutive units that are key(token) or a token
as written (punctuation, money). key() is fold() with inner marks spaced out, and flat() is
fold() character by character, with foreign punctuation, "_" and inner marks made spaces;
neighbouring tokens have only spaces, "_" or inner marks between them. Tokens come from
sentences, substrings of clean(title) or clean(summary). A token never touches a word
character (tokens are greedy; "'s" and "ex-" split at marks), and sentences split only at
terminals and brackets (syntok; the plain-stop splitter only at . ! ? before a space), so a word
edge in a frame is one in flat() too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, repeat
from operator import itemgetter
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, TypeVar

import ahocorasick

from bot.claims import text as text_module
from bot.claims import tree_tests
from bot.claims.answers import Answers
from bot.claims.flatten import flat as flat  # re-exported: kinds.py and tests import it from here
from bot.claims.nearby import View, wanted
from bot.claims.reach import Phrases, Reach, near_of
from bot.claims.selective import COMMON, Clause, Need, opening, score
from bot.claims.selective import NO as NO  # re-exported: the tests read the edges from here
from bot.claims.selective import OPEN as OPEN
from bot.claims.selective import YES as YES
from bot.claims.text import item_memo, remember

# Literal stretches break into word runs at slots and at anything but words and spaces.
_PIECES = re.compile(r"@[a-z]|[^a-z0-9 ]")
_MARKS = frozenset("!\"#$%&()*+,/:;<=>?[\\]^`{|}~")
_MARK = re.compile(r"([^a-z0-9 ])")  # flat() leaves lower-case ASCII words, single spaces and marks


def _spaced(text: str) -> str:
    """A flat() text with a space at either end and around each mark: a word edge is a space."""
    return " " + " ".join(_MARK.split(text)) + " "  # split keeps each mark: "a?b" -> a ? b


_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT))
_EDGES = (_c.AT_BOUNDARY, _c.AT_BEGINNING, _c.AT_BEGINNING_STRING, _c.AT_END, _c.AT_END_STRING)



_NEEDS = item_memo()  # Gate.near_needs() of one item's texts
ONE_CLAUSE = True  # tests and the benchmark switch it off to compare (Gate._opens)


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \b counts as a word character


def _from_literal(text: str, slots: bool = False) -> list[Need]:
    """Keywords inside a run of characters every match holds, with their edges; with `slots`,
    the slots too ("@s": in a frame's own text a slot is written out)."""
    found: list[Need] = [(ch, NO, NO) for ch in text if ch in _MARKS]  # a mark needs no edge
    if slots:
        found += [(m.group(), NO, NO) for m in re.finditer(r"@[a-z]", text)]
    spaced = _PIECES.sub(lambda m: "\0" * len(m.group()), text)  # keeps offsets
    for m in re.finditer(r"[a-z0-9 ]+", spaced):
        words, start = m.group().split(" "), m.start()
        while words and len(words[0]) < 2:  # "s" of "'s", "c" of "@c": not a whole word
            start += len(words.pop(0)) + 1
        word = " ".join(words).rstrip()
        end = start + len(word)
        if not word or "  " in word or text[start:end] != word:
            continue
        found.append((word, YES if start > 0 and not _wordy(text[start - 1]) else OPEN,
                      YES if end < len(text) and not _wordy(text[end]) else OPEN))
    return found


V = TypeVar("V")  # what a reading of a pattern's parts makes of each: clauses or a tree


def _settle(clauses: Iterable[Clause], before: int, after: int) -> list[Clause]:
    """The clauses with open edges decided by what stands around their part."""
    return [frozenset((w, before if a == OPEN else a, after if b == OPEN else b) for w, a, b in c)
            for c in clauses]


def _side(items: Sequence[tuple[str, Any]], i: int, step: int) -> int:
    """Whether a word edge is certain just before (step -1) or after (+1) item i of a pattern's
    sequence: YES, NO, or OPEN at either end of it."""
    j = i + step
    while 0 <= j < len(items) and items[j][0] == "zero":
        j += step  # zero width: the next item is the neighbour
    if not 0 <= j < len(items):
        return OPEN
    kind, value = items[j]
    if kind == "edge":
        return YES
    if kind == "lit":
        return NO if _wordy(value[-1] if step < 0 else value[0]) else YES
    return NO


def _items(seq: Iterable[tuple[Any, Any]], read: Callable[[Any], V], settle: Callable[[V], V],
           either: Callable[[list[V]], V], nothing: V) -> list[tuple[str, Any]]:
    """A parsed sequence as items, each part read by `read` (what its matches need): ("lit",
    text), ("edge", nothing) for \\b ^ $, ("zero", need) for lookarounds and other zero-width
    tests, ("node", need) for anything that consumes text. `settle` closes a part's open edges,
    `either` joins an alternation's branches; `nothing` promises nothing. _need and _tree read
    the same items, one as clauses, the other as a tree."""
    items: list[tuple[str, Any]] = []
    for op, av in seq:
        if op is _c.LITERAL:
            if items and items[-1][0] == "lit":
                items[-1] = ("lit", items[-1][1] + chr(av))
            else:
                items.append(("lit", chr(av)))
        elif op is _c.AT:
            items.append(("edge" if av in _EDGES else "zero", nothing))
        elif op is _c.ASSERT:  # a lookaround's text is in the frame too
            items.append(("zero", settle(read(av[1]))))
        elif op is _c.SUBPATTERN:
            items.append(("node", read(av[-1])))
        elif op is _c.BRANCH:
            items.append(("node", either([read(branch) for branch in av[1]])))
        elif op in _REPEATS and av[0] >= 1:
            # A word at an edge of one round may have the round before it next to it.
            items.append(("node", settle(read(av[2]))))
        else:  # classes, \S, optional parts, negative lookarounds: nothing promised
            items.append(("zero" if op is _c.ASSERT_NOT else "node", nothing))
    return items


def _best_of(branches: list[list[Clause]]) -> list[Clause]:
    """Each branch keeps its best clause; together they make one."""
    best = [max(clauses, key=score, default=frozenset()) for clauses in branches]
    return [frozenset().union(*best)] if all(best) else []


def _need(seq: Iterable[tuple[Any, Any]]) -> list[Clause]:
    """Clauses every match of a parsed sequence meets, all of them; [] promises nothing."""
    items = _items(seq, _need, lambda clauses: _settle(clauses, NO, NO), _best_of, list[Clause]())
    clauses: list[Clause] = []
    for i, (kind, value) in enumerate(items):
        if kind == "lit":
            own = [frozenset({need}) for need in _from_literal(value)]
            clauses += _settle(own, _side(items, i, -1), _side(items, i, 1))
        elif kind == "node":
            clauses += _settle(value, _side(items, i, -1), _side(items, i, 1))
        elif kind == "zero":
            clauses += value
    return clauses


def required(rx: re.Pattern[str], most: int = 3) -> list[Clause]:
    """Up to `most` clauses, the most selective, that every match of `rx` meets, all of
    them; [] when none can be named. Clauses of common words only are left out."""
    if rx.flags & re.IGNORECASE:
        return []  # literals would be compared as written
    try:
        clauses = _settle(_need(_parser.parse(rx.pattern, rx.flags)), NO, NO)
    except (TypeError, ValueError, AttributeError, IndexError):  # an unfamiliar parse
        return []
    ranked = sorted(set(clauses), key=lambda c: (score(c), sorted(c)), reverse=True)
    return [c for c in ranked if score(c)[0] > 0][:most]


# A requirement tree: ("kw", need), or ("and"/"or", children). Unlike required()'s clauses,
# it keeps what each branch of an alternation needs in full: "join (?:race|chase)|on alert"
# needs join AND (race OR chase), OR on AND alert, where the clauses keep one word a branch.
Tree = tuple[Any, ...]
TRUE: Tree = ("and", ())


def _all(parts: Iterable[Tree]) -> Tree:
    out: list[Tree] = []
    for p in parts:
        out.extend(p[1] if p[0] == "and" else (p,))
    return out[0] if len(out) == 1 else ("and", tuple(dict.fromkeys(out)))


def _any(parts: Iterable[Tree]) -> Tree:
    out: list[Tree] = []
    for p in parts:
        if p == TRUE:
            return TRUE  # a branch that needs nothing
        out.extend(p[1] if p[0] == "or" else (p,))
    return out[0] if len(out) == 1 else ("or", tuple(dict.fromkeys(out)))


def _settle_tree(tree: Tree, before: int, after: int) -> Tree:
    if tree[0] == "kw":
        w, a, b = tree[1]
        return ("kw", (w, before if a == OPEN else a, after if b == OPEN else b))
    return (tree[0], tuple(_settle_tree(t, before, after) for t in tree[1]))


def _tree(seq: Iterable[tuple[Any, Any]], slots: bool = False) -> Tree:
    """What every match of a parsed sequence needs, as a tree (TRUE: nothing). The same
    reading as _need(), item by item and edge by edge; only alternations keep more."""
    items = _items(seq, lambda sub: _tree(sub, slots), lambda tree: _settle_tree(tree, NO, NO), _any, TRUE)

    parts: list[Tree] = []
    for i, (kind, value) in enumerate(items):
        if kind == "lit":
            parts += [_settle_tree(("kw", need), _side(items, i, -1), _side(items, i, 1)) for need in _from_literal(value, slots)]
        elif kind in ("node", "zero"):
            parts.append(_settle_tree(value, _side(items, i, -1), _side(items, i, 1)) if kind == "node" else value)
    return _all(parts)


def requirement(rx: re.Pattern[str], slots: bool = False) -> Tree:
    """The tree every match of `rx` meets in full; TRUE when nothing can be named. With
    `slots`, for texts that are frames: their slots ("@p") count as words too."""
    if rx.flags & re.IGNORECASE:
        return TRUE
    try:
        return _settle_tree(_tree(_parser.parse(rx.pattern, rx.flags), slots), NO, NO)
    except (TypeError, ValueError, AttributeError, IndexError):  # an unfamiliar parse
        return TRUE


def _weaken(tree: Tree) -> Tree:
    """The tree without needs too common to be worth looking for (each then holds):
    a weaker tree still holds wherever the pattern can match."""
    if tree[0] == "kw":
        return TRUE if tree[1][0] in COMMON else tree
    parts = [_weaken(t) for t in tree[1]]
    return _all(parts) if tree[0] == "and" else _any(parts)


class Gate:
    """Which of a list of patterns a text may let match, found in one pass over the text.

    A pattern is let through when its clauses (required()) are all met and its whole
    requirement tree holds; both are necessary, so the gate only ever turns away a text
    no match can come from. `trees=False` keeps the clauses alone, `near=False` drops the
    reach test (any(written=...)), for comparisons. `slots=True` is for frames' own texts: a
    tree then needs the slots a pattern writes out ("@s reports")."""

    def __init__(self, patterns: Sequence[re.Pattern[str]], *, trees: bool = True, slots: bool = False, near: bool = True) -> None:
        self.needs = [required(rx) for rx in patterns]
        ids: dict[Need, int] = {}
        # What each pattern's branches need near their keywords (reach.py), for texts as written.
        self._near = [near_of(rx, ids, lambda b: self._compiled(b, ids)) if near and not slots else None for rx in patterns]
        self._clauses = [[frozenset(ids.setdefault(n, len(ids)) for n in clause) for clause in clauses]
                         for clauses in self.needs]
        # Each pattern's clauses and tree as one compiled test of the needs met.
        self._checks: list[Callable[[frozenset[int]], bool] | None] = []
        openers = [opening(own) for own in self.needs]
        for rx, clauses, first in zip(patterns, self._clauses, openers, strict=True):
            tree, sets = _weaken(requirement(rx, slots)) if trees else TRUE, list[frozenset[int]]()
            # The clause whose needs open the pattern (selective.opening) asked last: mostly one of them was met.
            tests = [f"not m.isdisjoint(_c{j})" for j in [k for k in range(len(clauses)) if k != first] + [first] if j is not None]
            tests += [] if tree == TRUE else [tree_tests.source(tree, ids, sets)]
            bound = {f"_c{j}": clause for j, clause in enumerate(clauses)}
            self._checks.append(tree_tests.compiled(tests, sets, bound) if tests else None)
        # A pattern that needs nothing always runs, and then no text can be turned away; one
        # whose tree alone needs something (slots) has it asked on every text.
        self.always = frozenset(i for i, check in enumerate(self._checks) if check is None)
        self._unindexed = [(i, check) for i, (c, check) in enumerate(zip(self.needs, self._checks, strict=True))
                           if not c and check is not None]
        self._unindexed_ids = [i for i, _ in self._unindexed]
        # Each need -> the patterns it may let through: a need of their opening clause (a pattern's
        # check asks every clause, so one met clause is needed; ONE_CLAUSE off: any clause).
        opens, every = dict[int, set[int]](), dict[int, set[int]]()
        for i, (best, numbered) in enumerate(zip(openers, self._clauses, strict=True)):
            for k, clause in enumerate(numbered):
                for n in clause:
                    every.setdefault(n, set()).add(i)
                    opens.setdefault(n, set()).update([i] if k == best else [])
        self._opens, self._every = ({n: frozenset(found) for n, found in m.items()} for m in (opens, every))
        # Each keyword is looked for as itself (its needs that ask no edge), after a space (an edge
        # before), before one (after) or between two, in the text with every mark spaced out and a
        # space at either end (_spaced): every match then meets its needs, with no test of its own.
        self.ids, keys = ids, dict[str, set[int]]()  # every need's number; each keyword's needs
        for (word, before, after), n in ids.items():
            plain = _MARK.search(word) is None  # words alone; a keyword with a mark ("?", "@s") asks no edge
            word = _spaced(word).strip()  # its marks spaced out as the text's are
            keys.setdefault(" " * (before == YES and plain) + word + " " * (after == YES and plain), set()).add(n)
        # A keyword's value is its one need's number (a need's edges are written into its key; a
        # mark asks none): _met makes the matches a set in C, with no Python step per match.
        self._auto = ahocorasick.Automaton()
        for key, needs in keys.items():
            (need,) = needs  # (two needs sharing a key would fail here, at import)
            self._auto.add_word(key, need)
        if keys:
            self._auto.make_automaton()
        self._answers, self._whiches = Answers(self._near_answer), Answers(self._which)
        # An empty text (no summary, no content) meets no need: whether any pattern may then match, once.
        self._empty_opens = bool(self.always) or any(self._near_answer(frozenset(), reach) is not None for reach in (False, True))

    @staticmethod
    def _compiled(branches: list[list[tuple[Any, Any]]], ids: dict[Need, int]) -> Callable[[frozenset[int]], bool] | None:
        """A test of the needs met that holds wherever one of these parsed branches may match."""
        tree = _any(_weaken(_settle_tree(_tree(b), NO, NO)) for b in branches)
        sets = list[frozenset[int]]()
        return None if tree == TRUE else tree_tests.compiled([tree_tests.source(tree, ids, sets)], sets, {})

    def _met(self, text: str) -> frozenset[int]:
        """The needs the text meets: a keyword found with the word edges it asks for."""
        if not text or not len(self._auto):
            return frozenset()
        return frozenset(map(itemgetter(1), self._auto.iter(_spaced(text))))  # (answers.py keys by it as it is)

    def _which(self, met: frozenset[int], _: bool = False) -> frozenset[int]:
        """The patterns a text meeting `met` may let match (a function of it alone: answers.py keeps it)."""
        out = set(self.always)
        for i, check in self._unindexed:
            if check(met):
                out.add(i)
        checks = self._checks
        for i in set().union(*map((self._opens if ONE_CLAUSE else self._every).get, met, repeat(frozenset()))):  # each, once
            if checks[i](met):  # type: ignore[misc]
                out.add(i)
        return frozenset(out)

    def which(self, *texts: str) -> list[int]:
        """Indices, in order, of the patterns that may match a frame of one of these texts
        (a frame's own text, or flat() of the texts frames are built from)."""
        return sorted(set().union(*(self._whiches(self._met(text), False) for text in texts)))

    def any(self, *texts: str, written: Sequence[str] = ()) -> bool:
        """Whether some pattern may match a frame of one of these texts (each given as flat()):
        a frame comes from one sentence, a sentence from one text (bool(which()), stopping at the
        first pattern let through). With `written`, the title and summary as written: a pattern
        needing a person or club near its keyword then needs something there could be one."""
        if self.always:
            return True
        written = written if written and wanted() else ()
        for k, text in enumerate(texts):
            if not text and not self._empty_opens:
                continue  # (what near_needs("") answers: None)
            near = self.near_needs(text, k < min(len(written), 2))
            if near is True or near is not None and View(written[k], k == 0, flat).holds(near):  # type: ignore[arg-type]
                return True
        return False

    def near_needs(self, text: str, reach: bool = True) -> bool | list[tuple[Reach, Phrases | None]] | None:
        """Of one text (flat()): True when a pattern may match with nothing looked for near its keywords
        (or `reach` is off), None when none may, else the reaches View.holds must find (maybe none);
        once an item (the gate is kept beside its answer: no id is reused meanwhile)."""
        if not text_module.REUSE or not text:  # (an empty text, no content, is asked of every item)
            return self._near_needs(text, reach)
        got = _NEEDS.get((self, text, reach), _NEEDS)
        return remember(_NEEDS, (self, text, reach), self._near_needs(text, reach)) if got is _NEEDS else got  # type: ignore[no-any-return]

    def _near_needs(self, text: str, reach: bool) -> bool | list[tuple[Reach, Phrases | None]] | None:
        return True if self.always else self._answers(self._met(text), reach)

    def _near_answer(self, met: frozenset[int], reach: bool) -> bool | list[tuple[Reach, Phrases | None]] | None:
        """near_needs() of a text that meets `met` (a function of it alone: answers.py keeps it)."""
        checks, nears, near = self._checks, self._near, None
        # The patterns a need met opens, each once (an unindexed pattern has no clause: none opens it).
        opened = set().union(*map((self._opens if ONE_CLAUSE else self._every).get, met, repeat(frozenset())))
        # Numbers chained in C, each check looked up here: a generator pairing each pattern with its
        # check cost a tenth of this answer (5.7 -> 5.1 µs), made for nearly every new text (98 % of real headlines
        # meet a set of needs no text met before; callgrind: the screen 3.1 % fewer instructions on
        # 2,013 real headlines, 1.8 % on 2,000 synthetic items).
        for i in chain(self._unindexed_ids, opened):
            if checks[i](met):  # type: ignore[misc]
                wants = nears[i].wants(met) if reach and nears[i] is not None else None  # type: ignore[union-attr]
                if wants is None:
                    return True
                near = (near or []) + wants
        return near
