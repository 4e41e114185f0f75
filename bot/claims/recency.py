"""When a development told in the past happened, measured against the item's own date.

A past tense alone does not make a development history: "was sacked after Sunday's defeat",
"signed him this week", "were in talks last night" are this week's news. What makes it history
is a date before the item's: "last season", "two years ago", "in 2023", or a month that is not
the item's own month ("resigned in October" in a December item). The item's publication date
is part of the item given to the extractor, so these checks stay pure: no clock is read.
"""

from __future__ import annotations

import re

# A time of now: today, a day of this week, the weekend, overnight, hours or days after an
# event, this week or month. (A weekday names a newspaper in "the Sunday Times": not a date.)
_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_PAPERS = r"(?!\s+(?:times|mirror|telegraph|express|people|world|post|mail|star|sport|herald|independent|night football))"
_NOW = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|deadline day|in recent days"
    r"|this (?:week|weekend|morning|afternoon|evening|month|window)"
    r"|(?:at|over) the weekend|last (?:night|week|weekend)"
    r"|earlier (?:today|this (?:week|month|morning|afternoon|evening)|in the (?:day|week))"
    r"|(?:hours|minutes|days) (?:after|before|later|earlier)|within (?:hours|days)"
    r"|(?:a|one|two|three|four|five|\d) days? ago"
    rf"|{_WEEKDAY}{_PAPERS})\b",
    re.I,
)

# The months: a past move "in December" is this month's news in a December item and history in
# a later one. A season's window told in the past ("signed in the summer", "in the winter") is
# a window gone by: this one is "this summer".
_MONTH_NUMBERS: dict[str, int] = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
_WINDOW_MONTHS = dict.fromkeys(("summer", "preseason", "winter", "spring", "autumn"), 0) | _MONTH_NUMBERS
WINDOWS = frozenset(_WINDOW_MONTHS)

# A date before now in raw text: "last season", "two years ago", "in October", "back in 2023".
_BEFORE = re.compile(
    r"\blast (?:summer|season|year|campaign|term|window|spring|autumn|winter|month|january|february|march"
    r"|april|may|june|july|august|september|october|november|december)\b"
    r"|\b(?:years?|seasons?|months|decades?) ago\b"
    r"|\b(?:in|back in|during) (?:the )?(?P<window>" + "|".join(sorted(_WINDOW_MONTHS)) + r")\b(?! 20\d\d)"
    r"|\b(?:in|back in|during) (?:the )?(?:(?P<month2>[a-z]+) )?(?P<year>(?:19|20)\d\d)\b(?![/–-]\d)",
    re.I,
)


def _item_date(published: str | None) -> tuple[int, int] | None:
    """(year, month) of an ISO date ("2026-12-06T10:00:00Z"), or None."""
    if not published or len(published) < 7 or published[4] != "-":
        return None
    year, month = published[:4], published[5:7]
    return (int(year), int(month)) if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12 else None


def dated_now(text: str) -> bool:
    """Whether the text dates what it tells to now ("on Sunday", "overnight", "this week")."""
    return _NOW.search(text) is not None


def window_before(window: str, published: str | None) -> bool:
    """Whether a past development dated to a month or window ("in October", "in the summer")
    happened before the item's month. Without the item's date a month is read as before."""
    month = _WINDOW_MONTHS.get(window.lower())
    when = _item_date(published)
    if month is None:
        return False
    return not month or when is None or when[1] != month


def dated_then(text: str, published: str | None) -> bool:
    """Whether the text dates a development to before the item's month ("last season", "in
    2023", "in October" in a December item), and nothing in it to now."""
    if dated_now(text):
        return False
    when = _item_date(published)
    for m in _BEFORE.finditer(text):
        if m.group("window"):
            if window_before(m.group("window"), published):
                return True
        elif m.group("year"):
            year = int(m.group("year"))
            month = (m.group("month2") or "").lower()
            if when is None or year < when[0] or year == when[0] and month in _WINDOW_MONTHS \
                    and window_before(month, published):
                return True
        else:
            return True
    return False
