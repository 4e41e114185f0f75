"""Item-level merging: one claim per development, the highest rung, and agreement
between the claims an item tells about one person."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.claims.policy import undone_completions
from bot.claims.suitors import unnamed_suitors
from bot.claims.text import fold
from bot.models import LOAN_DEALS, MOVE_KINDS, Claim

_SETTLING = frozenset({"agreement", "medical", "talks", "bid", "bid_rejected"})  # rungs a club-less sentence may add to the item's one deal
# Rungs of a club's pursuit that a sentence may tell with no club and a club read as holding
# him ("two bids have been knocked back"): the item's one pursuing club is theirs.
_PURSUING_RUNGS = frozenset({"talks", "bid", "bid_rejected"})
_VACANCY_KINDS = frozenset({"interest", "talks", "agreement", "completed"})


# Which kind tells more when one person and counterpart carry two: the ladder first, then
# a loan over a bare departure ("leave on loan"), and a denial over everything.
_PRIORITY = ("interest", "talks", "bid", "bid_rejected", "agreement", "medical", "completed",
             "departure", "contract_extension", "loan", "denial")


def _rank(c: Claim) -> int:
    return _PRIORITY.index(c.kind)


_UNNAMED = "\0unnamed suitors"  # a key no club's name can be


def _unnamed(c: Claim) -> bool:
    """An interest by clubs the sentence leaves unnamed ("a Premier League side eyes X"), about
    someone named in full: with no club to anchor it, a lone capitalised word ("Group" of "City
    Football Group") is too weak a subject."""
    return c.kind == "interest" and c.counterpart is None and " " in c.subject.strip() and unnamed_suitors(c.evidence)


def dedupe(found: list[tuple[int, Claim, bool]], guessed: frozenset[str] = frozenset(),
           held_from: int | None = None) -> list[Claim]:
    """One claim per (subject, kind, counterpart), then the highest rung per counterpart.

    Merged reports keep a source read in a claim's own sentence (a person speaking for
    themselves counts, as no source) over one borrowed from elsewhere in the item. From
    sentence `held_from` on, a `completed` must first be told as done (policy.py), so that an
    undone one neither stands nor outranks another sentence's rung."""
    if held_from is not None:
        found = undone_completions(found, held_from)
    merged: dict[tuple[str, str, str | None], tuple[int, Claim]] = {}
    own: dict[tuple[str, str, str | None], bool] = {}
    for n, c, attributed in _also(found):
        k = (fold(c.subject), c.kind, c.counterpart)
        if k in merged:
            m, old = merged[k]
            if own[k] == attributed:
                source = old.source or c.source
            else:
                source = old.source if own[k] else c.source
            own[k] = own[k] or attributed
            merged[k] = (m, replace(
                old,
                from_club=old.from_club or c.from_club,
                source=source,
                role="manager" if "manager" in (old.role, c.role) else old.role,
            ))
        else:
            merged[k] = (n, c)
            own[k] = attributed
    best: dict[tuple[str, str | None], tuple[int, Claim]] = {}
    for n, c in reconcile(list(merged.values()), guessed):
        # Unnamed clubs' interest is not the rung of an exit told with no club ("X plans to
        # leave as clubs from abroad show interest"): both stand.
        person_cp = (fold(c.subject), _UNNAMED if _unnamed(c) else c.counterpart)
        if person_cp not in best or _rank(c) > _rank(best[person_cp][1]):
            best[person_cp] = (n, c)
    kept = list(best.values())
    for _, c in kept[:]:
        if c.counterpart is None and c.from_club:
            # "Leeds are set to loan out X, with Hull keen": one loan told twice, the club he leaves
            # in one reading and the taker in the other; the named one keeps both.
            kept = [(m, replace(d, from_club=c.from_club)) if fold(d.subject) == fold(c.subject) and d.kind == c.kind
                    and d.counterpart not in (None, c.from_club) and not d.from_club else (m, d) for m, d in kept]
    out: list[Claim] = []
    for n, c in kept:
        subj = fold(c.subject)
        named = [(m, d) for m, d in kept if fold(d.subject) == subj and d.counterpart]
        if _unnamed(c) and not any(d.kind == c.kind for _, d in named):
            out.append(c)  # "several clubs are tracking X": clubs the item leaves unnamed
            continue
        if c.counterpart is None and any(
            d.kind == c.kind
            or (c.kind in MOVE_KINDS and _rank(d) >= _rank(c))
            or (c.kind == "departure" and m == n and d.kind in LOAN_DEALS | {"loan"})
            for m, d in named
        ):
            continue  # the same development told with its counterpart elsewhere
        out.append(c)
    return out


_ABOUT_TO_LEAVE = re.compile(r"\b(?:due|set|poised|about|expected|going) to (?:leave|depart|exit|quit)\b", re.IGNORECASE)
# Words of a club's own pursuit ("on the shortlist", "in the race"), not of a player's rumour
# that any club may hold ("also linked with a move"): what "also" may add to the club before.
_CLUB_SIDE = re.compile(r"\b(?:shortlist|list|radar|wishlist|targets?|options?|race|running|mix|consider(?:ed|ing)|"
                        r"monitor(?:ed|ing)|track(?:ed|ing)|interested|keen|wanted|admired|scouted|talks|contact)\b", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:also|too|as well)\b", re.IGNORECASE)
_PURSUING = frozenset({"interest", "talks", "bid", "agreement"})


def _also(found: list[tuple[int, Claim, bool]]) -> list[tuple[int, Claim, bool]]:
    """A pursuit told with "also" and no club of its own is the club's the item told of just
    before about someone else: "Wolves are in talks for X. Y also on the shortlist" is Wolves'."""
    out: list[tuple[int, Claim, bool]] = []
    for n, c, attributed in found:
        if c.counterpart is None and c.kind in {"interest", "talks"} and _ALSO.search(c.evidence) \
                and _CLUB_SIDE.search(c.evidence) and not unnamed_suitors(c.evidence):
            before = next((d for m, d, _ in reversed(out) if m <= n and d.counterpart and d.kind in _PURSUING
                           and fold(d.subject) != fold(c.subject)), None)
            if before is not None:
                c = replace(c, counterpart=before.counterpart)
        out.append((n, c, attributed))
    return out


def reconcile(kept: list[tuple[int, Claim]], guessed: frozenset[str] = frozenset()) -> list[tuple[int, Claim]]:
    """Item-level agreement between claims about one person.

    - "Arsenal and Sporting agree a fee" read Arsenal as buyer; if another claim names
      Sporting as the destination, the two swap.
    - a rejected bid is the bid: no separate `bid` claim beside it.
    - a completed move or loan tells the departure too ("The Dane leaves Brentford"), and
      a move takes the club a departure leaves as its from_club.
    - a manager hired where someone departs vacates that job: the one leaving it, with no
      word on their role (`guessed`), was its manager; so was one who leaves no named club
      in the sentence that tells of the hiring.
    """
    by_subject: dict[str, list[int]] = {}
    for i, (_, c) in enumerate(kept):
        by_subject.setdefault(fold(c.subject), []).append(i)
    drop: set[int] = set()
    for idx in by_subject.values():
        claims = [kept[i][1] for i in idx]
        # An extension's counterpart is the club held, never a destination to swap with.
        cps = [c.counterpart for c in claims if c.kind != "contract_extension"]
        moved = [c for c in claims if c.kind in {"completed", "loan"} and c.counterpart]
        # A deal agreed with a named club and an exit told as imminent ("due to leave Inter") are
        # one move; an exit told in its own right ("will depart when his contract expires") stays.
        agreed = any(c.kind in {"agreement", "medical"} and c.counterpart for c in claims)
        rejected = any(c.kind == "bid_rejected" for c in claims)
        # Talks beside an extension with no other club are the contract talks ("Liverpool news:
        # Konate talks continue" over "contract talks with Konate go on"): the extension, with
        # the talks' club as the one he stays with.
        held = {c.counterpart for c in claims if c.kind == "contract_extension"}
        talking = [c.counterpart for c in claims if c.kind == "talks" and c.counterpart]
        contract_talks = len(talking) == 1 and bool(held) and held <= {None, talking[0]}
        for i in idx:
            n, c = kept[i]
            if contract_talks and c.kind == "talks":
                drop.add(i)
            elif contract_talks and c.kind == "contract_extension" and c.counterpart is None:
                c = replace(c, counterpart=talking[0])
            if c.kind != "contract_extension" and c.from_club and c.counterpart and c.from_club in cps \
                    and cps.count(c.counterpart) == 1:
                c = replace(c, counterpart=c.from_club, from_club=c.counterpart)
            if c.kind == "bid" and rejected or c.kind == "departure" and (moved or agreed and _ABOUT_TO_LEAVE.search(c.evidence)):
                drop.add(i)
            if c.kind in MOVE_KINDS and not c.from_club:
                # "Alonso to leave Leverkusen ... expected to succeed Ancelotti at Madrid"
                left = next((d.from_club for d in claims if d.kind == "departure" and d.from_club
                             and d.from_club != c.counterpart), None)
                c = replace(c, from_club=left)
            kept[i] = (n, c)
    filled = {c.counterpart for _, c in kept if c.kind == "completed" and c.role == "manager"}
    hired: dict[int, set[str]] = {}  # sentence -> the clubs that appoint a manager in it
    for n, c in kept:
        if c.kind == "completed" and c.role == "manager" and c.counterpart:
            hired.setdefault(n, set()).add(c.counterpart)
    # "X leaves Newcastle with Y set to replace him": a successor named, no club given.
    succeeding = {n for n, c in kept if c.kind == "completed" and c.role == "manager" and not c.counterpart}
    for i, (n, c) in enumerate(kept):
        if c.kind != "departure" or fold(c.subject) not in guessed:
            continue
        if c.from_club in filled or (c.from_club and n in succeeding):
            # "Arbeloa steps up as Real Madrid move on from Alonso": the job he leaves is filled.
            kept[i] = (n, replace(c, role="manager"))
        elif c.from_club is None and len(hired.get(n, ())) == 1:
            # "Smith departs as Rovers appoint Jones as coach": the one who goes made way.
            kept[i] = (n, replace(c, role="manager", from_club=next(iter(hired[n]))))
    gone = {(fold(c.subject), c.from_club) for _, c in kept
            if c.kind == "departure" and c.role == "manager" and c.from_club}
    vacated = {club for _, club in gone}
    def claims_of(c: Claim) -> list[Claim]:
        return [d for _, d in kept if fold(d.subject) == fold(c.subject) and d.kind in MOVE_KINDS]

    for i, (n, c) in enumerate(kept):
        if c.counterpart is None and c.kind in _VACANCY_KINDS and len(vacated) == 1 \
                and fold(c.subject) not in {s for s, _ in gone}:
            # "Forest sack Nuno. Dyche is the favourite to replace him": the vacant job.
            kept[i] = (n, replace(c, counterpart=next(iter(vacated)), role="manager"))
        elif c.counterpart is None and c.kind in MOVE_KINDS | {"bid_rejected"} and not _unnamed(c):
            # "More on Como and Azon story. The agreement is almost done", "... as the proposed
            # deal stalls", "two bids have been knocked back": the item's one deal (told in
            # another sentence: one naming the club and no club for this rung tells another deal)
            clubs = {d.counterpart for m, d in kept if fold(d.subject) == fold(c.subject) and d.kind in MOVE_KINDS
                     and d.counterpart and m != n}
            if c.kind in _SETTLING and len(clubs) == 1 and (c.from_club is None or c.kind in _PURSUING_RUNGS):
                kept[i] = (n, replace(c, counterpart=next(iter(clubs))))
            elif c.kind in _PURSUING_RUNGS and len(clubs - {c.from_club}) == 1:
                kept[i] = (n, replace(c, counterpart=next(iter(clubs - {c.from_club}))))
            elif c.kind in _PURSUING_RUNGS and c.from_club and {d.counterpart for d in claims_of(c) if d is not c} == {c.from_club}:
                # "Arsenal are trying to sign X and two bids have been knocked back": the club
                # read as holding him is the one pursuing him
                kept[i] = (n, replace(c, counterpart=c.from_club, from_club=None))
            elif c.from_club is None and c.kind != "bid_rejected":
                drop.add(i)  # "Dzeko could join oldest players": a move needs a club
    return [k for i, k in enumerate(kept) if i not in drop]
