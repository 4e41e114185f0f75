"""Who a claim is about: full names, surnames, accents, and the two Alonsos never merged silently."""

from __future__ import annotations

import pytest

from bot import identities
from bot.identities import name_aliases
from storage import people as people_store
from storage.backends import open_database
from storage.db import Database


@pytest.fixture
async def db(database_target: str):
    database = await open_database(database_target)
    yield database
    await database.close()


def test_aliases_cover_full_name_and_the_surname_headlines_use() -> None:
    assert name_aliases("Alexis Mac Allister") == [("alexis mac allister", "full"), ("mac allister", "surname")]
    assert name_aliases("Virgil van Dijk")[1] == ("van dijk", "surname")
    assert ("odegaard", "surname") in name_aliases("Martin Ødegaard")
    assert name_aliases("Rodri") == [("rodri", "full")]


async def test_surname_and_accent_variants_resolve_to_one_person(db: Database) -> None:
    async with db.transaction() as conn:
        first, _ = await identities.resolve_subject(conn, "Ibrahima Konaté", "player", ["Real Madrid", "Liverpool"])
        assert await identities.resolve_subject(conn, "Ibrahima Konate", "player", [None]) == (first, False)
        assert await identities.resolve_subject(conn, "Konate", "player", [None]) == (first, False)
    assert (await db.fetchone("SELECT count(*) FROM entities"))[0] == 1


async def test_two_alonsos_are_told_apart_by_role_and_club_or_left_ambiguous(db: Database) -> None:
    async with db.transaction() as conn:
        xabi, _ = await identities.resolve_subject(conn, "Xabi Alonso", "manager", ["Real Madrid", None])
        marcos, _ = await identities.resolve_subject(conn, "Marcos Alonso", "player", ["Celta Vigo", None])
        assert xabi != marcos
        assert await identities.resolve_subject(conn, "Alonso", "manager", [None]) == (xabi, False)
        assert await identities.resolve_subject(conn, "Alonso", "player", ["Celta Vigo"]) == (marcos, False)
        await conn.execute("UPDATE entities SET role = 'player' WHERE id = ?", (xabi,))
        # Same role, no club to go on: reported as ambiguous, never merged into either.
        assert await identities.resolve_subject(conn, "Alonso", "player", [None]) == (None, True)
    assert (await db.fetchone("SELECT count(*) FROM entities"))[0] == 2


async def test_followed_name_learns_the_full_name_from_the_first_claim(db: Database) -> None:
    async with db.transaction() as conn:
        placeholder = await identities.create(conn, "Yamal", None, placeholder=True)
        found, _ = await identities.resolve_subject(conn, "Lamine Yamal", "player", ["Barcelona"])
    assert found == placeholder
    row = await db.fetchone("SELECT name, role, placeholder FROM entities WHERE id = ?", (placeholder,))
    assert tuple(row) == ("Lamine Yamal", "player", 0)


async def test_current_club_follows_moves_and_a_managers_exit(db: Database) -> None:
    async with db.transaction() as conn:
        coach = await identities.create(conn, "Xabi Alonso", "manager")
        await identities.note_club(conn, coach, "completed", "manager", "Real Madrid", "Bayer Leverkusen")
        assert (await people_store.get(conn, coach)).club == "Real Madrid"
        await identities.note_club(conn, coach, "departure", "manager", None, "Real Madrid")
        assert (await people_store.get(conn, coach)).club is None  # sacked: out of work now
        player = await identities.create(conn, "Ibrahima Konaté", "player")
        await identities.note_club(conn, player, "interest", "player", "Real Madrid", "Liverpool")
        await identities.note_club(conn, player, "departure", "player", None, "Liverpool")
        assert (await people_store.get(conn, player)).club == "Liverpool"  # leaving is not gone yet
