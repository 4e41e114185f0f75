"""Whether a title or summary, as written, has something near a phrase that could become the
person (or club) a pattern needs there (reach.py reads what each pattern needs).

A slot is one frame word however many tokens it covers, a token's key as many as its spaces
make: the walk from the phrase steps token by token or over any span a gazetteer mention could
take (mentions.spans), so every frame of the sentence is one of the walks; at each token it
asks the finders' own start rules (openers.may_open_person, mentions.spans).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.claims import learned_switch, mentions
from bot.claims import text as text_module
from bot.claims.lexicon import DETERMINERS, HEADS, NAME_SUFFIXES, PARTICLES, STAND_IN_PRONOUNS
from bot.claims.openers import may_open_person, may_open_unknown_club, opens_name
from bot.claims.reach import Phrases, Reach
from bot.claims.segments import may_hold
from bot.claims.text import MAX_SENTENCE_CHARS, SENT_END, Token, item_memo, remember, tokens_of

_WORD = re.compile(r"\w*$")
_OPENING_WORDS = PARTICLES | STAND_IN_PRONOUNS | DETERMINERS  # (SentenceView.opener)
_TO_CLUB = Reach(frozenset({("to",)}), (), "@c", 0)  # segments.py's verbless and asked moves: "to @c"


def wanted() -> bool:
    """Whether an item may be turned away for want of a slot near its keyword: not while
    `make model` records items for training, since the model learns from those items too.
    Switched on, the model reads only what the gates let through: on every labelled and written
    item and the benchmark's 5,000 synthetic ones its claims are the same with the gates on or
    off, and the gates keep most of its cost away (README, "A learned second opinion")."""
    return not learned_switch.is_recording()


# Each sentence's view, once an item (text.item_memo): the keyword gate's reach test and the
# binding gate (bindable.py) read the same sentences.
_VIEWS = item_memo()


def view(text: str, headline: bool) -> SentenceView:
    """SentenceView(text, headline), once an item while text.REUSE (a view's answers depend on
    its text and headline alone)."""
    if not text_module.REUSE:
        return SentenceView(text, headline)
    got = _VIEWS.get((text, headline))
    return remember(_VIEWS, (text, headline), SentenceView(text, headline)) if got is None else got  # type: ignore[no-any-return]


class View:
    """A title or summary as written, as the reach test reads it: its sentences where the
    splitter's plain reading (text.plain_spans) says where they end (else the whole text as
    one: a walk then runs on across ends, which only lets more through), each read only when
    flat() of it holds a phrase looked for."""

    def __init__(self, text: str, headline: bool, flat: Callable[[str], str], whole: bool = False) -> None:
        text = text.strip()
        self.usable = not (len(text) >= MAX_SENTENCE_CHARS and any(len(w) >= MAX_SENTENCE_CHARS for w in text.split()))
        # `whole`: the text is one sentence as the extractor reads it, one piece however it reads.
        spans = text_module.plain_spans_once(text) if not whole and SENT_END.search(text) else None
        self.pieces = [text[a:b] for a, b in spans] if spans else [text]
        self.headline = headline
        self.flat = flat
        self.text = text

    def holds(self, near: list[tuple[Reach, Phrases | None]]) -> bool:
        """Whether a frame of a sentence of this text may meet one of these reaches, each with
        the phrases of it the whole text holds (None: all of them, unlooked for); or hold a form
        the extractor reads beside the patterns (segments.py: "Isak to Liverpool", "the Baleba
        pursuit": its own may_hold(), and a club right after "to" in any sentence)."""
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
            flat = self.flat(piece) if flat is None else flat
            if " to " in f" {flat} ":
                todo.append((_TO_CLUB, [(("to",), True)]))
            if todo and view(piece, self.headline).holds(todo):
                return True
        return may_hold("", self.text)  # its pursuit form ("to @c" above)


class SentenceView:
    """One piece of a text: its tokens, the frame words of each, and where mentions may stand."""

    def __init__(self, text: str, headline: bool) -> None:
        self.tokens = tokens_of(text)
        self.headline = headline
        self.last_named: int | None = None  # made on the first spans()
        self._spans: dict[int, list[int]] | None = None
        self._club_spans: dict[int, list[int]] = {}
        self._opens: dict[tuple[str, int], bool] = {}
        self.walkable = False  # flat, words and after made (_walkable)
        self.flat: list[str] = []
        self.words: list[int] = []
        self.after: list[tuple[int, int]] = []

    def _walkable(self) -> None:
        """The frame words of each token, in a row, and per flat word the next token and the
        words left in its own: what the walk reads (made on its first walk, not for may_name)."""
        keys, self.walkable = [t.key for t in self.tokens], True
        if any(" " in k for k in keys):
            self.words = [k.count(" ") + 1 for k in keys]
            self.flat = [w for k in keys for w in k.split(" ")]
            self.after = [(i + 1, m - n - 1) for i, m in enumerate(self.words) for n in range(m)]
        else:  # one word a token (most sentences)
            self.words, self.flat, self.after = [1] * len(keys), keys, [(i + 1, 0) for i in range(len(keys))]

    def places(self, word: str, whole: bool) -> list[int]:
        """Flat places of a word: itself, or (whole) its last run of word characters ("'s" as "s"),
        or (not whole) a word ending with it."""
        if not whole:
            return [p for p, w in enumerate(self.flat) if w.endswith(word)]
        return [p for p, w in enumerate(self.flat) if w == word or not w.isalnum()
                and _WORD.search(w).group() == word]  # type: ignore[union-attr]

    def spans(self, i: int, clubs: bool = False) -> list[int]:
        """End tokens of every span a mention (a club's) may take from token i (mentions.spans)."""
        if self.last_named is None:
            # A mention needs a token written as a name (mentions.named): none starts after the
            # last (a "." only inside one: not the sentence's last token).
            self.last_named = last_named(self.tokens)
        if i > self.last_named:
            return []
        if self._spans is None:
            if not mentions.may_start(self.tokens[i]):
                return []  # no alias opens with its word: the sentence's spans are left unread
            self._spans, self._club_spans = mentions.both_spans(self.tokens)
        return (self._club_spans if clubs else self._spans).get(i, [])

    def opener(self, slot: str, i: int) -> bool:
        got = self._opens.get((slot, i))
        if got is None:
            tokens = self.tokens
            # Every start rule but a headline's description needs a capital or one of these words
            # there (opens_name, opens_stand_in, a pronoun): a plain word is asked no further.
            plain = not tokens[i].is_cap and tokens[i].key not in _OPENING_WORDS
            if slot == "@p":
                got = not (plain and not self.headline) and may_open_person(tokens, i, Clubs(self, i), self.headline)
            else:  # a gazetteer club, or a run the person finder may take for a club it lacks
                got = bool(self.spans(i, clubs=True)) or not plain and (
                    opens_name(tokens, i) or tokens[i].is_cap and tokens[i].key in NAME_SUFFIXES) and may_open_unknown_club(tokens, i)
            self._opens[(slot, i)] = got
        return got

    def _near(self, place: int, reach: Reach) -> bool:
        """Whether after flat word `place` an opener is in reach. The extractor also reads each
        frame with the descriptions before its persons left out (phrases.reduced: "move for the
        highly rated Sporting Lisbon striker @p" as "move for @p"), where a slot after one stands
        nearer than in the text: once a person may start after the phrase, so may the slot at
        any distance."""
        first, n = self.after[place][0], len(self.tokens)
        # (segments.py reads its "to @c" in the frame itself, not in the shortened one)
        heads, tokens = HEADS, self.tokens
        if reach is not _TO_CLUB and any(tokens[i - 1].key in heads and self.opener("@p", i)
                                         for i in range(max(first, 1), n)):
            return reach.slot == "@p" or any(self.opener(reach.slot, i) for i in range(first, n))
        todo, seen = [self.after[place]], set()
        while todo:
            i, u = todo.pop()
            if u > reach.most or i >= n or (i, u) in seen:
                continue
            seen.add((i, u))
            if self.opener(reach.slot, i):
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
        if not self.walkable:
            self._walkable()
        for reach, phrases in todo:
            for phrase, whole in phrases:
                for place in self.places(phrase[-1], whole or len(phrase) > 1):
                    if self._said(phrase, place, whole) and self._near(place, reach):
                        return True
        return False


def last_named(tokens: list[Token]) -> int:
    """The last token a mention may hold as its name (mentions.named; a "." only before another
    token), or -1: read from the end, where it usually stands, not over every token."""
    last = len(tokens) - 1
    for i in range(last, -1, -1):
        t = tokens[i]
        if mentions.named(t) and (i < last or t.text != "."):
            return i
    return -1


class Clubs:
    """The tokens a club may cover in a mention that starts at or after token `first` (what a
    stand-in or a description starting there can hold): a gazetteer span, or a run the person
    finder may take for a club it does not know (capitalised tokens and particles)."""

    __slots__ = ("first", "sentence")

    def __init__(self, sentence: SentenceView, first: int) -> None:
        self.sentence, self.first = sentence, first

    def __contains__(self, j: object) -> bool:
        s = self.sentence
        if not isinstance(j, int):
            return False
        if s.tokens[j].is_cap or s.tokens[j].key in PARTICLES:
            return True
        return any(end > j for start in range(self.first, j + 1) for end in s.spans(start))


