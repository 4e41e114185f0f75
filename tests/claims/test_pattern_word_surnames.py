"""A surname that is also one of the words the kind patterns are made of ("Young", "Cash"),
opening a headline or a sentence, is a person when the evidence says so: SCOWL knows the word as
a name, and the item writes it elsewhere with a capital it chose, or never writes it in lower
case while a verb of the present follows it. The same word read as grammar ("Chase", "Target"
opening a sentence about a pursuit the item also writes in lower case) stays nobody. The binding
gate turns none of these items away. Sentences written for these tests, in our own words."""

from __future__ import annotations

import pytest

from bot.claims import bindable, kinds, ordinary
from bot.claims.extract import extract_claims
from bot.claims.text import tokens_of
from tests.claims.reading import people_and_kinds


def test_the_surnames_here_are_pattern_words_that_scowl_knows_as_names() -> None:
    for word in ("young", "cash"):
        assert word in kinds.PATTERN_WORDS
        assert ordinary.also_a_name(word)


@pytest.mark.parametrize(("title", "summary", "person", "kind"), [
    # a verb of the present after the word, which the item never writes in lower case
    ("Cash joins Villa's rivals on loan", "", "Cash", "loan"),
    ("Young signs a new deal at Everton", "", "Young", "contract_extension"),
    # the item names the person in full elsewhere
    ("Young signs a new deal at Everton", "The veteran Ashley Young stays for one more season.",
     "Young", "contract_extension"),
])
def test_a_pattern_word_surname_opening_a_headline_keeps_its_claim(
        title: str, summary: str, person: str, kind: str) -> None:
    assert any(kind == k and person in subject for subject, k in people_and_kinds(title, summary))


def test_the_item_writing_the_word_in_lower_case_keeps_it_a_word() -> None:
    # "young" in lower case elsewhere: the opening "Young" is the adjective, not a surname
    tokens = tokens_of("Young signs a new deal at Everton")
    ordinary.new_item("Young signs a new deal at Everton", "He is popular with the young players at the club.")
    assert not ordinary.named_at_opening(tokens, 0)
    ordinary.new_item("Young signs a new deal at Everton", "Ashley Young is popular with the young players.")
    assert ordinary.named_at_opening(tokens, 0)  # a name in full outweighs the lower case


def test_a_pattern_word_no_dictionary_knows_as_a_name_stays_grammar() -> None:
    tokens = tokens_of("Pressure mounts on the Spurs boss")
    ordinary.new_item("Pressure mounts on the Spurs boss")
    assert "pressure" in kinds.PATTERN_WORDS
    assert not ordinary.named_at_opening(tokens, 0)


@pytest.mark.parametrize(("title", "summary"), [
    ("Everton news", "Young signs a new deal at the club. It runs to next summer."),
    ("Villa news", "Cash joins a rival on loan. The fee was not disclosed."),
    ("Everton news", "Young is set to sign a new deal. The club confirmed talks."),
])
def test_the_binding_gate_reads_an_item_whose_sentence_opens_with_such_a_surname(
        title: str, summary: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = extract_claims(title, summary)
    with monkeypatch.context() as m:
        m.setattr(bindable, "ENABLED", False)
        slow = extract_claims(title, summary)
    assert fast == slow


@pytest.mark.parametrize("title", [
    "Good news for Chelsea as Palmer weighs up a move",
    "Good News For Chelsea As Palmer Weighs Up A Move",
    "Best wishes for Spurs as Maddison nears a return",
])
def test_an_adjective_before_a_plural_noun_opening_a_headline_is_nobody(title: str) -> None:
    assert not any(subject.split()[0] in {"Good", "Best"} for subject, _ in people_and_kinds(title))
    ordinary.new_item(title)
    assert not ordinary.named_at_opening(tokens_of(title), 0)
