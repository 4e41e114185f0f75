"""Commands with hostile arguments get clear answers and change nothing they should not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import service
from storage import entities
from storage.db import Database

HOSTILE = ["", "   ", "x" * 10_000, "Kon\x00até", "Konate\u202e", "**Konate**", "<@123>", "@everyone",
           "'; DROP TABLE follows; --", "Robert'); DELETE FROM entities;--"]


@pytest.fixture
async def db(tmp_path: Path):
    database = await Database.open(tmp_path / "s.db")
    async with database.transaction() as conn:
        await entities.create(conn, "Xabi Alonso", "manager", club="Real Madrid")
        await entities.create(conn, "Marcos Alonso", "player", club="Celta Vigo")
        await entities.create(conn, "Ibrahima Konaté", "player", club="Liverpool")
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
