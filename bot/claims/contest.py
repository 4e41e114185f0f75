"""Which way a club stands to a move, from the grammar around it: a rival in a contest, or the
club that sends a player out.

A contest names the club that wants the player as its subject and the clubs it competes with
after "with", "from", "against" ("Arsenal compete with Liverpool for X", "Chelsea face
competition from PSG for X", "AC Milan join the race with Juventus"), or right after a contest
verb ("Newcastle battle Spurs for X"), or before "in the race" ("Napoli lead Roma in the chase").
Such a rival is neither the counterpart nor the club the player leaves. A club named before a
contest noun ("Real Madrid face a Liverpool battle for X") pursues him too, and stays a
counterpart (our own labelled set reads it so).

A loan or a sale points away from the club that sends: "Chelsea want to loan out X" (Chelsea
lets him go), "X loaned out by Chelsea to Ipswich" (Chelsea sends, Ipswich receives).

The word classes below are this stage's alone (parties.py reads them through this module).
"""

from __future__ import annotations

from bot.claims.families import CONTEST_NOUN_WORDS, CONTEST_VERB_WORDS
from bot.claims.frame import Frame

# The words of a contest, as families.py writes them for its frame (one list for both readings):
# each member as a frame's unit holds it, a phrase also by the word that meets a rival, its last
# ("go head to head with", "lock horns with", "a bidding war with"), and a noun phrase by the
# word an article opens it with, its first ("lead Roma in the tug of war for X").
CONTEST_VERBS = frozenset(w for m in CONTEST_VERB_WORDS for w in {m, m.rsplit(" ", 1)[-1]})
CONTEST_NOUNS = frozenset(w for m in CONTEST_NOUN_WORDS for w in {m, m.rsplit(" ", 1)[-1], m.split(" ", 1)[0]})
# What marks the other side of a contest after a contest word.
_AGAINST = frozenset({"with", "from", "against"})
# Words that may stand between a contest word and its preposition: "compete fiercely with",
# "the race to sign him with"? (no: "to sign" ends it), "head to head with".
_BETWEEN = frozenset({"the", "a", "an", "stiff", "fierce", "fiercely", "strong", "tough", "stern",
                      "serious", "late", "transfer", "bidding", "to", "head", "stiffer", "direct",
                      "directly", "off", "of", "war", "tug"})
# Verbs that put the subject over or beside a club in a race: "lead Roma in the chase"
# (not "Liverpool in the race for X": there the club is the subject).
_OVER_IN = frozenset({"lead", "leads", "leading", "led", "trail", "trails", "trailing", "behind", "overtake",
                      "overtakes", "join", "joins", "joined", "ahead", "outpace", "outpaces"})
# Passive participles of letting a player go: "loaned out by Chelsea", "sold by Ajax to Milan".
SENT_PARTICIPLES = frozenset({"loaned", "sent", "sold", "shipped", "farmed", "released", "offloaded"})
# A sale told as a noun: "the sale of X", "the transfer of X" is not (a buyer may complete it).
_SALE_NOUNS = frozenset({"sale", "sales"})
# Verbs that, followed by "out", send a player away on loan: "loan out", "send out".
_OUT_VERBS = frozenset({"loan", "loans", "loaned", "loaning", "send", "sends", "sent", "sending", "ship",
                        "ships", "shipped", "shipping", "farm", "farms", "farmed", "farming"})


def rival(fr: Frame, unit: int) -> bool:
    """Whether the club at `unit` is a rival in a contest for the player, not a party."""
    units = fr.units
    n = len(units)
    before = units[unit - 1][2] if unit > 0 else ""
    after = units[unit + 1][2] if unit + 1 < n else ""
    after2 = units[unit + 2][2] if unit + 2 < n else ""
    if before in _AGAINST:
        # Back over a few filler words to a contest word: "compete with", "competition from",
        # "in the race with", "go head to head with", "stiff competition from".
        k = unit - 2
        while k >= 0 and unit - k <= 5:
            w = units[k][2]
            if w in CONTEST_VERBS or w in CONTEST_NOUNS:
                return True
            if w not in _BETWEEN:
                return False
            k -= 1
        return False
    if passed_over(fr, unit):
        return True
    if before == "of" and unit > 1 and units[unit - 2][2] == "ahead":
        return True  # "step up pursuit of X ahead of Arsenal"
    if before in {"and", "&", ","} and unit > 1 and units[unit - 2][2] == "@c" and after not in {"'s"} \
            and _rival_before_list(fr, unit - 2):
        return True  # "ahead of Arsenal and Chelsea", "compete with Inter and Milan": the list
    if before in CONTEST_VERBS and before not in {"head", "race", "races"} and after in {"for", "to", "in", "over"}:
        return True  # "Newcastle battle Spurs for X", "fight Arsenal to sign X"
    if before in {"race", "races"} and after == "for":
        return True  # "Liverpool race Arsenal for X"
    # "Napoli lead Roma in the chase for X", "Man City lead Arsenal in race for X"
    third = units[unit + 3][2] if unit + 3 < n else ""
    return before in _OVER_IN and after == "in" and (after2 in CONTEST_NOUNS or after2 in {"the", "their"} and third in CONTEST_NOUNS)


# Verbs of a choice between clubs: "chooses Juventus over Napoli", "prefers PSG to United".
_PREFERRING = frozenset({"prefer", "prefers", "preferred", "preferring", "choose", "chooses", "chose",
                         "choosing", "pick", "picks", "picked", "picking", "favour", "favours", "favoured",
                         "select", "selects", "selected"})
# Verbs of turning a club down for another: "snubs Real Madrid for United".
_SNUBBING = frozenset({"snub", "snubs", "snubbed", "snubbing", "spurn", "spurns", "spurned", "reject",
                       "rejects", "rejected", "shun", "shuns", "shunned", "rebuff", "rebuffs", "rebuffed",
                       "ditch", "ditches", "ditched"})
# Verbs by which a club turns away another's pursuit: "Real Madrid rebuff City interest in X".
REFUSING = frozenset({"reject", "rejects", "rejected", "rebuff", "rebuffs", "rebuffed", "snub", "snubs",
                      "snubbed", "spurn", "spurns", "spurned", "dismiss", "dismisses", "dismissed", "block",
                      "blocks", "blocked", "resist", "resists", "resisted"})


def _rival_before_list(fr: Frame, unit: int) -> bool:
    """Whether the club at `unit`, the first of a list, stands where a rival does."""
    units = fr.units
    while unit > 1 and units[unit - 1][2] in {"and", "&", ","} and units[unit - 2][2] == "@c":
        unit -= 2
    before = units[unit - 1][2] if unit > 0 else ""
    return before in _AGAINST | {"of"} and rival(fr, unit) or before in CONTEST_VERBS and rival(fr, unit)


def passed_over(fr: Frame, unit: int) -> bool:
    """Whether the club at `unit` is the one a choice passes over: "chooses Juventus over
    Napoli", "prefers PSG to Manchester United", "picks Arsenal ahead of Real Madrid"."""
    units = fr.units
    j = unit - 1
    if j > 0 and units[j][2] == "of" and units[j - 1][2] == "ahead":
        j -= 1
    return j >= 2 and units[j][2] in {"over", "to", "ahead"} and units[j - 1][2] == "@c" \
        and units[j - 2][2] in _PREFERRING


def snubbed_for(fr: Frame, unit: int) -> bool:
    """Whether the club at `unit` is the one chosen instead of a snubbed club: "snubs Real Madrid
    for Manchester United" (a denial is about Real Madrid, not United)."""
    units = fr.units
    return unit >= 3 and units[unit - 1][2] == "for" and units[unit - 2][2] == "@c" and units[unit - 3][2] in _SNUBBING


def sent_by(fr: Frame, unit: int, clause: range) -> bool:
    """Whether the club at `unit` is the agent of a passive sending: "loaned out by Chelsea",
    "sold to Milan by Ajax". Not "signed by Chelsea": that club receives."""
    units = fr.units
    if unit == 0 or units[unit - 1][2] != "by":
        return False
    return any(units[u][2] in SENT_PARTICIPLES for u in range(max(clause.start, unit - 7), unit - 1))


def sending_out(fr: Frame, clause: range) -> bool:
    """Whether the clause sends a player out: "want to loan out X", "send X out on loan", or
    tells his sale as a noun: "Chelsea agree the sale of X to Arsenal" (Chelsea sells)."""
    units = fr.units
    words = [units[u][2] for u in clause]
    if any(w in _SALE_NOUNS and nxt == "of" for w, nxt in zip(words, words[1:], strict=False)):
        return True
    # Not "out of favour", "out of the squad": a state, not a sending.
    return any(w == "out" and any(x in _OUT_VERBS for x in words[max(0, i - 3):i])
               and (i + 1 == len(words) or words[i + 1] != "of") for i, w in enumerate(words))
