"""Suitors left unnamed: "several clubs from England and Spain", "a Premier League side", "a main
suitor", "interest from abroad". A club's interest told this way is still a claim about the
player (claims.md: a named person and a development), one with no counterpart; merge.py keeps
it where it would drop a move with no club ("X could join oldest players")."""

from __future__ import annotations

import re

_MANY = (r"several|a number of|a host of|a raft of|a string of|a handful of|many|multiple|numerous|various|"
         r"other|a few|two|three|four|five|six|seven|eight|nine|ten|\d+|top|big|major|elite|leading|rival|"
         r"european|foreign|overseas|english|spanish|italian|german|french|portuguese|dutch|turkish|saudi|"
         r"saudi arabian|gulf|middle eastern|american|south american|mls|premier league|serie a|la liga|"
         r"bundesliga|ligue 1|championship|pro league")
_PLACES = (r"england|spain|italy|germany|france|portugal|turkey|saudi arabia|the gulf|qatar|abroad|"
           r"overseas|europe|the continent|the mls|the us|the usa|the premier league|serie a|la liga|the "
           r"bundesliga|ligue 1|the middle east|south america|asia|two continents|across europe|[a-z]+ and [a-z]+")
# Plural suitors with a quantifier or a place ("several clubs", "Premier League sides"); a single
# one only indefinite ("a Serie A club", "Premier League club eyeing X" opening a headline): "the
# Saudi Pro League side" is a club the text has named.
_UNNAMED = re.compile(
    r"\b(?:" + _MANY + r")\b(?: \S+){0,3}? (?:clubs|sides|teams|suitors|outfits|giants)\b"
    r"|(?:\b(?:an?|one)|^) (?:\S+ ){0,3}?(?:club|side|team|outfit|suitor)\b(?! (?:captain|legend|boss|manager|coach|owner|director|president)\b)"
    r"|\b(?:clubs?|sides?|teams?|interest|suitors?|offers?|approaches) (?:from|in) (?:" + _PLACES + r")\b"
    r"|\bsuitors\b|\bclubs (?:are|have been|keep|remain)\b",
    re.IGNORECASE)


def unnamed_suitors(evidence: str) -> bool:
    """Whether a sentence tells of clubs it does not name wanting someone."""
    return _UNNAMED.search(" " + evidence) is not None
