"""Text plumbing for the extractor: clean feed text, fold it, split sentences, tokenise.

Everything matches on *keys*: tokens folded (anyascii + casefold) with inner hyphens and
apostrophes turned into spaces, so "Paris Saint-Germain", "paris saint germain" and
"PARIS SAINT–GERMAIN" meet on one form and a match can be checked against token edges.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Any, NamedTuple

from anyascii import anyascii
from syntok import segmenter

_TAG = re.compile(r"<[^>]*>")
# Block-level tags end a sentence in the rendered text; keep that boundary when stripping.
_BLOCK = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|blockquote)\b[^>]*>", re.I)
# A word: letters/digits with inner hyphens, apostrophes or dots ("Alexander-Arnold",
# "N'Golo", "Nott'm", "St."), or money ("£60m", "€50.5m"), or a single punctuation mark.
_TOKEN = re.compile(
    r"[£€$]\d+(?:[.,]\d+)*(?:m|bn|k)?\b"
    r"|[^\W_]+(?:[-‐‑'’][^\W_]+)*"
    r"|[^\w\s]",
    re.UNICODE,
)
_TOKEN_ASCII = re.compile(r"\$[0-9]+(?:[.,][0-9]+)*(?:m|bn|k)?\b|[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*|[^A-Za-z0-9_\s]")  # _TOKEN on ASCII (no category test a character)
_INNER = re.compile(r"[-‐‑'’.]+")
SENT_END = re.compile(r"[.!?…](?=[\s\"'”’)]+\S)")


def clean(text: str | None) -> str:
    """Feed text to plain text: tags out, entities decoded, whitespace collapsed."""
    if not text:
        return ""
    if "<" not in text and "&" not in text and "\n" not in text:
        return " ".join(text.split())  # one line, no markup: what the steps below give
    if "<" in text:
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
        if "<" in text:  # escaped markup ("&lt;p&gt;") shows up after the first decode
            text = _TAG.sub(" ", _BLOCK.sub("\n", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    # A paragraph break with no full stop still ends a sentence.
    return " ".join(
        line if line[-1] in ".!?:" or i == len(lines) - 1 else line + "."
        for i, line in enumerate(lines)
    )


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """anyascii + casefold + whitespace collapse: "Atlético" -> "atletico" (the one folding)."""
    if not text.isascii():
        text = anyascii(text)
    return " ".join(text.casefold().split())


# Publishing software's own words around an excerpt, never the outlet's news: WordPress's
# "The post <title> appeared first on <site>." footer (which repeats the headline), the
# "[…]" / "Read more" cut, and shouted calls to action ("DOWNLOAD THE OFFICIAL … APP …!").
_FOOTER = re.compile(r"\s*(?:\[(?:…|\.\.\.)\].*|\bThe post\b.{0,400}?\bappeared first on\b.*|\b(?:Read|Continue reading)\s+(?:More|more)\b.*)$",
                     re.S)
_SHOUT = re.compile(r"(?:(?:\b[A-Z0-9][A-Z0-9’'.,–-]*\b|&)[\s–:!-]*){6,}[!.]?")
# Six word starts (a capital or digit after no word character, or "&") with only a word's and the
# separators' characters between them, which every _SHOUT match holds (a quick search that rules most
# text out, "35,000" too), as "[", "appeared first on", "Read" or "Continue reading" every _FOOTER match.
_SHOUT_HINT = re.compile(r"[A-Z0-9&](?<!\w[A-Z0-9])(?:[A-Z0-9’'.,–\s:!-]*[A-Z0-9&](?<!\w[A-Z0-9])){5}")


def strip_boilerplate(summary: str) -> str:
    """A summary without the publishing footer and shouted calls to action."""
    if not summary:
        return summary
    # Each search only where the words or marks it needs are there (most summaries): same result.
    footer = "[" in summary or "appeared first on" in summary or "Read" in summary or "Continue reading" in summary
    cut = _FOOTER.search(summary) if footer else None
    if cut:
        summary = summary[: cut.start()].rstrip()
    if _SHOUT_HINT.search(summary) and _SHOUT.search(summary) and not summary.isupper():
        summary = " ".join(_SHOUT.sub(" ", summary).split())
    return summary


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Folded matching key: inner hyphens, apostrophes and dots become spaces."""
    return " ".join(_INNER.sub(" ", fold(text)).split())


# Longer than any sentence a reporter writes; beyond it a "sentence" is a list or junk, and the
# work on one (every trigger against every club in its clause) would grow with its square.
MAX_SENTENCE_CHARS = 400
_BREAKS = re.compile(r"[,;:]\s+|\s+(?:and|but|while|as)\s+")


def sentences(text: str) -> list[str]:
    """Split into sentences: a text with no inner sentence end is one; one whose every end is
    plain (plain_spans) splits there; any other goes to syntok. A sentence longer than
    MAX_SENTENCE_CHARS is cut at its last comma or conjunction before the limit."""
    text = text.strip()
    if not text:
        return []
    if not SENT_END.search(text):
        return _bounded(text)
    out: list[str] = []
    for start, end in plain_spans_once(text) or syntok_spans(text):
        span = text[start:end]  # every _THE_NOUN_STOP match holds ". ": split only where one is
        for piece in (_THE_NOUN_STOP.split(span) if ". " in span else [span]) if end > start else ():
            out.extend(_bounded(piece))
    return out


# After "the", a day's or month's abbreviation is a noun (a paper: "reports the Sun."), so its stop
# ends the sentence before a capital; syntok reads "Sun." as Sunday and runs on (the one place
# where sentences() splits where syntok does not).
_THE_NOUN_STOP = re.compile(r"(?<=\b[Tt]he (?i:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\.) (?=[A-Z])")


# Marks whose part at a sentence edge takes more than a glance: quotes, brackets, ellipses, an
# apostrophe not inside a word (a quote), a semicolon (which may end a sentence). A text holding
# any of them is left to syntok.
_UNSURE = re.compile(r"[\"“”„«»‹›‘()\[\]{}<>…;'’]")
_STOP = re.compile(r"[.!?]+")
# What stands before a plain stop: a word of letters (inner apostrophes and hyphens allowed),
# digits (with thousands commas and a score's hyphen), money or an amount ("£45m", "5pm").
_PLAIN_WORD = re.compile(r"(?:[£€$]?\d[\d,]*[a-z]{0,2}|[^\W\d_]+)(?:[-'’](?:[^\W\d_]+|\d+))*")
# Words a full stop may follow without ending a sentence (titles, "etc.", "vs.", months, firms):
# after one of them the stop is syntok's to read (whether "St. The" is one sentence depends on
# the word after it too).
_ABBREVIATED = """
    mr mrs ms mx messrs dr prof st ste jr sr snr jnr gen col capt cpt lt sgt maj cmdr adm rev hon
    gov sen rep pres supt insp det mt ft ave rd blvd sq no nos num vs v etc approx incl excl est
    dept univ assn bros co corp inc ltd plc llc fig figs vol vols pp ed eds al cf ca viz op resp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
"""
ABBREVIATIONS = frozenset(_ABBREVIATED.split())
# A word of up to three letters may be an abbreviation ("de", "fr", "Ms"); only these common ones
# are read as plain (and tests/claims/test_speed_sentence.py checks syntok ends a sentence after
# each of them, however cased).
_SHORT = """
    ago win bid fee cup day era job row end one two six ten tie run way man fan kit pay law age top
    red sub net it up in on me us go him her out now too off yet new old big won lot set say see put
    got get let hit all any few own try use who why how its the and but for not you she was are has
    had war bad far car air sea tax tv mls psg usa uk fc afc ac rb sc bbc
"""
SHORT_WORDS = frozenset(_SHORT.split())


def _last_piece(word: str) -> str:
    """The letters a word ends with, from its last hyphen, apostrophe or change from lower to upper
    case ("Neill" of "O'Neill", "Mr" of "incMr"); "" after a digit ("45m", "5pm": an amount)."""
    m = _LAST_LETTERS.search(word)
    letters = m.group() if m else ""
    if not letters or m and m.start() > 0 and word[m.start() - 1].isdigit():
        return ""
    if letters.islower() or letters.isupper() or letters.istitle():
        return letters  # no change from lower to upper case inside (most words)
    for k in range(len(letters) - 1, 0, -1):
        if letters[k].isupper() and letters[k - 1].islower():
            return letters[k:]
    return letters


_LAST_LETTERS = re.compile(r"[^\W\d_]+$")


def plain_spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each sentence of a stripped one-line text when every stop in it is plain,
    else None (the caller asks syntok). A plain stop is a run of "!" and "?" or one "." after a
    plain word (or a space after one: "advanced ." where a tag stood) that is no abbreviation or
    initial, at the end of the text or with one space and a capital letter after it.
    A full stop inside a word ("Goal.com") ends nothing; every other stop ends a sentence, which
    runs from the word after one stop to the next stop. Where it has a say, it says what syntok
    does (checked on every text of the labelled sets, the fixtures and the bench stream, and on
    generated text, by tests/claims/test_speed_sentence.py); it has none where a text holds a
    quote, a bracket, an ellipsis, a semicolon, an abbreviation, an initial, a short word it does
    not know, a decimal or a lower-case word after a stop."""
    for mark in _UNSURE.finditer(text):
        i = mark.start()
        if mark.group() not in "'’" or not (0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha()):
            return None  # an apostrophe inside a word ("it's", "O'Neill") is no quote
    spans: list[tuple[int, int]] = []
    start = 0
    last = len(text)
    for m in _STOP.finditer(text):
        stop, after = m.start(), m.end()
        if stop == start:
            return None  # a stop with no word before it
        if after - stop > 1 and "." in m.group():
            return None  # "...", "?." : not a plain stop
        if after < last and text[after] != " ":
            if m.group() == "." and text[after].islower() and text[stop - 1].isalnum():
                continue  # inside a word: "Goal.com", "MLSsoccer.com"
            return None  # "3.5", "U.S", "club.Then"
        end = stop
        if text[stop - 1] == " ":  # "advanced ." (a tag was there)
            if m.group() != ".":
                return None
            end = stop - 1
        word = text[text.rfind(" ", start, end) + 1:end]
        if after < last and not (after + 1 < last and text[after + 1].isupper()):
            return None  # "the club. the end", "FC. 2019 is"
        if not _plain_stop_after(word) or end - len(word) == start and not word.isalpha():
            return None  # and "1." opening a sentence: a list's number
        if after < last and word[-1].isdigit() and text[after + 1:after + 4].casefold() in _MONTHS:
            return None  # "until 2027. Jan Oblak": a date may run on into a month's abbreviation
        spans.append((start, after))
        start = after + 1
    if start < last:
        spans.append((start, last))
    return spans


@lru_cache(maxsize=16384)
def _plain_stop_after(word: str) -> bool:
    """Whether a stop after this word may be a plain one, by the word alone (plain_spans' other
    tests read its place in the text): a plain word, no abbreviation, initial or short word it
    does not know, no Roman numeral, and syntok ends a sentence after it. Every failing test
    gives None there, so their order is free; kept per word, as _syntok_ends_after is."""
    if not word or not _PLAIN_WORD.fullmatch(word):
        return False
    piece = _last_piece(word).casefold()
    if piece in ABBREVIATIONS or 0 < len(piece) <= 3 and piece not in SHORT_WORDS:
        return False
    return not _ROMAN.fullmatch(word) and _syntok_ends_after(word)  # "Henry VIII.", "Brig.": syntok's own


_MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})
_ROMAN = re.compile(r"[IVXLCDM]{2,}")


@lru_cache(maxsize=16384)
def _syntok_ends_after(word: str) -> bool:
    """Whether syntok ends a sentence at "word." before a capitalised word, asked of syntok itself
    once per word: which words it reads as abbreviations is its own business, not a list to copy."""
    return len(syntok_spans(f"He met {word}. Then he left.")) == 2


def syntok_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, as syntok splits them."""
    return [(sent[0].offset, sent[-1].offset + len(sent[-1].value))
            for paragraph in segmenter.analyze(text) for sent in paragraph]


def _bounded(sentence: str) -> list[str]:
    out: list[str] = []
    while len(sentence) > MAX_SENTENCE_CHARS:
        cuts = [m.start() for m in _BREAKS.finditer(sentence, 0, MAX_SENTENCE_CHARS)]
        cut = cuts[-1] if cuts and cuts[-1] > MAX_SENTENCE_CHARS // 4 else sentence.rfind(" ", 0, MAX_SENTENCE_CHARS)
        if cut <= 0:
            cut = MAX_SENTENCE_CHARS
        out.append(sentence[:cut].strip())
        sentence = sentence[cut:].lstrip(" ,;:")
    if sentence.strip():
        out.append(sentence.strip())
    return out


class Token(NamedTuple):
    """A word or mark of a sentence (a named tuple: made for every token, it is the cheapest
    immutable record to build)."""

    text: str  # as written
    key: str  # folded key (may hold spaces: "saint germain")
    start: int  # offsets into the sentence
    end: int
    is_word: bool  # text[0].isalnum(): read many times a token, so kept, not recomputed
    is_cap: bool  # text[0].isupper()


def _token(text: str, key: str, start: int, end: int) -> Token:
    return Token(text, key, start, end, text[0].isalnum(), text[0].isupper())


def tokenize(sentence: str) -> list[Token]:
    """Words and punctuation with offsets; a possessive "'s" becomes its own token."""
    out: list[Token] = []
    new = tuple.__new__  # what Token(...) calls, without its Python-level __new__
    find, ascii_only = sentence.find, sentence.isascii()
    end = 0
    # findall() and find() over match objects, a third of the time: only spaces and "_" stand
    # between tokens, and a token holds neither, so the next one is the first place it occurs.
    for word in (_TOKEN_ASCII if ascii_only else _TOKEN).findall(sentence):
        start = find(word, end)
        end = start + len(word)
        if word.isalnum():
            # No apostrophe or hyphen: none of the cases below applies (most tokens). An ASCII
            # word's key is its lower case (what key() gives it).
            out.append(new(Token, (word, word.lower() if ascii_only or word.isascii() else key(word), start, end, True,
                                   word[0].isupper())))
            continue
        if len(word) == 1 and word not in "'’":  # a mark
            out.append(new(Token, (word, word, start, end, False, word.isupper())))
            continue
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            out.append(_token(word[:-2], key(word[:-2]), start, end - 2))
            out.append(_token("'s", "'s", end - 2, end))
            continue
        if word[:3].casefold() == "ex-" and len(word) > 3:  # "ex-Man Utd": the prefix stands apart
            out.append(_token(word[:2], "ex", start, start + 2))
            word, start = word[3:], start + 3
        if word in {"'", "’"} and out and out[-1].end == start and out[-1].key.endswith("s") and (
            end >= len(sentence) or not sentence[end].isalnum()
        ):
            out.append(_token(word, "'s", start, end))  # plural possessive: "Rangers' Fernandez"
            continue
        tail = _LOWER_TAIL.search(word)
        if tail and word[0].isupper():
            # "United-linked", "Madrid-born", "U-turn": a name or club, then a lower-case word
            # that only modifies it; the name stands alone ("Alexander-Arnold" keeps its hyphen).
            head = word[: tail.start()]
            out.append(_token(head, key(head), start, start + len(head)))
            out.append(_token(tail.group(1), key(tail.group(1)), start + tail.start(1), end))
            continue
        out.append(_token(word, key(word) if word[0].isalnum() else word, start, end))
    return out


# Work one item asks for more than once: each sentence's tokens (the keyword gate's reach test,
# the binding gate and the analyser read them; a headline may be analysed twice), a text's plain
# split (the reach test and sentences()), and others' memos made with item_memo(). Every memo is
# cleared at each item (forget_item) so no item reuses another's work, and bounded besides.
REUSE = True  # tests and the benchmark switch it off to compare
_ITEM_MEMOS: list[dict[Any, Any]] = []


def item_memo() -> dict[Any, Any]:
    """A memo forget_item() clears: what one item computed, for that item alone."""
    memo: dict[Any, Any] = {}
    _ITEM_MEMOS.append(memo)
    return memo


def forget_item() -> None:
    """A new item: nothing the last one computed is reused."""
    for memo in _ITEM_MEMOS:
        memo.clear()


def remember(memo: dict[Any, Any], key: Any, value: Any) -> Any:
    """memo[key] = value, the memo kept small (an item reads a few dozen sentences)."""
    if len(memo) >= 256:
        memo.clear()
    memo[key] = value
    return value


_TOKENS = item_memo()
_SPANS = item_memo()


def tokens_of(sentence: str) -> list[Token]:
    """tokenize(sentence), once an item (the list is shared: never change it)."""
    if not REUSE:
        return tokenize(sentence)
    got = _TOKENS.get(sentence)
    return remember(_TOKENS, sentence, tokenize(sentence)) if got is None else got  # type: ignore[no-any-return]


def plain_spans_once(text: str) -> list[tuple[int, int]] | None:
    """plain_spans(text), once an item."""
    if not REUSE:
        return plain_spans(text)
    if text in _SPANS:
        return _SPANS[text]  # type: ignore[no-any-return]
    return remember(_SPANS, text, plain_spans(text))  # type: ignore[no-any-return]


# Modifiers hyphenated to a name; a closed class, so "Son Heung-min" keeps his given name.
_LOWER_TAIL = re.compile(r"[-‐‑](linked|based|born|bound|bred|owned|backed|bound|style|era|led|run|"
                         r"made|turn|elect|record|bound|inspired|chasing|target|targeted|bound)$")


_MAX_ARTICLE = 40_000  # characters of a full article read; feature pieces run long
# Paragraphs end at a line break (the feed parser renders block tags as one) or a closing </p>.
_PARAGRAPH = re.compile(r"\n\s*|</p>|<br\s*/?>\s*<br\s*/?>", re.I)


def paragraphs(summary: str, content: str) -> list[str]:
    """The body: a full article's paragraphs when the feed carries one beyond its summary
    (content:encoded), else the summary (clean()ed and stripped) as one paragraph."""
    if content and len(content) > len(summary) + 80:
        parts = _PARAGRAPH.split(content[:_MAX_ARTICLE])
        return [p for p in (strip_boilerplate(clean(part)) for part in parts) if p]
    return [summary] if summary else []


def trim(text: str, limit: int = 300) -> str:
    """Evidence no longer than `limit` characters, cut at a word edge."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
