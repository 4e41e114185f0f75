"""Keeps the extractor's figures on the labelled evaluation set from regressing."""

from __future__ import annotations

import json
from pathlib import Path

from bot.evaluation.own import evaluate
from bot.models import KINDS, ROLES

EVAL = sorted((Path(__file__).parent.parent / "data" / "eval").glob("*.jsonl"))


def test_the_set_is_what_the_issue_asks_for() -> None:
    items = [json.loads(line) for path in EVAL for line in path.read_text(encoding="utf-8").splitlines() if line]
    assert len(items) >= 300
    assert sum(1 for item in items if not item["claims"]) / len(items) >= 0.40
    claims = [claim for item in items for claim in item["claims"]]
    assert {claim["kind"] for claim in claims} == set(KINDS)
    assert {claim["role"] for claim in claims} == set(ROLES)
    assert sum(1 for item in items if len(item["claims"]) > 1) >= 30


def test_precision_and_recall_stay_above_the_floor() -> None:
    report = evaluate(EVAL)
    # set_c was written away from the extractor's vocabulary (issue 9), so the whole set now
    # says 0.954 / 0.836 (2026-12-06, sixth round; 0.92 / 0.77 after the second); the floors
    # sit just under that so a regression shows.
    assert report.overall.precision >= 0.94
    assert report.overall.recall >= 0.82
