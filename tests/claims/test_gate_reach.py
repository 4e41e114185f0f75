"""The keyword gate's reach test (reach.py, openers.py): an item whose pattern needs a person
right after its keyword is turned away only when nothing there could become one, read by the
person finder's own start rules; and it never turns away an item the extractor reads a claim in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.bench_extract import synthetic
from bot.claims import kinds, learned, learned_switch
from bot.claims.extract import extract_claims
from bot.claims.nearby import SentenceView
from bot.claims.people import Person
from bot.claims.reach import reaches
from bot.claims.sentence import analyse
from bot.claims.text import clean, sentences, strip_boilerplate
from tests.claims.gates import OpenGate
from tests.claims.shared_data import shared_rows

# It swaps the extractor's parts (gates, switches): a pass of its own runs it on the Python modules
# when the compiled extractor is in use (Makefile, tests/conftest.py).
pytestmark = pytest.mark.pure_extractor

DATA = Path(__file__).parent.parent / "data"


def _items() -> list[dict[str, str]]:
    paths = sorted((DATA / "eval").glob("*.jsonl")) + [DATA / "extract_dev.jsonl"]
    return [json.loads(line) for p in paths for line in p.open(encoding="utf-8") if line.strip()]


def test_the_reach_is_read_off_the_pattern() -> None:
    (reach,) = reaches(kinds._p(r"\b(?:eye|eyes|keen on) (?=(?:\S+ ){0,4}@p)")) or ()
    assert (reach.slot, reach.most) == ("@p", 4)
    assert reach.whole == {("eye",), ("eyes",), ("keen", "on")}
    (reach,) = reaches(kinds._p(r"\bbids? (?:of @m )?for (?=(?:@c 's |\S+ ){0,2}@p)")) or ()
    # "@c 's " is two words a round; after the slot in "of @m for", "for" is whole.
    assert ("for",) in reach.whole and ("of", "@m", "for") not in reach.whole and reach.most == 4
    # No bound on the words between, a branch with no slot, or a slot as the phrase: no reach.
    assert reaches(kinds._p(r"\bsack (?:\S+ )*(?=@p)")) is None
    assert reaches(kinds._p(r"\bwant (?=@p)|\bon alert\b")) is None
    assert reaches(kinds._p(r"(?<!\S)@c (?=@p)")) is None
    assert reaches(kinds._p(r"(?<!\S)@m bid for (?=@p)")) == reaches(kinds._p(r"\bbid for (?=@p)"))


def test_the_big_interest_pattern_has_a_reach() -> None:
    # The pattern most items pass on without a person near ("kept a close eye on the situation").
    i = next(i for i, (_, rx, _) in enumerate(kinds.PATTERNS) if "keep tabs on|zero" in rx.pattern)
    near = kinds._GATE._near[i]
    assert near is not None and near.free is None  # every branch needs a person near
    assert [(r.slot, r.most) for _, r, _ in near.reached] == [("@p", 4)]
    assert {("eye",), ("keen", "on"), ("ask", "for"), ("asking", "for")} <= near.reached[0][1].whole


def test_a_branch_that_needs_a_slot_is_gated_by_it_beside_branches_that_need_none() -> None:
    # "Konaté to Arsenal?" needs a club right after "to"; "linked with" needs nobody near.
    i = next(i for i, (_, rx, _) in enumerate(kinds.PATTERNS) if "linked with|linked to" in rx.pattern)
    near = kinds._GATE._near[i]
    assert near is not None and near.free is not None
    assert [(r.slot, r.most, r.whole) for _, r, _ in near.reached] == [("@c", 0, {("to",)})]
    assert kinds.may_trigger("Konaté to Arsenal?", "")
    assert not kinds.may_trigger("What next for the title race now it is down to the wire?", "")
    assert kinds.may_trigger("Konaté linked with Arsenal, will the deal get done?", "")


@pytest.mark.parametrize(("title", "summary", "let_through", "claims"), [
    # No person, stand-in or pronoun within four words of "eye": turned away, and no claim.
    ("Transfer news roundup", "Chelsea have kept a close eye on the situation and are weighing options.", False, 0),
    ("Transfer news roundup", "Chelsea have kept a close eye on Konaté this season.", True, 1),
    ("Konaté's future", "Chelsea want him this summer.", True, 1),
    # "the Porto winger" may stand for a person: let through.
    ("Transfer news roundup", "Chelsea have kept a close eye on the Porto winger this season.", True, 0),
    # A headline description names a person once the summary does: let through in a title.
    ("Chelsea eye teenage sensation", "", True, 0),
    # A name in the next sentence is no slot of this one.
    ("Transfer news roundup", "Chelsea have kept an eye on things. Konaté trained on Monday.", False, 0),
    # A long description before the name is left out of a second reading (phrases.py): the
    # person is then near "eye", however far the text has it.
    ("Transfer news", "Arsenal have kept an eye on the highly rated versatile Portuguese striker Viktor Gyökeres.",
     True, 1),
    # Verbless moves in a summary (segments.py) need no pattern near "eye": "to @c" lets through,
    # also where no phrase a pattern needs a slot after is met ("eye" without a person).
    ("Transfer news", "Rumour mill: Isak to Liverpool, Sesko to Newcastle. Arsenal eye a striker.", True, 2),
    ("Transfer news", "The Galatasaray winger returns after missing go: Gyökeres to Arsenal - Romano", True, 1),
])
def test_an_item_is_let_through_when_a_person_may_stand_in_reach(
        title: str, summary: str, let_through: bool, claims: int) -> None:
    assert kinds.may_trigger(title, summary) is let_through
    assert len(extract_claims(title, summary)) == claims


def test_the_reach_test_is_off_only_while_the_model_records_items_to_learn_from(monkeypatch: pytest.MonkeyPatch) -> None:
    # Training learns from every item the keyword lets through; switched on, the model reads
    # only what the gates pass (its claims are the same either way on every labelled item).
    title, summary = "Transfer news roundup", "Chelsea have kept a close eye on the situation."
    for enabled in (True, False):
        monkeypatch.setattr(learned_switch, "ENABLED", enabled)
        assert not kinds.may_trigger(title, summary)
    with learned.recording():
        assert kinds.may_trigger(title, summary)


def _slots_start_where_the_gate_says(rows: list[dict[str, str]]) -> int:
    """How many slots were checked; asserts each starts at a token the gate takes (a failure
    names the slot and its unit, nothing of the text)."""
    main = Person("Somebody Else", 0, 0, "player", None)
    checked = 0
    texts = [(clean(r.get("title") or ""), strip_boilerplate(clean(r.get("summary") or ""))) for r in rows]
    for title, summary in texts:
        for text, headline in ((title, True), (summary, False)):
            for sent in sentences(text):
                gate_view = SentenceView(sent, headline)
                for s in (analyse(sent, main, headline=headline), analyse(sent, None)):
                    units = s.frame.units
                    for u, (start, _end, slot) in enumerate(units):
                        if slot in ("@p", "@c"):
                            assert gate_view.opener(slot, start), (slot, u)
                            checked += 1
    return checked


def test_every_person_and_club_the_finders_take_starts_where_the_gate_says_one_may() -> None:
    """The drift check: the gate asks the finders' own start rules, on the text as the gate sees
    it; every person (names, stand-ins, descriptions) and club slot in a frame of the fixtures
    and the bench stream starts at a token the gate would take."""
    rows = _items() + [{"title": t, "summary": s} for t, s in synthetic(600)]
    assert _slots_start_where_the_gate_says(rows) > 3000


@pytest.mark.slow
@pytest.mark.parametrize("name", ["labelled/items_h", "labelled/items_f", "labelled/items_seeds"])
def test_every_slot_of_the_real_items_starts_where_the_gate_says_one_may(name: str) -> None:
    rows = shared_rows(name)
    assert _slots_start_where_the_gate_says(rows) > 0


def test_no_item_the_extractor_reads_a_claim_in_is_turned_away() -> None:
    rows = _items() + [{"title": t, "summary": s} for t, s in synthetic(1500, seed=3)]
    turned = 0
    for r in rows:
        title, summary = clean(r.get("title") or ""), strip_boilerplate(clean(r.get("summary") or ""))
        if not kinds.may_trigger(title, summary):
            turned += 1
            gate = kinds._GATE
            kinds._GATE = OpenGate()  # type: ignore[assignment]
            try:
                assert extract_claims(r.get("title") or "", r.get("summary") or "") == []
            finally:
                kinds._GATE = gate
    assert turned > len(rows) // 4


def test_a_sentence_end_the_plain_splitter_cannot_read_does_not_cut_the_reach() -> None:
    # "St." leaves the split to syntok, which the gate does not run: it reads on across the end.
    summary = "Chelsea have kept a close eye. St. Pauli's Konaté trained on Monday."
    assert kinds.may_trigger("Transfer news roundup", summary)


def test_no_spliced_text_the_reach_test_alone_turns_away_holds_a_claim() -> None:
    """Texts spliced from two sentences of the fixtures and the bench stream (the start of one,
    the end of another): where the keyword gate alone lets one through and the reach test turns
    it away, the extractor with no gate reads no claim in it either."""
    import random

    from bot.claims.prefilter import Gate, flat

    rows = _items()
    pieces = [x for r in rows for x in sentences(clean(r.get("title") or "")) + sentences(clean(r.get("summary") or ""))]
    pieces += [x for t, s in synthetic(300, seed=5) for x in sentences(t) + sentences(s)]
    keywords_only = Gate([rx for _, rx, _ in kinds.PATTERNS], near=False)
    rng = random.Random(12)
    turned = 0
    for n in range(3000):
        a, b = rng.choice(pieces).split(), rng.choice(pieces).split()
        text = " ".join(a[: rng.randint(1, len(a))] + b[rng.randint(0, len(b) - 1):])
        title, summary = (text, "") if n % 2 else ("Transfer news", text)
        if kinds.may_trigger(title, summary) or not keywords_only.any(flat(title), flat(summary)):
            continue
        turned += 1
        gate = kinds._GATE
        kinds._GATE = OpenGate()  # type: ignore[assignment]
        try:
            assert extract_claims(title, summary) == [], n
        finally:
            kinds._GATE = gate
    assert turned > 100
