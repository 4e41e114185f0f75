"""Whether a deal rung is asserted, wished for or imminent: the words in front of its trigger.

Real outlets wrap most moves in a wish or a scenario ("could join", "ready to sign", "an
option to sign", "dreams of joining", "in the race to sign") and report imminent deals with
"set to", "poised to", "on the verge of", "ready to seal the deal" (a deal's last step). The claim model reads a wish, a chance
or a scenario as `interest` and an imminent deal as `agreement`, so the rung a trigger names
(completed, agreement) is only asserted when no such word governs it. This reads grammar
(modals, verbs of wanting and trying, nouns of chance), not phrases of particular stories.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.claims import modifiers, scenario, stance, tense
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import (
    AFTER_OBJECT,
    CONTESTS,
    HISTORY_SPANS,
    IMMINENT,
    MANAGER_ROLES,
    PAST_FORMS,
    PLAYER_ROLES,
    RECENT_SPANS,
    SPECULATIVE,
    WISH,
    WON,
)

if TYPE_CHECKING:
    from bot.claims.sentence import Sentence

# Markers are read back to the clause's start or the nearest of these, whichever is nearer.
_STOP = frozenset({"@p", ",", ":", "and", "but", "after", "as", "while", "amid", "despite", "."})
_REACH = 6

RUNGS = frozenset({"completed", "agreement"})
# Moves in the progressive after "is"/"are": arranged, not yet made ("he is joining United").
_PROGRESSIVE_MOVES = frozenset({"joining", "signing", "moving", "rejoining", "completing"})
# A verb of telling is a wish only when its object is told to act ("told to sign", "tells X to
# leave"); with a subject of its own after it ("tells PSG he will leave") it reports a statement.
_TELLING = frozenset({"tell", "tells", "told", "telling"})
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


# A gerund that is the subject of a modal: "X joining Fulham would be a masterstroke".
_MODALS_AFTER = frozenset({"would", "could", "might", "may"})


def mood(fr: Frame, clause: range, trig: Trigger) -> str:
    """'wish', 'imminent' or '' for the words governing `trig` within `clause`."""
    if scenario.seen(fr, clause, trig) or scenario.hoped(fr, clause, trig) or scenario.supposed(fr, trig) \
            or scenario.aimed(fr, clause, trig):
        return "wish"  # "a deal that would see X join Juventus", "confident of completing"
    cond = scenario.condition(fr, trig)
    if cond:  # "will join if the clubs agree a fee": a scenario; "if he passes a medical": imminent
        return "imminent" if cond == "medical" else "wish"
    if fr.units[trig.start][2].endswith("ing") and any(
            fr.units[u][2] in _MODALS_AFTER for u in range(trig.end, min(clause.stop, trig.end + 4))):
        return "wish"
    # "he is joining Manchester United": a move in the progressive is one arranged, not yet made.
    found = "imminent" if fr.units[trig.start][2] in _PROGRESSIVE_MOVES and trig.start > clause.start \
        and fr.units[trig.start - 1][2] in {"is", "are"} else ""
    u = trig.start - 1
    while u >= clause.start and trig.start - u <= _REACH:
        word = fr.units[u][2]
        if word in _STOP:
            break
        if word == "ready" and scenario.closes_a_deal(fr, trig):
            return "imminent"  # "ready to seal the deal": the last step, not a wish (claims.md: imminent)
        if word in _TELLING and any(fr.units[w][2] in _SUBJECT_PRONOUNS for w in range(u + 1, trig.start)):
            return found  # "tells PSG he will leave": what he says he will do, not what he is told to
        if word in WISH:
            before = fr.units[u - 1][2] if u > clause.start else ""
            before2 = fr.units[u - 2][2] if u - 1 > clause.start else ""
            if word in CONTESTS and (before in WON or before2 in WON):
                return found  # "win the race to sign": the contest is over, the deal is not a wish
            return "wish"  # "could be set to join": the scenario governs
        if word in IMMINENT and not found:
            found = "imminent"
        u -= 1
    return found


def rung(kind: str, fr: Frame, clause: range, trig: Trigger, others: Sequence[Trigger] = ()) -> str:
    """The kind the clause asserts for a trigger of `kind`."""
    if kind not in RUNGS:
        return kind
    m = mood(fr, clause, trig)
    if m != "wish" and _pursued(fr, clause, trig, others):
        m = "wish"
    if m == "wish":
        return "interest"
    if m == "imminent" and kind == "completed":
        return "agreement"
    if kind == "completed" and " here we go " in fr.text and fr.units[trig.start][2] in _PRESENT_MOVES:
        return "agreement"  # "Brighton sign X - here we go!": the phrase is the agreement's (claims.md)
    if kind == "completed" and (governing := _ahead(fr, clause, trig, others)):
        # "agreed a deal with Brentford to sign X", "opened talks with Porto to sign X",
        # "prepares to complete his move", "flies in to join": the move is still ahead; the
        # step that governs it is what the clause tells.
        return governing
    return kind


# Verbs of getting ready or travelling for a move, before its infinitive: the move is next.
_ON_THE_WAY = frozenset({"prepares", "prepare", "preparing", "fly", "flies", "flying", "flew", "jets", "jetting",
                         "travel", "travels", "travelling", "traveling", "travelled", "heads", "heading", "arrives",
                         "arriving", "arrived", "lands", "landed", "landing", "in", "over", "out"})


def _ahead(fr: Frame, clause: range, trig: Trigger, others: Sequence[Trigger]) -> str:
    """The kind a move told in the infinitive ("to sign", "to complete his move") takes from
    what governs it: an agreement, talks or a bid before it ("opened talks with Porto to
    sign X"), or a verb of getting ready or travelling (an agreement); "" when neither does."""
    u = trig.start - 1
    while u >= clause.start and fr.units[u][2] in _SKIP_ADVERB:
        u -= 1
    if u > clause.start and fr.units[u][2] == "of" and fr.units[u - 1][2] == "ahead":
        return "agreement"  # "arrives ahead of completing his move": the move is next
    if u <= clause.start or fr.units[u][2] != "to":
        return ""
    if fr.units[u - 1][2] in _ON_THE_WAY and (fr.units[u - 1][2] not in {"in", "over", "out"}
                                              or u - 2 >= clause.start and fr.units[u - 2][2] in _ON_THE_WAY):
        return "agreement"
    governing = [o for o in others if o.kind in _STEPS and not o.negated and clause.start <= o.start
                 and o.end <= u and u - o.end <= 4 and not any(fr.units[w][2] in _STOP for w in range(o.end, u))]
    return governing[-1].kind if governing else ""


_STEPS = frozenset({"agreement", "talks", "bid"})


# A headline's present tense of a move, which "here we go" beside it tells as the agreement.
_PRESENT_MOVES = frozenset({"sign", "signs", "join", "joins"})


def _pursued(fr: Frame, clause: range, trig: Trigger, others: Sequence[Trigger]) -> bool:
    """Whether an interest trigger governs the rung: "in the running to become the next Ajax
    coach", "shortlisted to replace him": the job or the move is what is pursued."""
    for o in others:
        if o.kind == "interest" and not o.negated and clause.start <= o.start and o.end <= trig.start \
                and trig.start - o.end <= 2 and not any(fr.units[u][2] in _STOP for u in range(o.end, trig.start)):
            return True
    return False


_NEAR_MISS = frozenset({"nearly", "almost"})


def counterfactual(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger tells what did not happen: "could have joined Porto", "would have
    left", "nearly signed for Lyon"."""
    first = fr.units[trig.start][2]
    told = first.endswith("ed") or first in PAST_FORMS
    if told and trig.start - clause.start in {2, 3} and fr.units[clause.start][2] in {"had", "hadn t"} \
            and fr.units[clause.start + 1][2] in {"@c", "@p", "he", "she", "they", "we", "i", "the"}:
        return True  # "Had Chelsea signed X, ...": the inverted condition of what did not happen
    for u in range(trig.start - 1, max(clause.start, trig.start - 4) - 1, -1):
        word = fr.units[u][2]
        if word in _NEAR_MISS and told:
            return True
        if word == "have" and u > clause.start and fr.units[u - 1][2] in _MODALS_AFTER | {"should", "must"}:
            return True
        if word not in _SKIP_ADVERB and word not in _NEAR_MISS and word != "have" and not word.endswith("ly"):
            return False
    return False


def imminent(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger tells a development to come: "set to leave", "will step down"."""
    return fr.units[trig.start][2] in IMMINENT or mood(fr, clause, trig) == "imminent"


def to_come(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the trigger tells a development still to come or only wished: "set to leave",
    "ready to sell X", "open to leaving" (not a finished one)."""
    return imminent(fr, clause, trig) or mood(fr, clause, trig) == "wish"


def speculative(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a departure trigger is governed by speculation (see SPECULATIVE)."""
    near = range(max(clause.start, trig.start - _REACH), min(clause.stop, trig.end + 2))
    return any(fr.units[u][2] in SPECULATIVE for u in near)


# A development named as the subject of what follows it: "Selling X would be a mistake", "his
# exit would hurt Lyon", "leaving Lyon was the hardest moment": talked about, not reported.
_TOPIC_NOUNS = frozenset({"exit", "departure", "sale", "sacking", "dismissal", "move", "switch",
                          "transfer", "arrival", "return", "leaving", "signing"})
_TOPIC_SKIP = frozenset({"@p", "@c", "@m", "'s", "of", "from", "to", "the", "his", "her", "their", "a",
                         "an", "this", "that", "now", "potential", "possible", "permanent", "summer"})
_SCENARIO = frozenset({"would", "could", "might", "may", "should"})
_PAST_COPULA = frozenset({"was", "were"})


def topic(fr: Frame, clause: range, trig: Trigger) -> str:
    """'scenario' when a gerund or a noun trigger is the subject of a modal ("would be a
    mistake"), 'past' when of "was"/"were" and no participle ("was sad", not "was confirmed")."""
    words = [fr.units[u][2] for u in range(trig.start, trig.end)]
    if not (words[0].endswith("ing") or any(w in _TOPIC_NOUNS for w in words)):
        return ""
    for u in range(trig.end, min(clause.stop, trig.end + 5)):
        word = fr.units[u][2]
        if word in _SCENARIO:
            return "scenario"
        if word in _PAST_COPULA:
            nxt = fr.units[u + 1][2] if u + 1 < clause.stop else ""
            return "" if nxt.endswith("ed") or nxt in PAST_FORMS or nxt in {"being", "been"} else "past"
        if word not in _TOPIC_SKIP:
            return ""
    return ""


# Past tense: "Celtic were interested", "had been relieved", "Signed from Chelsea in 2023".
_PAST_AUX = frozenset({"was", "were", "had", "did"})
_NOT_PAST = frozenset({"has", "have", "is", "are", "am", "will", "would", "could", "can", "may", "might",
                       "should", "must", "to", "be", "being", "s", "'s", "ve", "'ve", "set", "shall"})
_SKIP_ADVERB = frozenset({"already", "also", "reportedly", "recently", "previously", "apparently",
                          "been", "not", "never", "once", "then", "initially", "originally", "even"})
_SUBJECT_BEFORE = frozenset({"@p", "@c", "he", "they", "she", "who", "it", "club"})


# Between a copula and a state noun: "were in talks", "were locked in negotiations", "were on the verge".
_STATE_WORDS = frozenset({"in", "locked", "deep", "advanced", "on", "the", "at"})


def past(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether the clause tells the trigger's development in the past tense (not the perfect)."""
    u = trig.start - 1
    while u >= clause.start and trig.start - u <= 4:
        word = fr.units[u][2]
        if word in _PAST_AUX:
            return True
        if word in _NOT_PAST:
            return False
        if word not in _SKIP_ADVERB and not word.endswith("ly") and word not in _STATE_WORDS:
            break
        u -= 1
    first = fr.units[trig.start][2]
    if not (first.endswith("ed") or first in PAST_FORMS):
        return False
    before = fr.units[trig.start - 1][2] if trig.start > clause.start else ""
    if first == "linked" and before == "@c":
        return False  # "Liverpool-linked X": a club's name fused to the participle (clubs link nobody)
    return before in _SUBJECT_BEFORE or trig.start == clause.start


def dated_before(s: Sentence, clause: range, this_year: int) -> bool:
    """Whether the clause, or a dateline opening its sentence ("1967 – Celtic sign ..."),
    dates what it tells to a year before the item's own: history, not news. A season
    ("2025/26", "2025-26") runs into the item's year and is not history."""
    units = s.frame.units
    dateline = [u for u in range(min(3, len(units))) if units[u][2] == "@y"]
    for u in [*(u for u in clause if units[u][2] == "@y"), *dateline]:
        i = units[u][0]
        if i + 2 < len(s.tokens) and s.tokens[i + 1].text in "/-–" and s.tokens[i + 2].text[:1].isdigit():
            continue
        if int(s.tokens[i].text) < this_year:
            return True
    return False


def recent(words: list[str], i: int) -> bool:
    """Whether the time word at `i` dates to this week ("last night", "two days ago")."""
    near = words[i + 1] if words[i] == "last" and i + 1 < len(words) else words[i - 1] if words[i] == "ago" and i else ""
    return near in RECENT_SPANS


def history_words(words: list[str]) -> bool:
    """"last summer", "two years ago": a window before this one."""
    return any((w == "last" and i + 1 < len(words) and words[i + 1] in HISTORY_SPANS)
               or (w == "ago" and i and words[i - 1] in HISTORY_SPANS) for i, w in enumerate(words))


_TOPICAL = frozenset({"departure", "completed", "agreement"})
_END_STATES = frozenset({"completed", "departure"})


# "Under no circumstances can we sell him", "In no way will they let him go": a negative
# fronting the clause, the verb after it inverted, negates all the clause says.
_FRONT_PREPOSITIONS = frozenset({"under", "in", "on", "at", "by"})
_INVERTED = frozenset({"can", "will", "would", "should", "could", "must", "do", "does", "did", "shall",
                       "is", "are", "may", "might"})
# "try to convince Barcelona to sell him": the seller is being persuaded, by a buyer.
_PERSUADING = frozenset({"convince", "persuade", "tempt", "force", "lure", "coax", "pressure", "push"})


def fronted_negative(fr: Frame, clause: range) -> bool:
    """Whether a negative adverbial opens the clause ("under no circumstances can ...")."""
    first = clause.start + (fr.units[clause.start][2] in {",", "but", "and"})
    if first >= clause.stop or fr.units[first][2] not in _FRONT_PREPOSITIONS | {"no", "never"}:
        return False  # most clauses open otherwise
    words = [fr.units[u][2] for u in range(clause.start, min(clause.stop, clause.start + 6))]
    if words and words[0] in {",", "but", "and"}:
        words = words[1:]
    if not words:
        return False
    head = 1 if words[0] == "never" else 2 if words[:2] in (["no", "way"],) else \
        words.index("no") + 2 if "no" in words[:2] and words[0] in _FRONT_PREPOSITIONS | {"no"} else 0
    return bool(head) and head < len(words) and words[head] in _INVERTED


def attributive(fr: Frame, trig: Trigger) -> bool:
    """Whether an exit participle describes the person after it: "the departed X"."""
    word = fr.units[trig.start][2]
    if not (word.endswith("ed") and trig.end - trig.start == 1):
        return False
    if trig.start == 0:  # "Retired Wayne Rooney names his team": opening the sentence, before the name
        return trig.end < len(fr.units) and fr.units[trig.end][2] == "@p"
    return fr.units[trig.start - 1][2] in _DETERMINERS


_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "recently", "newly"})
# Looking back on a move or an exit: "opens up on his Lyon exit", "reflects on his sacking".
_LOOKING_BACK = frozenset({"reflect", "reflects", "reflected", "reflecting", "opens", "opened", "open",
                           "recalls", "recalled", "looks", "looked", "speaks", "spoke", "lifts", "lifted"})


def talked_about(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a move or exit noun is the object of looking back ("reflects on his exit")."""
    if not any(fr.units[u][2] in _TOPIC_NOUNS for u in range(trig.start, trig.end)):
        return False
    before = [fr.units[u][2] for u in range(max(clause.start, trig.start - 6), trig.start)]
    if "on" not in before and "about" not in before:
        return False
    cut = max(i for i, w in enumerate(before) if w in {"on", "about"})
    return any(w in _LOOKING_BACK for w in before[:cut]) and not any(
        w in {"potential", "possible", "future", "imminent", "proposed"} for w in before[cut:])


def persuaded(fr: Frame, clause: range, trig: Trigger) -> bool:
    """Whether a selling trigger is what another party tries to persuade the seller into."""
    before = [fr.units[u][2] for u in range(max(clause.start, trig.start - 4), trig.start)]
    return len(before) >= 3 and before[-1] == "to" and before[-2] == "@c" and any(w in _PERSUADING for w in before[:-2])


# What may follow the club a move verb takes as its object: "joins Celtic on loan / from Lyon /
# in a £5m deal / until 2029 / ." Any other word makes the club a modifier of that word ("joins
# Celtic fans", "signs a Celtic shirt", "takes charge of his first Celtic game"): no move to it.
_OBJECT_LEAD = frozenset({"the", "a", "an", "his", "her", "their", "first", "new", "up", "with"})


def club_modifies(fr: Frame, trig: Trigger) -> bool:
    """Whether the club after a move trigger qualifies a noun rather than being joined."""
    units = fr.units
    if any(units[w][2] in _TOPIC_NOUNS for w in range(trig.start, trig.end)):
        return False  # "his move to Porto complete?": what follows a noun's club is its predicate
    u = trig.end - 1 if units[trig.end - 1][2] == "@c" else trig.end
    while u < len(units) and u - trig.end < 2 and units[u][2] in _OBJECT_LEAD:
        u += 1
    if u >= len(units) or units[u][2] != "@c":
        return False
    nxt = units[u + 1][2] if u + 1 < len(units) else "."
    after = units[u + 2][2] if u + 2 < len(units) else "."
    if nxt == "'s":
        nxt = after if after not in AFTER_OBJECT else "ranks"
    if any(units[w][2] == "@p" for w in range(u + 1, min(len(units), u + 5))):
        return False  # "sign Scotland forward Hanson": the club describes the person
    return nxt.isalpha() and nxt not in AFTER_OBJECT and nxt not in PLAYER_ROLES and nxt not in MANAGER_ROLES


def unasserted(fr: Frame, clause: range, trig: Trigger, unit: int | None = None, published: str | None = None) -> str:
    """Why the clause does not report the trigger's development as happening (about the
    person at `unit`, when given), or ''. `published`, the item's date, is what a month the
    development is dated to is compared with ("in December" is news in a December item)."""
    if trig.kind != "denial" and fronted_negative(fr, clause):
        return "a negative opens the clause ('under no circumstances can ...')"
    why = stance.unreported(fr, clause, trig, published) or tense.history(fr, clause, trig, published) \
        or modifiers.stand_in(fr, trig, unit)
    if why:
        return why
    if trig.kind == "departure" and attributive(fr, trig):
        return "an exit said of the person as a description ('the departed X', 'the sacked Y boss')"
    if trig.kind in _END_STATES and talked_about(fr, clause, trig):
        return "a move or an exit talked about ('opens up on his Lyon exit')"
    if trig.kind == "departure" and persuaded(fr, clause, trig):
        return "the seller is only being persuaded ('try to convince X to sell'): the buyer's pursuit"
    if trig.kind not in _TOPICAL:
        return ""
    if trig.kind == "completed" and club_modifies(fr, trig) or trig.kind == "departure" and modifiers.club_qualifies(fr, trig):
        return "the club qualifies another noun ('joins Celtic fans', 'signs a Celtic shirt')"
    if trig.kind == "departure" and modifiers.left_otherwise(fr, trig):
        return "an exit verb whose object is no club ('leaves the door open', 'quits the press conference')"
    if trig.kind == "departure":
        why = modifiers.place_not_club(fr, trig)
        if why:
            return why
    if counterfactual(fr, clause, trig):
        return "what did not happen ('could have joined', 'nearly signed')"
    if trig.kind in _END_STATES and (" last " in fr.text or " ago " in fr.text or fr.text.startswith("last ")) \
            and history_words([fr.units[u][2] for u in clause]):
        return "dated to an earlier window ('last summer', 'two years ago'), history"
    told = topic(fr, clause, trig)
    if told == "past" or told == "scenario" and trig.kind == "departure":
        return "a move or an exit talked about ('selling him would ...', 'his exit was ...')"
    return ""
