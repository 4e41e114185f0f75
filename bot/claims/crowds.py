"""Headline words taken for names, that name nobody. A club's crowd named as a body: "the Toon Army", "the Anfield faithful", "the Tartan
Army", "Red Nation". A headline that speaks to the fans ("Big news for the Toon Army") names no
person, so the summary's signing is not background to someone else's news (extract's `named`).

The nouns are the collective names of supporters; none of them is a footballer's given name or
surname on its own, so a one-word run that is one of them, after a capitalised word (a club, a
nickname, a place) or as a headline's last word, opens no name. So does a judging adjective that
opens a sentence before a noun of news ("Bad news for Arsenal fans", "Huge blow for Spurs").
"""

from __future__ import annotations

from bot.claims.text import Token

CROWD_NOUNS = frozenset({"army", "faithful", "nation", "massive", "ultras", "loyal", "loyalists", "support",
                         "supporters", "fans", "fanbase", "kop", "diaspora", "masses"})


def crowd(tokens: list[Token], i: int) -> bool:
    """Whether the word at `i` is a crowd noun after a capitalised word ("Toon Army", "Elland Road
    faithful"): the fans, not a person."""
    return tokens[i].key in CROWD_NOUNS and i > 0 and tokens[i - 1].is_cap and (
        i + 1 >= len(tokens) or not tokens[i + 1].is_cap)


# Adjectives that judge the news a headline opens with, and the nouns of news they qualify.
_JUDGING = frozenset({"bad", "good", "great", "big", "huge", "massive", "major", "fresh", "sad", "grim",
                      "mixed", "double", "triple", "welcome", "worrying", "brilliant", "terrible", "positive",
                      "negative", "exciting", "disappointing"})
_NEWS_NOUNS = frozenset({"news", "blow", "boost", "day", "times", "week", "night", "update", "updates", "setback"})


def not_a_person(tokens: list[Token], i: int) -> bool:
    """Whether the capitalised word at `i` opens no name: a crowd noun (see `crowd`), or a judging
    adjective opening the sentence before a lower-case noun of news ("Bad news for ...")."""
    if crowd(tokens, i):
        return True
    return i == 0 and tokens[i].key in _JUDGING and i + 1 < len(tokens) and tokens[i + 1].key in _NEWS_NOUNS
