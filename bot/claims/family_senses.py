"""The other senses of the family words: when a frame is about a game, a body or a squad.

The word families (families.py) are wide on purpose: "lose", "go", "on his way out", "boost",
"blow", "setback", "replaced", "position", "in the balance" all fill a slot of a transfer frame.
The same words tell injuries ("could lose Saka to a hamstring injury"), fitness ("Villa dealt
Watkins blow after scan"), a match ("set to be replaced at half-time") or a squad ("frozen out
by England"). A family trigger therefore stands only when its sentence does not read in one of
those senses, or when it also holds something that ties it to a transfer (a fee, a window, a
transfer noun): the transfer word decides, the other sense blocks, nothing weighs them.

Some members have no transfer sense of their own at all ("link up at", "reunite
at", "distance himself from"): they need the transfer word.
"""

from __future__ import annotations

import re

# Words that tie a sentence to a transfer: a fee, a window, the nouns and verbs of a move.
_TRANSFER = re.compile(
    r"(?:@m|\b(?:transfer|transfers|move|moves|deal|deals|bid|bids|offer|offers|fee|fees|sign|signs|signed|signing|"
    r"window|january|summer|exit|sale|sell|selling|sold|contract|contracts|loan|swoop|target|targets|talks|"
    r"interest|interested|join|joins|joining|switch|suitors|clause|price|valuation|free agent|pursuit|chase|race|"
    r"approach|negotiations|agreement|medical|departure|leave|leaving|replacement|successor|sack|sacked|"
    r"future|job|vacancy|board|rumours?|talk|speculation|links?|linked|wanted|keen|move away)\b)")

# Words of the other senses: a body (injury, fitness, treatment), a game, a squad or a national
# team's selection, a season's races, another sport, a club's media.
_OTHER_SENSE = re.compile(
    r"\b(?:injury|injuries|injured|hamstring|knee|ankle|groin|calf|thigh|muscle|knock|knocks|scan|scans|fitness|fit|"
    r"rehab|rehabilitation|treatment|physio|physios|crutches|protective boot|limps|limped|surgery|concussion|"
    r"head injury|illness|ill|sick|rest|resting|rested|trains|training|recovery|recovering|sidelined|misses|"
    r"suspension|suspended|ban|red card|sent off|"
    r"half time|second half|first half|bench|substitute|substituted|starting (?:line up|xi|eleven)|"
    r"out wide|wing|flank|to the right|to the left|positional|formation|tactical|tactics|absence|"
    r"game|games|match|matches|tie|fixture|fixtures|clash|derby|kick off|final|semi final|hat trick|nets|scores|"
    r"scored|goal|goals|point|thrash|thrashed|beat|beats|win over|defeat|defeats|draw|points|title|trophy|"
    r"bundesliga|champions league|europa league|premier league|la liga|serie a|ligue 1|promotion|relegation|"
    r"england duty|international duty|duty|england camp|international camp|call up|called up|squad|national team|england|international|"
    r"picks|picked|selection|selected|left out|omitted|omits|"
    r"holiday|home early|stadium|training ground|medical staff|"
    r"wickets|test|cricket|innings|tennis|grand slam|olympics|"
    r"tv|channel|podcast|documentary|charity|project|shirts|merchandise|charts)\b")

# Family members with no transfer sense of their own: they stand only beside a transfer word.
_NEED_TRANSFER = re.compile(
    r"\b(?:link up|links up|linking up|team up|teams up|teaming up|join forces|joins forces|reunit\w*|distanc\w*)\b")


# A future or a modal just before the member: a move to come, not a team-mate on the pitch.
_FUTURE = re.compile(r"\b(?:(?:set|poised|expected|likely|due|ready|close|about|going|hoping|hope|plan|plans|want|wants) to|"
                     r"to|will|could|would|may|might|can|should) $")

# Older patterns (kinds.py) whose words have the same other senses: a clickbait development and a
# contest ("Tottenham get Maddison update ahead of the tie", "a fight for Palmer's fitness"), talks
# and contact ("in contact with Arsenal physios during England camp", "talks over a charity project").
_SHARED_SENSES = re.compile(r"\b(?:boost|update|blow|setback|fight|battle|talks|contact)\b")


def shares_senses(matched: str) -> bool:
    """True for an older pattern's match made of words the families read in other senses too."""
    return bool(_SHARED_SENSES.search(matched))


def other_sense(text: str, start: int, end: int) -> bool:
    """True when the family match text[start:end] reads in a sense that is no transfer. A member
    with no transfer sense of its own needs a transfer word outside it ("link up" holds "link") or
    a future before it ("set to link up at Lazio"); the others stand unless the words around them
    read in another sense and none ties them to a transfer ("one game from the sack" keeps its
    own "sack" and its own "game")."""
    rest = text[:start] + " " + text[end:]
    if _NEED_TRANSFER.search(text, start, end):
        return not (_TRANSFER.search(rest) or _FUTURE.search(text, 0, start))
    return not _TRANSFER.search(text) and bool(_OTHER_SENSE.search(rest))
