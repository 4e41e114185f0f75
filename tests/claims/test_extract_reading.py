"""How the extractor reads what real outlets write around a development: wishes and imminent
deals, headlines that describe instead of naming, full articles, publishing boilerplate,
match reports, and the --explain trace. Sentences written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.claims.extract import explain_claims, extract_claims
from tests.claims.reading import told


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Aston Villa sign Morgan Rogers from Middlesbrough", ("Morgan Rogers", "completed", "Aston Villa")),
        ("Morgan Rogers could join Chelsea next summer", ("Morgan Rogers", "interest", "Chelsea")),
        ("Chelsea ready to sign Morgan Rogers", ("Morgan Rogers", "interest", "Chelsea")),
        # Ready to take a deal's last step is imminent (the real labels read "ready to seal a deal" so).
        ("Chelsea ready to complete a move for Morgan Rogers", ("Morgan Rogers", "agreement", "Chelsea")),
        ("Morgan Rogers set to join Chelsea", ("Morgan Rogers", "agreement", "Chelsea")),
        ("Morgan Rogers poised for Chelsea move", ("Morgan Rogers", "agreement", "Chelsea")),
    ],
)
def test_a_wish_is_interest_and_an_imminent_deal_is_agreement(title: str, expected: tuple) -> None:
    assert told(title) == {expected}


def test_a_headline_that_describes_the_player_takes_the_name_from_its_summary() -> None:
    title = "Everton line up summer move for 21-year-old playmaker"
    summary = "Everton are keen on Lyon's Rayan Cherki, whose contract runs until 2028."
    assert ("Rayan Cherki", "interest", "Everton") in told(title, summary)


def test_the_publishing_footer_does_not_repeat_the_headline_as_news() -> None:
    title = "Why Brentford will not sign a striker this month"
    summary = ("Keith Andrews is happy with his forwards. The post Brentford sign Igor Thiago appeared "
               "first on Bees Blog.")
    assert told(title, summary) == set()


def test_a_score_line_marks_a_match_report() -> None:
    assert told("Everton 2-0 Fulham: Iliman Ndiaye scores as Moyes's side close in on Europe") == set()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Jordan Henderson retires at 36", ("Jordan Henderson", "departure", None)),
        ("Napoli willing to sell Rasmus Hojlund this summer", ("Rasmus Hojlund", "departure", None)),
        ("Pressure mounts on Ruben Amorim after another defeat", ("Ruben Amorim", "departure", None)),
        ("Burnley boss Scott Parker dismisses Leeds link as nonsense", ("Scott Parker", "denial", "Leeds United")),
    ],
)
def test_families_of_phrasing_for_departures_and_denials(title: str, expected: tuple) -> None:
    assert expected in told(title)


def test_a_full_article_resolves_each_description_within_its_paragraph() -> None:
    title = "Madrid's midfield plans take shape"
    summary = "Real Madrid weigh up their options."
    content = ("Real Madrid have opened talks with Liverpool over Alexis Mac Allister.\n\n"
               "Elsewhere, Brighton's Carlos Baleba is also admired in Madrid. The midfielder "
               "is the subject of an enquiry from Real Madrid, who sent scouts last week.\n\n")
    claims = told(title, summary, content=content)
    assert ("Alexis Mac Allister", "talks", "Real Madrid") in claims
    assert ("Carlos Baleba", "talks", "Real Madrid") in claims
    assert ("Alexis Mac Allister", "talks", "Brighton & Hove Albion") not in claims


def test_explain_names_people_candidates_and_drops() -> None:
    claims, lines = explain_claims("Arsenal will not sign Dusan Vlahovic, Mikel Arteta insists")
    text = "\n".join(lines)
    assert "people: Dusan Vlahovic" in text
    assert "dropped" in text or "candidate" in text
    _, lines = explain_claims("Everton 2-0 Fulham: Ndiaye scores")
    assert lines == ["dropped: the title marks a match report or a clip"]


def test_extract_explain_from_the_command_line(tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(json.dumps({"title": "Morgan Rogers could join Chelsea next summer", "summary": "",
                                 "link": "https://example.org/rogers"}) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "bot", "extract", str(items), "--explain"],
                         capture_output=True, text=True, check=True)
    assert "== Morgan Rogers could join Chelsea next summer" in run.stdout
    assert "completed read as interest" in run.stdout
    assert "CLAIM Morgan Rogers [player] interest -> Chelsea" in run.stdout
    run = subprocess.run([sys.executable, "-m", "bot", "extract", str(items), "--json"],
                         capture_output=True, text=True, check=True)
    claim = json.loads(run.stdout.splitlines()[0])
    assert (claim["item"], claim["kind"], claim["counterpart"]) == ("https://example.org/rogers", "interest", "Chelsea")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # Winning the race ends the contest: the deal is near, not yet official (claims.md).
        ("Brentford win race to sign Kevin Schade", ("Kevin Schade", "agreement", "Brentford")),
        ("Youri Tielemans watched closely by Juventus", ("Youri Tielemans", "interest", "Juventus")),
        ("Sunderland set to make Granit Xhaka record signing", ("Granit Xhaka", "agreement", "Sunderland")),
        ("Ange Postecoglou returns as new Celtic manager", ("Ange Postecoglou", "completed", "Celtic")),
        ("Everton tracking Aston Villa midfielders Jacob Ramsey and Boubacar Kamara",
         ("Boubacar Kamara", "interest", "Everton")),
    ],
)
def test_more_general_forms(title: str, expected: tuple) -> None:
    assert expected in told(title)


def test_a_retirement_mentioned_in_passing_is_no_departure() -> None:
    assert told("Thomas Muller reverses retirement to play one more season") == set()
    assert ("Thomas Muller", "departure", None) in told("Thomas Muller announces his retirement")


def test_a_name_that_only_qualifies_another_noun_is_not_the_subject() -> None:
    assert told("Fulham line up move for Joao Palhinha replacement") == set()
    claims = told("Mikel Arteta's Arsenal plot a move for Sesko")
    assert ("Sesko", "interest", "Arsenal") in claims
    assert not any(subject == "Mikel Arteta" for subject, _, _ in claims)
    assert ("Bielsa", "departure", None) in told("The end of Bielsa's Uruguay reign")


@pytest.mark.parametrize(
    "title",
    [
        "Bukayo Saka returns to Arsenal training after hamstring problem",
        "Jurgen Klopp claims dismissed as speculation by Leipzig",
        "Cole Palmer strike a contender for goal of the season",
    ],
)
def test_move_words_in_other_senses(title: str) -> None:
    assert not {k for _, k, _ in told(title)} & {"completed", "departure", "interest"}


@pytest.mark.parametrize(
    ("title", "summary", "expected"),
    [
        # A clause that names nobody is about the person the clause it introduces names.
        ("Newcastle on alert as Morgan Gibbs-White's future is uncertain", "",
         ("Morgan Gibbs-White", "interest", "Newcastle United")),
        # A list of clubs and a headline noun describe the player between trigger and name.
        ("Everton eye move for former Chelsea and Leicester superstar Kiernan Dewsbury-Hall", "",
         ("Kiernan Dewsbury-Hall", "interest", "Everton")),
        ("Juventus and Napoli set for tug-of-war over Serie A phenomenon",
         "Como forward Nico Paz has impressed this season.", ("Nico Paz", "interest", "Juventus")),
    ],
)
def test_bindings_reach_past_descriptions_and_clauses(title: str, summary: str, expected: tuple) -> None:
    assert expected in told(title, summary)


def test_an_article_paragraph_that_names_nobody_describes_the_last_person_named() -> None:
    content = ("Tottenham have made an offer for Marc Guehi.\n\n"
               "Meanwhile, Crystal Palace have set a price for Eberechi Eze.\n\n"
               "Arsenal are among the clubs keen on a summer deal for the England international midfielder.\n\n")
    claims = told("Palace news round-up", "Palace weigh their summer.", content=content)
    assert ("Eberechi Eze", "interest", "Arsenal") in claims
    assert ("Marc Guehi", "interest", "Arsenal") not in claims


def test_a_successor_in_a_joined_clause_is_the_one_who_takes_the_job() -> None:
    claims = told("Xabi Alonso says goodbye to Leverkusen and is set to replace Carlo Ancelotti at Real Madrid")
    assert {("Xabi Alonso", "agreement", "Real Madrid"), ("Xabi Alonso", "completed", "Real Madrid")} & claims
    assert not any(subject == "Carlo Ancelotti" and kind != "departure" for subject, kind, _ in claims)


def test_urging_a_club_to_do_a_deal_is_a_wish_and_a_teammate_calling_is_no_talks() -> None:
    claims = told("Kylian Mbappe tells Real Madrid to get a deal done for Ibrahima Konate",
                  "Mbappe will speak to Konate during the international break.")
    assert ("Ibrahima Konate", "interest", "Real Madrid") in claims
    assert not {kind for _, kind, _ in claims} & {"agreement", "talks"}


def test_a_modifier_hyphenated_to_a_club_leaves_the_club_whole() -> None:
    claims = told("Tottenham edge ahead in chase for Man United-linked midfielder Joao Gomes")
    assert ("Joao Gomes", "interest", "Tottenham Hotspur") in claims
    assert not any(subject == "Man" for subject, _, _ in claims)
    assert ("Son Heung-min", "departure", None) in told("Son Heung-min to leave Tottenham")


def test_the_person_announcing_a_rejected_offer_is_not_its_subject() -> None:
    claims = told("Oliver Glasner confirms Crystal Palace had offers rejected for a new striker")
    assert not any(subject == "Oliver Glasner" for subject, _, _ in claims)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Arsenal complete squad overhaul with signing of Spain keeper Joan Garcia",
         ("Joan Garcia", "completed", "Arsenal")),
        ("Swap agreed for Everton's Dwight McNeil and Palace's Daniel Munoz",
         ("Daniel Munoz", "agreement", None)),
        ("Manchester City expect Rodri to stay despite Real Madrid links", ("Rodri", "denial", None)),
        ("Real Madrid do not want Rodri, says Xabi Alonso", ("Rodri", "denial", "Real Madrid")),
        ("Who is Brentford target Igor Thiago?", ("Igor Thiago", "interest", "Brentford")),
    ],
)
def test_noun_forms_lists_negations_and_questions(title: str, expected: tuple) -> None:
    subject, kind, counterpart = expected
    claims = told(title)
    assert any(s == subject and k == kind and (counterpart is None or c == counterpart) for s, k, c in claims), claims


def test_exit_talk_beside_a_destination_is_that_move_not_a_departure() -> None:
    claims = told("Newcastle eye swoop for Brentford forward Yoane Wissa, linked with a summer exit")
    assert ("Yoane Wissa", "interest", "Newcastle United") in claims
    assert ("Yoane Wissa", "departure", None) not in claims
    # A stated exit stays news of its own beside the interest.
    claims = told("Yoane Wissa will leave Brentford this summer as Newcastle circle")
    assert ("Yoane Wissa", "departure", None) in claims


def test_a_role_said_of_the_subject_is_no_stand_in_for_another_person() -> None:
    claims = told("Ancelotti wants Real Madrid to sign Mac Allister", "",
                  content=("Carlo Ancelotti wants Real Madrid to sign Alexis Mac Allister.\n\n"
                           "Ancelotti is stepping down as the Madrid head coach and will become "
                           "the new Brazil boss.\n\n"))
    assert ("Carlo Ancelotti", "agreement", "Brazil") in claims
    assert not any(s == "Alexis Mac Allister" and c == "Brazil" for s, _, c in claims)


def test_the_one_called_to_leave_is_not_the_caller() -> None:
    claims = told("Kylian Mbappe has been calling him regularly to leave Liverpool")
    assert ("Kylian Mbappe", "departure", None) not in claims


def test_a_job_to_come_is_not_the_club_held() -> None:
    claims = told("Xabi Alonso is set to replace Carlo Ancelotti in the Bernabeu hotseat",
                  "Incoming Madrid manager Alonso has already chosen his first signing.")
    # "set to replace": an imminent appointment, agreement under claims.md (policy.py); the club is the job's
    assert ("Xabi Alonso", "agreement", "Real Madrid") in claims


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Chelsea are preparing a €30m bid for highly rated Nantes centre-back Tylel Tati",
         ("Tylel Tati", "bid", "Chelsea")),
        ("Liverpool plot a raid on Sporting to sign their Colombian striker, Luis Suarez",
         ("Luis Suarez", "interest", "Liverpool")),
        ("Arsenal agree a deal for England under-19 international Jaden Dixon",
         ("Jaden Dixon", "agreement", "Arsenal")),
    ],
)
def test_a_noun_phrase_that_ends_in_a_name_is_crossed(title: str, expected: tuple) -> None:
    assert expected in told(title)


def test_labels_loans_made_permanent_and_calls_for_a_sacking() -> None:
    claims = told("Sources: Asking price set for first-team star", "Liverpool are open to letting Federico Chiesa go.")
    assert not any(subject == "Asking" for subject, _, _ in claims)
    claims = told("Barcelona in talks to make Marcus Rashford's loan move permanent")
    assert ("Marcus Rashford", "loan", "Barcelona") not in claims
    claims = told("Newcastle fans asking for Eddie Howe to be sacked")
    assert ("Eddie Howe", "interest", "Newcastle United") not in claims


def test_extract_piped_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    line = json.dumps({"title": "Brentford sign Igor Thiago from Club Brugge", "summary": "", "link": "x"})
    items.write_text("\n".join([line] * 3000) + "\n", encoding="utf-8")
    reader = subprocess.Popen([sys.executable, "-m", "bot", "extract", str(items)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    first = reader.stdout.readline()
    reader.stdout.close()  # what `| head -1` does
    errors = reader.stderr.read().decode()
    assert reader.wait() == 0
    assert b"Igor Thiago" in first
    assert "Traceback" not in errors


def test_a_round_up_gives_each_rumour_its_own_club() -> None:
    claims = told("Gossip: Arsenal eye Benjamin Sesko, Chelsea want Alejandro Garnacho, Spurs chase Eberechi Eze")
    assert claims == {("Benjamin Sesko", "interest", "Arsenal"), ("Alejandro Garnacho", "interest", "Chelsea"),
                      ("Eberechi Eze", "interest", "Tottenham Hotspur")}
    # A list of clubs before the name is one rumour with several clubs.
    claims = told("Arsenal, Chelsea and Spurs eye Benjamin Sesko")
    assert {c for _, _, c in claims} == {"Arsenal", "Chelsea", "Tottenham Hotspur"}


def test_the_club_raided_or_describing_the_player_is_not_the_buyer() -> None:
    claims = told("Liverpool plot a raid on Sporting to sign their Colombian striker, Luis Suarez")
    assert {c for _, _, c in claims} == {"Liverpool"}
    claims = told("Arsenal in pursuit of Inter Milan attacking sensation Pio Esposito")
    assert ("Pio Esposito", "interest", "Inter Milan") not in claims


def test_reading_a_sentence_without_end_costs_in_proportion_to_its_length() -> None:
    # A 'sentence' of thousands of words is cut at commas and conjunctions into pieces a
    # reporter might write; counted in sentences read, never in seconds.
    from bot.claims.text import MAX_SENTENCE_CHARS, sentences

    pieces = sentences("Konaté linked with Real Madrid and " * 4800)
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert 300 < len(pieces) < 1000
    assert sentences("Arsenal sign Saka, Liverpool sign Salah.") == ["Arsenal sign Saka, Liverpool sign Salah."]


def test_a_run_of_names_longer_than_any_name_is_no_person() -> None:
    assert told("Mbappe Kane Salah Haaland Vinicius Rodrygo completes move to Arsenal") == set()
    claims = told("Haaland joins Arsenal", "Haaland " * 2000)
    assert all(len(subject) < 40 for subject, _, _ in claims)
    assert ("Vinicius Jose Paixao de Oliveira Junior", "completed", "Arsenal") in told(
        "Vinicius Jose Paixao de Oliveira Junior joins Arsenal")


@pytest.mark.parametrize(
    "title",
    [
        "Kylian Mbappe returns to PSG for Champions League clash",
        "Kylian Mbappe heads to PSG for Champions League clash",
        "Bukayo Saka wants out of the starting lineup debate",
    ],
)
def test_a_visit_for_a_game_and_wanting_out_of_a_debate_are_no_moves(title: str) -> None:
    assert told(title) == set()


def test_the_club_that_names_the_price_is_the_seller() -> None:
    claims = extract_claims("Chelsea balk at Napoli asking price for Victor Osimhen")
    assert [(c.subject, c.kind, c.from_club) for c in claims] == [("Victor Osimhen", "departure", "Napoli")]
