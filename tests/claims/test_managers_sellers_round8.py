"""Round eight: a manager's job and a selling club in forms no pattern had (jobs.py, letting_go.py).

Each item is in our own words about real people and clubs. A reader of the alerts sees: the
candidate named before his candidacy noun, a job offered or given for good, pressure added or a
deadline set, an appointment "as their new head coach"; a club letting a list of players go, an
asking price told as "will not sell for less than" (a sale, not a denial), and a sale with its
buyer (that club's agreement, or the move to it).
"""

from __future__ import annotations

import pytest

from tests.claims.reading import WINTER_WINDOW, Reader

IN_THE_WINDOW = Reader(published=WINTER_WINDOW)
told = IN_THE_WINDOW.told
roles_by_person = IN_THE_WINDOW.roles_by_person


# --- a manager's job ----------------------------------------------------------------------------

CANDIDATES = [
    # the name before its candidacy noun, with words between
    ("Napoli part ways with Antonio Conte",
     "Napoli have sacked Antonio Conte after a run of defeats, with Maurizio Sarri the clear favourite to replace him.",
     "Maurizio Sarri"),
    ("Eddie Howe the bookmakers' frontrunner to succeed Thomas Tuchel as England head coach", "", "Eddie Howe"),
    # considered as a successor in the passive, its agent between
    ("Pochettino considered for Tottenham return",
     "Mauricio Pochettino is being considered by the Tottenham board as a possible successor to Thomas Frank.",
     "Mauricio Pochettino"),
    # an interim making his case, or the job given for good
    ("Ruud van Nistelrooy in the spotlight",
     "Ruud van Nistelrooy has made a compelling case to be handed the Leicester City job permanently.",
     "Ruud van Nistelrooy"),
    ("Would it be a mistake not to give Kieran McKenna the Ipswich Town job permanently?", "", "Kieran McKenna"),
]


@pytest.mark.parametrize(("title", "summary", "person"), CANDIDATES)
def test_a_candidate_for_a_job_is_interest(title: str, summary: str, person: str) -> None:
    assert any(s == person and k == "interest" for s, k, _ in told(title, summary))


def test_a_candidate_named_before_the_noun_gets_the_club_whose_job_it_is() -> None:
    found = told("Napoli part ways with Antonio Conte",
                 "Napoli have sacked Antonio Conte after a run of defeats, with Maurizio Sarri the "
                 "clear favourite to replace him.")
    assert ("Maurizio Sarri", "interest", "Napoli") in found
    assert ("Antonio Conte", "departure", None) in found


def test_deciding_not_to_give_the_job_is_no_candidacy() -> None:
    found = told("Roma decide not to give Daniele De Rossi the job permanently")
    assert not any(k == "interest" for _, k, _ in found)


PRESSURE = [
    ("Ange Postecoglou under the spotlight",
     "Ange Postecoglou admitted a home defeat by Brentford had added to the pressure on him.", "Ange Postecoglou"),
    ("Ruben Amorim addresses sack rumours after derby defeat", "", "Ruben Amorim"),
    ("Nuno Espirito Santo handed fresh sack warning", "", "Nuno Espirito Santo"),
    ("Graham Potter is coming under mounting scrutiny after a fifth straight defeat", "", "Graham Potter"),
    ("West Ham ultimatum",
     "West Ham's owners will give Graham Potter until the international break to turn results around.",
     "Graham Potter"),
    ("Julen Lopetegui has been given three more games to save his job", "", "Julen Lopetegui"),
]


@pytest.mark.parametrize(("title", "summary", "person"), PRESSURE)
def test_a_manager_under_pressure_is_a_departure(title: str, summary: str, person: str) -> None:
    assert (person, "departure", None) in told(title, summary)


def test_a_player_future_under_scrutiny_is_no_sack() -> None:
    # clubs looking at a player is their interest, not a manager's job in danger
    found = told("Madrid circle Tottenham defender",
                 "Cristian Romero's future at Tottenham is under growing scrutiny as Real Madrid watch him.")
    assert ("Cristian Romero", "departure", None) not in found


def test_an_appointment_with_the_club_possessive_is_completed() -> None:
    found = told("Wolves confirm new head coach",
                 "Wolves have named Rob Edwards as their new head coach on a three-year deal.")
    assert ("Rob Edwards", "completed", "Wolverhampton Wanderers") in found


def test_a_contract_offered_by_a_club_is_its_bid() -> None:
    found = told("Stefano Pioli has been offered a contract by Al-Nassr")
    assert ("Stefano Pioli", "bid", "Al-Nassr") in found


def test_a_new_contract_offered_by_his_club_is_no_bid() -> None:
    found = told("Bukayo Saka has been offered a new contract by Arsenal")
    assert not any(k == "bid" for _, k, _ in found)


# --- selling clubs ------------------------------------------------------------------------------

def test_letting_a_list_of_players_go_is_a_departure_for_each() -> None:
    found = told("Manchester United are prepared to let Jadon Sancho, Antony and Tyrell Malacia go this summer.")
    for person in ("Jadon Sancho", "Antony", "Tyrell Malacia"):
        assert (person, "departure", None) in found


ASKING = [
    "Newcastle insist Alexander Isak will not leave for less than £150m",
    "Crystal Palace will not sell Adam Wharton for less than £80m",
    "Brighton won't let Kaoru Mitoma go for anything under £70m",
]


@pytest.mark.parametrize("title", ASKING)
def test_an_asking_price_told_as_a_refusal_is_a_sale(title: str) -> None:
    found = told(title)
    assert any(k == "departure" for _, k, _ in found)
    assert not any(k == "denial" for _, k, _ in found)


def test_a_plain_refusal_to_sell_stays_a_denial() -> None:
    found = told("Liverpool will not sell Ibrahima Konate to Real Madrid")
    assert any(k == "denial" for _, k, _ in found)


def test_agreeing_to_sell_to_a_named_club_is_that_club_agreement() -> None:
    found = told("Bernabeu latest", "Real Madrid have agreed to sell Dani Ceballos to Real Betis for €15m.")
    assert ("Dani Ceballos", "agreement", "Real Betis") in found
    assert not any(k == "departure" for _, k, _ in found)


def test_a_sale_to_a_named_club_is_the_move_to_it() -> None:
    found = told("Chelsea sell Noni Madueke to Arsenal")
    assert ("Noni Madueke", "completed", "Arsenal") in found
    assert not any(k == "departure" for _, k, _ in found)


def test_a_sale_to_no_named_club_stays_a_departure() -> None:
    assert any(k == "departure" for _, k, _ in told("Arsenal could sell Ben White this summer"))


def test_a_job_in_danger_told_in_a_relative_clause_is_the_named_man_departure() -> None:
    found = told("Valencia sound out Jose Bordalas over Carlos Corberan succession",
                 "Valencia have held talks with Jose Bordalas over succeeding Carlos Corberan, whose job is now "
                 "under threat after five straight defeats.")
    assert ("Carlos Corberan", "departure", None) in found


def test_fans_calling_for_a_sacking_is_a_departure() -> None:
    found = told("Grim night at the London Stadium",
                 "West Ham supporters called for the sacking of Graham Potter during the 4-1 defeat.")
    assert ("Graham Potter", "departure", None) in found


def test_candidates_listed_after_the_list_are_the_club_interest() -> None:
    found = told("Tottenham plan for life after Thomas Frank",
                 "Tottenham have drawn up a shortlist in case Frank is sacked before the end of the season, "
                 "with Marco Silva and Oliver Glasner on it.")
    assert ("Marco Silva", "interest", "Tottenham Hotspur") in found
    assert ("Oliver Glasner", "interest", "Tottenham Hotspur") in found


def test_a_club_considering_offers_lets_the_player_of_the_headline_go() -> None:
    found = told("Crystal Palace consider offers for Marc Guehi")
    assert ("Marc Guehi", "departure", None) in found


def test_a_candidate_after_with_takes_the_candidacy_not_the_sacked_man() -> None:
    found = told("Roma part ways with Ivan Juric",
                 "Roma have sacked Ivan Juric, with Claudio Ranieri in line for the job.")
    assert ("Claudio Ranieri", "interest", "Roma") in found
    assert ("Ivan Juric", "interest", "Roma") not in found


def test_pressure_on_a_manager_mounting_is_a_departure() -> None:
    assert ("Ruben Amorim", "departure", None) in told("The pressure on Ruben Amorim is growing after a derby defeat")


SALES = [
    ("Tottenham agree the sale of Richarlison to Flamengo", ("Richarlison", "agreement", "Flamengo")),
    ("Tottenham complete the sale of Richarlison to Flamengo", ("Richarlison", "completed", "Flamengo")),
    ("Richarlison has been sold to Flamengo", ("Richarlison", "completed", "Flamengo")),
]


@pytest.mark.parametrize(("title", "expected"), SALES)
def test_a_sale_told_as_a_noun_or_in_the_passive_goes_to_the_buyer(title: str, expected: tuple[str, str, str]) -> None:
    found = IN_THE_WINDOW.told_with_from_club(title, "")
    assert any(f[:3] == expected for f in found)
    assert not any(kind == "completed" and club == "Tottenham Hotspur" for _, kind, club, _ in found)


def test_not_standing_in_a_player_way_lets_him_go() -> None:
    assert ("Dominic Solanke", "departure", None) in told("Tottenham will not stand in Dominic Solanke's way")


def test_blocking_a_sale_keeps_the_player() -> None:
    found = told("Arsenal block the sale of Gabriel Martinelli")
    assert ("Gabriel Martinelli", "denial", None) in found
    assert ("Gabriel Martinelli", "departure", None) not in found


def test_a_club_that_has_turned_to_a_man_wants_him() -> None:
    assert ("Sean Dyche", "interest", "Nottingham Forest") in told("Nottingham Forest have turned to Sean Dyche")


def test_turning_to_a_player_for_inspiration_is_no_pursuit() -> None:
    assert not told("Arsenal could turn to Bukayo Saka for inspiration on Saturday")


def test_a_man_who_led_the_club_back_up_is_its_manager() -> None:
    found = roles_by_person("Burnley confirm Vincent Kompany exit",
                            "Burnley and Kompany have parted company. Kompany led the club back to the Premier League in 2023.")
    assert found.get("Vincent Kompany") == "manager"


def test_a_candidate_for_a_job_beside_the_man_he_would_replace_is_a_manager() -> None:
    found = roles_by_person("Roma pick their man",
                            "Roma have identified Cesc Fabregas as their first choice to replace Gian Piero Gasperini "
                            "should the current coach be dismissed.")
    assert found.get("Cesc Fabregas") == "manager"


def test_a_boss_named_beside_a_player_leaves_the_player_a_player() -> None:
    found = roles_by_person("Chelsea boss Enzo Maresca wants Alejandro Garnacho")
    assert found.get("Alejandro Garnacho") == "player"


def test_a_striker_who_led_the_line_is_no_manager() -> None:
    found = roles_by_person("Leeds confirm Patrick Bamford exit",
                            "Leeds and Patrick Bamford have parted company. Bamford led the line for five seasons.")
    assert found.get("Patrick Bamford") == "player"


def test_sounded_out_about_replacing_someone_is_the_talks_of_the_man_sounded_out() -> None:
    found = told("Thomas Frank has been sounded out about replacing Ange Postecoglou at Tottenham")
    assert ("Thomas Frank", "talks", "Tottenham Hotspur") in found
    assert not any(s == "Ange Postecoglou" and k == "talks" for s, k, _ in found)


def test_interim_charge_taken_is_an_appointment() -> None:
    found = told("Chelsea part ways with Enzo Maresca",
                 "Chelsea have dismissed Enzo Maresca, with Calum McFarlane set to take interim charge.")
    assert any(s == "Calum McFarlane" and k in {"agreement", "completed"} for s, k, _ in found)
