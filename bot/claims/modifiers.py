"""Whether a name in a sentence is the subject of its development or only describes another.

Transfer copy names one player to describe another: "the new Son", "the next Thierry Henry",
"a Rodri replacement", "Salah's successor", "Casemiro cover". The development (a fee agreed, a
target, a signing) is about the unnamed player the name describes, so it is no claim about
the named one. A departure beside such a name is left alone: "Amorim's successor lined up"
says something about Amorim's job too.
"""

from __future__ import annotations

from bot.claims.frame import Frame, Trigger

# Nouns a name qualifies when it stands for a kind of player: "a Salah replacement".
_STAND_IN_NOUNS = frozenset({"replacement", "replacements", "successor", "successors", "heir", "cover",
                             "alternative", "alternatives", "understudy", "clone", "lookalike", "deputy",
                             "backup", "equivalent", "type", "mould", "mold", "style", "esque", "like",
                             "inspired"})
# "the new X", "the next X": a likeness, not the man.
_LIKENESS = frozenset({"new", "next"})
_DETERMINERS = frozenset({"the", "a", "an"})


def describes_another(fr: Frame, unit: int) -> bool:
    """Whether the name at `unit` describes someone else ("the new X", "X replacement")."""
    units = fr.units
    u = unit + 1
    while u < len(units) and u - unit <= 2 and units[u][2] in {"'s", "@c", "'", "’", "-"}:
        u += 1  # "Salah's replacement", "Bruno Guimarães replacement" (a club's name inside)
    if u < len(units) and units[u][2] in _STAND_IN_NOUNS:
        return True
    return unit > 1 and units[unit - 1][2] in _LIKENESS and units[unit - 2][2] in _DETERMINERS | {"'", "‘"}


def stand_in(fr: Frame, trig: Trigger, unit: int | None) -> str:
    """Why the development is about someone other than the person bound to it, or is no
    development of a move at all, or ''."""
    if back_in_the_side(fr, trig):
        return "back in contention for a place in the side ('back in contention after injury'), no pursuit"
    if event_object(fr, trig):
        return "in charge of a game or a session ('takes charge of his first game'), not appointed"
    if in_relative(fr, trig, unit):
        return "the person sits in a relative clause; the predicate after it is its antecedent's"
    if trig.kind in {"departure", "denial"} and seller(fr, trig, unit):
        return "the person is the seller, not the one sold ('X says they will only sell on their terms')"
    if generic_object(fr, trig, unit):
        return "the development has an object of its own ('hopes United can sign more players'), not the person before it"
    if report_object(fr, trig, unit):
        return "the verb's object is a report about the person ('release an X update'), not the person"
    if unit is None or trig.kind == "departure" or not describes_another(fr, unit):
        return ""
    return "the name describes another player ('the new X', 'a X replacement'), not the subject"


# Nouns of news about someone: a name before one qualifies it ("release a Vlahovic update",
# "confirm Salah decision"). A verb whose object is that phrase acts on the news, not on the man.
# (Not "claims", "rumours", "talk": "sell X rumours dismissed" reports the move itself.)
_REPORT_NOUNS = frozenset({"update", "updates", "statement", "statements", "decision", "news", "stance",
                           "verdict", "message", "latest", "twist", "admission", "hint", "revelation",
                           "announcement", "details", "comments", "video", "footage", "photo", "photos",
                           "picture", "pictures", "injury", "fitness", "medical", "interview"})


def report_object(fr: Frame, trig: Trigger, unit: int | None) -> bool:
    """Whether the person bound to the verb before them only qualifies a report noun after them
    ("Juventus release Dusan Vlahovic update"): the verb's object is the report."""
    units = fr.units
    if unit is None or unit < trig.end or unit - trig.end > 1 or unit + 1 >= len(units):
        return False
    if unit > trig.end and units[trig.end][2] not in _DETERMINERS:
        return False  # ("sell striker X", a description between, still takes X)
    after = unit + 1
    if units[after][2] in {"'s", "’s"} and after + 1 < len(units):
        after += 1
    return units[after][2] in _REPORT_NOUNS


# Plural or indefinite objects a signing verb may take instead of a named player.
_GENERIC_OBJECTS = frozenset({"players", "signings", "reinforcements", "faces", "additions", "recruits", "targets",
                              "striker", "defender", "midfielder", "winger", "goalkeeper", "keeper", "forward",
                              "centre", "full", "back", "attacker", "number"})
_GENERIC_LEAD = frozenset({"more", "new", "a", "an", "another", "two", "three", "several", "some", "further",
                           "fresh", "young", "quality", "top", "experienced", "other"})


def generic_object(fr: Frame, trig: Trigger, unit: int | None) -> bool:
    """Whether a verb of signing, told after the person, takes a generic object of its own ("Ole
    Gunnar Solskjaer hopes United can sign more players"): the person is not who is signed."""
    units = fr.units
    if unit is None or unit >= trig.start or trig.kind not in {"completed", "interest", "bid", "agreement"}:
        return False
    u = trig.end
    while u < len(units) and u - trig.end < 3 and units[u][2] in _GENERIC_LEAD:
        u += 1
    return u > trig.end and u < len(units) and units[u][2] in _GENERIC_OBJECTS


# What an exit verb's club may qualify instead of being left: its people and places ("leaves
# Liverpool fans stunned", "leaves the Arsenal hotel for international duty").
_CLUB_PEOPLE_AND_PLACES = frozenset({"fans", "supporters", "fanbase", "faithful", "hotel", "training",
                                     "camp", "base", "ground", "stadium", "teammates", "players",
                                     "dressing", "hierarchy", "chiefs", "bosses", "officials", "stars",
                                     "legends", "bench", "feeling", "fuming", "stunned", "shocked",
                                     "defenders", "defence", "defense", "rivals", "opponents", "group",
                                     "chat"})


def club_qualifies(fr: Frame, trig: Trigger) -> bool:
    """Whether the club after an exit verb qualifies its people or places, not the club left."""
    units = fr.units
    u = trig.end
    while u < len(units) and u - trig.end < 2 and units[u][2] in {"the", "his", "her", "their"}:
        u += 1
    if u + 1 >= len(units) or units[u][2] != "@c":
        return False
    nxt = units[u + 1][2]
    if nxt == "'s" and u + 2 < len(units):
        nxt = units[u + 2][2]
    return nxt in _CLUB_PEOPLE_AND_PLACES


# What an exit verb takes as its object when it means no exit: "leaves the door open", "quits
# the press conference early", "walks off the pitch", "leaves his mark".
_NOT_LEFT = frozenset({"door", "doors", "pitch", "field", "press", "conference", "interview", "presser",
                       "room", "tunnel", "reporters", "journalists", "media", "nothing", "everyone",
                       "mark", "legacy", "message", "note", "gap", "hole", "void", "question", "questions",
                       "impression", "match", "meeting", "studio", "podium", "talks"})
# (Not "the game" nor "the stage": "quits the game" is a retirement.)
_OBJECT_LEAD = frozenset({"the", "a", "an", "his", "her", "their", "its", "no"})


def left_otherwise(fr: Frame, trig: Trigger) -> bool:
    """Whether a one-word exit verb's object is something other than a club or a job."""
    units = fr.units
    if trig.end - trig.start != 1:
        return False
    u = trig.end
    while u < len(units) and u - trig.end < 2 and units[u][2] in _OBJECT_LEAD:
        u += 1
    for w in range(u, min(len(units), u + 2)):  # (an adjective may stand first: "a huge hole")
        word = units[w][2]
        if word in _NOT_LEFT:
            return True
        if not word.isalpha():
            return False  # a club, a person, a figure: what is left is theirs
    return False


# The club's verbs of letting a player go: when the person bound to one is the one speaking of
# the club's policy ("Emery says Villa will only sell on their terms", "X: 'We will not sell'"),
# and nobody sold is named or described after it, the person is the seller's voice.
_SELLING = frozenset({"sell", "sells", "selling", "offload", "offloads", "offloading", "cash"})
_SPEAKING = frozenset({"says", "said", "insists", "insisted", "admits", "admitted", "claims", "claimed",
                       "reveals", "revealed", "explains", "explained", "warns", "warned", "tells", "told",
                       "confirms", "confirmed", "states", "stated", "stresses", "vows", "vowed"})
_SOLD = frozenset({"@p", "him", "her", "me", "striker", "forward", "winger", "defender", "midfielder",
                   "goalkeeper", "keeper", "player", "star", "captain", "youngster", "talent", "ace",
                   "attacker", "playmaker", "back", "international", "teenager", "wonderkid"})


def seller(fr: Frame, trig: Trigger, unit: int | None) -> bool:
    """Whether the person bound to an active selling verb is the one speaking of the club's
    selling, with nobody sold named or described after the verb."""
    units = fr.units
    if unit is None or unit > trig.start or not any(units[u][2] in _SELLING for u in range(trig.start, trig.end)):
        return False  # ("will not sell": a denial's trigger holds its negation)
    if any(units[u][2] in {"be", "been", "being", "is", "are"} for u in range(max(0, trig.start - 2), trig.start)):
        return False  # "X could be sold", "X is for sale"
    if any(units[u][2] in _SOLD for u in range(trig.start, min(len(units), trig.end + 4))):
        return False  # "ready to sell the striker": the one sold is there
    nxt = units[unit + 1][2] if unit + 1 < len(units) else ""
    # "X: Villa will not sell to rivals": a speaker's label before a club's refusal to sell anyone
    return nxt in _SPEAKING or nxt == ":" and (trig.kind == "denial" or any(
        units[u][2] in {"we", "i", "our", "us"} for u in range(unit, trig.start)))


# A person inside a relative clause on another person ("Thomas Frank, who replaced X in June, is
# under pressure") is not the subject of the predicate after the clause closes: its antecedent is.
_RELATIVE = frozenset({"who", "whom", "whose", "which"})


def in_relative(fr: Frame, trig: Trigger, unit: int | None) -> bool:
    """Whether the person sits in a relative clause that closes before the trigger."""
    units = fr.units
    if unit is None or unit > trig.start or " who" not in fr.text and " which " not in fr.text:
        return False
    u = unit - 1
    while u > 0 and units[u][2] not in _RELATIVE and units[u][2] not in {",", ";", ":", "."}:
        u -= 1
    if u < 2 or units[u][2] not in _RELATIVE or units[u - 1][2] != "," or units[u - 2][2] != "@p":
        return False  # (a club's relative clause leaves the predicate to its player: "Newcastle,
        # who signed X from Everton, reject a bid")
    if not any(units[w][2] == "," for w in range(unit + 1, trig.start)):
        return False
    # "..., are ready to sell him": the object names the one the development is about
    return not any(units[w][2] in {"him", "her", "@p"} for w in range(trig.start, min(len(units), trig.end + 3)))


# An exit from a place in the team, from a captaincy or from an agent is no exit from a club:
# "axed from the Manchester United side", "steps down as Netherlands captain", "under pressure
# for his place", "parts ways with his agent".
_TEAM_PLACES = frozenset({"side", "team", "xi", "line", "lineup", "starting", "squad", "place", "spot",
                          "shirt", "position", "captaincy", "armband"})
_CAPTAINS = frozenset({"captain", "skipper", "vice", "captaincy"})
_PEOPLE_OF_HIS_OWN = frozenset({"agent", "agents", "agency", "representatives", "representative", "advisers",
                                "advisors", "lawyer", "lawyers", "management", "sponsor", "sponsors", "wife",
                                "partner", "girlfriend", "manager's"})
_DISMISSING = frozenset({"dismisses", "dismissed", "rubbishes", "rubbished", "denies", "denied", "quashes",
                         "quashed", "laughs", "laughed", "shrugs", "shrugged", "plays", "played", "rejects",
                         "rejected", "shuts", "slams", "slammed", "downplays", "downplayed"})


def place_not_club(fr: Frame, trig: Trigger) -> str:
    """What an exit is from when it is not a club ('a place in the team', 'a captaincy'), or ''."""
    units = fr.units
    if units[trig.end - 1][2] in {"@c", "@p"}:
        return ""  # the trigger holds its object: "leaves Celtic"
    after = [units[u][2] for u in range(trig.end, min(len(units), trig.end + 5))]
    words = [w for w in after if w not in {"the", "a", "his", "her", "their", "@c", "'s", "from", "of", "for", "as",
                                           "with", "starting"}]
    head = words[0] if words else ""
    lead = after[0] if after else ""
    if lead in {"from", "for", "of"} and head in _TEAM_PLACES:
        return "an exit from a place in the team ('axed from the side', 'under pressure for his place')"
    if lead == "as" and head in _CAPTAINS:
        return "a captaincy given up ('steps down as captain'), not a club"
    if lead == "with" and head in _PEOPLE_OF_HIS_OWN:
        return "a split from the person's own agent or sponsor, not a club"
    before = [units[u][2] for u in range(max(0, trig.start - 2), trig.start)]
    if any(w in _DISMISSING for w in before):
        return "an exit someone dismisses ('dismisses retirement rumours'): talked down, not reported"
    return ""


# "Back in contention for Arsenal after ten months out": a place in the side after an injury,
# not a race for a player or a job (a job names itself: "back in contention for the England job").
_JOBS = frozenset({"job", "post", "role", "manager", "coach", "boss", "hotseat", "hot", "vacancy", "position"})


def back_in_the_side(fr: Frame, trig: Trigger) -> bool:
    """Whether an interest trigger after "back" names a return to selection, not a pursuit."""
    units = fr.units
    if trig.kind != "interest" or trig.start == 0 or units[trig.start - 1][2] != "back":
        return False
    return not any(units[u][2] in _JOBS for u in range(trig.end, min(len(units), trig.end + 5)))


# "takes charge of his first game", "joins the session": a move verb whose object is an event.
_EVENTS = frozenset({"game", "games", "match", "matches", "fixture", "fixtures", "training", "session",
                     "sessions", "clash", "derby", "final", "friendly", "friendlies", "tie"})
_EVENT_LEAD = frozenset({"his", "her", "their", "the", "a", "first", "last", "opening", "final", "next",
                         "@c", "'s", "maiden", "debut"})


def event_object(fr: Frame, trig: Trigger) -> bool:
    """Whether a completed trigger's object is a game or a session, not a club or a job."""
    units = fr.units
    if trig.kind == "completed" and game_in_charge(fr, trig):
        return True
    if trig.kind != "completed" or units[trig.end - 1][2] in {"@c", "@p"}:
        return False
    u = trig.end
    while u < len(units) and u - trig.end < 5 and (units[u][2] in _EVENT_LEAD or _ordinal(units[u][2])):
        u += 1
    return u < len(units) and u > trig.end and units[u][2] in _EVENTS


# "his 100th game", "a landmark 500th match", "his 50th Premier League game in charge".
_ORDINAL_WORDS = frozenset({"second", "third", "fourth", "fifth", "tenth", "hundredth", "landmark", "milestone",
                            "competitive", "league", "premier", "cup", "european", "home", "away", "big"})


def _ordinal(word: str) -> bool:
    """A count or a mark of a game ("100th", "fifth", "landmark"): what a milestone game takes."""
    return word in _ORDINAL_WORDS or word[:1].isdigit() and word.endswith(("st", "nd", "rd", "th"))


# "takes charge of England for the first time", "... against Arsenal": a game, not the job.
def game_in_charge(fr: Frame, trig: Trigger) -> bool:
    """Whether "take charge of <club>" is followed by a count of times or an opponent."""
    units = fr.units
    if "charge" not in (units[u][2] for u in range(trig.start, trig.end)):
        return False
    after = [units[u][2] for u in range(trig.end, min(len(units), trig.end + 6))]
    if after[:1] == ["@c"]:
        after = after[1:]
    if after[:1] in (["against"], ["versus"], ["vs"], ["v"]):
        return True
    return after[:1] == ["for"] and "time" in after[1:5]
