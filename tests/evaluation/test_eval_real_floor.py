"""Evaluation on real outlets' items labelled by two annotators (../shared): floors that keep
the extractor from regressing. Skips cleanly when ../shared is not beside the repository."""

from __future__ import annotations

import pytest

from bot.evaluation.real import DEFAULT_DATA, evaluate, split_of

pytestmark = pytest.mark.skipif(not (DEFAULT_DATA / "items_h.jsonl").is_file(),
                                reason=f"no labelled real items at {DEFAULT_DATA}")


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return evaluate(DEFAULT_DATA, ("tune", "check"))


def test_the_split_is_fixed_and_about_seventy_thirty() -> None:
    ids = [f"H{n:04d}" for n in range(1, 2001)]
    tune = sum(split_of("h", i) == "tune" for i in ids)
    assert 0.66 < tune / len(ids) < 0.74
    assert split_of("h", "H0001") == split_of("h", "H0001")  # a pure function of the id


def test_check_split_floor(scores) -> None:  # type: ignore[no-untyped-def]
    # Measured 2026-12-06, sixth round: check P 0.81 R 0.69, counterpart 61 of 68 (0.897; 62 of
    # 68 before that round, which lost one on check and one on the fresh holdout too, unexplained
    # because check is never read item by item); targets 0.92 / 0.80 / 0.90, not met yet.
    check = scores[("all", "check")]
    assert check.overall.precision >= 0.79
    assert check.overall.recall >= 0.67
    assert check.false_alert_rate <= 0.02
    assert check.counterpart_accuracy >= 0.89


def test_tune_split_floor(scores) -> None:  # type: ignore[no-untyped-def]
    tune = scores[("all", "tune")]  # 0.95 / 0.89 measured 2026-12-06, fifth and sixth rounds
    assert tune.overall.precision >= 0.93
    assert tune.overall.recall >= 0.87


def test_seed_articles_floor(scores) -> None:  # type: ignore[no-untyped-def]
    seeds = scores[("seed articles", "whole")]
    assert seeds.overall.found >= 10  # of 10 firm claims: every one (2026-12-06)
    assert seeds.overall.wrong == 0  # and none invented
