"""Score the extractor on labelled items (tests/data/eval/LABELLING.md).

    python -m bot.evaluation.own tests/data/eval [--errors]

A predicted claim matches a labelled one in the same item when the subjects match (folded;
a bare surname matches the full name ending with it) and the kinds are equal. Precision,
recall and F1 per kind and overall; counterpart accuracy (through the gazetteer) and source
accuracy (folded, or the same gazetteer source) on matched claims.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.claims import gazetteer
from bot.claims.extract import extract_claims
from bot.claims.text import fold
from bot.evaluation.matching import f1, ratio
from bot.models import KINDS


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


@dataclass(slots=True)
class Report:
    items: int = 0
    overall: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    counterpart_ok: int = 0
    source_ok: int = 0
    matched: int = 0
    errors: list[str] = field(default_factory=list)  # "FP item: ..." / "FN item: ..." lines

    @property
    def counterpart_accuracy(self) -> float:
        return self.counterpart_ok / self.matched if self.matched else 1.0

    @property
    def source_accuracy(self) -> float:
        return self.source_ok / self.matched if self.matched else 1.0


def _subjects_match(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa == fb or fa.endswith(" " + fb) or fb.endswith(" " + fa)


def _club(name: str | None) -> str | None:
    if not name:
        return None
    club = gazetteer.club_named(name)
    return club.name if club else fold(name)


def _source(name: str | None) -> str | None:
    if not name:
        return None
    source = gazetteer.source_named(name) or gazetteer.club_named(name, weak=False)
    return fold(source.name) if source else fold(name)


def read_items(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    """Every labelled item in the given .jsonl files or directories of them."""
    for path in map(Path, paths):
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with file.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line)


def _fmt(c: dict[str, Any]) -> str:
    return (f"{c['subject']} [{c['role']}] {c['kind']} -> {c.get('counterpart')} "
            f"(from {c.get('from_club')}, source {c.get('source')})")


def evaluate(paths: Iterable[str | Path]) -> Report:
    report = Report()
    for item in read_items(paths):
        report.items += 1
        ref = item.get("id") or item.get("link") or "?"
        gold = list(item.get("claims", []))
        predicted = [
            c.to_json()
            for c in extract_claims(
                item.get("title", ""),
                item.get("summary", ""),
                outlet=item.get("outlet"),
                published=item.get("published"),
                item=item.get("link"),
            )
        ]
        unmatched = list(range(len(gold)))
        for p in predicted:
            hit = next(
                (g for g in unmatched
                 if gold[g]["kind"] == p["kind"] and _subjects_match(gold[g]["subject"], str(p["subject"]))),
                None,
            )
            kind = str(p["kind"])
            if hit is None:
                report.overall.fp += 1
                report.by_kind.setdefault(kind, Counts()).fp += 1
                report.errors.append(f"FP {ref}: {_fmt(p)}  <- {item.get('title')!r}")
                continue
            unmatched.remove(hit)
            g = gold[hit]
            report.overall.tp += 1
            report.by_kind.setdefault(kind, Counts()).tp += 1
            report.matched += 1
            cp_ok = _club(g.get("counterpart")) == _club(p["counterpart"])  # type: ignore[arg-type]
            src_ok = _source(g.get("source")) == _source(p["source"])  # type: ignore[arg-type]
            report.counterpart_ok += cp_ok
            report.source_ok += src_ok
            if not cp_ok:
                report.errors.append(f"CP {ref}: got {p['counterpart']}, want {g.get('counterpart')}  <- {_fmt(g)}")
            if not src_ok:
                report.errors.append(f"SRC {ref}: got {p['source']}, want {g.get('source')}  <- {_fmt(g)}")
        for g in unmatched:
            report.overall.fn += 1
            report.by_kind.setdefault(gold[g]["kind"], Counts()).fn += 1
            report.errors.append(f"FN {ref}: {_fmt(gold[g])}  <- {item.get('title')!r} | {item.get('summary', '')[:200]!r}")
    return report


def render(report: Report) -> str:
    lines = [f"{'kind':<20}{'tp':>5}{'fp':>5}{'fn':>5}{'prec':>8}{'recall':>8}{'f1':>8}"]
    rows = [(k, c) for k, c in report.by_kind.items() if c.tp + c.fp + c.fn]
    for name, c in [*rows, ("overall", report.overall)]:
        lines.append(f"{name:<20}{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}")
    lines.append(
        f"{report.items} items; on {report.matched} matched claims: counterpart accuracy "
        f"{report.counterpart_accuracy:.3f}, source accuracy {report.source_accuracy:.3f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.own", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+", help=".jsonl files or directories holding them")
    parser.add_argument("--errors", action="store_true", help="list false positives and negatives")
    args = parser.parse_args(argv)
    report = evaluate(args.paths)
    print(render(report))
    if args.errors:
        print()
        print("\n".join(report.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
