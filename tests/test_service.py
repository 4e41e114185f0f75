"""Commands with hostile arguments get clear answers and change nothing they should not."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot import identities, service
from storage.backends import open_database
from storage.db import Database

HOSTILE = ["", "   ", "x" * 10_000, "Kon\x00até", "Konate\u202e", "**Konate**", "<@123>", "@everyone",
           "'; DROP TABLE follows; --", "Robert'); DELETE FROM entities;--"]


@pytest.fixture
async def db(database_target: str):
    database = await open_database(database_target)
    async with database.transaction() as conn:
        await identities.create(conn, "Xabi Alonso", "manager", club="Real Madrid")
        await identities.create(conn, "Marcos Alonso", "player", club="Celta Vigo")
        await identities.create(conn, "Ibrahima Konaté", "player", club="Liverpool")
    yield database
    await database.close()


@pytest.mark.parametrize("raw", HOSTILE)
async def test_hostile_names_are_refused_clearly(db: Database, raw: str) -> None:
    with pytest.raises(service.UserError) as caught:
        await service.follow(db, 1, 2, raw)
    assert caught.value.args[0]
    assert (await db.fetchone("SELECT count(*) FROM follows"))[0] == 0
    assert (await db.fetchone("SELECT count(*) FROM entities"))[0] == 3


async def test_accents_case_and_typos_resolve(db: Database) -> None:
    for typed in ("konate", "KONATÉ", "Ibrahima Konate", "konatte"):
        result = await service.resolve(db, typed)
        assert result.person is not None and result.person.name == "Ibrahima Konaté", typed


async def test_ambiguous_surname_lists_both_and_full_name_resolves(db: Database) -> None:
    result = await service.follow(db, 1, 2, "alonso")
    assert result.person is None
    assert {p.name for p in result.choices} == {"Xabi Alonso", "Marcos Alonso"}
    assert "Which one?" in result.message
    chosen = await service.follow(db, 1, 2, "Xabi Alonso")
    assert chosen.person is not None and chosen.person.role == "manager" and chosen.created


async def test_unknown_name_is_followed_by_name(db: Database) -> None:
    result = await service.follow(db, 1, 2, "Lamine Yamal")
    assert result.new_name and "not seen them in the news yet" in result.message
    again = await service.follow(db, 1, 2, "lamine yamal")
    assert not again.created and "already follows" in again.message


async def test_suggest_is_bounded_and_accent_insensitive(db: Database) -> None:
    assert [p.name for p in await service.suggest(db, "kon")] == ["Ibrahima Konaté"]
    assert len(await service.suggest(db, "a", limit=25)) <= 25


async def test_settings_validate_their_values(db: Database) -> None:
    with pytest.raises(service.UserError, match="Unknown kinds"):
        await service.update_alert_settings(db, 1, kinds="transfer; DROP TABLE x")
    text = await service.update_alert_settings(db, 1, min_tier="tier2", kinds="bid, agreement", digest=True)
    assert text == ("Alerts: a daily digest; minimum source tier: tier2; kinds: bid, agreement; "
                    "notices channel: not set.")


async def test_feed_urls_from_users_are_http_only(db: Database) -> None:
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "gopher://x", "http://", "bundled:transfer_wire.xml"):
        with pytest.raises(service.UserError):
            await service.add_feed(db, bad, None, origin="discord")
    assert (await db.fetchone("SELECT count(*) FROM feeds"))[0] == 0


@pytest.mark.parametrize("raw", [".", "-", "'", "...", "12345", "- . '", "’’"])
async def test_a_name_needs_letters(db: Database, raw: str) -> None:
    with pytest.raises(service.UserError, match="A name needs letters"):
        await service.follow(db, 1, 2, raw)
    assert (await db.fetchone("SELECT count(*) FROM entities"))[0] == 3
    assert (await db.fetchone("SELECT count(*) FROM follows"))[0] == 0


async def test_a_name_followed_in_one_server_is_suggested_only_there(db: Database) -> None:
    await service.follow(db, 1, 10, "Zorbo Quill")
    assert [p.name for p in await service.suggest(db, "zorb", guild_id=1)] == ["Zorbo Quill"]
    assert [p.name for p in await service.suggest(db, "quil", guild_id=1)] == ["Zorbo Quill"]
    assert await service.suggest(db, "zorb", guild_id=2) == []
    assert await service.suggest(db, "zorbo quil", guild_id=2) == []  # nor by a typo-tolerant guess
    assert [p.name for p in await service.suggest(db, "zorbo qiull", guild_id=1)] == ["Zorbo Quill"]
    assert await service.suggest(db, "zorb") == []  # nor where no server is known
    found = await service.resolve(db, "quill", guild_id=2)  # a surname alone does not reveal it either
    assert found.person is None and found.choices == []
    with pytest.raises(service.UserError, match="No stories about"):
        await service.timeline(db, "Quill", guild_id=2)


async def test_the_same_new_name_in_two_servers_is_one_person_told_nothing_of_the_other(db: Database) -> None:
    first = await service.follow(db, 1, 10, "Zorbo Quill")
    second = await service.follow(db, 2, 20, "zorbo quill")
    assert first.person is not None and second.person is not None and first.person.id == second.person.id
    assert second.message == first.message  # server 2 cannot tell that server 1 typed it first
    assert second.message.startswith("Following Zorbo Quill. I have not seen them in the news yet")


async def test_a_claim_confirms_a_followed_name_for_every_server(db: Database) -> None:
    await service.follow(db, 1, 10, "Zorbo Quill")
    async with db.transaction() as conn:
        entity_id, _ = await identities.resolve_subject(conn, "Zorbo Quill", "player", ["Arsenal"])
    assert [p.id for p in await service.suggest(db, "zorb", guild_id=2)] == [entity_id]


async def test_two_concurrent_follows_of_one_new_name_make_one_person(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    # Both follows look the name up before either creates it: the race two users clicking at once make.
    barrier = asyncio.Barrier(2)
    resolve = service.resolve

    async def resolve_then_wait(*args: Any, **kwargs: Any) -> service.Resolution:
        found = await resolve(*args, **kwargs)
        await barrier.wait()
        return found

    monkeypatch.setattr(service, "resolve", resolve_then_wait)
    first, second = await asyncio.gather(service.follow(db, 1, 10, "Lamine Yamal"),
                                         service.follow(db, 2, 20, "Lamine Yamal"))
    assert first.person is not None and second.person is not None
    assert (await db.fetchone("SELECT count(*) FROM entities WHERE name = 'Lamine Yamal'"))[0] == 1
    # The first report naming him reaches both channels: both follow the one person it resolves to.
    async with db.transaction() as conn:
        entity_id, _ = await identities.resolve_subject(conn, "Lamine Yamal", "player", ["Barcelona"])
    rows = await db.fetchall("SELECT channel_id FROM follows WHERE entity_id = ? ORDER BY channel_id", (entity_id,))
    assert [row["channel_id"] for row in rows] == [10, 20]


async def test_two_processes_racing_one_new_name_make_one_person(database_target: str) -> None:
    # Two connections (the bot and a CLI follow): the unique key holds across them.
    one, two = await open_database(database_target), await open_database(database_target)
    try:
        async with one.transaction() as conn:
            first = await identities.create_placeholder(conn, "Lamine Yamal")
        async with two.transaction() as conn:
            second = await identities.create_placeholder(conn, "lamine yamal")
        assert first == second
        assert (await one.fetchone("SELECT count(*) FROM entities"))[0] == 1
    finally:
        await one.close()
        await two.close()
