"""Feed item -> claims. Pure: text in, claims out (package data loads once).

Per sentence: tokens -> club/source mentions (gazetteer automaton) -> person names ->
a slotted frame -> kind triggers, each bound to the person it is about within its clause
-> counterpart and from_club from the words around each club. Per item: surnames resolve
to the full name given anywhere, a claim whose sentence cites no source may take one cited
elsewhere (attribution.py), then claims merge and keep the highest rung (merge.py).
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.claims import (
    bindable,
    descriptions,
    gaps,
    item_senses,
    kinds,
    learned,
    modality,
    roles,
    screen,
    segments,
    shortcuts,
    tense,
    trace,
)
from bot.claims.attribution import borrowed_source, item_sources
from bot.claims.carry import carry, named_in_headline, told_subject
from bot.claims.clauses import background, bind, clauses, not_a_subject, role_words
from bot.claims.club_part import club_part
from bot.claims.frame import Trigger
from bot.claims.job_roles import job_roles
from bot.claims.lexicon import (
    FEATURE_OPENERS,
    INTRODUCING,
    MANAGING,
    RELATIVES,
    ROLE_SKIP,
    SPEECH_VERBS,
    TEMPORAL_OPEN,
    WEAK_DEFAULTS,
)
from bot.claims.merge import dedupe
from bot.claims.parties import arrivals, one_suitor, parties
from bot.claims.people import Person
from bot.claims.phrases import hyphens, read_triggers
from bot.claims.quotes import Quotes
from bot.claims.sentence import Sentence, analyse
from bot.claims.text import fold, key, paragraphs, sentences, trim
from bot.models import LOAN_DEALS, MOVE_KINDS, Claim

# A loan in the sentence makes its move a loan move; "on loan from X" only colours a deal.
_LOANABLE = frozenset({"interest", "talks", "bid", "agreement", "medical", "completed", "departure"})
_SUBJECT_TO_MEDICAL = re.compile(r"\bsubject to (?:an? )?medical\b")


def _resolve_weak(sents: list[Sentence]) -> set[str]:
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
            elif club_part(s.frame, u) != "former" and (
                len(m.candidates) == 1 or WEAK_DEFAULTS.get(key(s.text[s.tokens[m.start].start:s.tokens[m.end - 1].end])) == m.name
            ):
                s.unit_club[u] = replace(m, weak=False)  # the only, or the usual, club so named
            else:
                del s.unit_club[u]
    return strong


def _full_names(sents: list[Sentence]) -> dict[str, str]:
    """Folded name -> the longest name in the item ending with it ("Konate" -> "Ibrahima Konaté")."""
    # First-appearance order, not a set: the result must not depend on the hash seed.
    names = list(dict.fromkeys(p.name for s in sents for p in s.persons))
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
        # Two spellings of one name ("Konaté", "Konate"): keep the accented one, the text's own.
        if f not in out or _accents(best) > _accents(out[f]):
            out[f] = best
    return out


def _accents(name: str) -> int:
    return sum(1 for char in name if not char.isascii())


def _bindings(s: Sentence) -> list[tuple[range, Trigger, int]]:
    """(clause, trigger, person unit) for every un-negated trigger bound to a person."""
    if s.tokens and s.tokens[0].key in FEATURE_OPENERS:
        trace.note(f"feature opener '{s.tokens[0].text}': no claims from: {s.text}")
        return []  # "Why X signed in Minnesota", "Who is Hearts target X?": a feature
    trigs = s.trigs = read_triggers(s.frame, s.unit_person.keys())
    if not trigs and segments.rung_label(s.frame, trigs) is None:
        return []  # (a label may name a rung alone: "Bid prepared: ...")
    out: list[tuple[range, Trigger, int]] = []
    subject: int | None = None
    parts = segments.cut_label(clauses(s.frame, s.unit_person, s.unit_club, hyphens(s)), segments.label_end(s.frame, s.unit_club, trigs))
    for n, clause in enumerate(parts):
        if background(s.frame, clause):
            trace.note(f"background clause, no claims: {' '.join(s.frame.units[u][2] for u in clause)}")
            # A parenthesis naming nobody leaves the sentence's subject as it was; a main
            # clause told as history ("X's move last summer has not worked out, and he ...")
            # still names who the sentence goes on about.
            named = [u for u in clause if u in s.unit_person]
            if named:
                opener = s.frame.units[clause.start][2]
                subject = named[0] if opener not in _ADJUNCT_OPEN and named[0] == clause.start else None
            continue
        bound = bind(s.frame, clause, s.unit_person, trigs, subject)
        persons = [u for u in clause if u in s.unit_person]
        if not bound and not persons and n + 1 < len(parts):
            bound = _ahead(s, clause, parts[n + 1], trigs)
        # "Mbappé sends Alonso message ... amid Liverpool return links": the one speaking is
        # not what the rest of the sentence is about; the one spoken to or of is.
        told_of = [u for u in persons if not (u + 1 < len(s.frame.units) and s.frame.units[u + 1][2] in _ADDRESSING)]
        subject = bound[0][1] if bound else (told_of[0] if told_of else persons[0] if persons else subject)
        out.extend((segments.own_segment(s.frame, clause, t, u), t, u) for t, u in bound)
    return out + segments.label_bindings(s.frame, parts, [(t, u, c) for c, t, u in out], s.unit_person, trigs)


def _ahead(s: Sentence, clause: range, following: range, trigs: list[Trigger]) -> list[tuple[Trigger, int]]:
    persons = [u for u in following if u in s.unit_person]
    if s.frame.units[following.start][2] not in INTRODUCING or len(persons) != 1:
        return []
    units = s.frame.units
    # "Rangers table an offer for Hibs striker as Röhl seeks more pace": the development holds its
    # own object, a description of a player, and the next clause's person is someone else.
    return [(t, persons[0]) for t in trigs
            if clause.start <= t.start < clause.stop and not t.negated and t.kind in _AHEAD_KINDS
            and not any(units[u][2] in ROLE_SKIP for u in range(t.end, clause.stop))]


_AHEAD_KINDS = frozenset({"interest", "talks", "bid"})
_ADJUNCT_OPEN = RELATIVES | TEMPORAL_OPEN | {","}
_ADDRESSING = SPEECH_VERBS | {"sends", "sent", "pays", "paid", "tells", "told", "thanks", "thanked", "reacts",
                              "responds", "hails", "praises", "slams", "blasts", "backs", "defends"}


# Moves done and exits: in a summary under a headline about someone else, background.
_END_STATES = frozenset({"completed", "departure"})


def extract_claims(
    title: str,
    summary: str = "",
    *,
    outlet: str | None = None,
    published: str | None = None,
    item: str | None = None,
    content: str = "",
    screened_already: bool = False,
) -> list[Claim]:
    """Every claim the title and summary support, deduplicated (see ../shared/docs/claims.md).

    `screened_already`: screen.may_carry_claims() said yes to this item, so its keyword gate is not
    asked again (the pipeline asks it before sending an item to the extraction process)."""
    got = screen.screened(title, summary, content, keywords=not screened_already)
    if got is None:
        return []
    title, summary = got
    sents: list[Sentence] = []
    main: Person | None = None
    heads = sentences(title)
    body = paragraphs(summary, content)
    # A summary reads with its title as one paragraph; a full article's paragraphs each
    # stand alone, so "the midfielder" resolves to the person its own paragraph names.
    blocks = [heads + sentences(body[0])] if len(body) == 1 else [heads] + [sentences(p) for p in body]
    if not bindable.may_bind([text for block in blocks for text in block], len(heads)):
        trace.note("prefilter: no sentence may hold both a trigger and a person or club it binds")
        return []
    last: Person | None = None  # the person named last, for a paragraph that names nobody
    for block in blocks:
        local: Person | None = None
        recent: Person | None = None
        fallback = last or main
        quotes = Quotes(" ".join(block))
        for text in block:
            # "the striker", "the Portuguese", "he" stand for the paragraph's main person:
            # the first one a development is told about, else the first one named.
            s = analyse(text, quotes.stand_in(recent or local or fallback, text))
            s.bound = _bindings(s)
            sents.append(s)
            quotes.read(s)
            subject = next((s.unit_person[u] for c, t, u in s.bound if s.unit_person[u].role != "other"
                            and not shortcuts.unasserted(s.frame, c, t, u, published)),  # not one told as background
                           next((p for p in s.persons if p.role != "other"), None))
            local, recent = local or subject, told_subject(s, recent)  # carry.py: "... He is wanted"
            last = next((p for p in reversed(s.persons) if p.role != "other" and p.end - p.start > 0
                         and " ".join(t.text for t in s.tokens[p.start:p.end]) == p.name), last)
        main = main or local
    # A headline that names nobody describes the person its summary names ("Chelsea plot €30m
    # move for rising star" over "... Nantes centre-back Tylel Tati"), and so does a summary's
    # sentence before the one naming him: read them again with him as their descriptions' man.
    if main is not None and not any(s.persons for s in sents[: len(heads)]) and len(sents) > len(heads):
        ahead = len(heads) + (next((i for i, x in enumerate(sents[len(heads):]) if x.persons), 0) if len(blocks) == 1 else 0)
        for n in range(ahead):
            sents[n] = analyse(sents[n].text, main, headline=n < len(heads))
            sents[n].bound = _bindings(sents[n])
    # "Ancelotti's midfield wish list" looked like "Swansea's Wales forward": a span taken
    # for a club the gazetteer lacks is a person when the item names that person elsewhere.
    known = frozenset(w for s in sents for p in s.persons for w in (key(p.name), key(p.name).rsplit(" ", 1)[-1]))
    for n, s in enumerate(sents):
        if known.intersection(s.guessed) or s.text.isupper() and known:
            sents[n] = analyse(s.text, s.main, known)
            sents[n].bound = _bindings(sents[n])
    if len(body) == 1:
        carry(sents, len(heads))  # "X: decision day" over "Liverpool have opened talks."
    for s in sents:
        trace.explain_sentence(s)
    meta = {"outlet": outlet, "published": published, "item": item}
    if main is None or not any(s.bound for s in sents):
        return learned.beside([], sents, len(heads), **meta)  # a learned opinion beside the rules
    strong = _resolve_weak(sents)
    full = _full_names(sents)
    # What the item says about each person anywhere: their role and their club.
    role: dict[str, str] = {}
    club: dict[str, str] = {}
    left: dict[str, str] = {}  # "The Spaniard arrives from Bayer Leverkusen": the club left
    others = len({full[fold(p.name)] for s in sents for p in s.persons if p.role != "other"}) > 1
    for s in sents:
        for name, m in arrivals(s):
            left.setdefault(full[fold(name)], m)
        for p in s.persons:
            name = full[fold(p.name)]
            if p.role == "manager" and others and fold(" ".join(t.text for t in s.tokens[p.start:p.end])) != fold(p.name):
                continue  # "The PSG coach" where the item names another man: not the player
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
        named = {full[fold(p.name)] for p in s.persons}
        if len(named) == 1 and (any(w in MANAGING for _, _, w in s.frame.units) or " in charge " in s.frame.text) \
                and not roles.player_words(s.frame, range(len(s.frame.units))):
            name = named.pop()  # "The Spaniard, who steered the club to a double"
            if role.get(name) in (None, "player"):
                role[name] = "manager"
    for s in sents:
        for before, after in roles.successions(s.frame, s.unit_person):
            a, b = (full[fold(s.unit_person[u].name)] for u in (before, after))
            if role.get(a) == "manager" and role.get(b) in (None, "player") and a != b:
                role[b] = "manager"  # a manager succeeds a manager
    job_roles(sents, full, role)  # a manager's work or job words in a clause naming others (job_roles.py)
    cited = item_sources(sents, full)

    found: list[tuple[int, Claim, bool]] = []
    running_down: set[int] = set()  # claims that only say a contract is running down
    talked_exit: set[str] = set()  # people whose exit is only talked about
    stated_exit: set[str] = set()
    told_past: set[int] = set()  # summary claims told in the past tense
    ended: set[int] = set()  # summary claims of moves done and exits
    targeted: dict[tuple[str, str], Claim] = {}  # "Arsenal target" standing for a person
    this_year = int(published[:4]) if published and published[:4].isdigit() else 0
    # A headline about nobody ("Leverkusen weigh up their options") leaves the news to the summary.
    teased = not any(x.persons for x in sents[: len(heads)])
    for n, s in enumerate(sents):
        loan = kinds.loan_mood(s.frame)
        pending = "medical" in s.frame.text and _SUBJECT_TO_MEDICAL.search(s.frame.text) is not None
        leaving = {u for _, t, u in s.bound if t.kind == "departure" and not kinds.expiry(s.frame, t)}
        label = segments.label_club(s.frame, s.unit_club, s.trigs or []) if n < len(heads) and s.bound else None
        for clause, trig, unit in s.bound:
            name = full[fold(s.unit_person[unit].name)]
            r = role.get(name, "player")
            if r == "other":
                trace.note(f"dropped {name} {trig.kind}: a director, agent or official, not a subject")
                continue
            why = shortcuts.unasserted(s.frame, clause, trig, unit, published)
            if why:
                trace.note(f"dropped {name} {trig.kind}: {why}")
                continue
            if this_year and modality.dated_before(s, tense.dated_span(s.frame, clause), this_year):
                trace.note(f"dropped {name} {trig.kind}: dated to an earlier year, history")
                continue
            clubs_here = [s.unit_club[u] for u in clause if u in s.unit_club]
            if r == "player" and (roles.job_trigger(s.frame, trig) or roles.national_job(s.frame, clause, trig, clubs_here)):
                r = "manager"  # players are not appointed, do not resign, have no deal with a nation
            kind = modality.rung(trig.kind, s.frame, clause, trig, s.trigs or ())
            if kind != trig.kind:
                trace.note(f"{name} {trig.kind} read as {kind}: a {modality.mood(s.frame, clause, trig)} governs it")
            if kinds.loan_in(s.frame, clause, loan) == "move" and kind in _LOANABLE or loan == "state" and kind in LOAN_DEALS:
                kind = "loan"
            elif kind == "completed" and pending:
                kind = "agreement"  # "deal done subject to medical" is not done yet
            if kind in MOVE_KINDS and "?" in (s.frame.units[u][2] for u in clause):
                kind = "interest"  # "Vinícius to Arsenal?": a question asserts only interest
            if r == "player" and kind in MOVE_KINDS and any(m.national for m in clubs_here) and (not any(
                not m.national and m.name != club.get(name) for m in clubs_here
            ) or any(u in s.unit_club and s.unit_club[u].national for u in range(trig.start, trig.end))):
                trace.note(f"dropped {name} {kind}: a national-team call-up, not a move")
                continue  # "Toone returns to England squad": a call-up, not a move
            if kind == "departure":
                talked = modality.speculative(s.frame, clause, trig) or modality.mood(s.frame, clause, trig) == "wish"
                (talked_exit if talked else stated_exit).add(name)
            for cp, frm in one_suitor(s, trig, parties(s, clause, trig, unit, club.get(name), r, club)):
                cp, frm = segments.labelled(kind, cp, frm, label, club.get(name))  # "Liverpool news: Guéhi bid"
                if frm is None and kind in MOVE_KINDS and left.get(name, cp) != cp:
                    frm = left[name]
                source = full.get(fold(s.source), s.source) if s.source else None
                attributed = source is not None and source != name
                if source == name:
                    source = None  # a person speaking of their own future: the outlet's report
                elif source == "@club":
                    source = cp if kind in MOVE_KINDS and cp else frm
                if source is None:
                    # Nobody reports it here; a person speaking for themselves may have
                    # told an outlet elsewhere in the item ("... told TyC Sports").
                    source = borrowed_source(name, kind, cp, frm, cited)
                if n >= len(heads) and kind == "departure" and unit not in leaving and kinds.expiry(s.frame, trig):
                    running_down.add(len(found))
                if n >= len(heads) and len(body) == 1 and modality.past(s.frame, clause, trig):
                    told_past.add(len(found))
                elif n >= len(heads) and len(body) == 1 and kind in _END_STATES and not teased \
                        and not (kind == "departure" and modality.to_come(s.frame, clause, trig)):
                    ended.add(len(found))  # "with boss X set to leave", "ready to sell X" stay news
                found.append((n, Claim(name, r, kind, cp, frm, source, outlet, published,
                                       trim(s.text), item), attributed))
        for p, wanting in descriptions.wanted_by(s) + gaps.wanted(s):
            name = full[fold(p.name)]
            if role.get(name, "player") == "player" and (name, wanting) not in targeted:
                targeted[(name, wanting)] = Claim(name, "player", "interest", wanting, None, None, outlet,
                                                  published, trim(s.text), item)
    # "The France international is in the final year of his contract" in a summary is
    # background to the item's news about him; "will leave when his contract expires" or
    # a headline saying so is the news itself.
    news = {fold(c.subject) for i, (_, c, _) in enumerate(found) if i not in running_down}
    guessed = frozenset(fold(n) for n in full.values() if n not in role)  # no word gave a role
    # "Celtic were interested in signing him", "Signed from Chelsea in 2023", "Tottenham have
    # brought in X as interim": a summary telling a past development, a move done or an exit
    # of someone its headline neither names nor reports on is background to the headline's news.
    named = named_in_headline(sents, len(heads), full)  # or describes
    told: dict[str, list[Claim]] = {}  # the headline's claims per person
    for n, c, _ in found:
        if n < len(heads):
            told.setdefault(fold(c.subject), []).append(c)

    def news_of_headline(c: Claim) -> bool:
        """A past development is news when the headline names the person and reports nothing
        else about them, or reports this development: the same kind, or a rung of the deal
        it tells ("close to Juventus move" over "... agreed terms"). Beside another development
        ("Liverpool eye Bundesliga star" over "... joined Leipzig for €20m"), it is background."""
        return not tense.past_background(c, told.get(fold(c.subject), []), fold(c.subject) in named)

    kept = [f for i, f in enumerate(found) if (i not in running_down or fold(f[1].subject) not in news)
            and (i not in told_past or news_of_headline(f[1]))
            and (i not in ended or fold(f[1].subject) in named or fold(f[1].subject) in told)]
    claims = dedupe(kept, guessed, 0 if body else len(heads))  # undone completions: policy.py
    # "Man Utd eye Liverpool star linked with a summer exit": the exit talk is the move's.
    moving = {c.subject for c in claims if c.kind in MOVE_KINDS and c.counterpart}
    claims = [c for c in claims if not (c.kind == "departure" and c.counterpart is None and c.subject in moving
                                        and c.subject in talked_exit - stated_exit)]
    # "... future of Man Utd & Arsenal transfer target": the description is the only word
    # of those clubs' interest when nothing else in the item tells it.
    claims = descriptions.add_targeted(claims, targeted)
    if trace.active():
        for i, (_, c, _) in enumerate(found):
            if not any(fold(k.subject) == fold(c.subject) and k.kind == c.kind for k in claims):
                why = ("merged into a higher rung or the same development told with its club"
                       if any(f[1] is c for f in kept) else
                       i in told_past and tense.past_background(c, told.get(fold(c.subject), []), fold(c.subject) in named)
                       or ("a summary's finished development about someone the headline does not name: background"
                           if i in ended else "a contract running down, background to other news"))
                trace.note(f"dropped {c.subject} {c.kind} -> {c.counterpart}: {why}")
    claims = item_senses.kept(claims, sents, len(heads))  # a byline, a staff coach, a debunk, a ranking
    return learned.beside(claims, sents, len(heads), **meta)


def explain_claims(title: str, summary: str = "", **kw: str | None) -> tuple[list[Claim], list[str]]:
    """The claims, and lines saying which people, candidates and drops led to them."""
    with trace.collect() as lines:
        claims = extract_claims(title, summary, **kw)  # type: ignore[arg-type]
    return claims, lines
