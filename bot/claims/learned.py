"""A learned second opinion beside the rules: `interest` for a person the rules say nothing of.

The rules miss interest told in words they do not know, most often a headline that describes a
player ("Arsenal weigh move for Forest winger") over a summary that names him. For each person
the item's own name finder found (descriptions and stand-ins included) and the rules gave no
claim, a logistic regression over hashed features scores how likely the item reports a club's
interest in them; above a threshold chosen by cross-validation on the tune part of the
labelled real items (bot/evaluation/train.py), an `interest` claim joins the rules' claims.

Features, each hashed with BLAKE2b into 2**18 buckets (the model file holds bucket weights,
never words): unigrams and bigrams of each sentence that names the person (title and summary
apart), words on either side of each mention, and cues: named or described, in the title or
not, a club beside them, which kinds of trigger the sentence holds and which it binds to them.
What the rules concluded is no feature: the model is a second opinion, not a copy of theirs
(and on tune cross-validation it ranked the people the rules say nothing of better without).
Inference is pure Python; the model loads once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, lru_cache
from hashlib import blake2b
from typing import TYPE_CHECKING, Any

from bot.claims import PACKAGE_DIR, job_roles, learned_switch, modifiers, trace
from bot.claims.text import fold, trim
from bot.models import Claim

if TYPE_CHECKING:
    from bot.claims.people import Person
    from bot.claims.sentence import Sentence

MODEL_PATH = PACKAGE_DIR / "data" / "learned_interest.json"
BUCKETS = 1 << 18
_WINDOW = 4  # units on either side of a mention
_SLOTS = {"@c": "@c", "@s": "@s", "@m": "@m", "@y": "@y"}


@dataclass(slots=True)
class Candidate:
    """One person of an item, as the model sees them."""

    name: str  # the longest form of the name the item gives
    role: str
    features: list[str] = field(default_factory=list)
    counterpart: str | None = None
    from_club: str | None = None  # the club a description or apposition ties them to
    source: str | None = None
    evidence: str = ""
    # Every mention names someone else's likeness ("a Rodri replacement", "the new Son"): the
    # rules drop such a subject, and so does the model's claim (training sees them as they are).
    only_describes: bool = False


@dataclass(frozen=True, slots=True)
class Model:
    bias: float
    threshold: float
    weights: dict[int, float]

    def probability(self, features: list[str]) -> float:
        get = self.weights.get
        z = self.bias + sum(get(b, 0.0) for b in {bucket(f) for f in features})
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1 << 16)
def bucket(feature: str) -> int:
    """A feature's bucket: the same on every machine and every run (never Python's hash())."""
    return int.from_bytes(blake2b(feature.encode(), digest_size=8).digest(), "big") % BUCKETS


def buckets(features: list[str]) -> list[int]:
    return sorted({bucket(f) for f in features})


def model_from(data: dict[str, Any]) -> Model:
    return Model(float(data["bias"]), float(data["threshold"]),
                 dict(zip((int(i) for i in data["index"]), (float(w) for w in data["weight"]), strict=True)))


@cache
def load() -> Model | None:
    """The shipped model, read once; None when the file is absent (the rules alone then)."""
    if not MODEL_PATH.is_file():
        return None
    return model_from(json.loads(MODEL_PATH.read_text(encoding="utf-8")))


_RECORD: ContextVar[list[tuple[list[Candidate], list[Claim]]] | None] = ContextVar("learned_record", default=None)


@contextmanager
def recording() -> Iterator[list[tuple[list[Candidate], list[Claim]]]]:
    """Collect every item's candidates and rule claims (training), the model left out."""
    out: list[tuple[list[Candidate], list[Claim]]] = []
    token, flag = _RECORD.set(out), learned_switch.RECORDING.set(True)
    try:
        yield out
    finally:
        learned_switch.RECORDING.reset(flag)
        _RECORD.reset(token)


@lru_cache(maxsize=4096)
def surname(name: str) -> str:
    parts = fold(name).replace("-", " ").split()
    return parts[-1] if parts else ""


def _said(s: Sentence, p: Person) -> str:
    return " ".join(t.text for t in s.tokens[p.start:p.end])


def candidates(sents: list[Sentence], heads: int, skip: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every person the item names or describes, grouped by surname, with their features;
    none for a surname in `skip` (people the rules already have a claim about)."""
    groups: dict[str, list[tuple[int, int, Person]]] = {}
    for n, s in enumerate(sents):
        for u, p in s.unit_person.items():
            if p.role != "other":
                groups.setdefault(surname(p.name), []).append((n, u, p))
    titled = any(_said(s, p) == p.name for s in sents[:heads] for p in s.persons)
    out: list[Candidate] = []
    for sur, seen in groups.items():
        if not sur or sur in skip:
            continue
        name = max((p.name for _, _, p in seen), key=lambda x: (len(x.split()), len(x)))
        role = "manager" if any(p.role == "manager" for _, _, p in seen) or _in_a_job(sents, seen, sur) else "player"
        cand = Candidate(name, role, only_describes=all(modifiers.describes_another(sents[n].frame, u) for n, u, _ in seen))
        f = cand.features
        f.append(f"ncand:{min(len(groups), 3)}")
        f.append("title_names:" + ("yes" if titled else "no"))
        done: set[int] = set()
        own_club = cand.from_club = next((p.club for _, _, p in seen if p.club), None)
        for n, u, p in seen:
            s = sents[n]
            loc = "t" if n < heads else "s"
            described = _said(s, p) != p.name
            f.append(f"{loc}:" + ("desc" if described else "named"))
            f.append(f"{loc}:role:{p.role}")
            if p.club:
                f.append(f"{loc}:has_club")
            f.extend(_window(s, u, loc, sur))
            if n in done:
                continue
            done.add(n)
            f.extend(_sentence(s, loc, sur))
            cand.evidence = cand.evidence or trim(s.text)  # the title's first, when it names them
            if cand.counterpart is None:
                # A national team is a manager's next job, never a player's transfer.
                cand.counterpart = next((m.name for m in s.mentions if m.kind == "club" and m.name != own_club
                                         and (not m.national or role == "manager")), None)
            if cand.source is None and s.source and s.source != "@club" and surname(s.source) != sur:
                cand.source = s.source
        out.append(cand)
    return out


def _in_a_job(sents: list[Sentence], seen: list[tuple[int, int, Person]], sur: str) -> bool:
    """Whether a sentence that names this person and nobody else speaks of a manager's job
    ("X has been in the job at Y for two seasons"): the rules read a role from the clause of a
    development, and the model's claims have none."""
    for n in {n for n, _, _ in seen}:
        s = sents[n]
        if ({surname(p.name) for p in s.unit_person.values() if p.role != "other"} == {sur}
                and any(unit[2] in job_roles.JOB_WORDS for unit in s.frame.units)):
            return True
    return False


def _unit_word(s: Sentence, u: int, sur: str) -> str:
    slot = s.frame.units[u][2]
    if slot == "@p":
        p = s.unit_person.get(u)
        return "@P" if p is not None and surname(p.name) == sur else "@o"
    return _SLOTS.get(slot, slot)


def _window(s: Sentence, u: int, loc: str, sur: str) -> list[str]:
    n = len(s.frame.units)
    left = [_unit_word(s, i, sur) for i in range(max(0, u - _WINDOW), u)]
    right = [_unit_word(s, i, sur) for i in range(u + 1, min(n, u + 1 + _WINDOW))]
    out = [f"{loc}:L:{w}" for w in left] + [f"{loc}:R:{w}" for w in right]
    out += [f"{loc}:L2:{a} {b}" for a, b in zip(left, left[1:], strict=False)]
    out += [f"{loc}:R2:{a} {b}" for a, b in zip(right, right[1:], strict=False)]
    if left:
        out.append(f"{loc}:L1:{left[-1]}")
    if right:
        out.append(f"{loc}:R1:{right[0]}")
    if "@c" in left[-3:] or "@c" in right[:3]:
        out.append(f"{loc}:club_near")
    return out


def _sentence(s: Sentence, loc: str, sur: str) -> list[str]:
    words = [_unit_word(s, i, sur) for i in range(len(s.frame.units))]
    out = [f"{loc}:w:{w}" for w in words]
    out += [f"{loc}:b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    out += [f"{loc}:trig:{t.kind}" + (":neg" if t.negated else "") for t in s.trigs or ()]
    for _, t, u in s.bound:
        p = s.unit_person.get(u)
        if p is not None and surname(p.name) == sur:
            out.append(f"{loc}:bound:{t.kind}")
    return out


def beside(claims: list[Claim], sents: list[Sentence], heads: int, *, outlet: str | None,
           published: str | None, item: str | None) -> list[Claim]:
    """The rules' claims, and an `interest` claim for each person they say nothing of whom
    the model scores above its threshold."""
    record = _RECORD.get()
    if record is not None:
        record.append((candidates(sents, heads), list(claims)))
        return claims
    model = load() if learned_switch.ENABLED else None
    if model is None or not sents:
        return claims
    added: list[Claim] = []
    for cand in candidates(sents, heads, frozenset(surname(c.subject) for c in claims)):
        if cand.only_describes:
            trace.note(f"learned: {cand.name} no claim, the name only describes another player")
            continue
        p = model.probability(cand.features)
        if p >= model.threshold:
            trace.note(f"learned: {cand.name} interest -> {cand.counterpart}, p {p:.2f} >= {model.threshold:.2f}")
            added.append(Claim(cand.name, cand.role, "interest", cand.counterpart, cand.from_club, cand.source,
                               outlet, published, cand.evidence, item))
        elif trace.active():
            trace.note(f"learned: {cand.name} no claim, p {p:.2f} < {model.threshold:.2f}")
    return claims + added
