"""Build bot/claims/data/learned_interest.json from the tune part of the labelled real items.

    python -m bot.evaluation.train [--data DIR] [--out FILE]        (make model)

Reads only the *tune* part (real.split_of, the same fixed-seed split `make eval-real` scores)
of items_h + items_f and their labels in ../shared/data/labelled; without them it says so and
leaves the shipped file as it is. Every item goes through the extractor as users run it, with
learned.recording() collecting the people its name finder found and the rules' claims. A
person is a positive example when a firm label gives them (surname match, as the scorer
matches) an `interest` claim; one that only an optional label gives is left out; every other
is negative.

Logistic regression by AdaGrad SGD over hashed binary features (a fixed seed, a fixed order,
no library), written here in a few lines so the file is rebuilt byte for byte. Five folds of
the tune items, drawn three times, choose the L2 strength and the threshold: the pair that
maximises the mean F1 of rules plus model on the held-out folds, scored as real.py scores. The final model is trained on the
whole tune part; its file holds bucket -> weight, the bias and the threshold, and no text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.claims import learned
from bot.cli_extract import items_from_jsonl
from bot.evaluation.matching import same_person
from bot.evaluation.real import DEFAULT_DATA, Score, read_jsonl, score_item, split_of
from bot.pipeline import extract_item

SEED = 20261206
FOLDS = 5
REPEATS = 3  # the folds drawn three times, by three seeds: a steadier choice from few positives
EPOCHS = 12
RATE = 0.2
L2_GRID = (1e-4, 1e-3, 1e-2)
THRESHOLDS = (*(round(0.20 + 0.05 * i, 2) for i in range(16)), 0.97, 0.99)  # 0.20 .. 0.99
FILES = ("h", "f")


@dataclass(slots=True)
class Item:
    row: dict[str, Any]
    gold: list[dict[str, Any]]
    folds: tuple[int, ...]  # the item's fold in each repeat
    rules: list[dict[str, Any]]  # the rules' claims, as `extract --json` gives them
    candidates: list[learned.Candidate]
    labels: list[int | None]  # per candidate: 1, 0, or None (only an optional label)


def fold_of(item_id: str, repeat: int) -> int:
    digest = hashlib.sha256(f"learned-{SEED}-{repeat}:{item_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % FOLDS


def label(cand: learned.Candidate, gold: list[dict[str, Any]]) -> int | None:
    hits = [g for g in gold if same_person(cand.name, g["subject"]) and "interest" in g["kinds"]]
    if any(not g.get("unsure") for g in hits):
        return 1
    return None if hits else 0


def gather(data: Path) -> list[Item]:
    """The tune items of both files, run through the extractor with the model left out."""
    out: list[Item] = []
    for tag in FILES:
        rows = read_jsonl(data / f"items_{tag}.jsonl")
        labels = {row["id"]: row["claims"] for row in read_jsonl(data / f"labels_{tag}.jsonl")}
        feed = {fi.guid: fi for fi in items_from_jsonl(data / f"items_{tag}.jsonl")}
        for row in rows:
            if split_of(tag, row["id"]) != "tune":
                continue
            with learned.recording() as seen:
                claims = extract_item(feed[row["id"]])
            cands = seen[0][0] if seen else []
            gold = labels[row["id"]]
            out.append(Item(row, gold, tuple(fold_of(row["id"], r) for r in range(REPEATS)), [c.to_json() for c in claims],
                            cands, [label(c, gold) for c in cands]))
    return out


def fit(examples: list[tuple[list[int], int]], l2: float) -> tuple[float, dict[int, float]]:
    """L2-regularised logistic regression by AdaGrad SGD, in a fixed order from a fixed seed."""
    rng = random.Random(SEED)
    weights: dict[int, float] = {}
    squares: dict[int, float] = {}
    bias, bias_sq = 0.0, 0.0
    order = list(range(len(examples)))
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, y = examples[i]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            g = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - y
            bias_sq += g * g
            bias -= RATE * g / math.sqrt(bias_sq + 1e-8)
            for f in feats:
                w = weights.get(f, 0.0)
                step = g + l2 * w
                squares[f] = squares.get(f, 0.0) + step * step
                weights[f] = w - RATE * step / math.sqrt(squares[f] + 1e-8)
    return bias, weights


def examples_of(items: list[Item]) -> list[tuple[list[int], int]]:
    return [(learned.buckets(c.features), y) for it in items for c, y in zip(it.candidates, it.labels, strict=True)
            if y is not None]


def probabilities(model: learned.Model, items: list[Item]) -> list[list[float]]:
    return [[model.probability(c.features) for c in it.candidates] for it in items]


def predictions(it: Item, probs: list[float], threshold: float | None) -> list[dict[str, Any]]:
    """Rules, plus interest for each person the rules say nothing of, above the threshold."""
    out = list(it.rules)
    if threshold is None:
        return out
    ruled = [c["subject"] for c in it.rules]
    for cand, p in zip(it.candidates, probs, strict=True):
        if p >= threshold and not any(learned.surname(r) == learned.surname(cand.name) for r in ruled):
            out.append({"subject": cand.name, "kind": "interest", "role": cand.role,
                        "counterpart": cand.counterpart, "source": cand.source})
    return out


def scored(items: list[Item], probs: list[list[float]], threshold: float | None) -> Score:
    score = Score()
    for it, ps in zip(items, probs, strict=True):
        score_item(it.row, it.gold, predictions(it, ps, threshold), score, keep_errors=False)
    return score


def cross_validate(items: list[Item], l2: float, repeat: int) -> list[list[float]]:
    """Held-out probabilities for every item's candidates, each from a model that never saw it."""
    probs: list[list[float]] = [[] for _ in items]
    for k in range(FOLDS):
        bias, weights = fit(examples_of([it for it in items if it.folds[repeat] != k]), l2)
        model = learned.Model(bias, 1.0, weights)
        for n, it in enumerate(items):
            if it.folds[repeat] == k:
                probs[n] = [model.probability(c.features) for c in it.candidates]
    return probs


def _figures(s: Score) -> str:
    o = s.overall
    return (f"P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}  ({o.right} right, {o.wrong} wrong; "
            f"{o.found} found, {o.missed} missed; false alerts {s.false_alert_rate:.1%}; "
            f"counterpart {s.counterpart_accuracy:.0%} of {s.counterpart_set})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.train", description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=os.environ.get("CLAIMWATCH_LABELLED", str(DEFAULT_DATA)))
    parser.add_argument("--out", default=str(learned.MODEL_PATH))
    args = parser.parse_args(argv)
    data = Path(args.data)
    if not all((data / f"{kind}_{tag}.jsonl").is_file() for tag in FILES for kind in ("items", "labels")):
        print(f"model not rebuilt: no labelled data at {data} (it lives in ../shared beside the repository); "
              f"the shipped {Path(args.out).name} is left as it is")
        return 0
    items = gather(data)
    cands = sum(len(it.candidates) for it in items)
    pos = sum(y == 1 for it in items for y in it.labels)
    firm = sum(1 for it in items for g in it.gold if not g.get("unsure") and "interest" in g["kinds"])
    print(f"tune items {len(items)}; candidates {cands}, positive for interest {pos} "
          f"(firm interest labels {firm}); folds {FOLDS}, seed {SEED}")
    none = [[0.0] * len(it.candidates) for it in items]
    rules = scored(items, none, None)
    print(f"rules alone, tune:                {_figures(rules)}")
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)  # mean held-out F1, l2, threshold
    for l2 in L2_GRID:
        runs = [cross_validate(items, l2, r) for r in range(REPEATS)]
        # The highest mean F1; among equals, the highest threshold (fewer claims for the same score).
        f1, t = max((round(sum(scored(items, p, t).overall.f1 for p in runs) / REPEATS, 6), t) for t in THRESHOLDS)
        print(f"rules + model, {FOLDS}-fold CV x {REPEATS}, l2 {l2:g}: best threshold {t:.2f}, mean F1 {f1:.3f}; "
              f"first repeat {_figures(scored(items, runs[0], t))}")
        if f1 > best[0]:
            best = (f1, l2, t)
    _, l2, threshold = best
    print(f"chosen: l2 {l2:g}, threshold {threshold:.2f} (the highest F1 of rules + model on held-out tune folds)")
    bias, weights = fit(examples_of(items), l2)
    kept = sorted((b, round(w, 5)) for b, w in weights.items() if abs(round(w, 5)) > 0)
    model = {"format": 1, "kind": "interest", "buckets": learned.BUCKETS, "hash": "blake2b-64",
             "seed": SEED, "folds": FOLDS, "repeats": REPEATS, "epochs": EPOCHS, "l2": l2,
             "bias": round(bias, 5), "threshold": threshold,
             "index": [b for b, _ in kept], "weight": [w for _, w in kept]}
    text = json.dumps(model, separators=(",", ":")) + "\n"
    out = Path(args.out)
    out.write_text(text, encoding="utf-8")
    full = learned.model_from(model)
    print(f"rules + model, tune (trained on it): {_figures(scored(items, probabilities(full, items), threshold))}")
    print(f"wrote {out} ({len(text.encode()):,} bytes, {len(kept):,} weights; "
          f"sha256 {hashlib.sha256(text.encode()).hexdigest()[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
