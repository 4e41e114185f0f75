"""The roster of real players and managers: who a name can be, how common a surname is, and its build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.claims import roster
from bot.evaluation import build_roster

# Rows in the shipped file's form, written for these tests.
SMALL = roster.roster_from({"people": [
    ["kylian mbappe", "mbappe", "player", 1998, "France", 2026],
    ["mauricio pochettino", "pochettino", "manager", 1972, "USA", 2026],
    ["virgil van dijk", "van dijk", "player", 1991, "Netherlands", 2026],
    ["bernardo silva", "silva", "player", 1994, "Portugal", 2026],
    ["thiago silva", "silva", "player", 1984, "Brazil", 2022],
    ["lucas tolentino paqueta", "tolentino paqueta", "player", 1997, "Brazil", 2026],
]})


def known(name: str) -> roster.RosterEntry | None:
    return roster.known_person(roster.name_key(name), SMALL)


def test_a_full_name_is_known_with_its_role_and_team() -> None:
    entry = known("Mauricio Pochettino")
    assert entry is not None and entry.role == "manager" and entry.team == "USA"
    player = known("Kylian Mbappé")  # accents folded as the extractor folds them
    assert player is not None and player.role == "player" and player.born == 1998


def test_a_surname_only_one_person_carries_is_known_and_a_shared_one_is_not() -> None:
    assert known("Mbappe") == known("Kylian Mbappe")
    assert known("Silva") is None
    assert roster.surname_people("silva", SMALL) == 2
    assert roster.surname_people("mbappe", SMALL) == 1
    assert roster.surname_people("haaland", SMALL) == 0


def test_shorter_and_particle_forms_of_a_listed_name() -> None:
    assert known("Van Dijk") == known("Virgil van Dijk")
    assert known("Lucas Paqueta") == known("Lucas Tolentino Paqueta")
    assert known("Bernardo Silva") is not None and known("Bernardo Silva") != known("Thiago Silva")
    assert known("Jorge Silva") is None  # a Silva the lists do not have
    assert known("") is None


def test_the_shipped_roster_knows_squad_players_and_national_managers() -> None:
    shipped = roster.load()
    assert len(shipped.entries) > 2000 and shipped.latest >= 2026
    pulisic = roster.known_person(roster.name_key("Christian Pulisic"))
    assert pulisic is not None and pulisic.role == "player"
    tuchel = roster.known_person(roster.name_key("Tuchel"))
    assert tuchel is not None and tuchel.role == "manager"
    assert roster.known_person(roster.name_key("Martinez")) is None  # too many Martinezes
    assert roster.surname_people("martinez") > 3


# Lines in the forms the openfootball lists use, with names of our choosing.
WORLD_CUP_LIST = """= World Cup 2030     # 2 Teams

== Wales     # 2 Players

       1, Owen GLYNDWR,                  GK,  b. 2001/03/04
      10, Rhys ap DAVIES-JONES,          FW,  b. 1999/12/01

       -, Aled Morgan (WAL),             MG,  b. 1970/05/06
"""
EURO_LIST = """==========================
=  Iceland - Euro 2028

  7,  Gunnar Thorsson Berg,              MF,     12/1  , b. 2000,  Some Club F.C. (ENG)
"""


def test_squad_lists_are_read_with_surname_role_and_team() -> None:
    rows = build_roster.world_cup(WORLD_CUP_LIST, 2030)
    assert [(" ".join(p.name), " ".join(p.surname), p.role, p.born, p.team) for p in rows] == [
        ("owen glyndwr", "glyndwr", "player", 2001, "Wales"),
        ("rhys ap davies jones", "davies jones", "player", 1999, "Wales"),
        ("aled morgan", "morgan", "manager", 1970, "Wales"),
    ]
    (euro,) = build_roster.squad(EURO_LIST, 2028)
    assert (" ".join(euro.surname), euro.team, euro.born) == ("thorsson berg", "Iceland", 2000)


def test_one_person_listed_twice_is_kept_once_under_the_latest_list() -> None:
    first = build_roster.person("Gunnar Berg", "player", 2000, "Iceland", 2024)
    later = build_roster.person("Gunnar Thorsson BERG", "player", 2000, "Iceland", 2028)
    other = build_roster.person("Gunnar Berg", "player", 1990, "Iceland", 2024)  # another Gunnar Berg
    assert first and later and other
    merged = build_roster.merge([first, later, other])
    assert sorted((" ".join(p.name), p.last) for p in merged) == [("gunnar berg", 2024), ("gunnar thorsson berg", 2028)]


@pytest.mark.slow
def test_make_roster_rebuilds_the_shipped_file_byte_for_byte(tmp_path: Path) -> None:
    source = Path(os.environ.get("CLAIMWATCH_OPENFOOTBALL", str(build_roster.DEFAULT_SOURCE)))
    rows = build_roster.gather(source)
    if isinstance(rows, str):
        pytest.skip(f"openfootball sources absent: {rows}")
    out = tmp_path / "roster.json"
    assert build_roster.main(["--source", str(source), "--out", str(out)]) == 0
    assert out.read_bytes() == build_roster.OUT.read_bytes()
