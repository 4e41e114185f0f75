"""Would the roster (bot/claims/roster.py) earn its keep? Figures on the tune split and our own set.

    python -m bot.evaluation.roster_value [--data DIR] [--own DIR]

Nothing is wired into the extractor: this scores its output as it stands and asks what the
roster would change. Only the *tune* part of the labelled real items is read (real.split_of);
our own set (tests/data/eval) is read whole. Printed, counts only (no item text):
- coverage: of the firm gold subjects, per role, how many the roster has, by the labelled
  README's surname rule (the last name token of one among the other's tokens) and strictly
  (roster.known_person: the full name, or a surname only one person carries);
- as a veto: of the extractor's wrong claims and of its right ones, how many name someone the
  roster does not have (vetoed, lost), and precision / recall with such claims dropped;
- role: for right claims whose person the roster knows, how often its role agrees with the gold
  role, against the extractor's own role;
- single tokens: right and wrong claims whose subject is one token, by how many people in the
  roster carry it; and how many of the missed firm claims name someone the roster knows.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bot.claims import roster
from bot.claims.extract import extract_claims
from bot.evaluation import own, real
from bot.evaluation.matching import name_tokens, same_person

OWN_DEFAULT = Path(__file__).resolve().parents[2] / "tests" / "data" / "eval"
Claim = dict[str, Any]


class Membership:
    """Is a name in the roster, by the scorer's surname rule and by roster.known_person."""

    def __init__(self, r: roster.Roster) -> None:
        self.roster = r
        self.tokens: set[str] = set()
        self.lasts: set[str] = set()
        for e in r.entries:
            toks = name_tokens(" ".join(e.name))
            self.tokens.update(toks)
            if toks:
                self.lasts.add(toks[-1])

    def by_surname(self, name: str) -> bool:
        toks = name_tokens(name)
        return bool(toks) and (toks[-1] in self.tokens or any(t in self.lasts for t in toks))

    def known(self, name: str) -> roster.RosterEntry | None:
        return roster.known_person(roster.name_key(name), self.roster)


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.0%})" if b else "0/0"


def coverage(golds: list[Claim], m: Membership, label: str) -> list[str]:
    out = [f"{label}: coverage of firm gold subjects (one per item and person)"]
    by_role: dict[str, list[str]] = {}
    for g in golds:
        by_role.setdefault(g.get("role") or "?", []).append(g["subject"])
    for role, names in sorted(by_role.items()):
        out.append(f"  {role:<8} surname rule {_pct(sum(map(m.by_surname, names)), len(names))}; "
                   f"known_person {_pct(sum(m.known(n) is not None for n in names), len(names))}")
    known = [(g, m.known(g["subject"])) for g in golds]
    both = [(g, e) for g, e in known if e is not None and g.get("role")]
    out.append(f"  roster role = gold role for {_pct(sum(e.role == g['role'] for g, e in both), len(both))} known subjects")
    return out


def veto(right: list[Claim], wrong: list[Claim], m: Membership, label: str) -> list[str]:
    out = [f"{label}: the extractor's claims whose person the roster lacks ({len(right)} right, {len(wrong)} wrong)"]
    tests: list[tuple[str, Callable[[str], bool]]] = [("surname rule", m.by_surname),
                                                      ("known_person", lambda n: m.known(n) is not None)]
    for name, inside in tests:
        vetoed = sum(not inside(c["subject"]) for c in wrong)
        lost = sum(not inside(c["subject"]) for c in right)
        out.append(f"  {name:<13} wrong vetoed {_pct(vetoed, len(wrong))}; right lost {_pct(lost, len(right))}")
    ok_rost = ok_ext = n = 0
    swaps: Counter[tuple[str, str]] = Counter()  # (full name | one token, fixed | broken)
    for c in right:
        e = m.known(c["subject"])
        if e is not None and c.get("gold_role"):
            n += 1
            ok_rost += e.role == c["gold_role"]
            ok_ext += c.get("role") == c["gold_role"]
            form = "one token" if len(roster.name_key(c["subject"])) == 1 else "full name"
            if (e.role == c["gold_role"]) != (c.get("role") == c["gold_role"]):
                swaps[(form, "fixed" if e.role == c["gold_role"] else "broken")] += 1
    out.append(f"  role on right claims the roster knows: roster {_pct(ok_rost, n)}, extractor {_pct(ok_ext, n)}")
    out.append("  the roster's role instead of the extractor's: " + ", ".join(
        f"{form} {swaps[(form, 'fixed')]} fixed, {swaps[(form, 'broken')]} broken" for form in ("full name", "one token")))
    for verdict, claims in (("right", right), ("wrong", wrong)):
        single = [c for c in claims if len(roster.name_key(c["subject"])) == 1]
        shares = Counter(min(roster.surname_people(roster.name_key(c["subject"])[0], m.roster), 2) for c in single)
        out.append(f"  single-token subjects, {verdict}: {len(single)} (carried by nobody {shares[0]}, "
                   f"by one person {shares[1]}, by several {shares[2]})")
    return out


def real_tune(data: Path, m: Membership) -> list[str]:
    out: list[str] = []
    for name, tag in (("headlines", "h"), ("feed items", "f")):
        items = [i for i in real.read_jsonl(data / f"items_{tag}.jsonl") if real.split_of(tag, i["id"]) == "tune"]
        labels = {row["id"]: row["claims"] for row in real.read_jsonl(data / f"labels_{tag}.jsonl")}
        predicted = real.predict(data / f"items_{tag}.jsonl")
        golds, right, wrong, missed = [], [], [], []
        whole, kept = real.Score(), {"surname rule": real.Score(), "known_person": real.Score()}
        for item in items:
            gold = labels[item["id"]]
            firm = [g for g in gold if not g.get("unsure")]
            seen: list[str] = []
            for g in firm:
                if not any(same_person(g["subject"], s) for s in seen):
                    seen.append(g["subject"])
                    golds.append(g)
            preds = predicted.get(item["link"], [])
            real.score_item(item, gold, preds, whole, keep_errors=False)
            for test, score in kept.items():
                inside = m.by_surname if test == "surname rule" else (lambda n: m.known(n) is not None)
                real.score_item(item, gold, [p for p in preds if inside(p["subject"])], score, keep_errors=False)
            unique: dict[tuple[str, str], Claim] = {}
            for p in preds:
                if not any(same_person(p["subject"], q[0]) and p["kind"] == q[1] for q in unique):
                    unique[(p["subject"], p["kind"])] = p
            missed += [g for g in firm if not any(same_person(p["subject"], g["subject"]) and p["kind"] in g["kinds"]
                                                  for p in unique.values())]
            for p in unique.values():
                hit = next((g for g in firm if same_person(p["subject"], g["subject"]) and p["kind"] in g["kinds"]), None)
                if hit is not None:
                    right.append({**p, "gold_role": hit.get("role")})
                elif not any(same_person(p["subject"], g["subject"]) and p["kind"] in g["kinds"] for g in gold):
                    wrong.append(p)
        label = f"{name} [tune, {len(items)} items]"
        out += coverage(golds, m, label)
        out += veto(right, wrong, m, label)
        out.append(f"  firm gold claims missed whose person known_person knows: "
                   f"{_pct(sum(m.known(g['subject']) is not None for g in missed), len(missed))}")
        for test, score in (("as is", whole), *kept.items()):
            o = score.overall
            out.append(f"  claims kept {test:<13} P {o.precision:.3f} R {o.recall:.3f} "
                       f"({o.right} right, {o.wrong} wrong, {o.found} found, {o.missed} missed)")
        out.append("")
    return out


def own_set(path: Path, m: Membership) -> list[str]:
    golds, right, wrong = [], [], []
    for item in own.read_items([path]):
        gold = list(item.get("claims", []))
        seen: list[str] = []
        for g in gold:
            if g["subject"] not in seen:
                seen.append(g["subject"])
                golds.append(g)
        unmatched = list(range(len(gold)))
        for c in extract_claims(item.get("title", ""), item.get("summary", ""), outlet=item.get("outlet"),
                                published=item.get("published"), item=item.get("link")):
            p = c.to_json()
            hit = next((i for i in unmatched if gold[i]["kind"] == p["kind"]
                        and own._subjects_match(gold[i]["subject"], str(p["subject"]))), None)
            if hit is None:
                wrong.append(p)
            else:
                unmatched.remove(hit)
                right.append({**p, "gold_role": gold[hit].get("role")})
    label = f"own set [{path.name}, whole]"
    return [*coverage(golds, m, label), *veto(right, wrong, m, label), ""]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.roster_value", description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("CLAIMWATCH_LABELLED", str(real.DEFAULT_DATA)))
    parser.add_argument("--own", default=str(OWN_DEFAULT))
    args = parser.parse_args(argv)
    r = roster.load()
    m = Membership(r)
    players = sum(e.role == "player" for e in r.entries)
    print(f"roster: {len(r.entries)} people ({players} players, {len(r.entries) - players} managers), "
          f"latest list {r.latest}\n")
    data = Path(args.data)
    if (data / "items_h.jsonl").is_file():
        print("\n".join(real_tune(data, m)))
    else:
        print(f"real items skipped: no labelled data at {data}\n")
    print("\n".join(own_set(Path(args.own), m)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
