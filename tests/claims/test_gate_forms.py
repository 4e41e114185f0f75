"""Forms the extractor reads without any kind pattern's keyword (a round-up's "Isak to Liverpool",
"in the Šeško pursuit") get past the keyword gate wherever the extractor reads them: in a title or
a summary, after any mark that opens a segment, with a name in any script. The alert a user gets
with the gate is the one they would get without it."""

from __future__ import annotations

import pytest

from tests.claims.gates import plain
from tests.claims.reading import told_in_order

# It swaps the extractor's parts (gates, switches): a pass of its own runs it on the Python modules
# when the compiled extractor is in use (Makefile, tests/conftest.py).
pytestmark = pytest.mark.pure_extractor

ITEM = "https://wire.example/1"  # the item's address, as a feed gives it


@pytest.mark.parametrize(("title", "summary"), [
    ("Transfer news", "Isak to Liverpool"),  # a round-up in the summary under a neutral title
    ("Transfer round-up", "Isak to Liverpool, Gyökeres to Arsenal and Šeško to Manchester United"),
    ("Round-up", "Isak to Liverpool; Sesko to Manchester United."),
    ("Ødegaard to Barcelona", ""),  # a name opening with a capital outside ASCII
    ("Round-up • Isak to Liverpool • Šeško to Manchester United", ""),
    ("Big news. Isak to Liverpool", ""),
    ("Manchester United fall behind Chelsea in Šeško pursuit", ""),
    ("Chelsea pull ahead in Ødegaard sweepstakes", ""),
    ("Round-up", "van Dijk to Real Madrid"),  # a name opening with a particle
    ("Transfer news", "According to Marca, Isak to Liverpool"),
])
def test_a_form_read_without_a_pattern_keyword_gets_past_the_gate(
        title: str, summary: str, monkeypatch: pytest.MonkeyPatch) -> None:
    gated = told_in_order(title, summary, item=ITEM)
    with plain(monkeypatch):
        assert gated == told_in_order(title, summary, item=ITEM)
    assert gated, "the extractor reads a claim here"


def test_one_word_of_grammar_opening_a_sentence_is_nobody_s_move() -> None:
    """"According to Marca" opens many summaries: the gate does not read it as "Isak to Liverpool",
    as the person finder takes no one-word person there (and so no alert follows either way)."""
    from bot.claims.segments import may_hold

    assert not may_hold("Kane scores twice as Bayern win", "According to Marca, the clubs spoke on Monday.")
    assert may_hold("Round-up", "According to Marca, Isak to Liverpool")
