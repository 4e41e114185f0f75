"""Clauses of a frame and which person each trigger is about.

Headlines pack two stories into one line ("Regragui departs as Morocco appoint Ouahbi",
"United target Diouf and confirm new Mainoo contract"); a trigger binds only to a person in
its own clause. A clause with a trigger but nobody in it ("... and extending his stay")
borrows the subject of the clause before.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.claims import spans
from bot.claims.absolutes import absolute_with, apposed, club_acts, not_the_seller, refers_back
from bot.claims.frame import Frame, Trigger
from bot.claims.lexicon import (
    AFTER_OPEN,
    AUXILIARIES,
    BACKGROUND_OPEN,
    BODIES_LEFT,
    DONE_NOUNS,
    MANAGER_ROLES,
    MANAGER_WORDS,
    MOVE_GERUNDS,
    MOVE_PARTICIPLES,
    NATIONALITIES,
    NON_SUBJECT_ROLES,
    NOT_GERUND,
    PAST_FORMS,
    PAST_MOVES,
    PAST_NOUNS,
    PLAYER_ROLES,
    PREPOSITIONS,
    RELATIVES,
    ROLE_AFTER_AS,
    ROLE_MODIFIERS,
    ROLE_SKIP,
    SOFT,
    SPEECH_VERBS,
    SPOKESMEN,
    STAFF_ROLES,
    SUBJECT_BLOCKERS,
    TEMPORAL_OPEN,
    TIME_PAST,
)
from bot.claims.modality import history_words, recent
from bot.claims.people import Person

_HARD = frozenset({";", "|", "—", "–", "-", "(", ")", "•"})
_ROLE_NOUNS = frozenset({"manager", "coach", "boss", "head", "head coach", "'s", "interim", "captain",
                         "player", "signing", "target", "director", "candidate", "frontrunner",
                         "front runner", "option", "replacement", "successor", "contender",
                         "favourite", "choice", "priority", "job", "role", "post", "caretaker"}
                        | NON_SUBJECT_ROLES)


# What may follow a club inside a noun phrase ("Newcastle striker X", "Newcastle's X").
_AFTER_CLUB = frozenset({"'s", ",", "and", "&", "@c", "@p", "@s", ".", "?", ":", ";", "|", "'", "fans", "players",
                         "side", "squad", "team"}) | PLAYER_ROLES | MANAGER_ROLES | ROLE_SKIP | ROLE_MODIFIERS


def clauses(fr: Frame, unit_person: dict[int, Person], unit_club: Mapping[int, object],
            joined: frozenset[int] = frozenset()) -> list[range]:
    """Split the frame's units into clauses at separators and clause-opening words. `joined`
    holds the units of marks written against the words on both sides ("£50m-rated"): a
    compound's hyphen, not a dash between clauses."""
    units = fr.units
    n = len(units)
    cuts = [0]
    surnames = {u: p.name.casefold().rsplit(" ", 1)[-1] for u, p in unit_person.items()}
    # A parenthesis (", who joined from Lyon in 2023,", ", signed for €20m,") ends at its
    # comma and the sentence's own clause goes on after it; so does an adjunct opening the
    # sentence ("Since joining Porto, ...", "Signed from Chelsea, ...").
    paren = n > 0 and (units[0][2] in TEMPORAL_OPEN or units[0][2] in MOVE_PARTICIPLES)
    for u in range(1, n):
        word = units[u][2] if units[u][2] != "&" else "and"  # "... for Yamal & Man City are keen on Olmo"
        nxt = units[u + 1][2] if u + 1 < n else ""
        cut = False
        if word in _HARD and u not in joined or word == "," and (paren or nxt in MOVE_PARTICIPLES):
            cut = True
        elif word in SOFT:
            if word == "as":
                nxt2 = units[u + 2][2] if u + 2 < n else ""
                cut = (nxt, nxt2) != ("well", "as") and units[u - 1][2] != "well" and (
                    nxt == "@p" or (nxt not in ROLE_AFTER_AS and nxt != "@c")) or (
                    nxt == "@c" and nxt2 not in _ROLE_NOUNS
                )
            elif word == "and":
                cut = nxt not in {"@p", "@c", "@s", "'s", "his", "her"} and units[u - 1][2] not in {"@c"} or (
                    # "Spurs eye Eze and Newcastle chase Ekitike": a club opening a clause of its own
                    nxt == "@c" and units[u - 1][2] == "@p" and u + 2 < n and units[u + 2][2] not in _AFTER_CLUB
                    and any(k in unit_club for k in range(cuts[-1], u))) or spans.conjunct(units, u, cuts[-1], surnames)
            elif word == "having":
                cut = units[u - 1][2] not in AUXILIARIES  # "is having a medical" goes on
            else:
                cut = True
        elif word == "with" and absolute_with(units, u):
            cut = True  # "X leaves, with Y set to replace him", "..., with Arsenal keen": Y's own clause
        elif word == "," and nxt.endswith("ing") and nxt not in NOT_GERUND:
            cut = True  # ", dismissing reports ...": a participle clause
        elif word == "," and nxt == "@c" and u + 2 < n and units[u + 2][2] == "'s":
            cut = True  # "Barcelona sign Adeyemi, Monaco's Bamba set for Newcastle"
        elif word == "," and nxt == "@c" and u + 2 < n and units[u + 2][2] not in {",", "and", "&", "@c"} \
                and any(units[k][2] == "@p" for k in range(cuts[-1], u)):
            cut = True  # "Arsenal eye Sesko, Chelsea want Garnacho": a round-up's next rumour
        elif word == "," and nxt in SOFT | {"@p"} and nxt not in {"and"}:
            cut = nxt != "@p" or any(units[k][2] == "@p" for k in range(cuts[-1], u)) and not (
                units[u - 1][2] == "@p" and spans.listed(units, u + 1))  # "X, Y and Z": a comma between names
        cut = cut or spans.adjunct_ends(units, u, cuts[-1])  # "After the match Milan confirmed ..."
        if cut and u > cuts[-1]:
            cuts.append(u)
            paren = units[u - 1][2] == "," and word in RELATIVES or word == "," and nxt in MOVE_PARTICIPLES \
                or spans.measured_opening(units, u)  # "A year after joining X, ...": the setting ends at its comma
    cuts.append(n)
    return [range(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


# "X in talks with Juventus, but Liverpool loom": a rival's pursuit borrows the subject.
_RIVAL_KINDS = frozenset({"interest", "talks", "bid"})


def background(fr: Frame, clause: range) -> bool:
    """A past move told as background: "who joined from Porto in 2021", "signed last year"."""
    words = [fr.units[u][2] for u in clause]
    if not words:
        return True
    past = any(w in PAST_MOVES for w in words)
    if words[0] in BACKGROUND_OPEN and past:
        return not (words[0] in {"who", "whom"} and spans.dated_now(fr, clause))  # "who resigned last week": news
    if words[0] in AFTER_OPEN and any(w in spans.SPELL_NOUNS for w in words[1:5]) and not any(w in {"@p", "@c"} for w in words[1:3]):
        return True  # "after his loan spell", "after a stint at Ajax": where he was before
    if words[0] == "having" and any(w in MOVE_PARTICIPLES or w in PAST_FORMS for w in words[1:3]):
        return True  # "Tottenham, having sold Son, target Kudus": done before the news
    if words[0] == "," and words[1:2] == ["having"] and any(w in MOVE_PARTICIPLES or w in PAST_FORMS for w in words[2:4]):
        return True
    if words[0] == "," and len(words) > 1 and words[1] in MOVE_PARTICIPLES:
        return True  # "X, signed from Lyon for €20m, is wanted by Juventus": an apposition
    if clause.start == 0 and clause.stop < len(fr.units) and fr.units[clause.stop][2] == "," and (
            words[0] in MOVE_PARTICIPLES
            or words[0] in TEMPORAL_OPEN and (past or any(w in MOVE_GERUNDS or w in PAST_NOUNS for w in words))):
        return True  # "Since joining Porto, ...", "Signed from Chelsea for £50m, he ...": the setting
    if words[0] == "since" and any(w in MOVE_GERUNDS for w in words):
        return True  # "... has scored ten goals since joining"
    if words[0] in AFTER_OPEN and (past or any(w in PAST_NOUNS for w in words)):
        return True  # "after his departure from Madrid", "after he was sacked"
    if past and ("@y" in words or any(w in TIME_PAST and not recent(words, i) for i, w in enumerate(words))):
        return True
    if any(w in DONE_NOUNS for w in words) and history_words(words):
        return True
    before = spans.continued(fr, clause)  # "sacked X last month and appointed Y": the same frame
    return before is not None and background(fr, before)


def role_words(fr: Frame, clause: range, unit_person: dict[int, Person]) -> str:
    """Manager when the clause speaks of a job and holds one person only."""
    persons = [u for u in clause if u in unit_person]
    if len(persons) > 1:
        return "player"
    words = {fr.units[u][2] for u in clause}  # no one named: the subject is borrowed
    return "manager" if words & MANAGER_WORDS else "player"


def _skip(fr: Frame, u: int) -> bool:
    """Units a binding may look past: clubs, possessives, role nouns, articles."""
    return fr.units[u][2] in {"@c", "'s", "the", "a", "an", "his", "her", "their", "new", "star",
                              "defender", "midfielder", "forward", "striker", "winger",
                              "goalkeeper", "keeper", "boss", "manager", "coach", "head coach",
                              "head", "full back", "centre back", "center back", "playmaker",
                              "captain", "youngster", "teenager", "wonderkid", "ace", "talent",
                              "target", "left back", "right back", "attacker", "for", "over",
                              "on", "of", "in", "to", "sign", "signing", "@m", "bid", "offer",
                              "move", "moves", "deal", "'", "‘", "’", "\"", "interim",
                              "caretaker", "former", "ex", "veteran", "loanee", "player", "@s",
                              "with", "from", "by", "about", "between", ":", "make", "bring",
                              "assistant", "teammate", "team mate", "compatriot", "countryman",
                              "international", "club mate", "clubmate", "goalscorer", "scorer",
                              # "tracking Forest midfielders X and Y": a plural role before a list
                              "midfielders", "defenders", "forwards", "strikers", "wingers",
                              "players", "stars", "duo", "pair", "trio", "targets",
                              # "keen on a summer deal for X", "a potential move for X"
                              "summer", "january", "potential", "possible", "permanent", "shock",
                              "surprise", "dream", "swoop", "transfer",
                              # "a bid for €40m-rated X": a fee's rating (the hyphen is one a
                              # compound holds: a dash between words cuts the clause first)
                              "-", "rated", "highly rated", "valued",
                              # "agreed a fee of around €50m with Dortmund for X": a fee's size
                              "around", "worth", "up", "initial", "plus", "reported", "potentially"}


def bind(
    fr: Frame,
    clause: range,
    unit_person: dict[int, Person],
    trigs: list[Trigger],
    borrowed: int | None = None,
) -> list[tuple[Trigger, int]]:
    """(trigger, person unit) pairs for the clause's un-negated triggers.

    `borrowed` is the subject of the previous clause, used when this one names nobody.
    """
    lo, hi = clause.start, clause.stop
    out: list[tuple[Trigger, int]] = []
    persons = [u for u in clause if u in unit_person]
    for t in trigs:
        if t.negated or t.start < lo or t.start >= hi:
            continue
        if not persons:
            speech = any(fr.units[u][2] in SPEECH_VERBS for u in range(lo, t.start))
            if borrowed is not None and not speech and (fr.units[lo][2] in {"and", ",", "as", "after", "before", "while", "amid", "despite", "with"}
                                                           or fr.units[lo][2] == "but" and t.kind in _RIVAL_KINDS
                                                           or refers_back(fr, t, hi)):
                out.append((t, borrowed))
            elif borrowed is None and not speech and (held := relative_object(fr, clause, unit_person, t)) is not None:
                out.append((t, held))
            elif not speech and (held := spans.antecedent(fr, clause, unit_person)) is not None:
                out.append((t, held))  # "He succeeds X, who resigned last week": about X
            continue
        inside = [u for u in persons if t.start <= u < t.end]
        after = _after(fr, t.end, hi, unit_person)
        before = _before(fr, t.start, lo, unit_person)
        if t.kind in _CLUB_ACTS and before and before[0] + 1 < hi and fr.units[before[0] + 1][2] in SPEECH_VERBS:
            before = []  # "Glasner confirms Palace had offers rejected": the speaker tells, he is not bid for
        earlier = [u for u in persons if u < t.start]
        if inside and t.direction == "before" and not before and (earlier or borrowed is not None
                                                                   and fr.units[lo][2] in _JOINING):
            # "Alonso said goodbye and is set to replace Ancelotti": Alonso, not Ancelotti
            chosen = [earlier[0]] if earlier else [borrowed] if borrowed is not None else []
        elif inside and not (t.direction == "before" and before):
            chosen = inside[:1]  # but "X succeeds Y as coach" is about X
        elif t.direction == "after":
            chosen = after
        elif t.direction == "before":
            chosen = before
        elif t.direction == "near":
            chosen = after or before
        else:  # near_before
            chosen = before or after
        if not chosen and earlier and refers_back(fr, t, hi) and club_acts(fr, t, lo):
            chosen = earlier[-1:]  # "X is available, with Arsenal keen to sign him": X
        if t.direction in ("near_before", "near") and (target := apposed(fr, t, unit_person)) is not None:
            chosen = [target]
        out.extend((t, u) for u in not_the_seller(fr, t, chosen, after))
    return out


# Kinds a club's main clause tells about a player it holds, with no pronoun needed: "Newcastle,
# who signed Gordon, reject Liverpool bid" (the bid is for the player of the relative clause).
_HOLDER_KINDS = frozenset({"bid_rejected", "contract_extension", "denial"})
_PRONOUNS = frozenset({"him", "her", "his", "he", "she"})


def relative_object(fr: Frame, clause: range, unit_person: dict[int, Person], t: Trigger) -> int | None:
    """The person of a relative clause on the sentence's subject club, for a main clause that
    names nobody: "Chelsea, who signed X in 2022, are ready to sell him". The relative clause
    itself stays background (see `background`); its person is who "him" in the main clause is.
    Needs the main clause to refer back to him (a pronoun) or to be a club's act on a player it
    holds (a rejected bid, a new contract, a denial): "Chelsea, who sold X, have a new coach"
    is not about X."""
    lo = clause.start
    if lo < 3 or fr.units[lo][2] != "," or t.kind == "completed":
        return None
    words = {fr.units[u][2] for u in clause}
    if not (words & _PRONOUNS or t.kind in _HOLDER_KINDS):
        return None
    # Back to the relative pronoun: "@c , who ... ," with the club opening the sentence (or
    # what follows a label's colon).
    rel = next((r for r in range(lo - 1, 1, -1) if fr.units[r][2] in {"who", "whom", "which"}), None)
    if rel is None or fr.units[rel - 1][2] != "," or fr.units[rel - 2][2] != "@c":
        return None
    head = rel - 2
    if head > 0 and fr.units[head - 1][2] not in {":", "and"}:
        return None
    if any(fr.units[u][2] in {",", ";", "."} for u in range(rel + 1, lo)):
        return None  # another clause between: not one relative clause
    held = [u for u in range(rel + 1, lo) if u in unit_person]
    return held[0] if len(held) == 1 else None


# The people who act for a person: a development with them is with the person ("contact with the
# entourage of X"); the possessive form ("X's camp") reads as any possessive does.
_PROXIES = SPOKESMEN | {"agents", "reps", "advisers", "advisors", "lawyers", "intermediaries"}


def _after(fr: Frame, start: int, hi: int, unit_person: dict[int, Person]) -> list[int]:
    found: list[int] = []
    u = base = start
    while u < hi and u - base <= 9:
        if u in unit_person and spans.possessor(fr.units, u):
            u += 1  # "sign X's former teammate (Y)": X is not signed
            continue
        if u in unit_person:
            found.append(u)
            # "eye Konaté and Salah", "signed X from Lorient and Y from Leverkusen": a list
            # of people shares the trigger.
            v = u + 3 if u + 2 < hi and fr.units[u + 1][2] == "from" and fr.units[u + 2][2] == "@c" else u + 1
            width = _joiner(fr, v, hi)  # "Wharton or Baleba", "Eze as well as Rodrygo"
            if width and v + width < hi and v + width in unit_person:
                u = base = v + width  # a list reaches as far as it goes
                continue
            if v + 3 < hi and fr.units[v][2] in {"and", ","} and fr.units[v + 1][2] == "@c" \
                    and fr.units[v + 2][2] == "'s" and v + 3 in unit_person:
                u = base = v + 3  # "for Everton's McNeil and Palace's Johnson"
                continue
            named = _described(fr, v + 1, hi, unit_person) if v + 2 < hi and fr.units[v][2] in {"and", ","} else None
            if named is not None and (named + 1 >= hi or fr.units[named + 1][2] not in _VERB_AFTER):
                u = base = named  # "target Sancho and Man Utd forward Garnacho": a described name
                continue
            return found
        if fr.units[u][2] in {"and", "&", ","} and u + 1 < hi and fr.units[u + 1][2] == "@c":
            pass  # "former Arsenal and Liverpool superstar X": a list of clubs describes him
        elif fr.units[u][2] in _PROXIES and u + 1 < hi and fr.units[u + 1][2] == "of":
            pass  # "talks with the representatives of X": his people speak for X, the party
        elif u + 1 < hi and u + 1 in unit_person and u > 0 and fr.units[u - 1][2] in _OPENS_PHRASE \
                and fr.units[u][2].replace(" ", "").isalpha():
            pass  # "lead race for released Kyle Walker": one adjective between "for" and the name
        elif not _skip(fr, u):
            # "chase released full-back Walker": an adjective before a role noun and a name.
            ahead = [fr.units[w][2] for w in range(u + 1, min(u + 3, hi))]
            if fr.units[u][2] not in ROLE_SKIP and not (fr.units[u][2].isalpha() and any(w in ROLE_SKIP for w in ahead)):
                named = _described(fr, u, hi, unit_person)
                if named is None:
                    return found
                u = base = named
                continue
        u += 1
    return found


def _joiner(fr: Frame, v: int, hi: int) -> int:
    """How many units join one name of a list to the next at `v` ("and", "or", ", and", "as well
    as"), 0 when none does."""
    words = [fr.units[w][2] for w in range(v, min(v + 3, hi))]
    if words[:3] == ["as", "well", "as"]:
        return 3
    if words[:2] in ([",", "and"], [",", "or"]):
        return 2
    return 1 if words and words[0] in {"and", ",", "or", "&"} else 0


# Words after which a lone word before a name is an adjective of his, not a verb.
_OPENS_PHRASE = frozenset({"for", "on", "of", "over", "about", "the", "a", "an", "their", "his", "its", "'s"})


# Words a noun phrase does not cross: verbs, clause openers, infinitives, sentence marks.
_PHRASE_ENDS = frozenset({"is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
                          "would", "could", "can", "may", "might", "should", "to", "that", "which",
                          "who", "and", "but", "as", "while", "because", "after", "before", "since",
                          "when", "if", "than", "with", "by", ".", ":", ";", "?", "!", "@p"})


# What a list's next name does when it opens a clause of its own ("and Newcastle boss X is furious").
_VERB_AFTER = _PHRASE_ENDS - {"and", ",", ".", ":", ";", "?", "!", "to", "with", "as", "by", "@p"} | SPEECH_VERBS


def _described(fr: Frame, u: int, hi: int, unit_person: dict[int, Person]) -> int | None:
    """The person a noun phrase starting at `u` ends with ("highly rated Nantes centre-back
    X", "their Colombian striker, X", "England under-19 international X"), or None."""
    for w in range(u, min(u + 7, hi)):
        if w in unit_person:
            before = fr.units[w - 1][2] if w > u else ""
            return w if before in ROLE_SKIP or before in ROLE_MODIFIERS or before in {",", "@c", "'s", "international"} \
                or before.endswith("year old") or before == "back" and w - 2 >= u and fr.units[w - 2][2] in _SIDES else None
        if fr.units[w][2] in _PHRASE_ENDS:
            return None
    return None


# A line's side before "back" written apart ("left back", "centre back"): one role noun.
_SIDES = frozenset({"left", "right", "centre", "center", "full", "wing"})
_JOINING = frozenset({"and", ",", "but", "while"})
# Developments a club makes about a player, never about the person announcing them.
_CLUB_ACTS = frozenset({"bid", "bid_rejected", "talks", "interest", "agreement"})


def _before(fr: Frame, end: int, lo: int, unit_person: dict[int, Person]) -> list[int]:
    """The nearest person before the trigger who can be its subject (not "flies to London")."""
    u = end - 1
    while u >= lo and end - u <= 9:
        if fr.units[u][2] in SUBJECT_BLOCKERS:
            return []
        possessive = u + 1 < len(fr.units) and fr.units[u + 1][2] == "'s"
        if u in unit_person and spans.possessor(fr.units, u):
            return []  # "X's former teammate joins Y": not X
        if u in unit_person and (u == 0 or fr.units[u - 1][2] not in PREPOSITIONS or (possessive and end - u <= 3)
                                 or (u - 1 == lo and fr.units[lo][2] == "with")):
            owner = fr.units[u + 2][2] if u + 2 < len(fr.units) else ""
            if possessive and end - u > 4 and owner not in SPOKESMEN:
                return []  # "Postecoglou's high line is leaving ...": the line leaves
            found = [u]
            while u - 2 >= lo and fr.units[u - 1][2] in {"and", ","} and u - 2 in unit_person:
                u -= 2  # "Dyche and Silva are among the contenders"
                found.append(u)
            return found
        u -= 1
    return []


def not_a_subject(fr: Frame, clause: range) -> bool:
    """ "steps down as Tottenham chairman", "resign from the Italian FA": the job is not a
    player's or a manager's."""
    words = [fr.units[u][2] for u in clause]
    for i, w in enumerate(words[:-1]):
        if w in {"as", "from"}:
            rest = [x for x in words[i + 1 : i + 4] if x not in {"@c", "'s", "the", "a", "club"}
                    and (w == "as" or x not in NATIONALITIES)]
            if rest and (rest[0] in NON_SUBJECT_ROLES | STAFF_ROLES if w == "as" else rest[0] in BODIES_LEFT):
                return True
    return False


