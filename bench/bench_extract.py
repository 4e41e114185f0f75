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
import random
import time
from collections.abc import Callable
from pathlib import Path

from bot.claims.extract import extract_claims
from bot.claims.text import clean, fold, key, sentences

# The shared headline stream lives beside the repo; the --real run skips when it is absent.
REAL = Path(__file__).resolve().parents[2] / "shared" / "data" / "headlines_2026.jsonl"

_CLUBS = ["Arsenal", "Chelsea", "Liverpool", "Real Madrid", "Barcelona", "Bayern Munich", "Juventus",
          "Inter Milan", "Napoli", "Porto", "Benfica", "Everton", "Brighton", "Celtic", "Ajax", "Lyon"]
_ROLES = ["defender", "midfielder", "striker", "winger", "goalkeeper", "forward"]
_TRANSFER = [
    "{c1} eye {c2}'s {name}",
    "{c1} make £{m}m bid for {c2} {role} {name}",
    "{name} agrees personal terms with {c1}",
    "{c2} reject {c1} offer for {name}",
    "{name} signs new {c2} contract until 2029",
    "{c1} sack manager {name}",
    "{name} to have {c1} medical after fee agreed with {c2}",
    "{name} joins {c1} on loan from {c2}",
    "{c2} insist {name} is not for sale",
    "{c1} in talks with {c2} over {name}",
]
_OTHER = [
    "{name} scores twice as {c1} beat {c2}",
    "{c1} 2-1 {c2}: player ratings and talking points",
    "{name} out for six weeks with a knee injury",
    "{c1} announce record revenue for the season",
    "Five things we learned from {c1} against {c2}",
    "{name} wins player of the month award",
]
_SUMMARY = [
    "The {role} has been a regular for {c2} since arriving three seasons ago.",
    "According to {src}, the clubs spoke again on Monday.",
    "<p>{c1} have kept a close eye on the situation &amp; are weighing their options.</p>",
    "The match was played in front of a crowd of {m},000.",
]
_SOURCES = ["Marca", "Sky Sports", "The Athletic", "Fabrizio Romano", "L'Equipe"]
_SYLLABLES = ["ka", "lo", "mi", "ren", "do", "sa", "vic", "tor", "an", "ez", "ba", "ri", "ol", "ta"]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{word()} {word()}" if rng.random() < 0.6 else word()


def synthetic(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """A stream like real feeds: about one item in six is transfer or managerial news."""
    rng = random.Random(seed)
    items = []
    for _ in range(n):
        c1, c2 = rng.sample(_CLUBS, 2)
        fields = {"c1": c1, "c2": c2, "name": _name(rng), "role": rng.choice(_ROLES),
                  "m": rng.randint(10, 90), "src": rng.choice(_SOURCES)}
        template = rng.choice(_TRANSFER if rng.random() < 1 / 6 else _OTHER)
        summary = " ".join(rng.choice(_SUMMARY) for _ in range(rng.randint(0, 2)))
        items.append((template.format(**fields), summary.format(**fields)))
    return items


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
