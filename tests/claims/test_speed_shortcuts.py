"""Each short cut says what the search it stands before says: the title tests, the round-up
forms' searches (segments.py); on fixtures, the bench stream and
generated text with the characters re.I matches in more than one case ("ı", "ſ", "K")."""

from __future__ import annotations

import random
import re
from pathlib import Path

from bench.bench_extract import synthetic
from bot.claims import segments, shortcuts
from bot.claims.screen import COLUMN, MATCH_OR_CLIP
from bot.claims.text import clean, sentences, strip_boilerplate
from tests.claims.shared_data import jsonl

DATA = Path(__file__).parent.parent / "data"


def _texts() -> list[str]:
    rows = [row for p in sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"] for row in jsonl(p)]
    out = [clean(r.get("title") or "") for r in rows] + [strip_boilerplate(clean(r.get("summary") or "")) for r in rows]
    out += [clean(t) for t, _ in synthetic(400)] + [strip_boilerplate(clean(s)) for _, s in synthetic(400)]
    out += [s for text in list(out) for s in sentences(text)]
    rng = random.Random(12)
    pieces = ["Isak", "to", "Liverpool", " to ", "Ødegaard", "van", "and", "in the", "Baleba", "pursuit", "PURSUIT",
              "Chaſe", "raıce", "Hunt", "sweepstaKes", "Highlights", "Player ratings", "2-1", "1 – 3", "10-year",
              "| Jonathan Wilson", "|", ":", ", ", ".", "?", "–", "-", "\t", "\u00a0", "Recap", "in pictures", "x"]
    out += ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(1, 12))) for _ in range(6000)]
    return out


def test_the_title_tests_say_what_their_searches_say() -> None:
    for title in _texts():
        assert shortcuts.column(COLUMN, title) == (COLUMN.search(title) is not None)
        assert shortcuts.match_or_clip(MATCH_OR_CLIP, title) == (MATCH_OR_CLIP.search(title) is not None)


def test_the_round_up_forms_are_found_where_their_searches_find_them() -> None:
    for text in _texts():
        if next(segments._MAY_MOVE.finditer(text), None) is None:  # the quick test says no only where
            assert not segments._may_move(text)  # the search finds nothing (what follows it is unchanged)
        else:
            assert segments._TO_CAP.search(text)
        assert segments._may_pursue(text) == (segments._MAY_PURSUE.search(text) is not None)
    assert segments._may_move("Round-up: Isak to Liverpool")


def test_the_move_form_search_finds_what_its_pattern_finds() -> None:
    """_move_matches() gives _MAY_MOVE.finditer()'s matches, and the mark each opened with."""
    rng = random.Random(5)
    pieces = ["Isak", " to ", "Liverpool", ", ", "and ", "band ", "hand", "And ", "According", ": ", ". ", "van ",
              "Dijk", "–", "—", "-", "&", "•", "?", "!", "|", ";", " ", "\u00a0", "\t", "O'Neill", "Ødegaard", "ı"]
    texts = _texts() + ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(20000)]
    for text in texts:
        ours = [(m.span(), m.span("name"), text[m.start()] if m.start() < m.start("name")
                 and text[m.start()] in segments._MOVE_MARKS else None) for m in segments._move_matches(text)]
        assert ours == [(m.span(), m.span("name"), m.group("mark")) for m in segments._MAY_MOVE.finditer(text)], text
        assert (segments._TO_CAP.search(text) is None) == (segments._TO_CAP_SEARCH.search(text) is None), text
    assert segments._may_pursue("Chelsea lead in the Baleba pursuit")



def test_an_empty_text_is_passed_over_only_where_it_opens_no_pattern() -> None:
    from bot.claims import kinds
    from bot.claims import sentence as sentence_module
    from bot.claims.prefilter import Gate

    for gate in (kinds._GATE, sentence_module._SOURCE_GATE, Gate([re.compile(r"\w+")]), Gate([re.compile(r"(?:bid)?")])):
        opens = any(gate._near_needs("", reach) is not None for reach in (False, True))
        assert gate._empty_opens == opens
        assert gate.any("", "", written=("", "")) == bool(gate.which("")) == opens


def test_the_shouting_hint_is_found_wherever_a_shout_is() -> None:
    """strip_boilerplate searches for a shout only where its hint is: every shout holds one, on the
    texts above and on generated capitals, digits and the marks words and separators hold."""
    from bot.claims.text import _SHOUT, _SHOUT_HINT

    rng = random.Random(21)
    chars = "AB9 &.,’'–-:!xa_É\u00a0\t"
    texts = _texts() + ["".join(rng.choice(chars) for _ in range(rng.randint(0, 30))) for _ in range(60000)]
    texts += ["DOWNLOAD THE OFFICIAL CLUB APP NOW!", "A.B.C.D.E.F", "crowd of 35,000 & 40,000 more"]
    for text in texts:
        assert _SHOUT_HINT.search(text) or not _SHOUT.search(text), text
    assert _SHOUT_HINT.search("DOWNLOAD THE OFFICIAL CLUB APP NOW!")
    assert not _SHOUT_HINT.search("The match was played in front of a crowd of 35,000.")
