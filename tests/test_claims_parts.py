"""The extractor's parts: text cleaning, names without a list, club matching, evaluation."""

from __future__ import annotations

import json
from pathlib import Path

from bot.claims import entities, people
from bot.claims.evaluate import evaluate, main, render
from bot.claims.text import clean, fold, sentences, tokenize, trim


def test_clean_strips_tags_and_entities_and_keeps_paragraph_breaks() -> None:
    assert clean("<p>Arsenal &amp; Chelsea</p><p>Second line</p>") == "Arsenal & Chelsea. Second line"
    assert clean("&lt;p&gt;escaped&lt;/p&gt;") == "escaped"
    assert clean(None) == ""


def test_fold_and_sentences() -> None:
    assert fold("  Martin  ØDEGAARD ") == "martin odegaard"
    assert sentences("One headline only") == ["One headline only"]
    assert sentences("Mr. Slot spoke. He was calm.") == ["Mr. Slot spoke.", "He was calm."]


def test_tokenize_splits_possessives() -> None:
    assert [t.key for t in tokenize("Porto's Costa")] == ["porto", "'s", "costa"]
    assert [t.key for t in tokenize("Rangers' Fernandez")] == ["rangers", "'s", "fernandez"]


def test_trim() -> None:
    assert len(trim("word " * 200)) <= 300


def _names(text: str) -> list[str]:
    tokens = tokenize(text)
    found, _, _ = people.find(tokens, entities.find(tokens))
    return [p.name for p in found]


def test_names_without_a_player_list() -> None:
    assert _names("Liverpool sign Zorvan Kelmidze from Porto") == ["Zorvan Kelmidze"]
    assert _names("Juve want Frenkie de Jong and Mac Allister") == ["Frenkie de Jong", "Mac Allister"]
    assert _names("Trent Alexander-Arnold leaves") == ["Trent Alexander-Arnold"]
    assert _names("Transfer News: Real Madrid target in January") == []
    assert _names("Barcelona beat Sevilla in May") == []


def test_role_and_club_from_apposition() -> None:
    tokens = tokenize("Madrid boss Xabi Alonso wants Liverpool's Konaté")
    found, _, _ = people.find(tokens, entities.find(tokens))
    assert [(p.name, p.role, p.club) for p in found] == [
        ("Xabi Alonso", "manager", "Real Madrid"),
        ("Konaté", None, "Liverpool"),
    ]


def test_clubs_longest_match_on_token_edges() -> None:
    tokens = tokenize("Paris Saint-Germain and Manchester United meet; Arsenalistas")
    names = [m.name for m in entities.find(tokens) if m.kind == "club"]
    assert names[:2] == ["Paris Saint-Germain", "Manchester United"]


def test_evaluate_report_and_cli(tmp_path: Path, capsys) -> None:
    item = {"id": "t1", "title": "Newcastle open talks with Brentford over Yoane Wissa", "summary": "",
            "claims": [{"subject": "Wissa", "role": "player", "kind": "talks",
                        "counterpart": "Newcastle", "from_club": "Brentford", "source": None},
                       {"subject": "Someone Else", "role": "player", "kind": "loan",
                        "counterpart": None, "from_club": None, "source": None}]}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    report = evaluate([tmp_path])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 0, 1)
    assert report.counterpart_accuracy == 1.0 and report.source_accuracy == 1.0
    assert "overall" in render(report)
    main([str(path), "--errors"])
    assert "FN t1" in capsys.readouterr().out
