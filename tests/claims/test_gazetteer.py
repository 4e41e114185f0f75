"""The club gazetteer and source-tier table: shipped data, lookups and validation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.claims import PACKAGE_DIR, gazetteer
from bot.claims.gazetteer import (
    Club,
    GazetteerError,
    Source,
    club_named,
    clubs,
    fold,
    load_clubs,
    load_sources,
    source_named,
    sources,
    tier_of,
)

# --- shipped data ------------------------------------------------------------------------------

LEAGUE_SIZES = {
    "Premier League": 20,
    "La Liga": 20,
    "Serie A": 20,
    "Bundesliga": 18,
    "Ligue 1": 18,
    "Primeira Liga": 18,
    "Eredivisie": 18,
    "Scottish Premiership": 12,
    "Saudi Pro League": 18,
    "MLS": 30,
}


def test_league_sizes_match_the_2025_26_season() -> None:
    counts = Counter(c.league for c in clubs())
    for league, size in LEAGUE_SIZES.items():
        assert counts[league] == size, league


def test_national_teams_are_flagged_and_numerous() -> None:
    national = [c for c in clubs() if c.national]
    assert len(national) >= 60
    assert all(c.league == "national" for c in national)
    assert not any(c.national for c in clubs() if c.league != "national")
    for name in ("England", "Brazil", "Argentina", "France", "United States", "Morocco", "Japan"):
        club = club_named(name)
        assert club is not None and club.national, name


def test_entries_are_well_formed() -> None:
    names = [c.name for c in clubs()]
    assert len(names) == len(set(names))
    for club in clubs():
        assert isinstance(club, Club)
        assert len(club.country) == 3 and club.country.isupper()
        assert isinstance(club.aliases, tuple) and isinstance(club.weak_aliases, tuple)
    assert 80 <= len(sources()) <= 200
    assert all(isinstance(s, Source) and s.tier in gazetteer.TIERS for s in sources())


def test_data_is_loaded_once() -> None:
    assert clubs() is clubs()
    assert sources() is sources()


@pytest.mark.parametrize(
    "name",
    [
        "Manchester United",
        "Manchester City",
        "Tottenham Hotspur",
        "Newcastle United",
        "Paris Saint-Germain",
        "Bayern Munich",
        "Inter Milan",
        "AC Milan",
        "Atletico Madrid",
        "Bayer Leverkusen",
        "Borussia Dortmund",
        "Brighton & Hove Albion",
        "Wolverhampton Wanderers",
        "West Ham United",
        "Nottingham Forest",
        "Al-Hilal",
        "Al-Nassr",
        "Inter Miami",
        "LA Galaxy",
        "Real Madrid",
        "Liverpool",
        "Celtic",
    ],
)
def test_canonical_names_exist(name: str) -> None:
    club = club_named(name, weak=False)
    assert club is not None and club.name == name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Man Utd", "Manchester United"),
        ("man united", "Manchester United"),
        ("Red Devils", "Manchester United"),
        ("Man City", "Manchester City"),
        ("Spurs", "Tottenham Hotspur"),
        ("Wolves", "Wolverhampton Wanderers"),
        ("Barca", "Barcelona"),
        ("Barça", "Barcelona"),
        ("Blaugrana", "Barcelona"),
        ("PSG", "Paris Saint-Germain"),
        ("Paris St-Germain", "Paris Saint-Germain"),
        ("Inter", "Inter Milan"),
        ("Internazionale", "Inter Milan"),
        ("Bayern", "Bayern Munich"),
        ("Bayern München", "Bayern Munich"),
        ("Juve", "Juventus"),
        ("Bianconeri", "Juventus"),
        ("Atleti", "Atletico Madrid"),
        ("Atlético Madrid", "Atletico Madrid"),
        ("BVB", "Borussia Dortmund"),
        ("Dortmund", "Borussia Dortmund"),
        ("Leverkusen", "Bayer Leverkusen"),
        ("Gladbach", "Borussia Monchengladbach"),
        ("Köln", "Cologne"),
        ("Gunners", "Arsenal"),
        ("the Gunners", "Arsenal"),
        ("Toffees", "Everton"),
        ("Magpies", "Newcastle United"),
        ("Hammers", "West Ham United"),
        ("Villans", "Aston Villa"),
        ("Seagulls", "Brighton & Hove Albion"),
        ("Cherries", "Bournemouth"),
        ("Sporting CP", "Sporting CP"),
        ("Sporting Lisbon", "Sporting CP"),
        ("OM", "Marseille"),
        ("OL", "Lyon"),
        ("PSV", "PSV Eindhoven"),
        ("Al Hilal", "Al-Hilal"),  # punctuation forgiven
        ("St Pauli", "St. Pauli"),
        ("Nott'm Forest", "Nottingham Forest"),
        ("Inter Miami CF", "Inter Miami"),
        ("USMNT", "United States"),
        ("Three Lions", "England"),
    ],
)
def test_strong_aliases_resolve(alias: str, name: str) -> None:
    club = club_named(alias, weak=False)
    assert club is not None and club.name == name


@pytest.mark.parametrize(
    "alias", ["the Reds", "Reds", "United", "City", "Real", "Madrid", "Milan", "Sporting", "Eagles"]
)
def test_shared_weak_aliases_never_resolve(alias: str) -> None:
    assert club_named(alias) is None
    assert club_named(alias, weak=False) is None


def test_the_reds_is_weak() -> None:
    assert club_named("the reds", weak=False) is None
    holders = {c.name for c in clubs() if "Reds" in c.weak_aliases}
    assert {"Liverpool", "Manchester United"} <= holders


def test_unique_weak_alias_resolves_only_when_asked() -> None:
    club = club_named("Palace")
    assert club is not None and club.name == "Crystal Palace"
    assert club_named("Palace", weak=False) is None


def test_unknown_and_empty_names() -> None:
    assert club_named("Sample Wanderers FC") is None
    assert club_named("") is None
    assert club_named("   ") is None


def test_no_alias_is_both_strong_and_weak() -> None:
    strong = {gazetteer._loose(f) for c in clubs() for f in (c.name, *c.aliases)}
    weak = {gazetteer._loose(f) for c in clubs() for f in c.weak_aliases}
    assert not strong & weak


def test_source_and_club_names_do_not_collide() -> None:
    club_forms = {
        gazetteer._loose(f) for c in clubs() for f in (c.name, *c.aliases, *c.weak_aliases)
    }
    source_forms = {gazetteer._loose(f) for s in sources() for f in (s.name, *s.aliases)}
    assert not club_forms & source_forms


# --- fold -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Atlético", "atletico"),
        ("Ødegaard", "odegaard"),
        ("Łukasz Fabiański", "lukasz fabianski"),
        ("Mönchengladbach", "monchengladbach"),
        ("  Real \t Madrid\n", "real madrid"),
        ("MAN UTD", "man utd"),
        ("Straße", "strasse"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


# --- sources and tiers ------------------------------------------------------------------------


def test_tiers() -> None:
    assert tier_of("Fabrizio Romano") == "tier1"
    assert tier_of("fabrizio romano") == "tier1"
    assert tier_of("Romano") == "tier1"
    assert tier_of("David Ornstein") == "tier1"
    assert tier_of("The Athletic") == "tier1"
    assert tier_of("the Guardian") == "tier1"
    assert tier_of("Marca") == "tier2"
    assert tier_of("L'Équipe") == "tier1"
    assert tier_of("The Sun") == "tier4"
    assert tier_of("TEAMtalk") == "aggregator"
    assert tier_of("CaughtOffside") == "aggregator"


def test_club_speaking_for_itself_is_official() -> None:
    assert tier_of("Real Madrid") == "official"
    assert tier_of("Man Utd") == "official"
    assert tier_of("United") is None  # a weak alias names no one


def test_unknown_tier_is_none() -> None:
    assert tier_of(None) is None
    assert tier_of("") is None
    assert tier_of("sources close to the player") is None


def test_source_named() -> None:
    source = source_named("Gianluca Di Marzio")
    assert source is not None and source.kind == "journalist" and source.tier == "tier1"
    assert source_named("Di Marzio") is source
    bbc = source_named("BBC")
    assert bbc is not None and bbc.name == "BBC Sport"
    assert source_named("nobody in particular") is None


def test_aggregators_are_consistent() -> None:
    for source in sources():
        assert (source.kind == "aggregator") == (source.tier == "aggregator"), source.name


# --- operator files and validation -----------------------------------------------------------

GOOD_CLUBS = """
[[club]]
name = "Sample Rovers"
country = "ENG"
league = "Sample League"
aliases = ["Rovers FC"]
weak_aliases = ["Rovers"]

[[club]]
name = "Sample Athletic"
country = "ENG"
league = "Sample League"
aliases = []
weak_aliases = ["Rovers"]

[[club]]
name = "Samplia"
country = "SMP"
league = "national"
"""


def write(tmp_path: Path, text: str, name: str = "custom.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_operator_clubs(tmp_path: Path) -> None:
    table = load_clubs(write(tmp_path, GOOD_CLUBS))
    assert [c.name for c in table] == ["Sample Rovers", "Sample Athletic", "Samplia"]
    assert table[2].national and table[2].aliases == () and table[2].weak_aliases == ()
    rovers = club_named("rovers fc", table=table)
    assert rovers is not None and rovers.name == "Sample Rovers"
    assert club_named("Rovers", table=table) is None  # shared weak alias
    assert club_named("Man Utd", table=table) is None


def test_load_operator_sources(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[source]]\nname = "Sample Wire"\nkind = "outlet"\ntier = "tier3"\naliases = ["SW"]\n',
    )
    table = load_sources(path)
    assert table == (Source("Sample Wire", "outlet", "tier3", ("SW",)),)
    assert tier_of("sw", table=table) == "tier3"
    assert tier_of("Fabrizio Romano", table=table) is None


def test_shipped_files_parse_the_same_way() -> None:
    data = PACKAGE_DIR / "data"  # (not beside gazetteer.__file__: a compiled module lives elsewhere)
    assert load_clubs(data / "clubs.toml") == clubs()
    assert load_sources(data / "sources.toml") == sources()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('name = "Sample FC"\nleague = "X"', "missing required key 'country'"),
        ('name = "Sample FC"\ncountry = "ENG"', "missing required key 'league'"),
        ('country = "ENG"\nleague = "X"', "missing required key 'name'"),
        ('name = ""\ncountry = "ENG"\nleague = "X"', "'name' must be a non-empty string"),
        ('name = "Sample FC"\ncountry = "England"\nleague = "X"', "three-letter FIFA code"),
        ('name = "Sample FC"\ncountry = "ENG"\nleague = "X"\naliases = "SFC"', "list of"),
        (
            'name = "Sample FC"\ncountry = "ENG"\nleague = "X"\nalias = ["SFC"]',
            "unknown key(s) alias",
        ),
    ],
)
def test_malformed_club_entry(tmp_path: Path, entry: str, message: str) -> None:
    path = write(tmp_path, GOOD_CLUBS + "\n[[club]]\n" + entry + "\n", "bad_clubs.toml")
    with pytest.raises(GazetteerError) as info:
        load_clubs(path)
    text = str(info.value)
    assert "bad_clubs.toml" in text and "club #4" in text and message in text


def test_error_names_the_entry(tmp_path: Path) -> None:
    path = write(tmp_path, '[[club]]\nname = "Sample FC"\ncountry = "ENG"\n')
    with pytest.raises(GazetteerError, match=r"custom\.toml: club #1 \('Sample FC'\): missing"):
        load_clubs(path)


def test_strong_alias_shared_by_two_clubs(tmp_path: Path) -> None:
    extra = '[[club]]\nname = "Other FC"\ncountry = "ENG"\nleague = "X"\naliases = ["Rovers-FC"]\n'
    expected = r"club #4 \('Other FC'\): name or alias 'Rovers-FC' already names club #1"
    with pytest.raises(GazetteerError, match=expected):
        load_clubs(write(tmp_path, GOOD_CLUBS + extra))


def test_weak_alias_that_is_another_clubs_alias(tmp_path: Path) -> None:
    extra = (
        '[[club]]\nname = "Other FC"\ncountry = "ENG"\nleague = "X"\nweak_aliases = ["Samplia"]\n'
    )
    with pytest.raises(
        GazetteerError,
        match=r"weak alias 'Samplia' is also a name or alias of club #3 \('Samplia'\)",
    ):
        load_clubs(write(tmp_path, GOOD_CLUBS + extra))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('name = "X"\nkind = "outlet"\ntier = "tier9"', "'tier' must be one of"),
        ('name = "X"\nkind = "blogger"\ntier = "tier3"', "'kind' must be one of"),
        ('name = "X"\nkind = "outlet"', "missing required key 'tier'"),
        ('name = "X"\nkind = "outlet"\ntier = "aggregator"', "disagree"),
    ],
)
def test_malformed_source_entry(tmp_path: Path, entry: str, message: str) -> None:
    with pytest.raises(GazetteerError) as info:
        load_sources(write(tmp_path, "[[source]]\n" + entry + "\n", "bad_sources.toml"))
    text = str(info.value)
    assert "bad_sources.toml" in text and "source #1 ('X')" in text and message in text


def test_duplicate_source_alias(tmp_path: Path) -> None:
    text = (
        '[[source]]\nname = "A"\nkind = "outlet"\ntier = "tier2"\naliases = ["Wire"]\n'
        '[[source]]\nname = "B"\nkind = "outlet"\ntier = "tier3"\naliases = ["wire"]\n'
    )
    with pytest.raises(
        GazetteerError,
        match=r"source #2 \('B'\): name or alias 'wire' already names source #1 \('A'\)",
    ):
        load_sources(write(tmp_path, text))


def test_duplicate_club_entry(tmp_path: Path) -> None:
    extra = '[[club]]\nname = "Samplia"\ncountry = "SMP"\nleague = "national"\n'
    with pytest.raises(GazetteerError, match=r"club #4 \('Samplia'\): .* already names club #3"):
        load_clubs(write(tmp_path, GOOD_CLUBS + extra))


def test_unreadable_or_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="missing.toml: cannot read"):
        load_clubs(tmp_path / "missing.toml")
    with pytest.raises(GazetteerError, match="broken.toml: invalid TOML"):
        load_clubs(write(tmp_path, "[[club]\nname = ", "broken.toml"))
    with pytest.raises(GazetteerError, match=r"empty.toml: no \[\[club\]\] entries"):
        load_clubs(write(tmp_path, "", "empty.toml"))
    with pytest.raises(GazetteerError, match="array of tables"):
        load_sources(write(tmp_path, 'source = "x"\n', "flat.toml"))
