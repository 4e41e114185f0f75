"""Every CLI twin and every service command behind a slash command, driven with hostile arguments
(control characters, NUL, bidi overrides, 10,000 characters, huge and odd numbers, mentions,
markdown, SQL): each gets one clear answer, never a traceback, and a refusal changes nothing."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from bot import service
from bot.__main__ import main
from storage.backends import open_database
from storage.db import Database

HOSTILE = ["", " ", "\x00", "Kon\x00até", "a\x1b[2J\x1b]8;;x\x07", "\u202eetanoK", "Kon\u2066até", "x" * 10_000,
           "9" * 30, "18446744073709551616", "-1", "²", "١٢٣", "1e9", "0x10", "<@123>", "<#456>", "@everyone",
           "**Konate**", "`code`", "'; DROP TABLE follows; --", "\n", "Kon\r\nate", "+1", "-0", "#0", "Kon4te"]
GUILD, CHANNEL = "5", "10"
URL = "https://feeds.example.org/wire.xml"
CLI = [
    ["follow", "{}", "--channel", CHANNEL, "--guild", GUILD],
    ["follow", "Konate", "--channel", "{}", "--guild", GUILD],
    ["follow", "Konate", "--channel", CHANNEL, "--guild", "{}"],
    ["unfollow", "{}", "--channel", CHANNEL, "--guild", GUILD],
    ["unfollow", "Konate", "--channel", "{}", "--guild", GUILD],
    ["following", "--channel", "{}", "--guild", GUILD],
    ["following", "--guild", "{}"],
    ["timeline", "{}"],
    ["timeline", "Konate", "--kind", "{}"],
    ["timeline", "Konate", "--since", "{}"],
    ["latest", "--guild", "{}"],
    ["alerts", "channel", "--channel", "{}", "--guild", GUILD],
    ["alerts", "channel", "--channel", CHANNEL, "--guild", "{}"],
    ["alerts", "settings", "--guild", "{}"],
    ["alerts", "settings", "--guild", GUILD, "--min-tier", "{}"],
    ["alerts", "settings", "--guild", GUILD, "--kinds", "{}"],
    ["feeds", "list", "--guild", "{}"],
    ["feeds", "add", "{}"],
    ["feeds", "add", "{}", "--guild", GUILD],
    ["feeds", "add", "https://feeds.example.org/other.xml", "--name", "{}", "--guild", GUILD],
    ["feeds", "add", URL, "--guild", "{}"],
    ["feeds", "remove", "{}"],
    ["feeds", "remove", "{}", "--guild", GUILD],
    ["feeds", "resume", "{}"],
    ["feeds", "resume", "{}", "--guild", GUILD],
]
TABLES = ("feeds", "feed_subscriptions", "follows", "entities", "entity_aliases", "guild_settings")


def _snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in TABLES}


def _literal(text: str) -> bool:
    """Shown text holds no control or format characters and no live mass mention. Bar line breaks
    and the zero-width space that defuses a mention (@\u200beveryone)."""
    return (all(unicodedata.category(char) not in ("Cc", "Cf") or char in "\n\u200b" for char in text)
            and "@everyone" not in text)


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    path = root / "config.toml"
    path.write_text(f'[storage]\npath = "{root / "fuzz.db"}"\n', encoding="utf-8")
    for argv in (["feeds", "add", URL, "--name", "Wire", "--guild", GUILD],
                 ["follow", "Ibrahima Konate", "--channel", CHANNEL, "--guild", GUILD],
                 ["alerts", "settings", "--guild", GUILD, "--kinds", "bid", "--digest"]):
        assert main([*argv, "--config", str(path)]) == 0
    return path


@pytest.mark.parametrize("template", CLI, ids=lambda t: " ".join(t))
def test_cli_twins_answer_hostile_arguments_clearly(config: Path, capsys: pytest.CaptureFixture[str],
                                                   template: list[str]) -> None:
    database = config.parent / "fuzz.db"
    capsys.readouterr()
    for value in HOSTILE:
        before = _snapshot(database)
        argv = [value if part == "{}" else part for part in template]
        try:
            code = main([*argv, "--config", str(config)])
        except SystemExit as exit_:  # argparse: a value that looks like an option, with its usage line
            code = exit_.code  # type: ignore[assignment]
        out, err = capsys.readouterr()
        case = f"{argv[:3]} with {value[:40]!r}"
        assert "Traceback" not in err and "Error:" not in err, case
        assert _literal(out) and _literal(err), case
        if code == 0:
            assert out.strip(), case
            continue
        assert code in (1, 2) and err.strip(), case
        assert len(err) < 2_500, case
        if code == 1:
            assert err.count("\n") == 1, case  # one line saying what to do
        assert _snapshot(database) == before, f"{case} changed the database"


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await open_database(tmp_path / "slash.db")
    await service.add_server_feed(database, URL, "Wire", guild_id=5, by="1")
    await service.follow(database, 5, 10, "Ibrahima Konate")
    await service.update_alert_settings(database, 5, kinds="bid", digest=True)
    yield database
    await database.close()


def _slash_calls(db: Database, value: str) -> list[tuple[str, Callable[[], Awaitable[Any]]]]:
    """What each slash command hands the service; Discord itself supplies the ids, so only text varies."""
    return [
        ("follow", lambda: service.follow(db, 5, 10, value)),
        ("unfollow", lambda: service.unfollow(db, 5, 10, value)),
        ("timeline", lambda: service.timeline(db, value, guild_id=5)),
        ("timeline kind", lambda: service.timeline(db, "Konate", kind=value, guild_id=5)),
        ("timeline since", lambda: service.timeline(db, "Konate", since=value, guild_id=5)),
        ("autocomplete", lambda: service.suggest(db, value, guild_id=5)),
        ("feeds add url", lambda: service.add_server_feed(db, value, None, guild_id=5)),
        ("feeds remove", lambda: service.remove_feed(db, value, guild_id=5)),
        ("feeds resume", lambda: service.resume_feed(db, value, guild_id=5)),
        ("alerts settings min_tier", lambda: service.update_alert_settings(db, 5, min_tier=value)),
        ("alerts settings kinds", lambda: service.update_alert_settings(db, 5, kinds=value or "x")),
    ]


async def test_slash_commands_answer_hostile_text_clearly(db: Database) -> None:
    for value in HOSTILE:
        for name, call in _slash_calls(db, value):
            before = _snapshot(Path(db.path))
            case = f"{name} with {value[:40]!r}"
            try:
                result = await call()
            except service.UserError as error:
                text = str(error)
                assert text and len(text) < 2_000 and _literal(text), case
                assert _snapshot(Path(db.path)) == before, f"{case} changed the database"
                continue
            if name == "autocomplete":
                assert all(_literal(person.describe()) for person in result), case
            else:
                raise AssertionError(f"{case} was accepted: {result!r}")
