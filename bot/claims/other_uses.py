"""Move words in a sentence that reports no move: a brand deal, a visit, a call, a column, a list.

The words of a move ("signs a deal", "return to", "sell X", "leaving Chelsea") are also the
words of other stories: a player's contract with a boot maker, a manager going back to a
former ground with his new side, a reader's demand in a mailbag, a writer's question whether a
club ought to sell, a gerund that is the subject of what the speaker learnt from his own past,
a pundit waving talk away, a ranking of deals done. Each check reads the grammar around one
trigger in its sentence (what the verb's object is, what the gerund is the subject of, what
label opens the sentence), never a phrase of one story. stance.unreported asks them.
"""

from __future__ import annotations

from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import PAST_FORMS

# The other party of a commercial deal: a kit or boot maker, a sponsor. (Not "boot" alone:
# "given the boot" is a sacking.)
_BRANDS = frozenset({"nike", "adidas", "puma", "new balance", "under armour", "mizuno", "umbro", "kappa",
                     "hummel", "skechers", "castore", "joma", "macron", "diadora", "asics", "lotto",
                     "errea", "le coq sportif", "ea sports", "red bull"})
_COMMERCIAL = frozenset({"sponsorship", "sponsor", "sponsors", "sponsored", "endorsement", "endorsements",
                         "sportswear", "brand", "brands", "apparel", "footwear", "commercial", "ambassadorial",
                         "image rights", "clothing", "fashion", "cosmetics"})
_MEDIA = frozenset({"sky", "bbc", "itv", "tnt", "espn", "dazn", "talksport", "netflix", "cbs", "nbc", "bein",
                    "amazon prime", "match of the day", "channel 4", "sky sports", "bt sport"})
_BOOT_DEALS = frozenset({"deal", "deals", "contract", "contracts", "sponsor", "sponsorship", "supplier",
                         "partnership", "partner", "agreement"})
_CLAUSE_END = frozenset({".", ";", "?", "!", "but", "while", "as", "after", "amid"})


def _window(fr: Frame, start: int, stop: int) -> list[str]:
    """The words from `start` to `stop`, cut at the end of the clause after the trigger."""
    out: list[str] = []
    for u in range(max(0, start), min(len(fr.units), stop)):
        word = fr.units[u][2]
        if word in _CLAUSE_END and u >= start + 1:
            break
        out.append(word)
    return out


def commercial(fr: Frame, trig: Trigger) -> bool:
    """Whether the deal a trigger tells is with a brand ("signs a long-term deal with Nike",
    "agrees a boot contract", "pens sponsorship deal"): a commercial deal, no move."""
    words = _window(fr, trig.start - 3, trig.end + 7)
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    if any(w in _BRANDS or w in _COMMERCIAL or w in _MEDIA for w in words + pairs):
        return True
    return any(w in {"boot", "boots", "kit"} and nxt in _BOOT_DEALS for w, nxt in zip(words, words[1:], strict=False))


# Leaving the pitch: "departs early with a hamstring problem", "leaves after 20 minutes".
_PITCH_ADVERBS = frozenset({"early", "prematurely", "again", "off", "late", "injured", "hurt", "in", "pain"})
_BODY = frozenset({"injury", "injured", "knock", "stretcher", "strain", "concussion", "hamstring", "knee", "ankle",
                   "thigh", "calf", "groin", "foot", "shoulder", "muscle", "muscular", "cramp", "illness", "head",
                   "back", "hip", "achilles", "ligament", "problem", "issue", "complaint"})
_GAME_TIME = frozenset({"minutes", "minute", "half", "time", "interval", "break", "warm", "kick"})


def pitch_exit(fr: Frame, trig: Trigger) -> bool:
    """Whether an exit verb with no club is a departure from the pitch: an adverb of the game
    ("early", "injured"), a body part or an injury after "with", a time of the game."""
    units = fr.units
    if units[trig.end - 1][2] in {"@c", "@p"} or trig.end - trig.start > 2:
        return False
    after = _window(fr, trig.end, trig.end + 7)
    i = 0
    while i < len(after) and after[i] in _PITCH_ADVERBS:
        i += 1
    rest = after[i:]
    if not rest:
        return False
    if rest[0] == "with" and any(w in _BODY - {"problem", "issue", "complaint", "back", "head"} for w in rest[1:5]):
        return True
    if rest[0] == "with" and i and any(w in _BODY for w in rest[1:5]):
        return True  # "departs early with a problem": the adverb already tells the game
    return rest[0] in {"after", "at", "before"} and any(w in _GAME_TIME for w in rest[1:4])


# A visit to a former club: "relishes return to Burnley", "savours emotional homecoming",
# "returns to face his old side".
_FEELING = frozenset({"relish", "relishes", "relishing", "relished", "savour", "savours", "savouring",
                      "savor", "savors", "dread", "dreads", "dreading", "enjoy", "enjoys", "enjoying",
                      "emotional", "nostalgic", "bittersweet", "sentimental", "awkward", "frosty", "hostile",
                      "warm", "tearful", "happy", "unhappy", "painful", "first", "homecoming"})
_FACING = frozenset({"face", "faces", "facing", "play", "against", "take", "takes", "visit", "visits", "host"})


def visit(fr: Frame, trig: Trigger) -> bool:
    """Whether a return is a visit: a feeling about it before the noun ("relishes return to",
    "emotional return to"), a match after it ("return to face"), "for the first time since"."""
    units = fr.units
    nouns = [u for u in range(trig.start, trig.end) if units[u][2] in {"return", "returns", "homecoming"}]
    if not nouns:
        return False
    before = [units[u][2] for u in range(max(0, nouns[0] - 3), nouns[0])]
    after = _window(fr, trig.end, trig.end + 5)
    return any(w in _FEELING for w in before) or any(w in _FACING for w in after[:4]) \
        or "first time since" in fr.text


# "dismissed talk of Foden leaving", "laughs off rumours he will join Arsenal".
_DISMISSING = frozenset({"dismiss", "dismisses", "dismissed", "dismissing", "rubbish", "rubbishes", "rubbished",
                         "quash", "quashes", "quashed", "laughs", "laughed", "shrugs", "shrugged", "brushes",
                         "brushed", "downplays", "downplayed", "played", "plays", "scotches", "scotched",
                         "shoots", "shot", "swats", "swatted", "denies", "denied", "rejects", "rejected"})
_TALK = frozenset({"talk", "rumours", "rumour", "rumors", "rumor", "speculation", "suggestions", "suggestion",
                   "reports", "report", "claims", "links", "link", "fears", "idea", "notion", "prospect",
                   "chatter", "gossip", "stories", "questions", "concerns", "whispers", "hopes"})


def talk_dismissed(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is a verb of dismissing talk ("dismissed talk of ..."), or sits in
    the talk someone dismisses: neither is a sacking or an exit."""
    units = fr.units
    words = [units[u][2] for u in range(trig.start, trig.end)]
    if words[0] in _DISMISSING:
        nxt = [units[u][2] for u in range(trig.end, min(len(units), trig.end + 3)) if units[u][2] not in
               {"the", "any", "all", "off", "down", "away", "recent", "fresh", "latest", "those", "these"}]
        return bool(nxt) and nxt[0] in _TALK
    before = [units[u][2] for u in range(max(0, trig.start - 7), trig.start)]
    for i, w in enumerate(before):
        if w in _DISMISSING and any(x in _TALK for x in before[i + 1:i + 4]) \
                and not any(x in {".", ";", "but"} for x in before[i + 1:]):
            return True
    return False


# A reader's or a writer's piece: "Mailbox: sell Sesko, sack Amorim", "Verdict: ...".
COLUMN_LABELS = frozenset({"mailbox", "mailbag", "letters", "verdict", "opinion", "comment", "column", "debate",
                            "view", "views", "poll", "vote", "quiz", "podcast", "predictions", "prediction",
                            "say", "take", "takes", "ask", "q&a", "readers", "blog", "fact"})


def column_label(fr: Frame, trig: Trigger) -> bool:
    """Whether the sentence opens with a column's label ("Mailbox:", "Your say:", "Fan view:")
    before the trigger: readers' demands and writers' views, not reports."""
    units = fr.units
    head = [units[u][2] for u in range(min(len(units), 5))]
    if ":" not in head or head.index(":") == 0 or trig.start <= head.index(":"):
        return False
    label = head[: head.index(":")]
    return any(w in COLUMN_LABELS for w in label) or " ".join(label) in DATED_LABELS \
        or label[-2:] in (["years", "ago"], ["this", "day"], ["years", "on"])


# A label dating the line to the past: "On this day: X joins Arsenal", "#OTD".
DATED_LABELS = frozenset({"on this day", "this day", "otd", "today in history", "on this date",
                          "your say", "fan view", "fans view", "talking points", "hot take", "big question",
                          "the big question", "reader's letter", "readers letters", "fact check", "myth busting"})


# A bare verb opening a sentence or a label's line: "Sell Rashford, sign Kane": a demand.
_BARE = frozenset({"sell", "sign", "ditch", "offload", "appoint", "hire", "buy",
                   "replace", "release", "keep", "bring", "get", "loan"})


def demanded(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is a bare verb at the head of the sentence (or after a colon) with
    its person next: an imperative, nothing done."""
    units = fr.units
    if units[trig.start][2] not in _BARE:
        return False
    return trig.start in _demands(fr)


def _demands(fr: Frame) -> set[int]:
    """The units of bare verbs heading the line or a label's line, and those after a comma or
    "and" that carry on a list of them ("Sack X, sell Y and sign Z")."""
    units = fr.units
    out: set[int] = set()
    for u, (_, _, word) in enumerate(units):
        if word not in _BARE or u + 1 >= len(units) or units[u + 1][2] not in {"@p", "him", "them", "the", "up"}:
            continue
        prev = units[u - 1][2] if u else ""
        if prev in {"", ":", "'", "‘", '"', "“"} or prev in {",", "and"} and any(
                v in out for v in range(max(0, u - 5), u)):
            out.add(u)
    return out


# "Is it time for Arsenal to sell Ben White?", "Do Chelsea need to sack Maresca?": asked.
_OUGHT = frozenset({"should", "must", "need", "needs", "ought"})
_VERDICT_WORDS = frozenset({"right", "wrong", "mad", "wise", "foolish", "crazy", "smart", "sensible", "correct"})


def asked_verdict(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a question asks whether a club ought to make the move: no report of it."""
    if "?" not in fr.text:
        return False
    units = fr.units
    tail = [u for u in range(trig.end, len(units)) if units[u][2] in {"?", ".", ";"}]
    if not tail or units[tail[0]][2] != "?":
        return False  # the question mark closes another sentence part
    before = [units[u][2] for u in range(max(0, trig.start - 7), trig.start)]
    if "time" in before or before[-2:-1] and before[-1] == "to" and before[-2] in _VERDICT_WORDS:
        return True  # "is it time (for Arsenal) to sell him?", "are Arsenal right to sell him?"
    return any(w in _OUGHT for w in before) or bool(before) and before[0] in {"should", "must"}


# Irregular pasts a gerund subject takes: "leaving taught me", "joining them cost me".
_IRREGULAR_PASTS = frozenset({"taught", "felt", "hurt", "brought", "meant", "became", "broke", "cost", "gave",
                              "took", "kept", "lost", "saw", "grew", "shook", "drove", "forced", "showed"})


def _told_past(word: str) -> bool:
    return word.endswith("ed") or word in PAST_FORMS or word in _IRREGULAR_PASTS


# A gerund subject: "leaving Chelsea taught me patience", "being sacked changed me".
_GERUND_OPEN = frozenset({"", ":", "'", "‘", '"', "“", "says", "said", "admits", "admitted", "insists",
                          "insisted", "reveals", "revealed", "believes", "feels", "felt", "thinks", "that",
                          "claims", "explains", "explained", "recalls", "recalled", "—", "-", "–"})
_NEWS_PARTICIPLES = frozenset({"confirmed", "announced", "completed", "agreed", "expected", "set", "ruled",
                               "sealed", "approved", "denied", "planned", "scheduled", "finalised", "finalized",
                               "blocked", "delayed", "called", "put", "mooted", "floated", "tipped", "backed",
                               "linked", "edged", "closed", "rejected", "accepted", "sanctioned", "handed"})
_REGRETS = frozenset({"regret", "regrets", "mistake", "mistakes", "error", "errors"})
_PRESENT = frozenset({"is", "are", "will", "would", "could", "might", "may", "can", "should", "must", "isn't",
                      "won't", "not"})


def gerund_subject(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a gerund move ("leaving Chelsea", "joining a Saudi club", "being sacked") opens
    its clause and is the subject of a past verb: the speaker's past, looked back on."""
    units = fr.units
    head = next((u for u in range(trig.start, trig.end) if units[u][2] not in {"@p", ":"}), trig.start)
    first = units[head][2]
    start = head - 1 if head and units[head - 1][2] == "being" else head
    if not (first.endswith("ing") or start < head) or first in {"during", "morning", "evening"}:
        return False
    prev = units[start - 1][2] if start else ""
    if prev not in _GERUND_OPEN:
        return False
    for u in range(trig.end, min(len(units), trig.end + 7)):
        word = units[u][2]
        if word in {"is", "are"}:  # "leaving Liverpool is my biggest regret": the past weighed now
            return bool(_REGRETS.intersection(units[w][2] for w in range(u + 1, min(len(units), u + 5))))
        if word in {",", ".", ";", "?", "!", "and", "but", "@p"} or word in _PRESENT:
            return False
        if word in {"was", "were", "has", "had", "have"}:
            nxt = units[u + 1][2] if u + 1 < len(units) else ""
            return nxt not in _NEWS_PARTICIPLES and nxt not in {"being", "on", "in", "now"}
        if _told_past(word):
            return word not in _NEWS_PARTICIPLES
    return False


# "X to Juventus, Y to Real Madrid ... top our list": the writer's own ranking. (Not "tops the
# list of Madrid's targets", "top of Arsenal's list": a club's list is its interest.)
_RANKING = ("our list", "our ranking", "our rankings", "our countdown", "our top", "this list", "the ranking")
_CLUBS_LIST = frozenset({"target", "targets", "wanted", "shortlist", "wishlist", "wish", "priority", "priorities"})


def ranked(fr: Frame) -> bool:
    """Whether the sentence is an entry of a writer's ranking: deals done, looked back on."""
    text = f" {fr.text}"
    return any(f" {r} " in text for r in _RANKING) and not _CLUBS_LIST.intersection(text.split())


# Joining people or an honour, not a club: "joins Bayern teammates at ...", "joins the Hall of Fame".
_JOINED_PEOPLE = frozenset({"teammates", "team mates", "mates", "colleagues", "fans", "supporters", "hall", "fame",
                            "legends", "greats", "players", "stars", "celebrations", "family", "wife", "friends",
                            "squad mates", "youngsters", "pupils"})
_JOIN_SKIP = frozenset({"@c", "'s", "the", "his", "her", "their", "fellow", "former", "old", "new", "@p", "a", "of"})


def joined_company(fr: Frame, trig: Trigger) -> bool:
    """Whether a one-word join verb's object is people or an honour beside the club."""
    units = fr.units
    if trig.end - trig.start != 1 or not units[trig.start][2].startswith(("join", "rejoin")):
        return False
    after = [w for w in _window(fr, trig.end, trig.end + 6) if w not in _JOIN_SKIP]
    return bool(after) and after[0] in _JOINED_PEOPLE and "@c" in _window(fr, trig.end, trig.end + 3) + ["@c"]


# A job or a deal with a broadcaster (a source slot): "signs new deal with Sky Sports", "quits
# the BBC", "leaves TNT role". (A source reporting the move stands apart: "joins Celtic, Sky says".)
_MEDIA_JOBS = frozenset({"role", "job", "show", "contract", "deal", "punditry", "pundit", "commentary", "studio",
                         "team", "column", "podcast", "programme", "coverage"})


def media_deal(fr: Frame, trig: Trigger) -> bool:
    """Whether the other party of a move verb is a broadcaster or a paper: a media job."""
    units = fr.units
    inside = [units[u][2] for u in range(trig.start, trig.end)]
    if "@s" in inside[1:]:
        return True  # "signs new Sky deal": the source slot is the deal's party
    if "@c" in inside or "@p" in inside:
        return False
    after = [w for w in _window(fr, trig.end, trig.end + 5) if w not in {"the", "a", "new"}]
    if after[:1] == ["@s"] or after[:2] in (["with", "@s"], ["at", "@s"], ["for", "@s"]):
        return True
    return "@s" in after[:2] and any(w in _MEDIA_JOBS for w in after[1:4])


# "X on leaving Manchester United: ...", "Howe on Isak's departure: ...": an interview's topic.
_TOPIC_NOUNS = frozenset({"exit", "departure", "sacking", "dismissal", "move", "switch", "transfer", "arrival",
                          "return", "signing", "sale", "future", "leaving", "joining"})


def interview_topic(fr: Frame, trig: Trigger) -> bool:
    """Whether the trigger is the topic of "<person> on <move>:", the label of an interview."""
    units = fr.units
    if ":" not in fr.text:
        return False
    u = trig.start - 1
    while u >= 0 and units[u][2] in {"@p", "'s", "his", "her", "the", "@c"} and u > trig.start - 4:
        u -= 1
    if u < 1 or units[u][2] != "on" or units[u - 1][2] != "@p":
        return False
    if u - 1 > 0 and units[u - 2][2] not in {":", "'", "‘", "“", '"'}:
        return False
    words = [units[w][2] for w in range(trig.start, trig.end)]
    rest = [units[w][2] for w in range(trig.end, min(len(units), trig.end + 5))]
    return (words[0].endswith("ing") or any(w in _TOPIC_NOUNS for w in words)) and ":" in rest


# "Would Salah leaving be good for Liverpool?": a gerund move pictured by a modal question.
_MODAL_OPENERS = frozenset({"would", "could", "should", "might", "will", "does", "do", "did"})


def pictured_question(fr: Frame, trig: Trigger) -> bool:
    """Whether a gerund move with its person is the subject of a modal question."""
    units = fr.units
    if not units[trig.start][2].endswith("ing") or "?" not in fr.text:
        return False
    before = [units[u][2] for u in range(max(0, trig.start - 3), trig.start)]
    return len(before) >= 2 and before[-1] == "@p" and before[-2] in _MODAL_OPENERS


# Talks with the club's doctors: "in talks with Newcastle medical staff over his injury".
_MEDICAL_PEOPLE = frozenset({"medical", "medics", "doctors", "doctor", "physio", "physios", "physiotherapist",
                             "specialist", "specialists", "surgeon", "surgeons"})


def medical_talks(fr: Frame, trig: Trigger) -> bool:
    """Whether talks or contact are with doctors or physios, not a club."""
    units = fr.units
    words = [units[u][2] for u in range(trig.start, trig.end)]
    if not any(w in {"talks", "talk", "contact", "discussions", "meeting", "talking", "speaking"} for w in words):
        return False
    return any(w in _MEDICAL_PEOPLE for w in words + _window(fr, trig.end, trig.end + 4))


# Staying in a mood or a state, not at a club: "why Lukaku is staying positive", "stays calm".
_STAY_VERBS = frozenset({"stay", "stays", "staying", "stayed", "remain", "remains", "remaining", "remained",
                         "keep", "keeps", "keeping", "kept"})
_STATES = frozenset({"positive", "calm", "focused", "focussed", "fit", "grounded", "humble", "patient", "quiet",
                     "optimistic", "confident", "strong", "healthy", "hungry", "motivated", "realistic", "silent",
                     "upbeat", "relaxed", "composed", "sharp", "ready", "unbeaten", "top", "clear", "alive",
                     "hopeful", "cool", "level", "determined", "involved", "injury", "sidelined", "out", "doubtful"})


def stays_in_a_state(fr: Frame, trig: Trigger) -> bool:
    """Whether a staying verb ends the trigger and an adjective of mood or fitness follows it."""
    units = fr.units
    if units[trig.end - 1][2] not in _STAY_VERBS:
        return False
    after = _window(fr, trig.end, trig.end + 3)
    return bool(after) and after[0] in _STATES


def why(fr: Frame, clause: range, trig: Trigger) -> str:
    """Why the trigger is no report of a move, or ''."""
    if column_label(fr, trig):
        return "a column's or a mailbag's line ('Mailbox: sell X'), not a report"
    if ranked(fr):
        return "an entry in a ranking of deals ('X to Y tops our list'), looked back on"
    if trig.kind == "denial" and stays_in_a_state(fr, trig):
        return "stays in a mood or a state ('staying positive'), not at a club"
    if commercial(fr, trig):
        return "a deal with a brand or a sponsor ('signs a boot deal with Nike'), no move"
    if trig.kind in {"departure", "completed", "contract_extension", "agreement"} and media_deal(fr, trig):
        return "a job or a deal with a broadcaster ('signs new deal with Sky Sports'), no move"
    if medical_talks(fr, trig):
        return "talks with doctors or physios ('in talks with medical staff'), not a club"
    if interview_topic(fr, trig):
        return "the topic of an interview ('X on leaving Y: ...'), talked about"
    if trig.kind == "completed" and joined_company(fr, trig):
        return "joins people or an honour ('joins Bayern teammates', 'joins the Hall of Fame'), not a club"
    if trig.kind == "departure" and pictured_question(fr, trig):
        return "a gerund move a modal question pictures ('Would X leaving be good?'), no report"
    if demanded(fr, trig):
        return "a bare verb heading the line ('Sell X, sack Y'): a demand, nothing done"
    if trig.kind in {"departure", "completed", "loan"} and asked_verdict(fr, clause, trig):
        return "a question whether a club ought to move ('Is it time to sell X?'), asked, not reported"
    if trig.kind in {"departure", "completed"} and talk_dismissed(fr, trig):
        return "talk dismissed ('dismissed talk of X leaving'), neither an exit nor a sacking"
    if trig.kind == "departure" and pitch_exit(fr, trig):
        return "leaves the pitch ('departs early with a hamstring problem'), not a club"
    if trig.kind == "completed" and visit(fr, trig):
        return "a return as a visit ('relishes return to', 'returns to face'), not a move"
    if trig.kind in {"departure", "completed", "loan"} and gerund_subject(fr, clause, trig):
        return "a gerund move that is the subject of a past verb ('leaving X taught me'), looked back on"
    return ""
