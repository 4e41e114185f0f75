"""Throughput of extract_claims on a synthetic feed stream, against a plain baseline.

    python -m bench.bench_extract [--items N] [--seed S]

The baseline does what any extractor must: fold() the title and summary and split the
summary into sentences. The ratio says what the claim rules cost on top of that. With
--real, it also times the titles in ../shared/data/headlines_2026.jsonl (skipped when
the file is absent; those headlines are not part of the project).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from bench.synthetic import item_spec
from bot.claims.extract import extract_claims
from bot.claims.text import clean, fold, key, sentences

# The shared headline stream lives beside the repo; the --real run skips when it is absent.
REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "headlines_2026.jsonl"

def synthetic(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """A stream like real feeds, from the benchmarks' shared generator: about one item in six
    is transfer or managerial news (the seed picks the feed, so runs are repeatable)."""
    specs = (item_spec(seed, seq, people=10_000, claim_share=1 / 6) for seq in range(n))
    return [(spec.title, spec.summary) for spec in specs]


def baseline(title: str, summary: str) -> object:
    return fold(title), [fold(s) for s in sentences(clean(summary))]


def rate(fn: Callable[[str, str], object], items: list[tuple[str, str]], rounds: int = 3) -> float:
    """Best items/s over a few rounds (the first round also warms caches and loads data)."""
    best = 0.0
    for _ in range(rounds):
        fold.cache_clear()  # a live stream rarely repeats a text: time it cold
        key.cache_clear()
        start = time.perf_counter()
        for title, summary in items:
            fn(title, summary)
        best = max(best, len(items) / (time.perf_counter() - start))
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--real", action="store_true", help="also time the real headline titles")
    args = parser.parse_args(argv)
    items = synthetic(args.items, args.seed)
    extract_claims("Warm-up: Arsenal eye Porto's Costa")  # load the gazetteer once
    base = rate(baseline, items)
    ours = rate(lambda t, s: extract_claims(t, s), items)
    flagged = sum(bool(extract_claims(t, s)) for t, s in items)
    print(f"synthetic stream: {len(items)} items, {flagged} with claims")
    print(f"  baseline fold+sentences: {base:>10,.0f} items/s")
    print(f"  extract_claims:          {ours:>10,.0f} items/s  (ratio {ours / base:.2f} of baseline)")
    if args.real:
        if not REAL.exists():
            print(f"real headlines: {REAL} not found, skipped")
            return
        titles = [(json.loads(line)["title"], "") for line in REAL.open(encoding="utf-8")]
        base = rate(baseline, titles)
        ours = rate(lambda t, s: extract_claims(t, s), titles)
        print(f"real headline titles: {len(titles)} items")
        print(f"  baseline fold+sentences: {base:>10,.0f} items/s")
        print(f"  extract_claims:          {ours:>10,.0f} items/s  (ratio {ours / base:.2f} of baseline)")


if __name__ == "__main__":
    main()
