"""Spot-check the extractor on real, unlabelled outlet headlines: how many it flags, and a sample to read.

Reads ../shared/data/headlines_2026.jsonl (titles from BBC Sport, The Guardian, ESPN and Marca)
when it is there and says so when it is not; nothing from it is stored in the project.
`python -m bot.evaluation.spotcheck [PATH] [--sample N] [--seed S]`
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from bot.claims.extract import extract_claims
from bot.evaluation.real import DEFAULT_DATA, read_jsonl, split_of

DEFAULT = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "headlines_2026.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.spotcheck")
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    path = Path(args.path)
    if not path.is_file():
        print(f"skipped: {path} is not here (the shared headline stream lives beside the repo)")
        return 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    held_out = _check_titles()
    if held_out:
        # The labelled headlines are these titles: the check part of them is scored, never read.
        rows = [row for row in rows if row["title"] not in held_out]
        print(f"(left out: {len(held_out)} titles in the check split of the labelled headlines)")
    flagged = []
    for row in rows:
        claims = extract_claims(row["title"], "", outlet=row.get("outlet"), published=row.get("published"))
        if claims:
            flagged.append((row, claims))
    print(f"{len(rows)} real headlines; {len(flagged)} flagged ({len(flagged) / len(rows):.1%}), "
          f"{sum(len(c) for _, c in flagged)} claims. A sample to read for precision:\n")
    for row, claims in random.Random(args.seed).sample(flagged, min(args.sample, len(flagged))):
        print(f"[{row.get('outlet')}] {row['title']}")
        for claim in claims:
            print(f"    -> {claim.subject} ({claim.role}) {claim.kind} · {claim.counterpart or '-'}")
    return 0


def _check_titles() -> set[str]:
    labelled = DEFAULT_DATA / "items_h.jsonl"
    if not labelled.is_file():
        return set()
    return {item["title"] for item in read_jsonl(labelled) if split_of("h", item["id"]) == "check"}


if __name__ == "__main__":
    sys.exit(main())
