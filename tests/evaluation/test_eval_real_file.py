"""`python -m bot.evaluation.real --items --labels`: a labelled file from elsewhere scored whole,
with the same matching as the split files (fixtures in our own words)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.evaluation.real import main


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture()
def labelled(tmp_path: Path) -> tuple[Path, Path]:
    items = [
        {"id": "X1", "outlet": "Our own", "title": "Liverpool agree fee for Florian Wirtz", "summary": "",
         "link": "https://example.org/x1", "published": "2026-06-01T09:00:00Z"},
        {"id": "X2", "outlet": "Our own", "title": "Arsenal beat Fulham 2-0 at the Emirates", "summary": "",
         "link": "https://example.org/x2", "published": "2026-06-01T10:00:00Z"},
    ]
    labels = [
        {"id": "X1", "link": "https://example.org/x1", "claims": [
            {"subject": "Florian Wirtz", "role": "player", "kinds": ["agreement"], "counterpart": "Liverpool",
             "source": None}]},
        {"id": "X2", "link": "https://example.org/x2", "claims": []},
    ]
    return _write(tmp_path / "fresh.jsonl", items), _write(tmp_path / "fresh_labels.jsonl", labels)


def test_a_file_is_scored_whole_and_reported_under_its_name(labelled, capsys) -> None:  # type: ignore[no-untyped-def]
    items, labels = labelled
    assert main(["--items", str(items), "--labels", str(labels), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)["fresh/whole"]
    assert figures["items"] == 2
    assert (figures["right"], figures["wrong"], figures["found"], figures["missed"]) == (1, 0, 1, 0)
    assert figures["false_alerts"] == 0.0
    assert main(["--items", str(items), "--labels", str(labels), "--brief"]) == 0
    assert "fresh [whole]: 2 items, 1 claim-free" in capsys.readouterr().out


def test_the_split_labelled_files_are_refused(labelled, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    items, labels = labelled
    assert main(["--data", str(tmp_path), "--items", str(items), "--labels", str(labels)]) == 2
    assert "refused" in capsys.readouterr().err
    assert main(["--items", str(items)]) == 2
