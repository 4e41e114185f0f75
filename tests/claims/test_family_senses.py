"""The family words in their other senses: a body, a game, a squad, a market, a club's media.

Every headline here uses a word of a family (families.py) in a sense that is no transfer, and a
reader sees no alert for it; beside each set stand headlines where the same word does tell a
move, and they keep their claim. All fixtures are our own words about real people and clubs.
"""

from __future__ import annotations

import pytest

from tests.claims.reading import WINTER_WINDOW, Reader

told = Reader(published=WINTER_WINDOW).told


# Losing, going, leaving the pitch, replaced at the break: an injury, a game, a rest.
INJURY_AND_MATCH = [
    "Arsenal could lose Saka to a hamstring injury for a month",
    "Villa set to lose Watkins for the Champions League tie",
    "Chelsea fear losing Palmer to England duty again",
    "Rice cleared to go after head injury scan",
    "Chelsea tell Palmer he can go home early to rest",
    "Saka on his way out of the stadium on crutches",
    "Goalkeeper Raya set to be replaced at half-time, Arteta hints",
    "Kulusevski's career hanging in the balance after knee injury",
    "Gakpo fears for his position in the team after Diaz return",
    "Man City suffer Rodri setback as midfielder misses training",
    "Newcastle suffer Gordon blow as winger limps off",
    "Villa dealt Watkins blow after scan results",
    "Liverpool receive Alisson boost as goalkeeper trains",
    "Tottenham get Maddison update ahead of Europa League tie",
    "Chelsea's fight for Palmer's fitness: how the club manage his minutes",
]

# Positions, substitutions, holidays, team-mates, coaches: the pitch and the squad.
ON_THE_PITCH = [
    "Guardiola pushes Foden out wide to make room for Marmoush",
    "Slot moves Szoboszlai on to the right for the second half",
    "Slot lets Salah go on holiday early after Egypt duty",
    "Amorim to release Mainoo from the bench in second half",
    "Arsenal turn to Nwaneri in Saka's absence",
    "Kane and Musiala link up at Bayern to sink Dortmund",
    "Saka's work rate highlighted by Arsenal coaches",
    "Arteta weighs a possible positional switch for Rice at Arsenal",
    "Arsenal's late push for Saka to be fit for Sunday",
    "Bayern in the box seat for the Bundesliga as Kane hits another hat-trick",
    "Forest fight for every point as Wood nets again",
    "Foden frozen out by England as Tuchel picks Rogers",
    "Saka in contact with Arsenal physios daily during England camp",
]

# Rungs a high alert would claim: training, treatment, club TV, a return from injury, a place.
HIGH_RUNGS = [
    "Salah on his way to Liverpool training after Egypt duty",
    "Rashford set to stay until Thursday for treatment",
    "Palmer held an interview with Chelsea TV",
    "Saka edging closer to an Arsenal return from hamstring injury",
    "Saka will remain with Arsenal's medical staff over the break",
    "Guehi will remain at Palace's training ground for rehab",
    "Haaland untouchable as City thrash Forest",
    "Slot set to be named Liverpool's manager of the month",
]

# A market's value and goods with a name on them; a pundit's preference; another sport.
MARKET_AND_OTHERS = [
    "Transfermarkt values Saka at €150m after hat-trick",
    "Saka's valuation soars as Arsenal star tops the charts",
    "The sale of Salah shirts broke records in Egypt",
    "Neville prefers Arsenal to win the title",
    "Anderson calls it a day after 700 Test wickets",
    "Palmer tops Chelsea's list of most fouled players",
]


@pytest.mark.parametrize("title", INJURY_AND_MATCH + ON_THE_PITCH + HIGH_RUNGS + MARKET_AND_OTHERS)
def test_a_family_word_in_another_sense_is_no_claim(title: str) -> None:
    assert told(title) == set()


# The same words telling a move: they keep their claim.
SAME_WORDS_TELLING_A_MOVE = [
    ("Arsenal set to lose Bukayo Saka to Real Madrid in the summer", "Bukayo Saka", "departure", None),
    ("Chelsea prepared to let Raheem Sterling go", "Raheem Sterling", "departure", None),
    ("Man Utd could move Jadon Sancho on in January", "Jadon Sancho", "departure", None),
    ("Arsenal receive Martin Zubimendi boost", "Martin Zubimendi", "interest", "Arsenal"),
    ("Ross Barkley set to link up at Lazio", "Ross Barkley", "interest", "Lazio"),
    ("Mohamed Salah on his way to Al-Hilal", "Mohamed Salah", "agreement", "Al-Hilal"),
    ("William Saliba agrees to stay at Arsenal until 2030", "William Saliba", "contract_extension", "Arsenal"),
    ("Juventus value Dusan Vlahovic at €40m", "Dusan Vlahovic", "departure", None),
    ("Bryan Mbeumo prefers Manchester United", "Bryan Mbeumo", "interest", "Manchester United"),
    ("Luka Modric calls it a day", "Luka Modric", "departure", None),
    ("Tottenham win race to sign Mohammed Kudus", "Mohammed Kudus", "agreement", "Tottenham Hotspur"),
]


@pytest.mark.parametrize(("title", "subject", "kind", "club"), SAME_WORDS_TELLING_A_MOVE)
def test_the_same_words_telling_a_move_keep_their_claim(title: str, subject: str, kind: str, club: str | None) -> None:
    assert (subject, kind, club) in told(title)
