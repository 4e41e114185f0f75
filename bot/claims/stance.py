"""Whether a move or an exit is reported, or only judged, explained or meant in another sense.

Feed items from blogs and aggregators wrap the words of a move around other things: a
writer's verdict on what a club ought to do ("they must sell him", "it's time to sack
him"), an explanation of a move long done ("reveals why he joined Celtic"), a move looked
back on from the present ("joined from Hull and has not looked back", "his return has been
hard"), and move verbs in their other senses ("joins the list of scorers", "quits social
media", "released from hospital"). Each check reads the grammar around one trigger in its
clause (modal and verb of obligation, a wh-clause, the perfect that follows, the verb's
object), never a phrase of a particular story.
"""

from __future__ import annotations

from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import PAST_FORMS, RECENT_SPANS

# Where reading back from a trigger stops: another clause or another person's verb.
_STOP = frozenset({"@p", ",", ":", ";", ".", "and", "but", "while", "as", "after", "amid", "despite"})
_ADVERBS = frozenset({"simply", "surely", "now", "just", "really", "finally", "already", "probably",
                      "definitely", "still", "seriously", "perhaps", "certainly", "absolutely"})
# Obligation or a verdict governing the club's act: "must sell", "ought to sack", "need to
# cash in on", "would be mad to let him go", "it's time to part ways".
_OBLIGING = frozenset({"must", "ought", "need", "needs"})
_VERDICTS = frozenset({"mad", "wise", "foolish", "right", "wrong", "crazy", "silly", "stupid",
                       "smart", "sensible", "better", "best", "insane", "daft", "brave", "bonkers"})


def judged(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether an exit is what someone says ought to happen, not what is happening."""
    words = _before(fr, clause, trig, 6)
    if not words or " ? " in fr.text:
        return False  # "is it the right time to sell him?" asks; it does not judge
    if "time" in words:  # "it's time (for Celtic) to sell him"
        i = len(words) - 1 - words[::-1].index("time")
        rest = words[i + 1:]
        if rest and rest[-1] == "to" and (len(rest) == 1 or rest[0] == "for"):
            return True
    tail = [w for w in words if w not in _ADVERBS]
    if tail and tail[-1] in _OBLIGING:
        return True  # "they must sell him"
    if len(tail) >= 2 and tail[-1] == "to" and tail[-2] in _OBLIGING | {"ought"}:
        return True  # "need to sack him", "ought to cash in"
    return len(tail) >= 3 and tail[-1] == "to" and tail[-2] in _VERDICTS and "be" in tail[-5:-2]


def _before(fr: Frame, clause: range, trig: Trigger, reach: int) -> list[str]:
    """The words before the trigger in its clause, up to `reach` and the nearest stop."""
    out: list[str] = []
    u = trig.start - 1
    while u >= clause.start and trig.start - u <= reach:
        word = fr.units[u][2]
        if word in _STOP:
            break
        out.append(word)
        u -= 1
    return out[::-1]


def _told_past(word: str) -> bool:
    return word.endswith("ed") or word in PAST_FORMS


_WH = frozenset({"why", "how"})
_WH_SUBJECTS = frozenset({"he", "she", "they", "@p", "@c", "i", "we", "it"})


def explained(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a past move is the matter of a wh-clause: "reveals why he joined Celtic", "how
    they signed him": the move is explained, not reported."""
    if not _told_past(fr.units[trig.start][2]):
        return False
    words = [w for w in (fr.units[u][2] for u in range(max(0, trig.start - 3), trig.start)) if w not in _ADVERBS]
    return len(words) >= 2 and words[-2] in _WH and words[-1] in _WH_SUBJECTS or bool(words) and words[-1] in _WH


# "... and has not looked back", "... but has struggled since": the move seen from now.
_PERFECT = frozenset({"has", "have"})
_SINCE_SUBJECTS = frozenset({"he", "she", "they", "it", "@p", "who"})
_CONTINUING = frozenset({"not", "never", "since", "already", "been", "gone", "struggled", "scored",
                         "made", "become", "established", "impressed", "flourished", "thrived",
                         "repaid", "proved", "shone", "won", "played", "started", "featured",
                         "looked", "failed", "found", "enjoyed", "endured", "managed", "helped"})


def looked_back(fr: Frame, trig: Trigger) -> bool:
    """Whether a past move is followed, in its sentence, by a perfect telling what has come of
    it ("signed him for £20m and he has repaid the fee"): the move is the story's past. A
    recent time word ("last week") keeps it news."""
    units = fr.units
    if not _told_past(units[trig.start][2]) or trig.start and units[trig.start - 1][2] in _PERFECT | {"had", "is", "was"}:
        return False
    words = [units[u][2] for u in range(trig.end, len(units))]
    if any(w in RECENT_SPANS for w in words) or " ago " in fr.text:
        return False
    for i, w in enumerate(words):
        if w in {".", ";", "?", "!"}:
            return False
        if w not in {"and", "but"}:
            continue
        rest = words[i + 1:i + 4]
        if rest and rest[0] in _SINCE_SUBJECTS:
            rest = rest[1:]
        if len(rest) >= 2 and rest[0] in _PERFECT and rest[1] in _CONTINUING:
            return True
    return False


# A move noun as the subject of the perfect: "his return to Celtic has been harder than expected".
_MOVE_NOUNS = frozenset({"exit", "departure", "move", "switch", "transfer", "arrival", "return", "spell", "stint"})
_NOUN_TAIL = frozenset({"@p", "@c", "'s", "to", "from", "at", "with", "the", "his", "her", "permanent", "loan"})
_DONE = frozenset({"done", "formality", "deal", "certainty"})


def judged_since(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move noun is the subject of "has been" / "had been" + not a participle."""
    units = fr.units
    if not any(units[u][2] in _MOVE_NOUNS for u in range(trig.start, trig.end)):
        return False
    if "been" in _before(fr, clause, trig, 6):
        return True  # "it's been a tougher than expected return to Celtic": the move as a complement
    for u in range(trig.end, min(len(units) - 3, trig.end + 5)):
        word = units[u][2]
        if word in {"is", "are"}:  # "his return is now a matter of urgency": the move judged
            rest = [units[w][2] for w in range(u + 1, min(len(units), u + 6)) if units[w][2] != "now"]
            return len(rest) >= 2 and rest[0] in {"a", "an"} and rest[1] not in _DONE and rest[2:4] != ["of", "time"]
        if word not in _NOUN_TAIL:
            break
    for u in range(trig.end, min(len(units) - 2, trig.end + 5)):
        word = units[u][2]
        if word in {"has", "have", "had"} and units[u + 1][2] == "been":
            nxt = units[u + 2][2]
            return not (_told_past(nxt) or nxt.endswith("en")) or nxt in {"hindered", "marred", "blighted",
                                                                        "plagued", "hampered", "frustrated"}
        if word in _NOUN_TAIL:
            continue
        return False
    return False


# Move verbs in another sense: the object is no club.
_JOINED_NOT_CLUBS = frozenset({"list", "ranks", "elite", "exclusive", "select", "illustrious", "growing",
                               "long", "chorus", "calls", "celebrations", "teammates", "team", "mates",
                               "debate", "conversation", "legends", "greats", "company", "pantheon",
                               "training", "attack", "queue", "group", "squad", "camp", "party"})
_QUIT_NOT_JOBS = frozenset({"social", "media", "twitter", "instagram", "tiktok", "smoking", "drinking",
                            "alcohol", "gambling", "punditry", "podcast", "show"})
_RELEASED_FROM = frozenset({"hospital", "prison", "custody", "jail", "police", "bail"})
_OBJECT_SKIP = frozenset({"the", "a", "an", "his", "her", "their", "up", "with", "in"})


def other_sense(fr: Frame, trig: Trigger) -> str:
    """What a move verb means instead when its object is no club, or ''."""
    units = fr.units
    verb = units[trig.start][2]
    after = [units[u][2] for u in range(trig.end, min(len(units), trig.end + 4))]
    words = [w for w in after if w not in _OBJECT_SKIP]
    head = words[0] if words else ""
    if verb.startswith(("join", "rejoin")) and trig.end - trig.start == 1 and head in _JOINED_NOT_CLUBS:
        return "joins a list, a celebration or a squad ('joins the list of scorers'), not a club"
    if verb.startswith("quit") and head in _QUIT_NOT_JOBS:
        return "quits something other than a club or a job ('quits social media')"
    if verb == "released" and after[:1] == ["from"] and len(after) > 1 and after[1] in _RELEASED_FROM:
        return "released from hospital or custody, not by a club"
    return ""


_STATED = frozenset({"completed", "departure"})


def unreported(fr: Frame, clause: range, trig: Trigger) -> str:
    """Why a move or an exit is judged, explained, looked back on or meant otherwise, or ''."""
    if trig.kind not in _STATED:
        return ""
    why = other_sense(fr, trig)
    if why:
        return why
    if trig.kind == "departure" and judged(fr, clause, trig):
        return "an exit someone says ought to happen ('they must sell him', 'time to sack him'): a verdict"
    if explained(fr, clause, trig):
        return "a past move explained ('reveals why he joined'), not reported"
    if looked_back(fr, trig):
        return "a past move seen from now ('joined and has not looked back'): background"
    if judged_since(fr, clause, trig):
        return "a move talked about since ('his return has been hard')"
    return ""
