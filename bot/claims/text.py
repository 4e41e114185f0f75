"""Text plumbing for the extractor: clean feed text, fold it, split sentences, tokenise.

Everything matches on *keys*: tokens folded (anyascii + casefold) with inner hyphens and
apostrophes turned into spaces, so "Paris Saint-Germain", "paris saint germain" and
"PARIS SAINT–GERMAIN" meet on one form and a match can be checked against token edges.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii
from syntok import segmenter

_TAG = re.compile(r"<[^>]*>")
# Block-level tags end a sentence in the rendered text; keep that boundary when stripping.
_BLOCK = re.compile(r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|blockquote)\b[^>]*>", re.I)
_SPACE = re.compile(r"\s+")
# A word: letters/digits with inner hyphens, apostrophes or dots ("Alexander-Arnold",
# "N'Golo", "Nott'm", "St."), or money ("£60m", "€50.5m"), or a single punctuation mark.
_TOKEN = re.compile(
    r"[£€$]\d+(?:[.,]\d+)*(?:m|bn|k)?\b"
    r"|[^\W_]+(?:[-‐‑'’][^\W_]+)*"
    r"|[^\w\s]",
    re.UNICODE,
)
_INNER = re.compile(r"[-‐‑'’.]+")
_SENT_END = re.compile(r"[.!?…](?=[\s\"'”’)]+\S)")


def clean(text: str | None) -> str:
    """Feed text to plain text: tags out, entities decoded, whitespace collapsed."""
    if not text:
        return ""
    if "<" not in text and "&" not in text and "\n" not in text:
        return _SPACE.sub(" ", text).strip()  # one line, no markup: what the steps below give
    if "<" in text:
        text = _BLOCK.sub("\n", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
        if "<" in text:  # escaped markup ("&lt;p&gt;") shows up after the first decode
            text = _TAG.sub(" ", _BLOCK.sub("\n", text))
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
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
    return _SPACE.sub(" ", text.casefold()).strip()


# Publishing software's own words around an excerpt, never the outlet's news: WordPress's
# "The post <title> appeared first on <site>." footer (which repeats the headline), the
# "[…]" / "Read more" cut, and shouted calls to action ("DOWNLOAD THE OFFICIAL … APP …!").
_FOOTER = re.compile(r"\s*(?:\[(?:…|\.\.\.)\].*|\bThe post\b.{0,400}?\bappeared first on\b.*|\b(?:Read|Continue reading)\s+(?:More|more)\b.*)$",
                     re.S)
_SHOUT = re.compile(r"(?:(?:\b[A-Z0-9][A-Z0-9’'.,–-]*\b|&)[\s–:!-]*){6,}[!.]?")
# Six capitals, digits or "&" with only marks and spaces between them, which every _SHOUT match
# holds (a quick search that rules most text out), as "[", "appeared first on", "Read" or
# "Continue reading" is in every _FOOTER match.
_SHOUT_HINT = re.compile(r"[A-Z0-9&](?:[’'.,–\-\s:!]*[A-Z0-9&]){5}")


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
        summary = _SPACE.sub(" ", _SHOUT.sub(" ", summary)).strip()
    return summary


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    """Folded matching key: inner hyphens, apostrophes and dots become spaces."""
    return _SPACE.sub(" ", _INNER.sub(" ", fold(text))).strip()


# Longer than any sentence a reporter writes; beyond it a "sentence" is a list or junk, and the
# work on one (every trigger against every club in its clause) would grow with its square.
MAX_SENTENCE_CHARS = 400
_BREAKS = re.compile(r"[,;:]\s+|\s+(?:and|but|while|as)\s+")


def sentences(text: str) -> list[str]:
    """Split with syntok; a text with no inner sentence end skips the (slow) segmenter. A sentence
    longer than MAX_SENTENCE_CHARS is cut at its last comma or conjunction before the limit."""
    text = text.strip()
    if not text:
        return []
    if not _SENT_END.search(text):
        return _bounded(text)
    out: list[str] = []
    for start, end in syntok_spans(text):
        if end > start:
            out.extend(_bounded(text[start:end]))
    return out


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
    for m in _TOKEN.finditer(sentence):
        word = m.group()
        start, end = m.span()
        if word.isalnum() or len(word) == 1 and word not in "'’":
            # No apostrophe or hyphen: none of the cases below applies (most tokens).
            first = word[0]
            alnum = first.isalnum()
            out.append(Token(word, key(word) if alnum else word, start, end, alnum, first.isupper()))
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


# Modifiers hyphenated to a name; a closed class, so "Son Heung-min" keeps his given name.
_LOWER_TAIL = re.compile(r"[-‐‑](linked|based|born|bound|bred|owned|backed|bound|style|era|led|run|"
                         r"made|turn|elect|record|bound|inspired|chasing|target|targeted|bound)$")


def trim(text: str, limit: int = 300) -> str:
    """Evidence no longer than `limit` characters, cut at a word edge."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
