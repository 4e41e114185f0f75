"""The learned second opinion beside the rules (bot/claims/learned.py): an `interest` claim for
a person the rules say nothing of, when the model is confident enough. Items written for these
tests, in our own words."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.claims import learned, learned_switch
from bot.claims.extract import explain_claims, extract_claims
from bot.evaluation import train
from bot.evaluation.real import DEFAULT_DATA

# A headline that describes the player over a summary naming him, in words no rule pattern
# knows ("scouts impressed by"): only a model can see interest here.
TITLE = "Napoli scouts impressed by Forest winger"
SUMMARY = "Callum Hudson-Odoi has scored six goals for Nottingham Forest this season."


def _model_that_reads(*features: str, threshold: float = 0.5) -> learned.Model:
    """A model that is sure of interest when every one of `features` is present, and not otherwise."""
    weights = {learned.bucket(f): 4.0 for f in features}
    return learned.Model(bias=-4.0 * len(features) + 2.0, threshold=threshold, weights=weights)


@pytest.fixture
def keep_tabs_model(monkeypatch: pytest.MonkeyPatch) -> learned.Model:
    model = _model_that_reads("t:desc", "t:w:scouts")
    monkeypatch.setattr(learned, "load", lambda: model)
    monkeypatch.setattr(learned_switch, "ENABLED", True)
    return model


def test_a_described_player_the_rules_miss_gets_an_interest_claim_from_the_model(keep_tabs_model: learned.Model) -> None:
    claims = extract_claims(TITLE, SUMMARY)
    assert [(c.subject, c.role, c.kind, c.counterpart, c.from_club) for c in claims] == [
        ("Callum Hudson-Odoi", "player", "interest", "Napoli", "Nottingham Forest")]
    assert claims[0].evidence == TITLE  # the headline that told it
    _, lines = explain_claims(TITLE, SUMMARY)
    assert any(line.startswith("learned: Callum Hudson-Odoi interest -> Napoli") for line in lines)


def test_switched_off_the_rules_alone_say_nothing(keep_tabs_model: learned.Model, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned_switch, "ENABLED", False)
    assert extract_claims(TITLE, SUMMARY) == []


def test_below_its_threshold_the_model_adds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned, "load", lambda: _model_that_reads("t:desc", "t:w:scouts", threshold=0.99))
    monkeypatch.setattr(learned_switch, "ENABLED", True)
    assert extract_claims(TITLE, SUMMARY) == []


def test_a_person_the_rules_have_a_claim_about_gets_no_second_one(monkeypatch: pytest.MonkeyPatch) -> None:
    always = learned.Model(bias=30.0, threshold=0.5, weights={})
    monkeypatch.setattr(learned, "load", lambda: always)
    monkeypatch.setattr(learned_switch, "ENABLED", True)
    claims = extract_claims("Morgan Gibbs-White completes move to Tottenham",
                            "Morgan Gibbs-White signed a five-year contract with Tottenham on Friday.")
    assert [(c.subject, c.kind) for c in claims] == [("Morgan Gibbs-White", "completed")]


def test_with_the_shipped_model_a_claim_free_item_yields_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned_switch, "ENABLED", True)
    assert learned.load() is not None
    assert extract_claims("Forest winger scores twice in win over Fulham",
                          "Callum Hudson-Odoi scored twice as Nottingham Forest beat Fulham on Saturday.") == []
    assert extract_claims("Everton manager enjoys a first win of the season",
                          "David Moyes praised his players after the match at the new stadium.") == []


def test_with_the_shipped_model_a_described_winger_wanted_by_a_club_is_an_interest_claim(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learned_switch, "ENABLED", True)
    claims = extract_claims("Newcastle given boost in pursuit of Forest winger",
                            "Callum Hudson-Odoi has scored six goals for Nottingham Forest this season.")
    assert [(c.subject, c.kind, c.counterpart) for c in claims] == [
        ("Callum Hudson-Odoi", "interest", "Newcastle United")]


@pytest.mark.parametrize(("title", "summary", "role", "counterpart"), [
    # A sentence that names him alone speaks of his job: a manager, whom a national team may want.
    ("Scotland scouts impressed by Chris Wilder",
     "Chris Wilder has been in the job at Sheffield United for two seasons.", "manager", "Scotland"),
    # A player: a national team is no transfer.
    ("Scotland scouts impressed by Forest winger",
     "Callum Hudson-Odoi has scored six goals for Nottingham Forest this season.", "player", None),
    ("Napoli scouts impressed by Forest winger",
     "Callum Hudson-Odoi has scored six goals for Nottingham Forest this season.", "player", "Napoli"),
    # The job's sentence names someone else too: no role is read from it.
    ("Napoli scouts impressed by Chris Wilder",
     "Chris Wilder and Jamie Vardy have talked about the job at Sheffield United.", "player", "Napoli"),
])
def test_a_model_claim_reads_a_manager_from_the_words_of_his_job(
        title: str, summary: str, role: str, counterpart: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    always = learned.Model(bias=30.0, threshold=0.5, weights={})
    monkeypatch.setattr(learned, "load", lambda: always)
    monkeypatch.setattr(learned_switch, "ENABLED", True)
    claims = extract_claims(title, summary)
    assert [(c.kind, c.role, c.counterpart) for c in claims][:1] == [("interest", role, counterpart)], claims


def test_the_model_file_is_small_and_holds_numbers_only() -> None:
    raw = learned.MODEL_PATH.read_bytes()
    assert len(raw) < 1_000_000
    data = json.loads(raw)
    assert set(data) == {"format", "kind", "buckets", "hash", "seed", "folds", "repeats", "epochs", "l2",
                         "bias", "threshold", "index", "weight"}
    assert data["kind"] == "interest" and data["buckets"] == learned.BUCKETS
    assert all(isinstance(i, int) and 0 <= i < learned.BUCKETS for i in data["index"])
    assert all(isinstance(w, float | int) for w in data["weight"])
    assert data["index"] == sorted(set(data["index"]))
    assert 0.0 < data["threshold"] < 1.0


def test_buckets_are_the_same_in_every_process() -> None:
    # BLAKE2b, not Python's salted hash(): a fresh interpreter puts a feature in the same bucket.
    code = "from bot.claims.learned import bucket; print(bucket('t:w:winger'))"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(other.stdout) == learned.bucket("t:w:winger")


def test_extraction_imports_no_numeric_library() -> None:
    code = ("import sys; from bot.claims.extract import extract_claims; "
            "extract_claims('Napoli scouts impressed by Forest winger', 'Callum Hudson-Odoi has scored six goals.'); "
            "print(sorted({'numpy', 'sklearn', 'scipy'} & set(sys.modules)))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_without_labelled_data_make_model_says_so_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "model.json"
    assert train.main(["--data", str(tmp_path / "absent"), "--out", str(out)]) == 0
    assert "model not rebuilt: no labelled data" in capsys.readouterr().out
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.skipif(not (DEFAULT_DATA / "items_h.jsonl").is_file(),
                    reason=f"no labelled real items at {DEFAULT_DATA}: the model cannot be rebuilt here")
def test_rebuilding_the_model_gives_the_same_bytes_as_the_shipped_file(tmp_path: Path) -> None:
    """`make model` rebuilds exactly the file the bot ships (it depends on the rules' output: a
    change to the rules that moves it needs a rebuild, and this says so)."""
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert train.main(["--out", str(a)]) == 0
    assert train.main(["--out", str(b)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() == learned.MODEL_PATH.read_bytes(), "the shipped model is stale: run `make model`"


def test_the_model_is_on_unless_the_environment_switches_it_off() -> None:
    code = "from bot.claims import learned_switch; print(learned_switch.ENABLED)"
    bare = {k: v for k, v in os.environ.items() if k != "CLAIMWATCH_LEARNED"}
    for setting, enabled in ((None, "True"), ("on", "True"), ("ON", "True"), ("1", "True"), ("", "True"),
                             ("off", "False"), ("false", "False"), ("0", "False"), ("OFF", "False"), ("no", "False")):
        env = bare if setting is None else {**bare, "CLAIMWATCH_LEARNED": setting}
        shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        assert shown.stdout.strip() == enabled, setting
