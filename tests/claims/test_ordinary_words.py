"""An ordinary word with a capital it did not choose is no person: a column's label, a word
opening a headline, a title-case headline's words, a word the item also writes in lower case.
A surname that is an ordinary word stays a name when anything marks it as one: a verb after it,
a possessive, a role noun, a name it is listed with, SCOWL knowing it as a name, or the item
writing it with a capital of its own choice. Sentences written for these tests, in our own words."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bot.claims.extract import extract_claims
from bot.evaluation import build_common_words
from tests.claims.reading import people, people_and_kinds


@pytest.mark.parametrize(("title", "summary"), [
    # a column's label before a colon, one word or two
    ("Flashback: Newcastle complete signing of defender from Ajax", ""),
    ("Exclusive Insight: Forest Agree Fee For Striker", ""),
    ("Daily Briefing: Spurs make offer for Dutch forward", ""),
    ("Early Doors: Hammers agree fee for striker", ""),
    ("Fresh Blow: Burnley striker wants to leave", ""),
    ("Rumour Roundup: Leeds Agree Terms With Forward", ""),
    # every word of a title-case headline carries a capital
    ("Transfer Talk: Arsenal In Talks With Defender", ""),
    ("Weekend Wrap: Villa Sign Winger", ""),
    ("Kickoff Countdown: Rovers Agree Deal For Forward", ""),
    ("Dream Move: Teenager Joins Barcelona", ""),
    ("Big Decision Looms As Captain Rejects New Deal", ""),
    # a word opening a summary's sentence, which the item also writes in lower case
    ("Villa complete signing", "Highlights from the deal: Villa have signed the winger. Highlights of his career "
     "include a title, and the highlights of his debut are online."),
])
def test_an_ordinary_word_whose_capital_is_forced_is_nobody(title: str, summary: str) -> None:
    assert people(title, summary) == set()


@pytest.mark.parametrize(("title", "person", "kind"), [
    ("Rice signs new Arsenal contract", "Rice", "contract_extension"),  # SCOWL knows it as a name
    ("Walker joins Burnley", "Walker", "completed"),
    ("White signs one-year extension at Arsenal", "White", "contract_extension"),
    ("Frank sacked by Tottenham", "Frank", "departure"),
    ("Stones wants to leave Manchester City", "Stones", "departure"),  # a verb of the present after it
    ("Bronze renews Chelsea contract", "Bronze", "contract_extension"),
])
def test_a_surname_that_is_an_ordinary_word_keeps_its_claim(title: str, person: str, kind: str) -> None:
    assert (person, kind) in people_and_kinds(title)


def test_a_possessive_or_a_role_keeps_a_surname_that_is_an_ordinary_word() -> None:
    assert "Slot" in people("Liverpool boss Slot sacked after derby defeat")
    assert "Slot" in people("Slot's future at Liverpool in doubt as board considers sacking")


def test_a_name_listed_beside_another_name_stays_a_name() -> None:
    assert {"Bronze", "Stanway"} <= people("Bronze and Stanway set to leave Barcelona")


def test_the_item_writing_the_word_with_a_chosen_capital_keeps_it_a_name() -> None:
    # "Slot" opens the headline, but the summary writes "Arne Slot" and "says Slot".
    assert "Slot" in {c.subject.split()[-1] for c in extract_claims(
        "Slot set for talks over new Liverpool deal",
        "Liverpool want to extend the contract of head coach Arne Slot, who is in his second season.",
    )}


SCOWL = build_common_words.SCOWL


def _pinned_scowl() -> bool:
    files = {**build_common_words.WORDS, **build_common_words.NAMES}
    return all((SCOWL / name).exists() and hashlib.sha256((SCOWL / name).read_bytes()).hexdigest() == digest
               for name, digest in files.items())


@pytest.mark.skipif(not _pinned_scowl(), reason="Debian's scowl 2020.12.07-2 is not installed")
def test_the_shipped_word_list_is_what_make_common_words_builds() -> None:
    assert build_common_words.build() == Path(build_common_words.OUT).read_text(encoding="utf-8")


@pytest.mark.parametrize(("title", "person", "kind"), [
    ("Bronze Joins Chelsea", "Bronze", "completed"),  # a capitalised verb after it, as title case writes
    ("Hemp Signs New Manchester City Deal", "Hemp", "contract_extension"),
    ("Slot Set To Leave Liverpool In Summer", "Slot", "departure"),  # "set to", "set for"
])
def test_a_title_case_headline_keeps_a_surname_its_verb_marks(title: str, person: str, kind: str) -> None:
    assert people_and_kinds(title) == {(person, kind)}


@pytest.mark.parametrize(("title", "person"), [
    ("Brave Saka signs new Arsenal deal", "Saka"),
    ("Proud Ødegaard signs new Arsenal contract", "Ødegaard"),
    ("Defiant Amorim refuses to quit Manchester United", "Amorim"),
    # a given name that is also an ordinary word stays the name's first word
    ("Mark Noble retires from football", "Mark Noble"),
    ("Grant Hanley joins Hibernian", "Grant Hanley"),
])
def test_an_ordinary_word_before_a_name_is_not_its_first_name(title: str, person: str) -> None:
    assert people(title) == {person}


def test_a_title_case_name_ends_before_its_verb() -> None:
    assert people("Kylian Mbappé Sends Heartfelt Message To Xabi Alonso Amid Liverpool Links") == {"Xabi Alonso"}
    assert people("John Stones Signs New Manchester City Deal") == {"John Stones"}
    assert people("Lucy Bronze Joins Chelsea On Two-Year Deal") == {"Lucy Bronze"}



@pytest.mark.parametrize(("title", "person", "kind"), [
    ("Sterling joins Arsenal on loan", "Sterling", "loan"),  # SCOWL knows it as a name
    ("King signs for Fulham", "King", "completed"),
    ("Fleming joins Burnley", "Fleming", "completed"),  # an -ing word no dictionary holds
])
def test_a_surname_with_a_grammatical_ending_may_open_a_headline(title: str, person: str, kind: str) -> None:
    assert people_and_kinds(title) == {(person, kind)}


def test_a_grammatical_opener_is_still_nobody() -> None:
    assert people("Following talks, Arsenal agree fee for Eberechi Eze") == {"Eberechi Eze"}
