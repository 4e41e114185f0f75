"""Score `python -m bot extract --json` on the real items labelled by two annotators.

    python -m bot.evaluation.real [--data DIR] [--split tune|check|both] [--errors] [--json]
    python -m bot.evaluation.real --items ITEMS.jsonl --labels LABELS.jsonl [--errors] [--json]

The labelled files live beside the repository in ../shared/data/labelled (or --data, or
CLAIMWATCH_LABELLED); without them the run says so, scores the written set, and exits 0. Each file is split once, by
a fixed seed on the item id, into a *tune* part (about 70 %) that engineers read and work
from and a *check* part that is only ever scored: `--errors` lists the tune part's mistakes
and refuses to list the check part's. The three seed articles are scored whole and are read.
`--items`/`--labels` score any other labelled file the same way, whole and unsplit (a set
labelled elsewhere); the labelled files above are refused there, so their check part stays unlisted.
The project's written set (tests/data/written: items in its own words by writers who never read
the extractor) is split and scored the same way, after the real files, and with or without them;
it is refused by `--items` too.

Matching follows the labelled data's README (see matching.py): predictions de-duplicated on
(person, kind) per item; one that matches a firm claim is right, one that matches only an
optional claim is ignored, any other is wrong; recall over firm claims de-duplicated on
(person, first kind); the false-alert rate is the share of claim-free items with a prediction.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.evaluation.matching import f1, ratio, same_club, same_person, source_key

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "labelled"
# Items written for the project, in its own words, by people who never read the extractor, labelled
# by their writers and (the check part) by a second annotator: tests/data/written/README.md.
WRITTEN = Path(__file__).resolve().parents[2] / "tests" / "data" / "written"
FILES = {"headlines": "h", "feed items": "f", "seed articles": "seeds"}
SPLIT_SEED = "claimwatch-2026-12"
TUNE_SHARE = 0.70


def split_of(file_tag: str, item_id: str) -> str:
    """'tune' or 'check', fixed for ever by the seed and the item's id (never by file order)."""
    if file_tag == "seeds":
        return "tune"
    digest = hashlib.sha256(f"{SPLIT_SEED}:{item_id}".encode()).digest()
    return "tune" if int.from_bytes(digest[:4], "big") / 2**32 < TUNE_SHARE else "check"


@dataclass(slots=True)
class Tally:
    right: int = 0  # predictions matching a firm claim
    wrong: int = 0  # predictions matching no claim
    found: int = 0  # firm claims matched
    missed: int = 0  # firm claims unmatched

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.wrong += other.wrong
        self.found += other.found
        self.missed += other.missed

    @property
    def precision(self) -> float:
        return ratio(self.right, self.wrong)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.missed)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass(slots=True)
class Score:
    overall: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_outlet: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_role: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    items: int = 0
    claim_free: int = 0
    false_alerts: int = 0
    counterpart_set: int = 0
    counterpart_ok: int = 0
    source_set: int = 0
    source_ok: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def false_alert_rate(self) -> float:
        return self.false_alerts / self.claim_free if self.claim_free else 0.0

    @property
    def counterpart_accuracy(self) -> float:
        return self.counterpart_ok / self.counterpart_set if self.counterpart_set else 1.0

    @property
    def source_accuracy(self) -> float:
        return self.source_ok / self.source_set if self.source_set else 1.0

    def summary(self) -> dict[str, float | int]:
        o = self.overall
        return {"items": self.items, "precision": round(o.precision, 3), "recall": round(o.recall, 3),
                "f1": round(o.f1, 3), "false_alerts": round(self.false_alert_rate, 3),
                "counterpart": round(self.counterpart_accuracy, 3), "source": round(self.source_accuracy, 3),
                "right": o.right, "wrong": o.wrong, "found": o.found, "missed": o.missed}


def _kind_matches(kind: str, gold: dict[str, Any]) -> bool:
    return kind in gold["kinds"]


def score_item(item: dict[str, Any], gold: list[dict[str, Any]], predicted: list[dict[str, Any]], score: Score, *, keep_errors: bool) -> None:
    """Add one item's predictions and labels to `score`."""
    score.items += 1
    outlet = item.get("outlet") or "?"
    firm = [g for g in gold if not g.get("unsure")]
    unique: dict[tuple[str, str], dict[str, Any]] = {}
    for p in predicted:  # de-duplicated on (person, kind)
        if not any(same_person(p["subject"], q[0]) and p["kind"] == q[1] for q in unique):
            unique[(p["subject"], p["kind"])] = p
    if not gold:
        score.claim_free += 1
        score.false_alerts += bool(unique)
    tally = Tally()
    for p in unique.values():
        hit = next((g for g in firm if same_person(p["subject"], g["subject"]) and _kind_matches(p["kind"], g)), None)
        if hit is None and any(same_person(p["subject"], g["subject"]) and _kind_matches(p["kind"], g) for g in gold):
            continue  # matches only an optional claim: neither right nor wrong
        one = Tally(right=1) if hit else Tally(wrong=1)
        tally.add(one)
        score.by_kind[p["kind"]].add(one)
        score.by_role[p.get("role") or "?"].add(one)
        if hit is None and keep_errors:
            score.errors.append(f"FP {p['subject']} {p['kind']} -> {p.get('counterpart')}  | {_text(item)}")
    seen: set[tuple[str, str]] = set()
    for g in firm:  # recall over firm claims de-duplicated on (person, first kind)
        first = g["kinds"][0]
        if any(same_person(g["subject"], s) and first == k for s, k in seen):
            continue
        seen.add((g["subject"], first))
        matches = [p for p in unique.values() if same_person(p["subject"], g["subject"]) and _kind_matches(p["kind"], g)]
        one = Tally(found=1) if matches else Tally(missed=1)
        tally.add(one)
        score.by_kind[first].add(one)
        score.by_role[g.get("role") or "?"].add(one)
        if not matches and keep_errors:
            got = [f"{p['subject']}:{p['kind']}" for p in unique.values()]
            score.errors.append(f"FN {g['subject']} {g['kinds']} -> {g.get('counterpart')}  (got {got}) | {_text(item)}")
        if matches and g.get("counterpart"):
            score.counterpart_set += 1
            score.counterpart_ok += any(same_club(p.get("counterpart"), g["counterpart"]) for p in matches)
        if matches and g.get("source"):
            score.source_set += 1
            score.source_ok += any(source_key(p.get("source")) == source_key(g["source"]) for p in matches)
    score.overall.add(tally)
    score.by_outlet[outlet].add(tally)


def _text(item: dict[str, Any]) -> str:
    summary = (item.get("summary") or "")[:300]
    return f"{item['id']} {item['title']} // {summary}"


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(items_path: Path) -> dict[str, list[dict[str, Any]]]:
    """Claims per item link, from the very command users run."""
    run = subprocess.run([sys.executable, "-m", "bot", "extract", str(items_path), "--json"],
                         capture_output=True, text=True, check=True)
    failed = run.stderr.count("extractor failed")
    if failed:
        # The pipeline keeps a feed going when one item raises; a score must not hide it.
        raise RuntimeError(f"the extractor raised on {failed} items of {items_path.name}:\n{run.stderr[-2000:]}")
    by_item: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in run.stdout.splitlines():
        claim = json.loads(line)
        by_item[claim["item"]].append(claim)
    return by_item


def evaluate(data: Path, splits: Iterable[str], *, keep_errors: bool = False) -> dict[tuple[str, str], Score]:
    """(file name, split) -> Score, plus ("all", split) over the headline and feed-item files."""
    wanted = set(splits)
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for name, tag in FILES.items():
        items_path, labels_path = data / f"items_{tag}.jsonl", data / f"labels_{tag}.jsonl"
        if not items_path.is_file():
            continue
        labels = {row["id"]: row["claims"] for row in read_jsonl(labels_path)}
        predicted = predict(items_path)
        for item in read_jsonl(items_path):
            split = "whole" if tag == "seeds" else split_of(tag, item["id"])
            if tag != "seeds" and split not in wanted:
                continue
            errors = keep_errors and split != "check"
            args = (item, labels[item["id"]], predicted.get(item["link"], []))
            score_item(*args, scores[(name, split)], keep_errors=errors)
            if tag != "seeds":
                score_item(*args, scores[("all", split)], keep_errors=False)
    return dict(scores)


def evaluate_written(path: Path = WRITTEN, *, keep_errors: bool = False) -> dict[tuple[str, str], Score]:
    """("written", split) -> Score for the project's written set, split as the real files are."""
    labels = {row["id"]: row["claims"] for row in read_jsonl(path / "labels.jsonl")}
    predicted = predict(path / "items.jsonl")
    scores: dict[tuple[str, str], Score] = defaultdict(Score)
    for item in read_jsonl(path / "items.jsonl"):
        split = split_of("w", item["id"])
        score_item(item, labels[item["id"]], predicted.get(item["link"], []), scores[("written", split)],
                   keep_errors=keep_errors and split != "check")
    return dict(scores)


def evaluate_file(items_path: Path, labels_path: Path, *, keep_errors: bool = False) -> Score:
    """One labelled file scored whole, with the same matching as `evaluate`."""
    labels = {row["id"]: row["claims"] for row in read_jsonl(labels_path)}
    predicted = predict(items_path)
    score = Score()
    for item in read_jsonl(items_path):
        score_item(item, labels[item["id"]], predicted.get(item["link"], []), score, keep_errors=keep_errors)
    return score


def _line(label: str, t: Tally) -> str:
    return (f"  {label:<24} P {t.precision:.2f}  R {t.recall:.2f}  F1 {t.f1:.2f}"
            f"   ({t.right} right, {t.wrong} wrong; {t.found} found, {t.missed} missed)")


def render(scores: dict[tuple[str, str], Score], detail: bool) -> str:
    out: list[str] = []
    order = ["all", *FILES, "written"]
    rank = {name: n for n, name in enumerate(order)}
    for (name, split), s in sorted(scores.items(), key=lambda kv: (rank.get(kv[0][0], len(order)), kv[0][1])):
        out.append(f"{name} [{split}]: {s.items} items, {s.claim_free} claim-free")
        out.append(_line("claims", s.overall))
        out.append(f"  false alerts on claim-free items {s.false_alert_rate:.1%}   counterpart right "
                   f"{s.counterpart_accuracy:.0%} of {s.counterpart_set}   source right "
                   f"{s.source_accuracy:.0%} of {s.source_set}")
        if detail:
            for title, table in (("kind", s.by_kind), ("role", s.by_role), ("outlet", s.by_outlet)):
                for key, t in sorted(table.items(), key=lambda kv: -(kv[1].found + kv[1].missed + kv[1].wrong)):
                    out.append(_line(f"{title} {key}", t))
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.real", description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("CLAIMWATCH_LABELLED", str(DEFAULT_DATA)))
    parser.add_argument("--split", choices=("tune", "check", "both"), default="both")
    parser.add_argument("--errors", action="store_true", help="list the tune part's mistakes")
    parser.add_argument("--brief", action="store_true", help="overall figures only")
    parser.add_argument("--json", action="store_true", help="figures as one JSON object")
    parser.add_argument("--items", type=Path, help="score this items file whole (with --labels)")
    parser.add_argument("--labels", type=Path, help="labels for --items, in the labelled files' format")
    args = parser.parse_args(argv)
    data = Path(args.data)
    if args.items or args.labels:
        return _main_file(args, data)
    splits = ("tune", "check") if args.split == "both" else (args.split,)
    scores: dict[tuple[str, str], Score] = {}
    if (data / "items_h.jsonl").is_file():
        scores.update(evaluate(data, splits, keep_errors=args.errors))
    else:
        print(f"skipped the real items: no labelled data at {data} (it lives in ../shared beside the repository)")
    if (WRITTEN / "items.jsonl").is_file():
        scores.update({key: s for key, s in evaluate_written(keep_errors=args.errors).items() if key[1] in splits})
    if not scores:
        return 0
    if args.json:
        print(json.dumps({f"{n}/{s}": score.summary() for (n, s), score in scores.items()}))
        return 0
    print(render(scores, detail=not args.brief))
    if args.errors:
        for (name, split), s in scores.items():
            if split != "check" and name != "all":
                print(f"# errors: {name} [{split}]")
                print("\n".join(s.errors))
    return 0


def _main_file(args: argparse.Namespace, data: Path) -> int:
    if not (args.items and args.labels):
        print("--items and --labels go together", file=sys.stderr)
        return 2
    if args.items.resolve().parent in {data.resolve(), WRITTEN.resolve()}:
        print(f"refused: {args.items} is one of the split labelled files; use --split tune", file=sys.stderr)
        return 2
    score = evaluate_file(args.items, args.labels, keep_errors=args.errors)
    scores = {(args.items.stem, "whole"): score}
    if args.json:
        print(json.dumps({f"{args.items.stem}/whole": score.summary()}))
        return 0
    print(render(scores, detail=not args.brief))
    if args.errors:
        print(f"# errors: {args.items.stem}")
        print("\n".join(score.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
