"""Text from feeds and users as every surface shows it: literal (no markdown, no ping), links
checked, lengths clipped, times and counts worded one way. Alerts, replies, the console and the
input validators all use these, so they sit below every one of them."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from urllib.parse import urlsplit

_MARKDOWN = re.compile(r"([\\*_`~|>#\[\]()-])")
_MENTION = re.compile(r"@(everyone|here|&?\d+|!?\d+)")


def escape(text: str) -> str:
    """Feed text as literal characters: no markdown, and no @mention that could resolve."""
    text = _MARKDOWN.sub(r"\\\1", text)
    return _MENTION.sub("@\u200b\\1", text)


MAX_URL = 2048  # Discord's limit for an embed's url


def safe_url(url: str | None) -> str | None:
    """The one check every URL passes before it reaches a message (embed url, markdown link,
    console line): http or https with a host, nothing unprintable, within Discord's limit; None
    otherwise. A feed's link, or a GUID standing in for one, is text the feed controls
    (`javascript:…`, `data:…`, a line break that starts a second markdown link)."""
    if not url or len(url) > MAX_URL or any(char.isspace() or unicodedata.category(char)[0] == "C" for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def markdown_link(label: str, url: str | None) -> str:
    """`[label](url)` for a safe url (its parentheses and angle brackets escaped), else ""."""
    safe = safe_url(url)
    if safe is None:
        return ""
    return f"[{label}]({safe.replace('(', '%28').replace(')', '%29').replace('<', '%3C').replace('>', '%3E')})"


def clip(text: str, limit: int) -> str:
    """At most `limit` characters, "…" at the end when cut ("" when there is no room at all)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + "…" if limit >= 1 else ""


def day(iso: str | None) -> str:
    """"04 Dec 2025" from a stored timestamp."""
    if not iso:
        return "date unknown"
    try:
        return datetime.fromisoformat(iso.replace("Z", "+00:00")).strftime("%d %b %Y")
    except ValueError:
        return iso[:10]


def when(iso: str | None) -> str:
    """"04 Dec 2025 10:00 UTC" from a stored timestamp."""
    try:
        return day(iso) + datetime.fromisoformat((iso or "").replace("Z", "+00:00")).strftime(" %H:%M UTC")
    except ValueError:
        return "an unknown time"


def count(number: int, noun: str, plural: str | None = None) -> str:
    """"1 item", "3 items": every count a user reads."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"
