"""/why and /feeds catalogue through the real bot on the loopback Discord with hostile values: a
private answer that says what to do, shown literally, and nothing changed (as every other command)."""

from __future__ import annotations

import itertools
import unicodedata
from pathlib import Path

from tests.discord.test_input_discord import CHANNEL, GUILD, HOSTILE, USERS, _snapshot, world  # noqa: F401 - the fixture
from tests.fakes import FakeDiscord


async def test_hostile_why_and_catalogue_arguments(world: tuple[FakeDiscord, Path]) -> None:  # noqa: F811
    fake, database = world
    users = itertools.cycle(USERS)
    for command, sub, option in (("why", None, "url"), ("feeds", "catalogue", "search")):
        for value in HOSTILE:
            before = _snapshot(database)
            interaction = await fake.inject_slash(GUILD, CHANNEL, next(users), command, {option: value}, subcommand=sub)
            response = await fake.wait_for_response(interaction)
            data = response["data"] or {}
            text = data.get("content") or "\n".join(embed.get("description", "") for embed in data.get("embeds", []))
            case = f"/{command} {sub or ''} {option}={value[:30]!r}"
            assert interaction.ephemeral and text, case
            # A search may match ("²" folds to 2, as in tier2); anything else is a clear refusal.
            assert text.startswith(("Give the item's link", "No catalogue feed matches", "Search with a word")) or (
                command == "feeds" and " of the catalogue's " in text.splitlines()[0]), case
            assert all(unicodedata.category(c)[0] != "C" or c == "\u200b" for c in text.replace("\n", "")), case
            assert "@everyone" not in text and "<@123>" not in text, case
            assert _snapshot(database) == before, f"{case} changed the database"
