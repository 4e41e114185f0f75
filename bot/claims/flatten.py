"""flat(): a title, summary or sentence as the keyword gate looks for keywords in it (prefilter.py's
module doc says why a keyword of a frame is one of flat() of its text, its word edges too)."""

from __future__ import annotations

import re

from anyascii import anyascii

from bot.claims import text as text_module
from bot.claims.text import item_memo, remember

_FLAT = re.compile(r"[\s_\-‐‑'’.]+")
_NOT_ASCII_WORD = re.compile(r"[^\w\x00-\x7f]")


def flat(text: str) -> str:
    """The text as keywords are looked for in it (see prefilter's module doc); once an item."""
    if not text:
        return text
    got = _FLATS.get(text) if text_module.REUSE else None
    return remember(_FLATS, text, _flat(text)) if got is None else got  # type: ignore[no-any-return]


def _flat(text: str) -> str:
    if not text.isascii():
        text = anyascii(_NOT_ASCII_WORD.sub(" ", text))  # ASCII from here on
    # casefold() and _FLAT.sub(" ", ...), done as one byte table (an ASCII text's casefold is its
    # lower case; a str table of strings costs twenty times more a character) and passes for
    # the rarer runs of two or more spaces (each halves a run: _SPACES.sub(" ", text) in the end).
    text = text.encode("ascii").translate(_FLAT_BYTES).decode("ascii")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


# Every character _FLAT matches becomes a space: whitespace (re's \s is str.isspace()) and the
# marks it names (tests/claims/test_speed_prefilter.py checks the table against _FLAT).
_FLAT_TABLE = {c: " " for c in [*(c for c in range(0x3100) if chr(c).isspace()), *map(ord, "_-‐‑'’.")]}
_FLAT_BYTES = bytes(ord(" ") if c in _FLAT_TABLE else ord(chr(c).casefold()) for c in range(128)) + bytes(range(128, 256))
_SPACES = re.compile(" {2,}")
_FLATS = item_memo()  # flat() of one item's texts
