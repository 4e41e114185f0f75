"""One validator per kind of argument, shared by the slash commands and their CLI twins.

bot/service.py runs every argument through these, so `/feeds remove 99999999999999999999` and
`python -m bot feeds remove 99999999999999999999` get the same clear answer; a validator raises
UserError, worded as what to do instead, and never lets a value reach SQLite it cannot bind.
`shown` is the other direction: any user- or feed-supplied text echoed back in a reply.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

from bot.literal import escape

MAX_NAME_CHARS = 80  # a person's name
MAX_FEED_NAME_CHARS = 100  # a feed's name, as /feeds add allows
MAX_URL_CHARS = 2000
MAX_ID = 2**63 - 1  # SQLite's largest integer; every Discord snowflake fits
_NAME_OK = re.compile(r"^(?:[^\W\d_]|[ .'’\-])+$")  # letters (any script), spaces, . ' ’ -
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")
# Control and format characters (bidi overrides, zero-width), surrogates, private use, line and
# paragraph separators: nothing a name or URL needs, and what terminal or bidi tricks are made of.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})


class UserError(Exception):
    """A mistake in what the user asked, worded as what to do instead."""


def _unprintable(text: str) -> bool:
    return any(unicodedata.category(char) in _UNPRINTABLE for char in text)


def shown(text: str, limit: int = 100) -> str:
    """User or feed text echoed in a reply: unprintables dropped, clipped, markdown and mentions defused."""
    printable = "".join(" " if char in "\t\r\n" else char for char in text
                        if char in "\t\r\n" or unicodedata.category(char) not in _UNPRINTABLE)
    printable = " ".join(printable.split())
    if len(printable) > limit:
        printable = printable[: limit - 1] + "…"
    return escape(printable)


def shown_url(url: str) -> str:
    """A URL echoed in a reply: unprintables and spaces dropped, and in <…>, which Discord shows as
    a plain link (no preview, no markdown inside), so it stays exact enough to copy."""
    printable = "".join(char for char in url if not char.isspace() and unicodedata.category(char) not in _UNPRINTABLE)
    return "<" + printable[:MAX_URL_CHARS].replace("<", "%3C").replace(">", "%3E") + ">"


def snowflake(value: int | str, what: str = "id") -> int:
    """A Discord id (a channel, a server): ASCII digits, at most 2⁶³−1. 0 is the console's."""
    text = str(value).strip() if not isinstance(value, bool) else ""
    if not _ASCII_DIGITS.fullmatch(text) or int(text) > MAX_ID:
        raise UserError(f"The {what} must be a Discord id: a whole number of up to 19 digits, "
                        f"not {shown(str(value), 30)}.")
    return int(text)


def optional_snowflake(value: int | str | None, what: str = "id") -> int | None:
    return None if value is None else snowflake(value, what)


def person_name(raw: str) -> str:
    """A person's name as typed: letters (at least one), spaces, hyphens, apostrophes and dots."""
    name = unicodedata.normalize("NFC", " ".join(str(raw).split()))
    if not name:
        raise UserError("Give a name, like `konate` or `Xabi Alonso`.")
    if len(name) > MAX_NAME_CHARS:
        raise UserError(f"That name is longer than {MAX_NAME_CHARS} characters; try the surname alone.")
    if not any(char.isalpha() for char in name):
        raise UserError("A name needs letters, like `konate` or `Xabi Alonso`.")
    if not _NAME_OK.match(name) or _unprintable(str(raw)):
        raise UserError("Names may hold letters, spaces, hyphens, apostrophes and dots only.")
    return name


def feed_name(raw: str | None) -> str | None:
    """A feed's display name: one line of printable text, at most 100 characters; None when blank."""
    if raw is None:
        return None
    if _unprintable(raw):
        raise UserError("A feed name must be plain text on one line: no control characters, "
                        "line breaks or direction overrides.")
    name = unicodedata.normalize("NFC", " ".join(raw.split()))
    if len(name) > MAX_FEED_NAME_CHARS:
        raise UserError(f"A feed name may be at most {MAX_FEED_NAME_CHARS} characters.")
    return name or None


def feed_url(raw: str) -> str:
    """What a Discord user may add: an http(s) URL with a host, printable, no spaces, bounded.

    Address checks (no private or loopback hosts) happen at connect time, in bot/feeds/netguard.py.
    """
    url = str(raw).strip()
    if len(url) > MAX_URL_CHARS:
        raise UserError(f"That URL is longer than {MAX_URL_CHARS} characters.")
    if _unprintable(url) or any(char.isspace() for char in url):
        raise UserError("A feed URL may not hold spaces, control characters or direction overrides.")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        raise UserError("That is not a valid URL.") from None
    if parts.scheme not in ("http", "https") or not host:
        raise UserError("A feed URL must start with http:// or https:// and name a host.")
    return url


def feed_ref(raw: str) -> int | str:
    """A feed as /feeds remove and resume name it: its number in the feed list, or its URL."""
    key = str(raw).strip()
    if not key or len(key) > MAX_URL_CHARS or _unprintable(key):
        raise UserError("Name the feed by its number in the feed list (like `3`) or by its URL.")
    if key.startswith("#"):
        key = key[1:]
    if key.isdigit() or key.isdecimal():
        if not _ASCII_DIGITS.fullmatch(key) or int(key) > MAX_ID:
            raise UserError(f"No feed {shown(key, 30)} here. Feed numbers are the ones the feed list shows.")
        return int(key)
    return key


def since_date(raw: str | None) -> str | None:
    """A YYYY-MM-DD date that exists."""
    if raw is None:
        return None
    text = str(raw).strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UserError("Give `since` as a date, like 2025-06-01.") from None
