"""Bad input gets a clear answer, the same from a CLI twin as from its slash command: one validator
per kind of argument (bot/inputs.py), no traceback, nothing changed; user text shown literally."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot import inputs, service
from storage.backends import open_database
from tests.helpers import run_cli as run

HUGE = "99999999999999999999"


def rows(config: Path, table: str) -> int:
    with sqlite3.connect(config.parent / "cli.db") as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize(("argv", "answer"), [
    (["feeds", "remove", HUGE], f"No feed {HUGE} here."),
    (["feeds", "resume", HUGE], f"No feed {HUGE} here."),
    (["feeds", "remove", "²"], "No feed ² here."),
    (["feeds", "remove", "١٢"], "No feed ١٢ here."),  # Arabic-Indic digits: int() reads them, SQLite never should
    (["feeds", "remove", "1", "--guild", HUGE], "The server id must be a Discord id"),
    (["follow", "Konate", "--channel", HUGE], "The channel id must be a Discord id"),
    (["follow", "Konate", "--channel", "1", "--guild", HUGE], "The server id must be a Discord id"),
    (["follow", "Konate", "--channel", "-5"], "The channel id must be a Discord id"),
    (["follow", "Konate", "--channel", "²"], "The channel id must be a Discord id"),
    (["unfollow", "Konate", "--channel", HUGE], "The channel id must be a Discord id"),
    (["following", "--channel", HUGE], "The channel id must be a Discord id"),
    (["following", "--guild", HUGE], "The server id must be a Discord id"),
    (["latest", "--guild", HUGE], "The server id must be a Discord id"),
    (["alerts", "channel", "--channel", HUGE], "The channel id must be a Discord id"),
    (["alerts", "channel", "--channel", "1", "--guild", HUGE], "The server id must be a Discord id"),
    (["alerts", "settings", "--guild", HUGE], "The server id must be a Discord id"),
    (["alerts", "settings", "--guild", "1e3", "--digest"], "The server id must be a Discord id"),
    (["timeline", "Konate", "--since", "2025-13-45"], "Give `since` as a date"),
    (["timeline", "Konate", "--since", "２０２５-０１-０１"], "Give `since` as a date"),
])
def test_odd_numbers_get_one_clear_line_and_change_nothing(config: Path, capsys: pytest.CaptureFixture[str],
                                                           argv: list[str], answer: str) -> None:
    code, out, err = run(config, capsys, *argv)
    assert code == 1 and out == ""
    assert err.startswith(answer) and "Traceback" not in err and err.count("\n") == 1
    assert rows(config, "follows") == 0 and rows(config, "guild_settings") == 0


@pytest.mark.parametrize(("name", "answer"), [
    ("Evil\nName", "A feed name must be plain text on one line"),
    ("Wire\u202eesreveR", "A feed name must be plain text on one line"),
    ("Wire\x1b[31mred", "A feed name must be plain text on one line"),
    ("Wire\x00", "A feed name must be plain text on one line"),
    ("W" * 101, "A feed name may be at most 100 characters"),
])
def test_feed_names_are_one_printable_line(config: Path, capsys: pytest.CaptureFixture[str], name: str,
                                           answer: str) -> None:
    for guild in ([], ["--guild", "5"]):
        code, _, err = run(config, capsys, "feeds", "add", "https://feeds.example.org/rss", "--name", name, *guild)
        assert code == 1 and err.startswith(answer)
    assert rows(config, "feeds") == 0


@pytest.mark.parametrize("url", [
    "https://feeds.example.org/r\nss", "https://feeds.example.org/r ss", "https://feeds.example.org/\u202erss",
    "https://feeds.example.org/\x1b]8;;evil\x07", "https://feeds.example.org:99999/rss", "https://[::1/rss",
    "https://feeds.example.org/" + "x" * 2000,
])
def test_feed_urls_hold_no_spaces_controls_or_bidi(config: Path, capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, _, err = run(config, capsys, "feeds", "add", url)
    assert code == 1 and "Traceback" not in err and err.count("\n") == 1
    assert rows(config, "feeds") == 0


def test_feed_names_show_literally_in_cli_and_discord_lists(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "https://feeds.example.org/rss?a=1&b=*2*"
    code, out, _ = run(config, capsys, "feeds", "add", url, "--name", "**Big** @everyone", "--guild", "5")
    assert code == 0 and out.startswith("Added feed #1.")
    for argv in (["feeds", "list"], ["feeds", "list", "--guild", "5"]):
        code, out, _ = run(config, capsys, *argv)
        assert code == 0
        assert out.startswith("#1 \\*\\*Big\\*\\* @\u200beveryone [not fetched yet]")  # never fetched: not "ok"
        assert f"<{url}>" in out
    code, out, _ = run(config, capsys, "feeds", "list", "--guild", "6")
    assert code == 0 and "feeds.example.org" not in out


async def test_slash_commands_share_the_validators(database_target: str) -> None:
    db = await open_database(database_target)
    try:
        for call in (service.remove_feed(db, HUGE, guild_id=1), service.resume_feed(db, "²", guild_id=1),
                     service.remove_feed(db, "\u202e1", guild_id=1)):
            with pytest.raises(service.UserError):
                await call
        with pytest.raises(service.UserError, match="A feed name must be plain text"):
            await service.add_server_feed(db, "https://feeds.example.org/rss", "a\u2066b", guild_id=1)
        with pytest.raises(service.UserError, match="server id"):
            await service.latest(db, 2**64)
    finally:
        await db.close()


def test_echoed_text_is_made_literal() -> None:
    assert inputs.shown("**x**\u202e\x00 <@1>\n@here") == "\\*\\*x\\*\\* <@\u200b1\\> @\u200bhere"
    assert inputs.shown("y" * 500, 10) == "y" * 9 + "…"
    assert inputs.snowflake("0") == 0 and inputs.snowflake(2**63 - 1) == 2**63 - 1
    for bad in ("", " ", "-1", "1.0", "0x10", "１", str(2**63), True):
        with pytest.raises(inputs.UserError):
            inputs.snowflake(bad)  # type: ignore[arg-type]
