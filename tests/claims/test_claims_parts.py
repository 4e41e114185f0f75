"""The extractor's parts: text cleaning, names without a list, club matching, evaluation."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.claims import kinds, people
from bot.claims.mentions import find as find_mentions
from bot.claims.text import clean, fold, sentences, tokenize, trim
from bot.evaluation.own import evaluate, main, render


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
    found, _, _ = people.find(tokens, find_mentions(tokens))
    return [p.name for p in found]


def test_names_without_a_player_list() -> None:
    assert _names("Liverpool sign Zorvan Kelmidze from Porto") == ["Zorvan Kelmidze"]
    assert _names("Juve want Frenkie de Jong and Mac Allister") == ["Frenkie de Jong", "Mac Allister"]
    assert _names("Trent Alexander-Arnold leaves") == ["Trent Alexander-Arnold"]
    assert _names("Transfer News: Real Madrid target in January") == []
    assert _names("Barcelona beat Sevilla in May") == []


def test_role_and_club_from_apposition() -> None:
    tokens = tokenize("Madrid boss Xabi Alonso wants Liverpool's Konaté")
    found, _, _ = people.find(tokens, find_mentions(tokens))
    assert [(p.name, p.role, p.club) for p in found] == [
        ("Xabi Alonso", "manager", "Real Madrid"),
        ("Konaté", None, "Liverpool"),
    ]


def test_clubs_longest_match_on_token_edges() -> None:
    tokens = tokenize("Paris Saint-Germain and Manchester United meet; Arsenalistas")
    names = [m.name for m in find_mentions(tokens) if m.kind == "club"]
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


def test_added_clubs_and_grounds() -> None:
    tokens = tokenize("Swansea City, Oxford United, Sheffield Wednesday, Woking, Southend United, "
                      "Real Madrid Castilla and Cesena")
    assert [m.name for m in find_mentions(tokens) if m.kind == "club"] == [
        "Swansea City", "Oxford United", "Sheffield Wednesday", "Woking", "Southend United",
        "Real Madrid Castilla", "Cesena"]
    # A ground names its club ("an Anfield return", "his contract at Old Trafford"), but
    # after "to", "in", "on" it is a place.
    tokens = tokenize("Anfield return for Salah as City go to the Etihad and his contract at Old Trafford")
    found = [(m.kind, m.name) for m in find_mentions(tokens) if m.kind != "source"]
    assert found == [("club", "Liverpool"), ("club", "Manchester City"), ("place", "Manchester City"),
                     ("club", "Manchester United")]


def test_pattern_gate_keeps_every_match() -> None:
    raw = r"\b(?:sack|sacks|fire)d? (?=@p)|(?<!\S)@c (?:interest|keen)\b|\bhere we go\b"
    gated = kinds._p(raw)
    assert gated.pattern.startswith("(?=[")
    text = "@c sack @p . @c keen on @p here we go ; fired @p @c interest"
    assert [m.span() for m in gated.finditer(text)] == [m.span() for m in re.finditer(raw, text)]
    assert kinds._p(r"(?:new )?deal").pattern.startswith("(?=[")
    assert kinds._p(r"(?:x)?").pattern == "(?:x)?"  # may match empty: no gate


def test_a_name_used_elsewhere_in_the_item_is_a_person() -> None:
    tokens = tokenize("Mac Allister tops Ancelotti's midfield wish list")
    mentions = find_mentions(tokens)
    _, unknown, _ = people.find(tokens, mentions)
    assert unknown  # alone, "Ancelotti's midfield" reads like "Swansea's Wales forward"
    found, unknown, _ = people.find(tokens, mentions, frozenset({"ancelotti"}))
    assert [p.name for p in found] == ["Mac Allister", "Ancelotti"] and not unknown


def test_names_not_taken_from_headline_words() -> None:
    assert _names("'Quiet leader' Moreno backed after new deal") == ["Moreno"]
    assert _names("Lucy Wales joins Aston Villa") == ["Lucy Wales"]
    assert _names("Jordan Beyer signs for Fulham") == ["Jordan Beyer"]
    assert _names("Almost 30,000 fans join the parade") == []
    assert _names("Porto sign Mali UCLscorer Traoré") == ["Traoré"]
    assert _names("Vardy heads to Serie B club") == ["Vardy"]


def test_roles_from_the_trigger_words() -> None:
    from bot.claims import roles
    from bot.claims.frame import Frame, Trigger, frame

    def frame_of(text: str) -> tuple[Frame, list[Trigger]]:
        tokens = tokenize(text)
        slots = {p.start: (p.end, "@p") for p in people.find(tokens, find_mentions(tokens))[0]}
        fr = frame([t.key for t in tokens], slots)
        return fr, kinds.triggers(fr)

    fr, trigs = frame_of("Mendes steps down after five years")
    assert roles.job_trigger(fr, trigs[0])
    fr, trigs = frame_of("Mendes leaves after five years")
    assert not roles.job_trigger(fr, trigs[0])
    fr, _ = frame_of("Mendes signs for Braga on loan")
    assert roles.player_words(fr, range(len(fr.units)))
