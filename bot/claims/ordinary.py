"""An ordinary word written with a capital is no name: evidence from the word and the item.

A capital says "proper noun" only where the writer chose it. At a sentence's opening, after a
label's colon or a quote mark, and anywhere in a title-case headline ("Memorable Moments On
The Road"), the capital is forced and carries no evidence: there an ordinary English word
("Decision", "Recap", "Curtain", "Highlights") is read as the word it is, not as a surname.
Which words are ordinary comes from SCOWL's common sizes (data/common_words.txt, built by
`make common-words`). Many surnames are ordinary words too (Rice, Stones, Walker, King, Slot),
so the lexicon vetoes nothing by itself: a word stays a name when anything marks it as one,

- in its sentence: a role noun before it ("Liverpool boss Slot"), a first name, a possessive of
  what a person has after it ("Slot's future"), or, for a word that is no agent noun, a verb
  of the present after it ("Bronze renews", not "Journalist shares");
- in its item: the word written with a capital the writer chose (after a lower-case word,
  "says Slot"; or after another name, "Arne Slot"), or a possessive of tenure;
- in SCOWL itself: a word it also lists capitalised (a surname or given name it knows:
  "Rice", "Walker", "King", "Young", "Cash").

And wherever the capital stands, a word the same item also writes in lower case ("Commentary
... live commentary") is that word, unless the item marks it as a name as above or SCOWL knows
it as a name too ("Young" beside "young players", "Cash" beside "cash in on").

The same reading trims a run: an ordinary word whose capital is forced is not a name's first word
("Defiant Tuchel", unless a given name: "Mark Noble"), and a title-case run ends before its verb
("Kylian Mbappé Sends Heartfelt Message"). A club the gazetteer lacks, written as the subject of
a plural verb elsewhere in the item, is no person either (openers.acts_as_a_body reads one
sentence; body_elsewhere the item).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.claims.lexicon import FIRST_NAMES, IMMINENT, MANAGER_ROLES, PLAYER_ROLES, TENURE_NOUNS
from bot.claims.text import Token

# Where a capital is the writer's choice: after a lower-case word, a possessive, a comma or a digit.
_CHOSEN = r"(?:(?<![\w'’-])[a-z][\w'’-]*|(?<![\w'’-])[A-Z][\w-]*['’]s|[0-9,]) "
# Nouns a possessive names a person by ("Slot's future", "Stones' replacement").
_OWNED = TENURE_NOUNS | {"replacement", "successor", "agent", "side", "men"}
# Agent nouns, which headlines use bare as subjects ("Journalist shares", "Insider confirms").
_AGENT = re.compile(r"(?:ist|or|ee|ian|ant)$")
# Words whose "'s" is no person's: plurals, days, "let us" ("Women's football", "Tonight's
# game", "Let's see").
_PLURAL_OR_DAY = frozenset({"women", "men", "gentlemen", "children", "people", "fans", "today", "tonight",
                            "tomorrow", "yesterday", "let"})
# Endings of adjectives and participles, which stand before a noun, not before their verb.
_ADJECTIVE = ("ed", "ing", "al", "ic", "ive", "ous", "ful", "less", "est", "ly", "ent", "ant")
_LABEL = 5  # a colon among a sentence's first tokens ends a label
_FORCING = frozenset({":", "'", '"', "‘", "“", "|", "-", "–", "—", "(", "!", "?", ".", "…"})

# Verbs in the base form that a club's act takes after a plural subject ("Frosinone agree a fee",
# "Zrinjski confirm his exit"); one person takes "agrees", "confirms". None is a noun a name
# heads ("Isak deal", "Kane bid", "Slot sack" are not here).
PLURAL_ACTS = frozenset({"have", "are", "were", "agree", "confirm", "announce", "appoint", "reject", "complete",
                          "accept", "submit", "lodge", "sign", "seal", "secure", "want", "snub", "rebuff", "remain",
                          "consider", "prepare", "identify", "receive", "demand", "insist", "refuse", "decide",
                          "register", "unveil", "open"})
# Where a clause opens, so that the word after a run is its own verb, not a list's ("Poch, Pulisic
# agree") or a question's ("Does X have").
CLAUSE_OPENERS = frozenset({":", ";", "'", '"', "‘", "“", "-", "–", "—", "|", "as", "after", "while",
                             "but", "when", "since", "because", "so", "before", "until"})
CLAUSE_WORDS = frozenset(w for w in CLAUSE_OPENERS if w.isalpha())
_ITEM: ContextVar[_Evidence | None] = ContextVar("ordinary_item", default=None)


@dataclass(slots=True)
class _Evidence:
    """What an item's whole text says of its capitalised words, read once when first asked."""

    text: str
    read: bool = False
    lower: frozenset[str] = frozenset()  # words written in lower case
    named: frozenset[str] = frozenset()  # words given a capital the writer chose, or a possessive of tenure
    body_read: bool = False
    bodies: frozenset[str] = frozenset()  # words written as a plural subject where a clause opens

    def ensure(self) -> _Evidence:
        if not self.read:
            self.read = True
            lower, chosen, owning, after_name, _ = _ASCII_FORMS if self.text.isascii() else _FORMS
            self.lower = frozenset(lower.findall(self.text))
            free = _title_case_free(self.text)
            words = _words()
            self.named = frozenset(
                [*chosen.findall(free), *owning.findall(free),
                 *(b for a, b in after_name.findall(free) if a.lower() not in words or a.lower() in FIRST_NAMES)])
        return self

    def body_names(self) -> frozenset[str]:
        if not self.body_read:
            self.body_read = True
            self.bodies = frozenset((_ASCII_FORMS if self.text.isascii() else _FORMS)[4].findall(self.text))
        return self.bodies


def new_item(*texts: str) -> None:
    """The text of the item now being read: its other sentences are evidence for each one."""
    _ITEM.set(_Evidence("\n".join(texts)))


_CAP = r"[A-Z][\w'’-]*"
_LOWER = re.compile(r"(?<![\w'’-])[a-z][a-z]*(?![\w'’-])")
_AFTER_CHOSEN = re.compile(rf"{_CHOSEN}({_CAP})(?![\w'’-])")
# "Arne Slot": a capitalised word after another (only a name that is no ordinary word counts:
# "Read Commentary" is two words of a label).
_AFTER_NAME = re.compile(rf"(?<![\w'’-])({_CAP}[a-z]) (?=({_CAP})(?![\w'’-]))")
_OWNING = re.compile(rf"([A-Z][\w-]*)['’]s? (?:{'|'.join(sorted(_OWNED))})\b")
_BODY = re.compile(rf"(?:^|[.:;!?\n|]\s*|\b(?:{'|'.join(sorted(CLAUSE_WORDS))}) )({_CAP}) "
                   rf"(?:{'|'.join(sorted(PLURAL_ACTS))})\b")

_FORMS = (_LOWER, _AFTER_CHOSEN, _OWNING, _AFTER_NAME, _BODY)
# The same searches for an ASCII text: \w in their classes as the ASCII word characters it then
# matches (the same matches there; a Unicode category test per character costs more).
_ASCII_FORMS = tuple(re.compile(rx.pattern.replace(r"\w", "A-Za-z0-9_"), rx.flags) for rx in _FORMS)


@cache
def _words() -> dict[str, bool]:
    """Ordinary word -> whether SCOWL also lists it capitalised (also a name)."""
    out: dict[str, bool] = {}
    text = resources.files("bot.claims.data").joinpath("common_words.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word = line.rstrip("*")
            out[word] = word != line
    return out


def is_ordinary(word: str) -> bool:
    """An ordinary English word that SCOWL does not also know as a name."""
    also = _words().get(word)
    return also is False


def also_a_name(word: str) -> bool:
    """An ordinary word SCOWL also lists capitalised: a surname or a given name ("King", "Rice")."""
    return _words().get(word) is True


def forced(tokens: list[Token], i: int, title_case: bool) -> bool:
    """Whether the capital of token i is forced by its place, not chosen by the writer: a
    sentence's opening, after a colon, a quote mark or a dash, in a title-case headline, or in
    a label before its colon ("Early Doors: ...", "Fresh Blow: ...")."""
    return title_case or i == 0 or tokens[i - 1].text in _FORCING \
        or any(t.text == ":" for t in tokens[i + 1:_LABEL]) \
        or not any(t.is_word for t in tokens[:i])  # after emoji or marks only: the text's opening


def _item_marks(written: str) -> tuple[bool, bool]:
    """(marked as a name, written in lower case) by the item's other text, for a word written
    `written` here. An item that does not hold the word (a sentence read outside its item)
    gives no evidence either way."""
    item = _ITEM.get()
    if item is None or written not in item.text:
        return False, False
    seen = item.ensure()
    return written in seen.named, written.lower() in seen.lower


def body_elsewhere(written: str) -> bool:
    """Whether the item writes the word as a club's or a body's name: the subject of a plural
    verb of a club's act where a clause opens ("Celtic remain in talks with Frosinone. Frosinone
    are holding out for more"), as openers.acts_as_a_body reads a sentence."""
    item = _ITEM.get()
    return item is not None and written in item.text and written in item.body_names()


def _title_case_free(text: str) -> str:
    """The item's lines less those written in title case, whose capitals say nothing."""
    return "\n".join(line for line in text.split("\n") if not _title_cased(line))


def _title_cased(line: str) -> bool:
    words = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def _agent(word: str) -> bool:
    """An agent noun, which headlines use bare as a subject ("Journalist shares", "Referee
    pauses", "Insider confirms"): -ist, -ee, -ian, -or, or -er on a word of its own ("inside-r";
    not "timber")."""
    if _AGENT.search(word):
        return True
    return word.endswith("er") and (word[:-1] in _words() or word[:-2] in _words())


def _sentence_marks(tokens: list[Token], i: int, j: int) -> bool:
    """A role noun or a first name before the run; a possessive with its noun after it ("Slot's
    predicted side"; not a plural's or a day's: "Women's football", "Tonight's game"); a name it
    is listed with ("Bronze and Stanway"); or a verb of the present after a run that is no agent
    noun ("Bronze renews", not "Journalist shares")."""
    n = len(tokens)
    if i > 0 and (tokens[i - 1].key in PLAYER_ROLES or tokens[i - 1].key in MANAGER_ROLES) \
            and not (j - i == 1 and _inflected(tokens[i].key)):
        return True  # "Liverpool boss Slot"; but "Captain Rejects New Deal" has a verb there
    if any(t.key in FIRST_NAMES for t in tokens[i:j]):
        return True
    if j + 1 < n and tokens[j].key == "'s" and tokens[j + 1].is_word and not tokens[j + 1].is_cap:
        return tokens[j - 1].key not in _PLURAL_OR_DAY
    if j + 1 < n and tokens[j].key in {"and", "&"} and _other_name(tokens[j + 1]) \
            or i > 1 and tokens[i - 1].key in {"and", "&"} and _other_name(tokens[i - 2]):
        return True
    if j < n and not _agent(tokens[j - 1].key) and not tokens[i].key.endswith(_ADJECTIVE):
        # (a headline in title case capitalises the verb too: "Bronze Joins Chelsea"; an
        # adjective before a plural is no subject: "Shattered dreams", "Emotional scenes")
        nxt = tokens[j]
        return nxt.is_word and (
            nxt.key.endswith("s") and not nxt.key.endswith("ss") and len(nxt.key) > 3 and nxt.key in _words()
            or nxt.key in IMMINENT and j + 1 < n and tokens[j + 1].key in {"to", "for"})  # "Slot set to leave"
    return False


def named_at_opening(tokens: list[Token], i: int) -> bool:
    """Whether a one-word run at a sentence's opening whose word the kind patterns are made of
    ("Target", "Chase", "Young", "Cash"), and which is therefore read as grammar, is a surname all
    the same: SCOWL knows the word as a name, and the item writes it elsewhere with a capital it
    chose ("signed by Young", "Ashley Young", "Young's contract"), or the item never writes it in
    lower case and a verb of the present with its object, or "set to", follows it ("Cash joins
    Villa"; but "Good news for", and "Hunt" where the item speaks of "the hunt", stay words)."""
    if not also_a_name(tokens[i].key):
        return False
    named, lower = _item_marks(tokens[i].text)
    return named or not lower and _acts_on(tokens, i + 1)


# Words that open a verb's object ("signs a new deal", "joins his old club").
_OBJECT_OPENERS = frozenset({"a", "an", "the", "his", "her", "their", "new", "fresh", "one", "two", "three"})
# Words after a plural noun, not after a verb with its object ("Good News For ...", "Best fans at").
_NO_OBJECT = frozenset({"for", "at", "in", "on", "as", "to", "from", "with", "after", "over", "amid", "and",
                        "but", "of", "by", "is", "are", "was", "were", "be"})


def _acts_on(tokens: list[Token], j: int) -> bool:
    """A verb of the present at token j with its object after it ("Cash joins Villa", "Young signs
    a new deal"), or "set to", "poised to": the word before is the verb's subject. A plural noun
    after an adjective stands before a preposition or a verb ("Good news for", "Best fans at")."""
    if j + 1 >= len(tokens):
        return False
    verb, obj = tokens[j], tokens[j + 1]
    if verb.key in IMMINENT:
        return obj.key in {"to", "for"}
    if not (verb.is_word and _inflected(verb.key) and not verb.key.endswith("ss")):
        return False
    return obj.key in _OBJECT_OPENERS or obj.text[0].isdigit() or obj.text[0] in "£€$" \
        or obj.is_cap and obj.is_word and obj.key not in _NO_OBJECT


def _inflected(word: str) -> bool:
    """A verb's -s form or a noun's plural of an ordinary word ("rejects", "signs"), no surname."""
    return word.endswith("s") and (word[:-1] in _words() or word.endswith("es") and word[:-2] in _words())


def _other_name(tok: Token) -> bool:
    return tok.is_cap and tok.is_word and tok.key not in _words()


def leads_a_name(tokens: list[Token], i: int, j: int, title_case: bool) -> bool:
    """Whether the first word of the run tokens[i:j] is an ordinary word before a name, not its
    first name: its capital forced, no given name SCOWL or the first-name hints know ("Brave
    Saka", "Arsenal Monitor Eze"; not "Mark Noble", "Harry Kane"), and a word of the run after
    it that is no ordinary word. Not a gerund, whose object the name is ("'Selling X and Y was
    part of the plan'"): the clause it opens is read as before."""
    first = tokens[i].key
    return (is_ordinary(first) and first not in FIRST_NAMES or first in _words() and _named_without(tokens, i, j)) \
        and not first.endswith("ing") and forced(tokens, i, title_case) and any(t.key not in _words() for t in tokens[i + 1:j])


def _named_without(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the item names the rest of the run, a full name of two words or more, elsewhere
    without the run's first word: "Bayern Munich Hope João Palhinha Is Worth The Gamble" over
    "João Palhinha has joined Bayern" (not "Frank Lampard" over a later "Lampard")."""
    item = _ITEM.get()
    if item is None or j - i < 3:
        return False
    rest = r"\s+".join(re.escape(t.text) for t in tokens[i + 1:j])
    alone = len(re.findall(rf"(?<![\w'’-]){rest}(?![\w'’-])", item.text))
    return alone > len(re.findall(rf"(?<![\w'’-]){re.escape(tokens[i].text)}\s+{rest}(?![\w'’-])", item.text))


def verb_in_run(tokens: list[Token], i: int, j: int, title_case: bool) -> int:
    """Where a run of a title-case headline ends before its verb: the first word after its first
    that is the -s form of an ordinary word and not the run's last ("Kylian Mbappé Sends Heartfelt
    Message", "Arne Slot Hails Salah"; "John Stones" keeps its last word)."""
    if not title_case:
        return j
    for k in range(i + 1, j - 1):
        if is_ordinary(tokens[k].key) and _inflected(tokens[k].key):
            return k
    return j


def not_a_name(tokens: list[Token], i: int, j: int, title_case: bool) -> bool:
    """Whether the capitalised run tokens[i:j] is ordinary words, no person's name."""
    words = _words()
    keys = [t.key for t in tokens[i:j]]
    if not all(k in words for k in keys):
        return False  # a word no dictionary of common words holds: a name ("Saka", "Kane")
    if _sentence_marks(tokens, i, j):
        return False
    if j - i == 1:
        named, lower = _item_marks(tokens[i].text)
        if named:
            return False
        if lower and is_ordinary(keys[0]):
            return True  # "Commentary" where the item says "live commentary"; not "Young", "Cash"
        return is_ordinary(keys[0]) and forced(tokens, i, title_case)
    # A run of several ordinary words where capitals say nothing ("Memorable Moments"), none a
    # name SCOWL knows: a phrase of a title-case headline or a label.
    return forced(tokens, i, title_case) and all(is_ordinary(k) for k in keys) and not any(
        _item_marks(t.text)[0] for t in tokens[i:j]
    )
