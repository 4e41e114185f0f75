"""syntok's sentence splits, found without syntok's per-token machinery.

syntok (segmenter.analyze) tokenises the whole text into objects and walks a state machine
over them; it was 29 % of extraction. This module gives the same spans: it tokenises word by
word, a plain word ("Arsenal", "said.", "—") by hand and any other through syntok's own
tokenizer, and walks a port of syntok's states (_segmentation_states.py, 1.4.x) that reads
the same token values, offsets and spacing and its own word lists. Texts it does not cover
(brackets, which syntok skips over by rules of their own; line breaks and odd spaces) return
None, and the caller asks syntok. Checked against syntok on every text of the labelled sets,
the fixtures, the benchmark streams and random mixes of its tricky cases (tests/claims/
test_speed_segment.py).
"""

from __future__ import annotations

import re

import regex  # type: ignore[import-untyped]  # syntok's own dependency: its Unicode classes
from syntok._segmentation_states import State
from syntok.tokenizer import Tokenizer

_TOKENIZER = Tokenizer(replace_not_contraction=False)  # as segmenter.analyze builds it
# Brackets of any kind (syntok's lists and every open/close punctuation its tokenizer splits
# off), line breaks, whitespace other than the space, the zero-width space: syntok's own case.
_NOT_COVERED = regex.compile(r"[\p{Ps}\p{Pe}]|[^\S ]|\u200b|[" + regex.escape(
    "".join(State.opening_brackets | State.closing_brackets)) + "]")
# On ASCII text: brackets and control characters (a superset of the above there).
_NOT_COVERED_ASCII = re.compile(r"[()\[\]{}\x00-\x1f\x7f]")
# A word syntok's tokenizer splits inside: a lower-case letter then an upper-case one, or an
# apostrophe that is a letter (modifier letters pass str.isalnum()).
_INNER_SPLIT = regex.compile(r"\p{Ll}[.!?]?\p{Lu}|[\u02B9\u02BC]")
_INNER_SPLIT_ASCII = re.compile(r"[a-z][.!?]?[A-Z]")  # the same on ASCII text, with re's speed

_TERMINALS = State.terminals
_POST_TERMINAL = State.terminals | State.closing_brackets
_QUOTES = State.closing_quotes
_CLOSING = State.closing_brackets
_INNER_PUNCTUATION = State.inner_sentence_punctuation
_STARTERS = State.starters
_ABBREVIATIONS = State.abbreviations
_MONTHS = State.months
_ROMAN = State.roman_numerals
_VOWELS = State.vowels

Tok = tuple[str, int, bool]  # value, offset, spaced (a non-empty spacing before it)


def _tokens(text: str) -> list[Tok]:
    """syntok's tokens of a text with no brackets and only spaces between words."""
    out: list[Tok] = []
    inner = _INNER_SPLIT_ASCII if text.isascii() else _INNER_SPLIT
    split = [m.start() for m in inner.finditer(text)]  # words to leave to syntok
    pos = prev_end = 0
    for chunk in text.split(" "):
        at = pos
        pos += len(chunk) + 1
        if not chunk:
            continue
        spaced = at > prev_end
        prev_end = at + len(chunk)
        if split and any(at <= p < prev_end for p in split):
            pass
        elif chunk.isalnum():
            out.append((chunk, at, spaced))
            continue
        else:
            start = 0
            while start < len(chunk) and not chunk[start].isalnum():
                start += 1
            if start == len(chunk):  # no letter or digit: one token ("—", "?!", "...")
                out.append((chunk, at, spaced))
                continue
            end = len(chunk)
            while not chunk[end - 1].isalnum():
                end -= 1
            core = chunk[start:end]
            if core.isalnum() and not chunk.startswith("...", end):
                # Marks before and after a plain word: one token each ("“Yes", "said.”").
                out.extend((c, at + k, spaced and k == 0) for k, c in enumerate(chunk[:start]))
                out.append((core, at + start, spaced and start == 0))
                out.extend((c, at + k, False) for k, c in enumerate(chunk[end:], end))
                continue
        # Anything else ("Alexander-Arnold", "club's", "£5.5m", "U.S."): syntok's tokenizer.
        for k, t in enumerate(_TOKENIZER.tokenize(chunk)):
            out.append((t.value, at + t.offset, spaced if k == 0 else bool(t.spacing)))
    return out


def spans(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of each sentence as syntok's segmenter.analyze gives them, or None
    when the text is one this port does not cover."""
    if (_NOT_COVERED_ASCII if text.isascii() else _NOT_COVERED).search(text):
        return None
    toks = _tokens(text)
    n = len(toks)
    out: list[tuple[int, int]] = []
    first, i, start = True, 0, 0  # first: in syntok's FirstToken state; i: the queue's head
    while i < n:
        i += 1  # move the next token into the sentence
        if i < n and toks[i][0] in _TERMINALS:
            split, i = _decide(toks, i, start, first)
            if split:
                out.append((toks[start][1], toks[i - 1][1] + len(toks[i - 1][0])))
                start, first = i, True
                continue
            # no split: the state stays what it was
        else:
            first = False
    if start < n:
        out.append((toks[start][1], toks[n - 1][1] + len(toks[n - 1][0])))
    return out


def _decide(toks: list[Tok], i: int, start: int, first: bool) -> tuple[bool, int]:
    """State._move_and_maybe_extract_terminal with the terminal at i: (split?, new head)."""
    n = len(toks)
    before = toks[i - 1][0] if i > start else ""
    i += 1  # the terminal
    token: str | None = None
    while i < n and toks[i][0] in _POST_TERMINAL:
        i += 1
        if i >= n:
            break
        if token is None:
            token = toks[i - 1][0]
    if i < n and toks[i][0] in _QUOTES and not toks[i][2]:
        i += 1
        if i < n and token is None:
            token = toks[i - 1][0]
    while i < n and toks[i][0] in _POST_TERMINAL:
        i += 1
        if i >= n:
            break
        if token is None:
            token = toks[i - 1][0]
    if token is None and i < n:
        token = toks[i][0]
    after = "" if token is None else token
    nxt = toks[i][0] if i < n else None
    no_space = i < n and not toks[i][2]
    if nxt is not None and (nxt[:1].islower() or nxt in _INNER_PUNCTUATION):
        return False, i
    if not (first and _letter_or_roman(before)) and nxt is not None and nxt in _STARTERS:
        return True, i
    if before in _ABBREVIATIONS and after not in _CLOSING:
        return False, i
    if nxt is not None:
        if before in ("no", "No", "NO") and any(c.isnumeric() for c in nxt) and nxt.isalnum():
            return False, i
        if nxt.isnumeric() and no_space:
            return False, i
        if no_space and (not after.istitle() or not after.isalpha() or len(after) == 1):
            return False, i
        if nxt.isnumeric() and len(nxt) > 2:
            return False, i
        if before.isnumeric() and nxt in _MONTHS:
            return False, i
        if before in _MONTHS and nxt.isnumeric():
            return False, i
    if "." in before and after != ".":
        return False, i
    if (first or before.isupper()) and _letter_or_roman(before):
        return False, i
    if len(before) == 1 and before.isalpha() and before not in _VOWELS:
        return False, i
    return True, i


def _letter_or_roman(token: str) -> bool:
    return len(token) == 1 or token in _ROMAN
