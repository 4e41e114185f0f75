"""Counterpart and from_club for one bound trigger, from the words around each club.

A club that acts ("Inter open talks", "Arsenal table a bid") is the club the move concerns;
then any other club in a talks/bid/agreement clause is the seller ("with Atalanta"). A club
tied to the person ("Porto's Costa", "Liverpool defender Konaté") or to a leaving word
("from", "leave", "Chelsea exit") is the club left. Denials, departures and extensions read
the acting club as the person's own club.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from bot.claims.club_part import club_part
from bot.claims.contest import REFUSING, sending_out, snubbed_for
from bot.claims.frame import Trigger
from bot.claims.lexicon import (
    APPOINTING,
    ELSEWHERE,
    SENDING,
    SPEECH_VERBS,
    STAYING,
)
from bot.models import MOVE_KINDS

if TYPE_CHECKING:
    from bot.claims.mentions import Mention
    from bot.claims.sentence import Sentence

_SELLER_KINDS = frozenset({"talks", "bid", "agreement"})
# Words before "at <club>" that make it the club a player stays at ("happy at Torino"), never a suitor.
_STAYING_AT = STAYING | {"happy", "settled", "content"}
_LISTED = frozenset({"@c", "and", "&", ","})  # what stands between the clubs of a list
_OWN_CLUB_KINDS = frozenset({"denial", "departure", "bid_rejected"})
# A pursuit noun a club modifies: "Liverpool target X" names the suitor.
_TARGET_NOUNS = frozenset({"target", "targets"})
# Verbs of a club making a move public ("Barcelona confirm X has joined Wolves").
_ANNOUNCING = frozenset({"confirm", "confirms", "confirmed", "announce", "announces", "announced", "reveal", "reveals"})
# The nouns of an offer itself (lexicon.BID_NOUNS also holds approaches and interest).
_OFFER_NOUNS = frozenset({"bid", "bids", "offer", "offers", "proposal", "proposals"})


def one_suitor(s: Sentence, trig: Trigger, pairs: list[tuple[str | None, str | None]]) -> list[tuple[str | None, str | None]]:
    """`pairs` (from parties()) kept to the club a pursuit noun names right before it: "expect an
    offer for Liverpool target X" is Liverpool's interest, no other club's (a list of clubs before
    it, "United, Liverpool and Chelsea target X", names them all)."""
    units = s.frame.units
    if trig.kind == "interest" and trig.end - trig.start == 1 and units[trig.start][2] in _TARGET_NOUNS \
            and (suitor := s.unit_club.get(trig.start - 1)) is not None and not suitor.national \
            and not (trig.start > 1 and units[trig.start - 2][2] in _LISTED):
        return [(suitor.name, frm) for cp, frm in pairs if cp == suitor.name] or [(suitor.name, pairs[0][1])]
    return pairs


def parties(
    s: Sentence,
    clause: range,
    trig: Trigger,
    unit: int,
    own: str | None,
    role: str,
    affiliation: dict[str, str],
) -> list[tuple[str | None, str | None]]:
    """(counterpart, from_club) pairs: one per counterpart, at least one."""
    # A denied interest ("Madrid do not want Rodri") names the club as the interest would.
    k = trig.base if trig.base == "interest" else trig.kind
    holder = _relative_holder(s, clause, unit)
    if holder:
        own = holder  # "Dortmund, who bought Gittens from City, agree to sell him": Dortmund's
    if own and k in MOVE_KINDS | {"denial"} and _headed_to(s, clause, own):
        own = None  # "Falkirk deny Miller to Celtic", "Liverpool & Arsenal target": not his club
    frm: list[str] = [own] if own else []
    agents: list[str] = []
    dest: list[str] = []
    others: list[str] = []
    sellers: list[str] = []
    person_club: str | None = None  # "Alonso wants Mac Allister": the manager's club
    units = s.frame.units
    # The seller accepts a bid, or receives one ("Brentford receive an offer from Spurs").
    # So does one awaiting "an offer from Roma to sign X": the bidder is the club after "from".
    accepting = units[trig.start][2].startswith("accept") or k in {"bid", "talks"} and (
        units[trig.start][2].startswith("receiv")
        or trig.start + 1 < len(units) and units[trig.start + 1][2] == "from" and units[trig.start][2] in _OFFER_NOUNS)
    appointing = k == "completed" and role == "manager" and any(
        units[w][2] in APPOINTING for w in range(trig.start, trig.end))
    hirers: list[str] = []
    announcers: list[str] = []  # clubs that confirm or announce the development
    # "City have a £92m bid rejected by Atletico": the subject is the bidder, not the seller.
    bid_told_passive = k == "bid_rejected" and units[trig.start][2] in _OFFER_NOUNS
    implied: list[str] = []  # clubs held by being named before a departure or extension
    # "Arsenal target Vinícius, says Mourinho wants him happy at Real Madrid": what a speaker
    # says after the development is not a party to it.
    said = next((u for u in clause if u > max(unit, trig.end - 1) and units[u][2] in SPEECH_VERBS), clause.stop)
    for u in clause:
        if u >= said:
            break
        if u in s.unit_person and u != unit and u < trig.start:
            other = s.unit_person[u]
            pc = other.club or affiliation.get(other.name)
            if pc:
                person_club = pc
        m = s.unit_club.get(u)
        if m is None or (m.national and role == "player"):
            continue
        nxt = units[u + 1][2] if u + 1 < len(units) else ""
        tied = nxt != "and" and any(
            p.club == m.name and u + 1 <= pu <= u + 4 and pu != unit
            for pu, p in s.unit_person.items()
        )
        if tied and m.name != own:
            person_club = person_club or m.name
            continue
        part = club_part(s.frame, u)
        if part == "" and _list_part(s, u) == "to":
            part = "to"  # "Liverpool & Arsenal transfer target": both are where he may go
        if units[clause.start][2] == "with" and all(units[w][2] in _LISTED for w in range(clause.start + 1, u)):
            part = ""  # "..., with Arsenal and Chelsea monitoring him": an absolute clause's subject
        if part == "poss":
            if (agents or dest) and u > unit > trig.start:
                if m.name != own:
                    frm.append(m.name)  # "Arsenal target X, not on Newcastle's flight": his club
                continue
            if min(abs(u - trig.start), abs(u - (trig.end - 1))) > 4:
                continue  # too far to be a party
            part = ""
        if part == "" and units[u - 1][2] in _TELLING and k in {"denial", "bid_rejected"}:
            dest.append(m.name)  # "Brighton tell Bayern Mitoma is not for sale": who is told wants him
            continue
        acting = u < trig.start and part in {"", "at"} and (
            u == clause.start
            or not any(w in s.unit_person for w in range(u + 1, trig.start))
        )
        if appointing and acting:
            # "Wolves appoint Edwards as head coach": the appointing club is the new
            # employer, even where the item already calls him "Wolves boss".
            hirers.append(m.name)
            continue
        if part == "former" or m.name == own:
            continue
        if k == "denial" and snubbed_for(s.frame, u):
            continue  # "snubs Real Madrid for United": the denial is Real Madrid's
        if k == "departure" and u > trig.start and _list_part(s, u) == "to":
            continue  # "ready to sell X to Arsenal", "Liverpool & Arsenal target": a taker
        if k == "contract_extension" and part == "to" and nxt in ELSEWHERE:
            continue  # "new deal not related to the Man Utd job": another club's job
        # The club held: named as left, the club of an extension or a departure, or the
        # club that speaks in a denial, rejects or accepts a bid.
        holds = (
            part == "from"
            or k in {"contract_extension", "departure"}
            or (k in _OWN_CLUB_KINDS and not bid_told_passive or accepting) and (acting or part == "at")
        )
        if holds and part == "from":
            frm.insert(len(frm) - len(implied), m.name)  # "leaves Ayr" before "Celtic legend"
        elif holds:
            frm.append(m.name)
            implied.append(m.name)
        elif acting and nxt in REFUSING and k in {"interest", "talks", "bid"}:
            frm.append(m.name)  # "Real Madrid rebuff City interest in X": the club that holds him
        elif acting:
            agents.append(m.name)
            if nxt in _ANNOUNCING:
                announcers.append(m.name)
        elif part == "to" and units[u - 1][2] == "with" and k in MOVE_KINDS:
            sellers.append(m.name)  # "talks with Atalanta", "agreement with Ajax"
        elif part == "to":
            dest.append(m.name)
        elif part == "at" and k in {"interest", "talks", "bid"} and u > 1 and units[u - 2][2] in _STAYING_AT:
            frm.append(m.name)  # "Despite Juventus interest, X is set to stay at Torino": his club
        else:
            others.append(m.name)
    if dest and k in MOVE_KINDS:
        # "Barcelona confirm X has joined Wolves": the club announcing a move to another is the
        # one he leaves, not a second destination.
        for club in announcers:
            agents.remove(club)
            if club not in frm:
                frm.append(club)
    if not frm and k != "interest" and sum(1 for p in s.unit_person.values() if p.name != s.unit_person[unit].name) == 0:
        # "joins Feyenoord after Chelsea exit": the club left may sit in another clause
        # (when no one else in the sentence could have left it). Not for interest: "linked
        # with Anfield return after Madrid exit" is about a man out of work.
        frm = [
            m.name for u, m in s.unit_club.items()
            if u not in clause and club_part(s.frame, u) == "from"
            and not (m.national and role == "player")
        ]
    if not (agents or dest or others) and k in MOVE_KINDS and clause.start > _head(s, clause):
        # "..., naming Arbeloa as his replacement": the sentence's subject club acts.
        opening = _opening(s, clause)
        if opening and opening.name not in frm and not (opening.national and role == "player"):
            # Only a rejection or a denial makes it the seller: "Fulham sell Tosin and sign
            # Beyer" is a club buying after selling someone else.
            if any(t.kind in {"bid_rejected", "denial"} and t.start == _head(s, clause) + 1 for t in s.trigs or ()):
                frm.append(opening.name)  # "City reject Barça's bid as talks go on": City sells
            else:
                agents = [opening.name]
    if not frm and k in {"contract_extension", "departure", "denial"} and not (agents or dest):
        # "... and confirm new Mainoo contract": the sentence's opening club acts here too.
        opening = _opening(s, clause)
        tied = any(p.club == opening.name and p.name != s.unit_person[unit].name
                   for p in s.unit_person.values()) if opening else False
        if opening and not tied and not (opening.national and role == "player"):
            frm = [opening.name]
    if k == "bid_rejected" and clause.start > _head(s, clause) and not any(
            club_part(s.frame, u) == "from" for u in clause if u in s.unit_club):
        # "Newcastle, who signed Gordon, reject Liverpool bid": the sentence's subject club,
        # past a parenthesis, is the one that turns the bid down, so the club he leaves
        # (before a club the parenthesis says he once came from).
        opening = _opening(s, clause)
        if opening and opening.name not in agents + dest and not (opening.national and role == "player"):
            frm = [opening.name] + [c for c in frm if c != opening.name]
    if hirers:
        frm = [c for c in frm if c not in hirers]
        agents, dest, others, sellers = hirers, [], [], []
    if agents and sending_out(s.frame, clause):
        # "Chelsea want to loan out X": the acting club lets him go, with or without a taker.
        frm, agents = frm + agents, []
    if agents and dest and any(units[u][2] in SENDING for u in clause):
        # "Madrid loan Endrick to Lyon", "Chelsea agree to send Jackson to Bayern": the
        # acting club lets the player go; the destination is the counterpart.
        frm, agents = frm + agents, []
    if sellers:
        if agents or dest or any(units[w][2] in {"fee", "fees"} for w in range(trig.start, trig.end)):
            frm += sellers  # (only clubs agree a fee: "the Spanish side agree a fee with Barcelona")
        else:
            dest = sellers  # "Sancho in talks with Dortmund"
    if len(agents) > 1 and sellers and k in _SELLER_KINDS:
        # "Juventus and Napoli in talks with Atalanta": the seller named, both others buy.
        frm += [c for c in dest + others if c not in agents]
        dest, others = [], []
    elif agents and k in _SELLER_KINDS:
        # "Inter open talks with Atalanta": the other club sells; "Arsenal and Sporting
        # agree a fee": the first named buys (the item may swap them, see merge.reconcile).
        frm += [c for c in agents[1:] + dest + others]
        agents, dest, others = agents[:1], [], []
    to = list(dict.fromkeys(agents + dest + others))
    to = [c for c in to if c not in frm[:1]]
    from_club = frm[0] if frm else None
    if k == "contract_extension":
        return [(from_club, from_club)]
    if k == "departure":
        return [(None, from_club)]
    if not to and person_club and k in MOVE_KINDS and person_club != from_club:
        to = [person_club]
    if not to and k == "denial":
        # "happy at Liverpool amid Real Madrid talk": the link denied may sit in another clause.
        to = [m.name for u, m in s.unit_club.items() if u not in clause and m.name not in frm
              and club_part(s.frame, u) == "to" and not (m.national and role == "player")][:1]
    if not to and k == "denial" and frm and not any(
            t.start >= clause.stop and t.kind in {"interest", "talks", "bid"} for t in s.trigs or ()):
        # "Milan expect Leao to stay after PSG decide not to bid": the club
        # opening the clause beside a denial by his own club is the suitor (not where that clause
        # tells a pursuit of its own: "as Real Madrid circle" is a claim of its own).
        to = [m.name for u, m in s.unit_club.items() if u not in clause and u >= clause.stop and m.name not in frm
              and units[u - 1][2] in _BESIDE and club_part(s.frame, u) == ""
              and not (m.national and role == "player")][:1]
    if not to:
        return [(None, from_club)]
    return [(c, from_club) for c in to]


# Verbs of a relative clause by which its club came to own the player ("who signed X"), not
# those by which it let him go ("who sold X") nor a loan ("who have X on loan": he is another
# club's).
_GOT = frozenset({"signed", "bought", "acquired", "recruited", "hired", "appointed", "snapped", "brought",
                  "poached", "paid", "landed", "secured"})


def _relative_holder(s: Sentence, clause: range, unit: int) -> str | None:
    """The sentence's subject club when the person sits in its relative clause as one it got:
    "Bayern, who signed Kane from Tottenham, are considering selling him" (Bayern hold him,
    Tottenham is history)."""
    units = s.frame.units
    if not clause.start > unit > 3:
        return None
    rel = next((r for r in range(unit - 1, 1, -1) if units[r][2] in {"who", "which"}), None)
    if rel is None or units[rel - 1][2] != "," or rel - 2 != _head(s, clause) or rel + 1 >= unit:
        return None
    opening = s.unit_club.get(rel - 2)
    if opening is None or units[rel + 1][2] not in _GOT or any(units[u][2] == "," for u in range(rel + 1, unit)):
        return None
    return opening.name


# Verbs whose object club is told something, not the one telling: "tell Bayern he is not for sale".
_TELLING = frozenset({"tell", "tells", "told", "telling", "inform", "informs", "informed", "warn", "warns",
                      "warned", "remind", "reminds", "reminded"})
# Words that open a clause beside the main one: "... to stay after City opt out".
_BESIDE = frozenset({"after", "as", "amid", "while", "despite", "with", "but"})
_HELD_AFTER = frozenset({"'s", "coach", "manager", "boss", "head", "hot", "job", "post", "role"})


def _headed_to(s: Sentence, clause: range, club: str) -> bool:
    """Whether the clause names `club` as where the move goes ("to Celtic", "a Celtic move",
    "Liverpool & Arsenal target"): the club an item elsewhere ties him to is then not his."""
    units = s.frame.units
    # Not "talks with Ajax" (the seller), nor "for Everton's McNeil" (his club's possessive),
    # nor "Castilla coach X" (a job he holds).
    return any(m.name == club and _list_part(s, u) == "to" and units[u - 1][2] != "with"
               and (u + 1 >= len(units) or units[u + 1][2] not in _HELD_AFTER)
               for u, m in s.unit_club.items() if u in clause)


def _list_part(s: Sentence, u: int) -> str:
    """`club_part` of the last club of a list ("Liverpool & Arsenal transfer target"): each
    club of the list stands where the noun after the list says."""
    units = s.frame.units
    v = u
    while v + 2 < len(units) and units[v + 1][2] in {"&", "and", ","} and v + 2 in s.unit_club:
        v += 2
    return club_part(s.frame, v)


def _head(s: Sentence, clause: range) -> int:
    """Where the sentence proper starts: after a label ("Transfer roundup: ...")."""
    colons = [u for u in range(clause.start) if s.frame.units[u][2] == ":"]
    return colons[-1] + 1 if colons else 0


def _opening(s: Sentence, clause: range) -> Mention | None:
    """The club the sentence opens with, when one does: its subject."""
    return s.unit_club.get(_head(s, clause))


_ARRIVAL = re.compile(r"\b(?:arrives|arriving|comes|coming|moves|moving|switches|switching) (?:\S+ ){0,2}?from (?=@c)")


def arrivals(s: Sentence) -> list[tuple[str, str]]:
    """(person, club) for "X arrives from Y", "X, who comes from Y": the club a move leaves.
    Present tense only: "who arrived from Porto in 2021" is an old move."""
    out: list[tuple[str, str]] = []
    for m in _ARRIVAL.finditer(s.frame.text) if "from @c" in s.frame.text else ():  # (every match holds it)
        u = bisect_right(s.frame.offsets, m.end()) - 1
        before = [w for w in range(max(0, u - 8), u) if w in s.unit_person]
        if before and u in s.unit_club and not s.unit_club[u].national:
            out.append((s.unit_person[before[-1]].name, s.unit_club[u].name))
    return out
