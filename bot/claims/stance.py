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

import re

from bot.claims import other_uses, recency, retrospect
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import NON_SUBJECT_ROLES, PAST_FORMS, RECENT_SPANS

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
_CAME = frozenset({"came", "decided", "chose", "opted", "agreed", "wanted", "needed", "had"})


def explained(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a past move is the matter of a wh-clause: "reveals why he joined Celtic", "how
    they signed him": the move is explained, not reported."""
    words = [w for w in (fr.units[u][2] for u in range(max(0, trig.start - 5), trig.start)) if w not in _ADVERBS]
    if "close" in words and ("came" in words or "come" in words):
        return True  # "how close he came to joining Celtic": a near miss, told looking back
    nouns = [u for u in range(trig.start, trig.end) if fr.units[u][2] in _MOVE_NOUNS]
    if nouns and any(w in _WH for w in [fr.units[u][2] for u in range(max(0, nouns[0] - 4), nouns[0])]):
        return True  # "reveals how Rodgers' exit unfolded", "why his move to Porto happened"
    if not _told_past(fr.units[trig.start][2]):
        # "how Rodgers came to resign", "why he decided to leave": a past verb governs it
        return len(words) >= 4 and words[-1] == "to" and words[-2] in _CAME and words[-3] in _WH_SUBJECTS \
            and words[-4] in _WH
    words = words[-3:]
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


# Jobs beside the first team: "appointed academy coach", "joins the backroom staff". (A
# coaching staff, a national team's above all, the annotators count as a job.)
# (A youth national team's coach is a manager to the annotators: "leaves Scotland U21 role".)
_STAFF_QUALIFIERS = frozenset({"academy", "assistant", "goalkeeping", "fitness", "set", "technical",
                               "backroom", "loan", "analyst", "scouting"})
_AS_SKIP = frozenset({"@c", "'s", "the", "a", "an", "their", "its", "club", "new", "official", "global"})
_STAFF_HEADS = frozenset({"coach", "manager", "boss", "staff", "team", "role", "job", "post", "director"})


def staff_job(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the job a move or an appointment names is a staff job, not the first team's."""
    units = fr.units
    beyond = [units[u][2] for u in range(trig.end, min(len(units), trig.end + 7))]
    # "joins Hull as club ambassador" (the clause may end at "as"), "appointed club ambassador"
    rest = [w for w in beyond[beyond.index("as") + 1:] if w not in _AS_SKIP] if "as" in beyond[:3] else \
        [w for w in beyond if w not in _AS_SKIP]
    if rest and (rest[0] in NON_SUBJECT_ROLES or "as" in beyond[:3] and rest[0] in _STAFF_QUALIFIERS):
        return True
    if "as" in beyond[:3] and any(w in NON_SUBJECT_ROLES for w in rest[1:3]):
        return True  # "resigns as Arsenal sporting director"
    if rest[:2] == ["head", "of"]:
        return True  # "as head of recruitment": a department's head, not the team's coach
    after = []
    for u in range(trig.start, min(clause.stop, trig.end + 5)):
        if units[u][2] in {"@p", "with", "and", ","}:
            break  # "... with Ranieri named technical director": another person's job
        after.append(units[u][2])
    for i, w in enumerate(after[:-1]):
        if w in _STAFF_QUALIFIERS and any(x in _STAFF_HEADS for x in after[i + 1:i + 4]):
            return True
    return False


# Leaving for other reasons: "departs for international duty", "exits with a hamstring injury".
_LEFT_FOR = frozenset({"international", "duty", "camp", "hospital", "scan", "scans", "surgery", "treatment",
                       "family", "personal", "compassionate", "paternity"})
_INJURED = frozenset({"injury", "injured", "knock", "stretcher", "strain", "concussion", "hamstring", "knee", "ankle"})


def left_otherwise(fr: Frame, trig: Trigger) -> bool:
    """Whether an exit is from a game, a squad or a camp for duty, injury or family."""
    units = fr.units
    after = [units[u][2] for u in range(trig.end, min(len(units), trig.end + 5))]
    if after[:1] == ["for"] and any(w in _LEFT_FOR for w in after[1:4]):
        return True
    return after[:1] in (["with"], ["injured"], ["on"]) and any(w in _INJURED for w in after[:5])


# Verbs that look back on a move: "regret selling him", "rue letting him go", "the story behind".
_RUING = frozenset({"regret", "regrets", "regretted", "regretting", "rue", "rues", "rued", "lament",
                    "laments", "lamented", "mourn", "mourns", "mourned"})
_FEATURES = frozenset({"story", "truth", "secret", "secrets", "reason", "reasons", "inside"})


def ruing(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move is the object of regret or of a feature ("the inside story of his move")."""
    before = [fr.units[u][2] for u in range(max(clause.start, trig.start - 5), trig.start)]
    if any(w in _RUING for w in before[-4:]):
        return True
    for i, w in enumerate(before):
        if w in _FEATURES and i + 1 < len(before) and before[i + 1] in {"of", "behind"}:
            return True
    return False


# A past move dated by a window, a month or a season: "signed him from Hull in the summer".
_PAST_SUBJECTS = frozenset({"@p", "@c", "he", "she", "they", "who", "i", "we"})


def dated_window(fr: Frame, clause: range, trig: Trigger, published: str | None = None) -> bool:
    """Whether a development told in the past tense is dated to a window before the item's
    month ("signed him in January" in an August item; "in August" is this month's news)."""
    units = fr.units
    first = units[trig.start][2]
    prev = units[trig.start - 1][2] if trig.start > clause.start else ""
    if not (_told_past(first) and (prev in _PAST_SUBJECTS or trig.start == clause.start) or prev in {"was", "were"}):
        return False
    words = [units[u][2] for u in range(trig.end, clause.stop)]
    if recency.dated_now(" ".join(words)):
        return False
    for i, w in enumerate(words[:-1]):
        if w == "in":
            nxt = words[i + 2] if words[i + 1] == "the" and i + 2 < len(words) else words[i + 1]
            if nxt in recency.WINDOWS and recency.window_before(nxt, published):
                return True
    return False


# The speaker's own past in a quote: "I was sacked unfairly", "I left because ...".
def own_past(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger is a first-person past ("I was sacked", "we sold him")."""
    units = fr.units
    before = [units[u][2] for u in range(max(clause.start, trig.start - 3), trig.start)]
    if not before or before[0] not in {"i", "we"} and "i" not in before[-2:] and "we" not in before[-2:]:
        return False
    first = units[trig.start][2]
    return before[-1] in {"was", "were", "had"} or _told_past(first) and before[-1] in {"i", "we"}


_STATED = frozenset({"completed", "departure"})
_RUNGS = frozenset({"interest", "talks", "bid", "agreement", "medical"})


def unreported(fr: Frame, clause: range, trig: Trigger, published: str | None = None) -> str:
    """Why a move or an exit is judged, explained, looked back on or meant otherwise, or ''
    (`published`: the item's date, which a month is compared with)."""
    why = other_uses.why(fr, clause, trig)
    if why:
        return why
    if trig.kind in _RUNGS and retrospect.speaker_past(fr, clause, trig):
        return "the speaker's own past ('I was close to joining X', 'we had talks with Y')"
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
    if staff_job(fr, clause, trig):
        return "a staff job ('appointed academy coach', 'joins the coaching staff'), not the first team's"
    if trig.kind == "departure" and left_otherwise(fr, trig):
        return "leaves for duty, an injury or family ('departs for international duty'), not a club"
    if ruing(fr, clause, trig):
        return "a move regretted or told as a story ('regret selling him', 'the inside story of his move')"
    if dated_window(fr, clause, trig, published):
        return "a past development dated to a window ('signed him in the summer'), background"
    if own_past(fr, clause, trig):
        return "the speaker's own past ('I was sacked unfairly')"
    return ""


# What dates a move to now: a day, "this week", the perfect, an official word, the deal's terms.
_FRESH = re.compile(r"\b(?:today|tonight|yesterday|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                    r"|this (?:week|morning|afternoon|evening|month)|last (?:night|week)|earlier (?:today|this)"
                    r"|just(?! [£€$\d])(?! (?:a|an|the|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|over|under"
                    r"|days?|weeks?|months?|years?|hours?|games?|matches|minutes|as)\b)|recently|officially|confirmed|announced|undisclosed|has|have|deadline day"
                    r"|(?:\d+|one|two|three|four|five|six) ?(?:-| )?year (?:deal|contract)|until (?:20\d\d|the end of)|on a (?:free|permanent))\b", re.I)


def fresh(evidence: str) -> bool:
    """Whether a move told in the past tense is dated to now ("joined on Monday", "after
    Sunday's defeat", "overnight", "has signed", "on a four-year deal"), not told as background
    under another headline. ("Just" dates it only as "just signed", not as "after just six months".)"""
    return recency.dated_now(evidence) or _FRESH.search(evidence) is not None
