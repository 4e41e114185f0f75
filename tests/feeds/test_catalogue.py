"""The catalogue of real feeds: every entry's form (never fetched), searching it from the CLI and
Discord, adding from it, and the operator's `feeds add` refusing a private address at once."""

from __future__ import annotations

import re
import sqlite3
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from bot import catalogue, service
from bot.__main__ import main
from bot.app import open_app, poll_all
from bot.claims.gazetteer import club_named, tier_of
from bot.feeds.fetch import FetchResult
from storage.backends import open_database
from tests.conftest import make_settings
from tests.fakes.feed_server import FeedItemSpec, FeedServer, at
from tests.helpers import A_ADMIN, A_CHAN, A, Two
from tests.helpers import run_cli as run

ENTRIES = catalogue.catalogue()
TALKS = FeedItemSpec("t-1", "Real Madrid open talks with Liverpool defender Ibrahima Konaté", "Contact made.",
                     at("2025-11-12T10:00:00"))


def test_the_catalogue_covers_the_outlets_a_fan_starts_from() -> None:
    assert len(ENTRIES) >= 50
    countries = {entry.country for entry in ENTRIES}
    assert {"GB", "ES", "IT", "DE", "FR"} <= countries
    kinds = {entry.kind for entry in ENTRIES}
    assert kinds == set(catalogue.KINDS)
    clubs = {entry.club for entry in ENTRIES if entry.kind == "club"}
    assert {"Arsenal", "Chelsea", "Liverpool", "Manchester United", "Manchester City", "Real Madrid",
            "Barcelona", "Bayern Munich"} <= clubs
    assert {"BBC Sport", "The Guardian", "Marca", "Gazzetta dello Sport", "Kicker", "L'Equipe"} <= {
        entry.outlet for entry in ENTRIES}


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry.key for entry in ENTRIES])
def test_every_entry_is_well_formed(entry: catalogue.CatalogueFeed) -> None:
    parts = urlsplit(entry.url)
    assert parts.scheme == "https" and parts.hostname and "." in parts.hostname
    assert entry.url == entry.url.strip() and not any(char.isspace() for char in entry.url)
    assert len(entry.url) <= 100  # a Discord autocomplete value holds at most 100 characters
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", entry.key)
    assert re.fullmatch(r"[a-z]{2}", entry.language) and re.fullmatch(r"[A-Z]{2}", entry.country)
    assert entry.kind in catalogue.KINDS and entry.tier in catalogue.TIERS
    assert (entry.club is not None) == (entry.kind == "club")
    if entry.club:
        assert club_named(entry.club) is not None, "a club the gazetteer knows"
    # Never above the source table's own rating of the outlet (a round-up may sit below it).
    rated = tier_of(entry.outlet)
    assert entry.tier in (rated, "aggregator") if rated else entry.tier in ("tier3", "aggregator")


def test_keys_and_urls_are_unique() -> None:
    assert len({entry.key for entry in ENTRIES}) == len(ENTRIES)
    assert len({entry.url for entry in ENTRIES}) == len(ENTRIES)


def test_a_malformed_entry_is_named() -> None:
    with pytest.raises(catalogue.CatalogueError, match="catalogue entry 1"):
        catalogue.parse(b'[[feed]]\nkey = "x"\nurl = "https://x.org/f"\n')


def test_the_example_config_lists_catalogue_feeds_by_their_outlet() -> None:
    text = Path("config.example.toml").read_text(encoding="utf-8")
    uncommented = "\n".join(line.removeprefix("# ") for line in text.splitlines()
                            if line.startswith("# [[feeds]]") or line.startswith(("# url =", "# name =")))
    listed = tomllib.loads(uncommented)["feeds"]
    real = [feed for feed in listed if feed["url"].startswith("https://") and "example.org" not in feed["url"]]
    assert len(real) >= 3
    for feed in real:
        entry = catalogue.by_url(feed["url"])
        assert entry is not None, feed["url"]
        assert feed["name"] == entry.outlet  # the operator's name is the outlet credited with its items


def test_cli_catalogue_lists_and_searches(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(config, capsys, "feeds", "catalogue")
    assert code == 0 and out.startswith(f"The catalogue: {len(ENTRIES)} real football news feeds.")
    assert "`bbc-football` BBC Sport · Football (en, GB, national outlet, tier1) " \
           "<https://feeds.bbci.co.uk/sport/football/rss.xml>" in out

    code, out, _ = run(config, capsys, "feeds", "catalogue", "Marca")
    lines = out.splitlines()
    assert code == 0 and lines[0] == f"3 of the catalogue's {len(ENTRIES)} feeds match."
    assert all("Marca ·" in line for line in lines[1:4])
    assert lines[-1].startswith("Add one with `feeds add KEY`")

    code, out, _ = run(config, capsys, "feeds", "catalogue", "arsenal")
    assert "Football.London · Arsenal" in out and "Arseblog News" in out and "Chelsea" not in out

    code, out, _ = run(config, capsys, "feeds", "catalogue", "italiano")  # accents and languages in words
    assert "Gazzetta dello Sport · Calcio" in out


def test_cli_catalogue_search_that_finds_nothing(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(config, capsys, "feeds", "catalogue", "**Wrexham** @everyone")
    assert code == 1 and out == ""
    assert err == ("No catalogue feed matches \\*\\*Wrexham\\*\\* @\u200beveryone. Search by outlet, club, country "
                   "or language, like `marca`, `liverpool`, `german` or `transfers`.\n")
    code, _, err = run(config, capsys, "feeds", "catalogue", "a\nb")
    assert code == 1 and err.startswith("Search with a word or two on one line")


def test_cli_adds_a_catalogue_feed_by_key_named_for_its_outlet(config: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(config, capsys, "feeds", "add", "kicker-bundesliga")
    assert (code, out) == (0, "Added feed #1 Kicker: <https://newsfeed.kicker.de/news/bundesliga>\n")
    code, out, _ = run(config, capsys, "feeds", "add", "https://newsfeed.kicker.de/news/bundesliga")
    assert (code, out) == (0, "Already have feed #1 Kicker: <https://newsfeed.kicker.de/news/bundesliga>\n")


@pytest.mark.parametrize(("url", "refused"), [
    ("http://127.0.0.1:8080/feed.xml", "127.0.0.1 is not a public address"),
    ("http://10.1.2.3/rss", "10.1.2.3 is not a public address"),
    ("http://[::1]/rss", "::1 is not a public address"),
    ("http://0x7f.1/rss", "0x7f.1 (127.0.0.1) is not a public address"),
    ("http://169.254.169.254/latest/meta-data", "169.254.169.254 is not a public address"),
    ("http://localhost:9000/feed", "localhost resolves to"),
])
def test_cli_feeds_add_refuses_a_private_address_at_once(config: Path, capsys: pytest.CaptureFixture[str],
                                                         url: str, refused: str) -> None:
    for guild in ([], ["--guild", "5"]):
        code, out, err = run(config, capsys, "feeds", "add", url, *guild)
        assert code == 1 and out == "" and err.count("\n") == 1
        assert err.startswith(f"Refused: {refused}")
        assert "in config.toml as a [[feeds]] entry, with [polling] allow_private_addresses = true." in err
    with sqlite3.connect(config.parent / "cli.db") as conn:
        assert conn.execute("SELECT count(*) FROM feeds").fetchone()[0] == 0


def test_cli_feeds_add_help_says_public_addresses_only(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["feeds", "add", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Public addresses only" in text and "allow_private_addresses = true" in text


async def test_a_server_adding_a_catalogue_url_gets_its_name(database_target: str) -> None:
    db = await open_database(database_target)
    try:
        added = await service.add_server_feed(db, "https://www.theguardian.com/football/transfer-window/rss", None,
                                              guild_id=1)
        assert added.subscribed
        assert (await service.feed_list(db, 1))[0].startswith("#1 The Guardian · Transfer window [")
    finally:
        await db.close()


async def test_discord_feeds_catalogue_and_add_autocomplete(two: Two) -> None:  # noqa: F811 - the fixture
    listing = await two.slash(A, "feeds", {"search": "bayern"}, sub="catalogue")
    assert listing["ephemeral"]
    assert listing["text"].splitlines() == [
        f"2 of the catalogue's {len(ENTRIES)} feeds match.",
        "`kicker-bayern` Kicker · FC Bayern München (de, DE, club news, tier1) "
        "<https://newsfeed.kicker.de/team/fcbayernmuenchen>",
        "`bavarian-football-works` Bavarian Football Works · Bayern Munich (fan site) (en, US, club news, "
        "aggregator) <https://www.bavarianfootballworks.com/rss/index.xml>",
        "Add one with `/feeds add`: it autocompletes from this list."]
    everything = await two.slash(A, "feeds", sub="catalogue")
    assert len(everything["text"]) <= 4096 and "more: add a search word" in everything["text"]

    choices = await two.fake.inject_autocomplete(A, A_CHAN, A_ADMIN, "feeds", {"url": "guardian"}, subcommand="add")
    assert [choice["name"] for choice in choices] == [
        "The Guardian · Football (en, tier1)", "The Guardian · Transfer window (en, tier1)",
        "The Guardian · Arsenal (en, tier1)"]
    assert choices[1]["value"] == "https://www.theguardian.com/football/transfer-window/rss"
    own = "https://feeds.example.org/mine.xml"
    typed = await two.fake.inject_autocomplete(A, A_CHAN, A_ADMIN, "feeds", {"url": own}, subcommand="add")
    assert typed == [{"name": own, "value": own}]

    added = await two.slash(A, "feeds", {"url": choices[1]["value"]}, sub="add")
    assert added["text"].startswith("Added feed #")
    listed = await two.slash(A, "feeds", sub="list")
    assert "The Guardian · Transfer window [" in listed["text"]


def test_the_feeds_the_readme_recommends_are_in_the_catalogue() -> None:
    readme = Path("README.md").read_text(encoding="utf-8")
    section = readme.split("## Start with real feeds", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "`" in line]
    cited = set(re.findall(r"`([a-z0-9]+(?:-[a-z0-9]+)+|calciomercato|footmercato|thisisanfield)`", "\n".join(rows)))
    assert len(cited) >= 25
    assert cited <= {entry.key for entry in ENTRIES}


@pytest.mark.parametrize("key", ["bbc-football", "guardian-football", "sky-football", "marca-laliga",
                                 "kicker-bundesliga", "transfermarkt-en"])
async def test_a_catalogue_feed_added_from_discord_is_credited_to_its_outlet_at_its_tier(
        tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    """The catalogue is the project's own facts: its URL earns its outlet and tier even from a
    server, whose typed name still sets neither."""
    from bot import pipeline
    from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public

    entry = catalogue.by_key(key)
    assert entry is not None
    pretend_loopback_is_public(monkeypatch, FakeDNS({}))
    served = feed_server.set_feed("/catalogue.xml", "The Guardian", [TALKS])  # the feed's own title counts for nothing
    real = pipeline.fetch_feed

    async def fetch(session: Any, url: str, **kwargs: Any) -> FetchResult:
        return await real(session, served if url == entry.url else url, **kwargs)

    monkeypatch.setattr(pipeline, "fetch_feed", fetch)
    app = await open_app(make_settings(tmp_path, []))
    try:
        await service.add_server_feed(app.db, key, "The Athletic", guild_id=A)  # a typed name sets nothing
        await poll_all(app)
        rows = await app.db.fetchall("SELECT outlet, source_tier FROM claims")
        assert [(row["outlet"], row["source_tier"]) for row in rows] == [(entry.outlet, entry.tier)]
        lines = (await service.why(app.db, f"https://example.org/{TALKS.guid}", A)).lines
        assert lines[3] == f"• Ibrahima Konaté: talks with Real Madrid, per {entry.outlet} ({entry.tier})."
    finally:
        await app.close()


async def test_a_url_off_the_catalogue_is_still_credited_to_its_site_unrated(
        tmp_path: Path, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.fakes.hostile_feed_server import FakeDNS, pretend_loopback_is_public

    pretend_loopback_is_public(monkeypatch, FakeDNS({}))
    served = feed_server.set_feed("/own.xml", "BBC Sport", [TALKS])
    app = await open_app(make_settings(tmp_path, []))
    try:
        await service.add_server_feed(app.db, served, "BBC Sport", guild_id=A)
        await poll_all(app)
        rows = await app.db.fetchall("SELECT outlet, source_tier FROM claims")
        assert [(row["outlet"], row["source_tier"]) for row in rows] == [("127.0.0.1", None)]
    finally:
        await app.close()
