"""Feed item -> claims. Pure: text in, claims out (package data loads once).

Per sentence: tokens -> club/source mentions (gazetteer automaton) -> person names ->
a slotted frame -> kind triggers, each bound to the person it is about within its clause
-> counterpart and from_club from the words around each club. Per item: surnames resolve
to the full name given anywhere, then claims merge and keep the highest rung.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.claims import entities, kinds, people, sources
from bot.claims.clauses import background, bind, clauses, not_a_subject, role_words
from bot.claims.entities import Mention
from bot.claims.lexicon import WEAK_DEFAULTS
from bot.claims.parties import parties
from bot.claims.people import Person
from bot.claims.text import Token, clean, fold, key, sentences, tokenize, trim
from bot.models import LADDER, Claim

_MONEY = re.compile(r"^[£€$]\d")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MOVE_KINDS = frozenset(LADDER) | {"loan"}
# A loan in the sentence makes its move a loan move; "on loan from X" only colours a deal.
_LOANABLE = frozenset({"interest", "talks", "bid", "agreement", "medical", "completed", "departure"})
_LOAN_DEAL = frozenset({"agreement", "medical", "completed"})
_FEATURE_OPENERS = frozenset({"why", "how", "what", "who", "where", "when", "inside", "analysis",
                              "explained", "watch", "listen", "relive", "quiz", "opinion"})
_JOB_VERBS = frozenset({"appoint", "appoints", "appointed", "appointing", "hire", "hires", "hired",
                        "sack", "sacks", "sacked", "fire", "fires", "fired", "named", "names",
                        "name", "naming", "dismiss", "dismissed", "dismisses"})
_NATIONAL_JOB_KINDS = frozenset({"contract_extension", "departure", "talks", "agreement"})
_VACANCY_KINDS = frozenset({"interest", "talks", "agreement", "completed"})
_SUBJECT_TO_MEDICAL = re.compile(r"\bsubject to (?:an? )?medical\b")
# A Guardian-style column: "Headline | Author Name".
_COLUMN = re.compile(r"\|\s*[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|de|van|da)){1,3}\s*\.?$|[-–—]\s*live\.?$")


@dataclass(slots=True)
class _Sentence:
    text: str
    tokens: list[Token]
    mentions: list[Mention]
    persons: list[Person]
    frame: kinds.Frame
    unit_person: dict[int, Person] = field(default_factory=dict)
    unit_club: dict[int, Mention] = field(default_factory=dict)
    source: str | None = None
    bound: list[tuple[range, kinds.Trigger, int]] = field(default_factory=list)


def _analyse(text: str, main: Person | None) -> _Sentence:
    tokens = tokenize(text)
    mentions = entities.find(tokens)
    found, unknown, absorbed = people.find(tokens, mentions)
    persons = [p for p in found if fold(p.name) not in entities.source_names()]
    if unknown or absorbed:
        mentions = sorted(
            [m for m in mentions if m.start not in absorbed]
            + [Mention("club", " ".join(t.text for t in tokens[a:b]), a, b) for a, b in unknown],
            key=lambda m: m.start,
        )
    if main is not None:
        persons = sorted(persons + people.anaphora(tokens, mentions, persons, main), key=lambda p: p.start)
    slots: dict[int, tuple[int, str]] = {}
    for m in mentions:
        slots[m.start] = (m.end, "@c" if m.kind == "club" else "@s")
    for p in persons:
        slots[p.start] = (p.end, "@p")
    for i, tok in enumerate(tokens):
        if i not in slots and (_MONEY.match(tok.text) or _YEAR.match(tok.text)):
            slots[i] = (i + 1, "@m" if _MONEY.match(tok.text) else "@y")
    fr = kinds.frame([t.key for t in tokens], slots)
    sent = _Sentence(text, tokens, mentions, persons, fr)
    by_start_p = {p.start: p for p in persons}
    by_start_m = {m.start: m for m in mentions}
    for u, (start, _end, slot) in enumerate(fr.units):
        if slot == "@p":
            sent.unit_person[u] = by_start_p[start]
        elif slot == "@c":
            sent.unit_club[u] = by_start_m[start]
    sent.source, source_unit = _source_of(sent)
    if source_unit is not None:
        sent.unit_person.pop(source_unit, None)  # a journalist is never the subject
    return sent


def _source_of(sent: _Sentence) -> tuple[str | None, int | None]:
    """The sentence's cited source, and the unit of a person who is that source."""
    words = [" ".join(t.text for t in sent.tokens[a:b]) for a, b, _ in sent.frame.units]
    unit, literal, speaker = sources.find(sent.frame, words)
    if literal:
        return literal, None
    if unit is None:
        return None, None
    slot = sent.frame.units[unit][2]
    if slot == "@p":
        return sent.unit_person[unit].name, None if speaker else unit
    start = sent.frame.units[unit][0]
    mention = next(m for m in sent.mentions if m.start == start)
    return mention.name, None


def _resolve_weak(sents: list[_Sentence]) -> set[str]:
    """A weak alias ("United", "Madrid") names a club only if the item names it strongly,
    or when it is the only club the alias can mean."""
    strong = {m.name for s in sents for m in s.mentions if m.kind == "club" and not m.weak}
    for s in sents:
        for u, m in list(s.unit_club.items()):
            if not m.weak:
                continue
            named = [c for c in m.candidates if c in strong]
            if named:
                s.unit_club[u] = replace(m, name=named[0], weak=False)
            elif kinds.club_part(s.frame, u) != "former" and (
                len(m.candidates) == 1 or WEAK_DEFAULTS.get(key(s.text[s.tokens[m.start].start:s.tokens[m.end - 1].end])) == m.name
            ):
                s.unit_club[u] = replace(m, weak=False)  # the only, or the usual, club so named
            else:
                del s.unit_club[u]
    return strong


def _full_names(sents: list[_Sentence]) -> dict[str, str]:
    """Folded name -> the longest name in the item ending with it ("Konate" -> "Ibrahima Konaté")."""
    names = {p.name for s in sents for p in s.persons}
    out: dict[str, str] = {}
    folded = {n: fold(n) for n in names}
    for n, f in folded.items():
        best = n
        for m, g in folded.items():
            if len(g) > len(fold(best)) and g.endswith(" " + f):
                best = m
        if best == n and " " not in f:
            # "Son" -> "Son Heung-min", "Vinicius" -> "Vinicius Junior": a given or family name first.
            longer = [m for m, g in folded.items() if g.startswith(f + " ")]
            if len(longer) == 1:
                best = longer[0]
        out[f] = best
    return out


def _bindings(s: _Sentence) -> list[tuple[range, kinds.Trigger, int]]:
    """(clause, trigger, person unit) for every un-negated trigger bound to a person."""
    if s.tokens and s.tokens[0].key in _FEATURE_OPENERS:
        return []  # "Why X signed in Minnesota", "Who is Hearts target X?": a feature
    trigs = kinds.triggers(s.frame)
    if not trigs:
        return []
    out: list[tuple[range, kinds.Trigger, int]] = []
    subject: int | None = None
    for clause in clauses(s.frame, s.unit_person, s.unit_club):
        if background(s.frame, clause):
            subject = None
            continue
        bound = bind(s.frame, clause, s.unit_person, trigs, subject)
        persons = [u for u in clause if u in s.unit_person]
        subject = bound[0][1] if bound else (persons[0] if persons else subject)
        out.extend((clause, t, u) for t, u in bound)
    return out


def extract_claims(
    title: str,
    summary: str = "",
    *,
    outlet: str | None = None,
    published: str | None = None,
    item: str | None = None,
) -> list[Claim]:
    """Every claim the title and summary support, deduplicated (see docs/claims.md)."""
    title = clean(title)
    if _COLUMN.search(title):
        return []  # "... | Jonathan Wilson", "... – live": a column or a live blog
    sents: list[_Sentence] = []
    main: Person | None = None
    for text in sentences(title) + sentences(clean(summary)):
        # "the striker", "the Portuguese", "he" stand for the item's main person: the
        # first one a development is told about, else the first one named.
        s = _analyse(text, main)
        s.bound = _bindings(s)
        sents.append(s)
        if main is None:
            main = next((s.unit_person[u] for _, _, u in s.bound if s.unit_person[u].role != "other"),
                        next((p for p in s.persons if p.role != "other"), None))
    if main is None or not any(s.bound for s in sents):
        return []
    strong = _resolve_weak(sents)
    full = _full_names(sents)
    # What the item says about each person anywhere: their role and their club.
    role: dict[str, str] = {}
    club: dict[str, str] = {}
    for s in sents:
        for p in s.persons:
            name = full[fold(p.name)]
            if p.role and role.get(name) in (None, "player"):
                role[name] = p.role
            if p.club and name not in club:
                club[name] = next((c for c in p.club_options if c in strong), p.club)
        for clause, _, u in s.bound:
            name = full[fold(s.unit_person[u].name)]
            if not_a_subject(s.frame, clause):
                role[name] = "other"  # "steps down as Tottenham chairman"
            elif role.get(name) != "other" and role_words(s.frame, clause, s.unit_person) == "manager":
                role[name] = "manager"
    # A claim without a source in its own sentence takes the one source the item cites
    # about the same person elsewhere ("... , Marca says" in the summary).
    cited: dict[str, set[str]] = {}
    for s in sents:
        for p in s.persons:
            if s.source and full[fold(p.name)] != full.get(fold(s.source)):
                cited.setdefault(full[fold(p.name)], set()).add(s.source)

    found: list[tuple[int, Claim]] = []
    for n, s in enumerate(sents):
        loan = kinds.loan_mood(s.frame)
        pending = _SUBJECT_TO_MEDICAL.search(s.frame.text) is not None
        for clause, trig, unit in s.bound:
            name = full[fold(s.unit_person[unit].name)]
            r = role.get(name, "player")
            if r == "other":
                continue
            clubs_here = [s.unit_club[u] for u in clause if u in s.unit_club]
            if r == "player" and (
                any(s.frame.units[u][2] in _JOB_VERBS for u in range(trig.start, trig.end))
                or trig.kind in _NATIONAL_JOB_KINDS and clubs_here and all(m.national for m in clubs_here)
            ):
                r = "manager"  # players are not appointed, and have no deal with a nation
            kind = trig.kind
            if loan == "move" and kind in _LOANABLE or loan == "state" and kind in _LOAN_DEAL:
                kind = "loan"
            elif kind == "completed" and pending:
                kind = "agreement"  # "deal done subject to medical" is not done yet
            if kind in _MOVE_KINDS and "?" in (s.frame.units[u][2] for u in clause):
                kind = "interest"  # "Vinícius to Arsenal?": a question asserts only interest
            if r == "player" and kind in _MOVE_KINDS and any(m.national for m in clubs_here) and not any(
                not m.national and m.name != club.get(name) for m in clubs_here
            ):
                continue  # "Toone returns to England squad": a call-up, not a move
            for cp, frm in parties(s, clause, trig, unit, club.get(name), r, club):
                source = s.source or (next(iter(cited[name])) if len(cited.get(name, ())) == 1 else None)
                source = full.get(fold(source), source) if source else None
                if source == name:
                    source = None  # a person speaking of their own future: the outlet's report
                if source == "@club":
                    source = cp if kind in _MOVE_KINDS and cp else frm
                found.append((n, Claim(name, r, kind, cp, frm, source, outlet, published,
                                       trim(s.text), item)))
    return _dedupe(found)


# Which kind tells more when one person and counterpart carry two: the ladder first, then
# a loan over a bare departure ("leave on loan"), and a denial over everything.
_PRIORITY = ("interest", "talks", "bid", "bid_rejected", "agreement", "medical", "completed",
             "departure", "contract_extension", "loan", "denial")


def _rank(c: Claim) -> int:
    return _PRIORITY.index(c.kind)


def _dedupe(found: list[tuple[int, Claim]]) -> list[Claim]:
    merged: dict[tuple[str, str, str | None], tuple[int, Claim]] = {}
    for n, c in found:
        k = (fold(c.subject), c.kind, c.counterpart)
        if k in merged:
            m, old = merged[k]
            merged[k] = (m, replace(
                old,
                from_club=old.from_club or c.from_club,
                source=old.source or c.source,
                role="manager" if "manager" in (old.role, c.role) else old.role,
            ))
        else:
            merged[k] = (n, c)
    best: dict[tuple[str, str | None], tuple[int, Claim]] = {}
    for n, c in _reconcile(list(merged.values())):
        k = (fold(c.subject), c.counterpart)
        if k not in best or _rank(c) > _rank(best[k][1]):
            best[k] = (n, c)
    kept = list(best.values())
    out: list[Claim] = []
    for n, c in kept:
        subj = fold(c.subject)
        named = [(m, d) for m, d in kept if fold(d.subject) == subj and d.counterpart]
        if c.counterpart is None and any(
            d.kind == c.kind
            or (c.kind in _MOVE_KINDS and _rank(d) >= _rank(c))
            or (c.kind == "departure" and m == n and d.kind in _LOAN_DEAL | {"loan"})
            for m, d in named
        ):
            continue  # the same development told with its counterpart elsewhere
        out.append(c)
    return out


def _reconcile(kept: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """Item-level agreement between claims about one person.

    - "Arsenal and Sporting agree a fee" read Arsenal as buyer; if another claim names
      Sporting as the destination, the two swap.
    - a rejected bid is the bid: no separate `bid` claim beside it.
    - a completed move or loan tells the departure too ("The Dane leaves Brentford").
    """
    by_subject: dict[str, list[int]] = {}
    for i, (_, c) in enumerate(kept):
        by_subject.setdefault(fold(c.subject), []).append(i)
    drop: set[int] = set()
    for idx in by_subject.values():
        claims = [kept[i][1] for i in idx]
        cps = [c.counterpart for c in claims]
        moved = [c for c in claims if c.kind in {"completed", "loan"} and c.counterpart]
        rejected = any(c.kind == "bid_rejected" for c in claims)
        for i in idx:
            n, c = kept[i]
            if c.from_club and c.counterpart and c.from_club in cps and cps.count(c.counterpart) == 1:
                c = replace(c, counterpart=c.from_club, from_club=c.counterpart)
            if c.kind == "bid" and rejected or c.kind == "departure" and moved:
                drop.add(i)
            if c.kind in {"completed", "loan"} and not c.from_club:
                left = next((d.from_club for d in claims if d.kind == "departure" and d.from_club), None)
                c = replace(c, from_club=left)
            kept[i] = (n, c)
    gone = {(fold(c.subject), c.from_club) for _, c in kept
            if c.kind == "departure" and c.role == "manager" and c.from_club}
    vacated = {club for _, club in gone}
    for i, (n, c) in enumerate(kept):
        if c.counterpart is None and c.kind in _VACANCY_KINDS and len(vacated) == 1 \
                and fold(c.subject) not in {s for s, _ in gone}:
            # "Forest sack Nuno. Dyche is the favourite to replace him": the vacant job.
            kept[i] = (n, replace(c, counterpart=next(iter(vacated)), role="manager"))
        elif c.counterpart is None and c.from_club is None and c.kind in _MOVE_KINDS:
            drop.add(i)  # "Dzeko could join oldest players": a move needs a club
    return [k for i, k in enumerate(kept) if i not in drop]
