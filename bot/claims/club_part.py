"""What part a club plays in a development, from the words right around it: the club left or
held ('from'), a destination ('to'), the club someone stays at ('at'), a club only named as
someone's former club, a rival or its fans ('former'), or a possessive to be read further ('poss').
parties.py reads every club of a bound trigger's clause through it.
"""

from __future__ import annotations

from bot.claims.contest import rival, sent_by
from bot.claims.frame import Frame
from bot.claims.lexicon import (
    AFTER_POSSESSIVE,
    BID_NOUNS,
    DEST_NOUNS,
    FROM_AFTER,
    FROM_BEFORE,
    LEGEND_NOUNS,
    PLAYER_ROLES,
    RIVAL_BEFORE,
    STAYING,
    TO_BEFORE,
)
from bot.claims.phrases import description_of

# Words after "from" that are no epithet of the club after them ("from Porto to Chelsea").
# Words after "from" that are no epithet of the club after them ("from Porto to Chelsea").
_NOT_EPITHETS = frozenset({"and", "or", "to", "at", "in", "on", "with", "for", "by", "of", "as", "than", "him", "her",
                           "them", "@c", "@p", "@m", "@s", "home", "abroad", "there", "here"})
# Words before "<club> <player>" that make the club his, the one he leaves ("the signing of
# Leverkusen X", "sign Ajax X"); at a headline's start "Arsenal Gyokeres bid" is the suitor's.
_BEFORE_A_PLAYERS_CLUB = frozenset({"of", "sign", "signs", "signed", "signing", "land", "lands", "landed", "capture",
                                    "captures", "captured", "secure", "secures", "secured"})
# Participles of a seller's answer to a bid, before "by" and the seller.
_ANSWERING_A_BID = frozenset({"rejected", "rebuffed", "snubbed", "declined", "accepted", "blocked"})

# People of a club named by it ("Celtic fans", "his Ajax team-mates"): the club is not the one acting.
_FOLLOWERS = frozenset({"fans", "supporters", "faithful", "fanbase", "supporter", "fan",
                        "team mates", "teammates", "team mate", "teammate", "colleagues"})
_HELD_AT = frozenset({("focused", "on"), ("committed", "to"), ("remain", "at"), ("charge", "of")})


# Verbs whose object club is asked for a player it holds.
_ASKING_CLUB = frozenset({"contact", "contacts", "contacted", "contacting", "call", "calls", "called", "phone", "phones",
                          "phoned", "approach", "approaches", "approached", "ask", "asks", "asked", "quiz", "quizzed",
                          "offer", "offers", "offered", "offering"})


def club_part(fr: Frame, unit: int) -> str:
    """'from' (the club left or held), 'to' (destination) or '' from the words around a club."""
    before = fr.units[unit - 1][2] if unit > 0 else ""
    before2 = fr.units[unit - 2][2] if unit > 1 else ""
    after = fr.units[unit + 1][2] if unit + 1 < len(fr.units) else ""
    k = unit - 1
    while k >= 0 and fr.units[k][2] in {"and", ",", "@c", "'s"}:
        k -= 1  # "Former Spain and Real Madrid coach": the whole list is former
    if rival(fr, unit):
        return "former"  # "compete with Liverpool for X": a rival, not a party (contest.py)
    if after in _FOLLOWERS:
        return "former"  # "Manchester United fans may be interested to learn ...": not the club acting
    if before == "by" and sent_by(fr, unit, range(0, unit)):
        return "from"  # "loaned out by Chelsea to Ipswich": the club that sends him
    if before == "by" and before2 in _ANSWERING_A_BID:
        return "from"  # "have a £92m bid rejected by Atletico": the club that holds him
    if before in {"ex", "former"} or (k >= 0 and fr.units[k][2] in {"ex", "former"}) or after in LEGEND_NOUNS:
        return "former"  # "former Spain coach", "Celtic legend"
    if (before in {"new", "fresh", "improved", "extended"} and after in {"deal", "contract", "terms"}) or after in PLAYER_ROLES:
        return "from"  # "new Forest deal", "Arsenal captain": the club held
    if after == "and" and unit + 3 < len(fr.units) and fr.units[unit + 2][2] == "@c" and fr.units[unit + 3][2] in PLAYER_ROLES:
        return "from"  # "signing of Wolves and Republic of Ireland right back X": both are his
    if after == "@p" and before in _BEFORE_A_PLAYERS_CLUB:
        return "from"  # "the signing of Bayer Leverkusen Kai Havertz": the club he plays for
    after2 = fr.units[unit + 2][2] if unit + 2 < len(fr.units) else ""
    if (after.endswith("year old") or after == "@m") and after2 in PLAYER_ROLES:
        return "from"  # "Manchester City 16-year-old star X", "Chelsea £50m winger": the club held
    if before in RIVAL_BEFORE:
        return "former"  # "beat Newcastle to sign": a rival, not a party
    if after == "'s" and description_of(fr, unit) is not None:
        return "from"  # "Man City's £100m-rated star Rodri": the club held
    if after == "'s" and after2 not in AFTER_POSSESSIVE and after2 not in PLAYER_ROLES and after2 not in DEST_NOUNS:
        return "poss"  # "Newcastle's flight": maybe a party, maybe not (see parties)
    if before == "to" and before2 in {"goodbye", "goodbyes", "farewell", "farewells"}:
        return "from"  # "said his goodbyes to Leverkusen": the club left
    if before in _ASKING_CLUB and (after in {"about", "over", "regarding"} or before.startswith("offer") and after != "'s"):
        return "from"  # "contact Ajax about Kudus", "offer Palace two players for X": the club asked holds him
    if after in {"asking", "price", "valuation"} or before == "of" and before2 in {"valuation", "demands", "price"}:
        return "from"  # "balk at Napoli asking price for Osimhen", "meet the valuation of Leverkusen": the club that sells
    if before == "on" and before2 in {"raid", "raids", "swoop"}:
        return "from"  # "plotting a raid on Sporting to sign Suarez": the club raided
    if before == "from" and before2 in BID_NOUNS:
        return "to"  # "a bid from Arsenal": the bidder
    if before == "to" and before2 in BID_NOUNS and before2 != "interest":
        return "from"  # "an approach to Porto to sign X": the club asked holds him
    if after in FROM_AFTER or before in FROM_BEFORE or (before == "the" and before2 in FROM_BEFORE):
        return "from"
    if before2 == "from" and before.isalpha() and before not in _NOT_EPITHETS:
        return "from"  # "signs from relegated Watford", "from rivals Spurs": an epithet between
    if after in DEST_NOUNS or before in TO_BEFORE:
        return "to"
    if (before2, before) in _HELD_AT or before2 in STAYING and before in {"at", "with"}:
        return "at"  # "focused on Athletic Club": the club held
    if before == "at":
        # "his time at Chelsea", "his spell at Porto": the club held, not a destination.
        return "from" if before2 in {"time", "spell", "stay", "career", "days", "years"} else "at"
    return ""
