"""`python -m bot doctor`: what an operator sees before starting the bot. One line per check with
its verdict, the feeds a poll would read, exit status 1 when something is wrong; offline, and it
creates nothing. Most tests run the real CLI in a subprocess."""

from __future__ import annotations

import base64
import io
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.doctor import doctor, token_shape
from storage import feeds as feed_store
from storage.backends import open_database
from storage.schema import migrations

ROOT = Path(__file__).resolve().parents[1]
TOKEN_ENV = "CLAIMWATCH_DISCORD_TOKEN"
BOT_ID = "123456789012345678"
# The shape of a bot token (user id, timestamp, signature), made up: no such bot exists.
GOOD_TOKEN = (base64.urlsafe_b64encode(BOT_ID.encode()).decode().rstrip("=")
              + ".GhIjKl." + "aB3_dE5-gH7iJ9kL1mN3oP5qR7sT9uV1wX")

SAMPLES = """
[[feeds]]
url = "bundled:transfer_wire.xml"
name = "Transfer Wire"

[[feeds]]
url = "bundled:touchline_daily.atom"
name = "Touchline Daily"
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[storage]\npath = "{tmp_path / "data" / "claimwatch.db"}"\n' + SAMPLES, encoding="utf-8")
    path.chmod(0o600)
    return path


def _db(config: Path) -> Path:
    return config.parent / "data" / "claimwatch.db"


def _cli(config: Path, *args: str, token: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != TOKEN_ENV}
    if token is not None:
        env[TOKEN_ENV] = token
    # The timeout only stops a hung process from stalling the suite; no test measures time.
    return subprocess.run([sys.executable, "-m", "bot", "--config", str(config), *args], cwd=config.parent,
                          capture_output=True, text=True, timeout=300, check=False, env=env)


def _doctor(config: Path, token: str | None = None, status: int = 0) -> list[str]:
    result = _cli(config, "doctor", token=token)
    assert result.returncode == status, result.stdout + result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == f"claimwatch doctor: {config}"
    return lines


def _line(lines: list[str], check: str) -> str:
    [line] = [line for line in lines if line.split("] ", 1)[-1].startswith(f"{check}: ")]
    return line


def test_a_fresh_install_is_ready_and_doctor_creates_nothing(config: Path) -> None:
    lines = _doctor(config)
    assert _line(lines, "config") == (f"[ok] config: {config} is valid (2 feeds listed, database "
                                      f"{_db(config)}, polling every 600s)")
    assert _line(lines, "token").startswith("[ok] token: none set: `run` works in console mode")
    assert _line(lines, "database") == (f"[ok] database: {_db(config)} does not exist yet; "
                                        "`run` creates a new database there")
    assert _line(lines, "feeds") == "[ok] feeds: would poll 2 feeds, without fetching any now"
    assert "    Transfer Wire <bundled:transfer_wire.xml> every 600s (in config.toml)" in lines
    assert "    Touchline Daily <bundled:touchline_daily.atom> every 600s (in config.toml)" in lines
    assert lines[-1] == "Ready to run."
    assert not _db(config).parent.exists()  # no database, no data directory


def test_after_a_run_doctor_reports_the_database_and_each_feeds_health(config: Path) -> None:
    ran = _cli(config, "run", "--console")
    assert ran.returncode == 0, ran.stderr

    lines = _doctor(config)
    database = _line(lines, "database")
    assert database.startswith(f"[ok] database: {_db(config)}: ok (integrity_check ok, foreign keys ok, "
                               "schema version ")
    assert "; 2 feeds, " in database and " items, " in database and "0 alerts waiting" in database
    feed_lines = [line for line in lines if line.startswith("    ")]
    assert len(feed_lines) == 2
    assert all("every 600s (in config.toml; last fetched 20" in line for line in feed_lines)
    assert lines[-1] == "Ready to run."


def test_a_config_mistake_is_the_same_line_start_up_gives_and_the_rest_waits_for_it(config: Path) -> None:
    config.write_text(config.read_text(encoding="utf-8") + '\n[polling]\nconcurrency = "lots"\n', encoding="utf-8")
    started = _cli(config, "run", "--console")
    assert started.returncode == 2
    refusal = started.stderr.strip().removeprefix("config error: ")

    lines = _doctor(config, status=1)
    assert _line(lines, "config") == f"[FAIL] config: {refusal}"
    assert refusal == "polling.concurrency: expected a whole number (at least 1), got a string ('lots')"
    assert _line(lines, "database") == "[skip] database: not checked: the config must load first"
    assert _line(lines, "feeds") == "[skip] feeds: not checked: the config must load first"
    assert lines[-1] == "Not ready: config failed. Fix the lines marked [FAIL], then run doctor again."


def test_a_token_of_the_right_shape_passes_without_being_printed(config: Path) -> None:
    lines = _doctor(config, token=GOOD_TOKEN)
    assert _line(lines, "token") == (f"[ok] token: {TOKEN_ENV} has a bot token's shape, for bot user id {BOT_ID} "
                                     "(Discord not contacted; `run` logs in with it)")
    output = "\n".join(lines)
    assert all(part not in output for part in GOOD_TOKEN.split("."))


def test_a_token_pasted_with_its_prefix_fails_with_what_to_do(config: Path) -> None:
    lines = _doctor(config, token="Bot " + GOOD_TOKEN, status=1)
    assert _line(lines, "token") == (f"[FAIL] token: {TOKEN_ENV} is not a Discord bot token: it starts with "
                                     "'Bot ': give the token alone, without the prefix")
    assert lines[-1] == "Not ready: token failed. Fix the lines marked [FAIL], then run doctor again."
    assert GOOD_TOKEN.split(".")[2] not in "\n".join(lines)


def test_a_token_in_a_config_file_others_can_read_is_a_warning(config: Path) -> None:
    config.write_text(f'[discord]\ntoken = "{GOOD_TOKEN}"\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    config.chmod(0o644)
    lines = _doctor(config)
    assert _line(lines, "token") == (
        f"[warn] token: [discord] token in {config} has a bot token's shape, for bot user id {BOT_ID} "
        f"(Discord not contacted; `run` logs in with it); {config} is readable by other users: chmod 600 it, "
        f"or use {TOKEN_ENV}")
    assert lines[-1] == "Ready to run, with warnings about token."


@pytest.mark.parametrize(("token", "why"), [
    ("Bot abc.def.ghi", "it starts with 'Bot ': give the token alone, without the prefix"),
    (f'"{GOOD_TOKEN}"', "it is wrapped in quotes: paste the token alone"),
    (GOOD_TOKEN[:30] + " " + GOOD_TOKEN[30:], "it contains spaces or line breaks: paste the token alone"),
    (BOT_ID, "it is a number, like an application or user id, not a token (Bot → Reset Token)"),
    ("a" * 64, "it looks like the application's public key, not the bot's token (Bot → Reset Token)"),
    ("Xy7_kL9-mN2pQ4rS6tU8vW0xY1zA3bC5", "it looks like the OAuth2 client secret, not the bot's token "
                                         "(Bot → Reset Token)"),
    ("mfa.abcdefghijklmnopqrstuvwxyz", "it is a user account's token; claimwatch needs a bot's token "
                                       "(Bot → Reset Token)"),
    (".".join(GOOD_TOKEN.split(".")[:2]), "a bot token has three parts separated by dots, this has 2 "
                                          "(Bot → Reset Token)"),
    ("bm90IGFuIGlk.GhIjKl." + "a" * 30, "its first part should encode the bot's user id, and does not: "
                                        "is the token complete?"),
    (GOOD_TOKEN[:-20], "it is too short to be a whole token: was it cut off when copied?"),
    (GOOD_TOKEN.replace("GhIjKl", "Gh$jKl"), "a part of it is empty or holds characters a token never has "
                                              "(letters, digits, - and _ only)"),
])
def test_token_shapes_that_cannot_log_in_say_why(token: str, why: str) -> None:
    assert token_shape(token) == why
    assert token_shape(GOOD_TOKEN) is None


def test_an_emptied_database_fails_with_start_ups_own_refusal_and_is_left_alone(config: Path) -> None:
    assert _cli(config, "run", "--console").returncode == 0
    _db(config).write_bytes(b"")
    refused = _cli(config, "run", "--console")
    assert refused.returncode == 3
    refusal = refused.stderr.strip().removeprefix("database error: ")

    lines = _doctor(config, status=1)
    assert _line(lines, "database") == f"[FAIL] database: {refusal}"
    assert "is empty (0 bytes), but claimwatch created a database there before" in refusal
    assert _line(lines, "feeds").startswith("[ok] feeds: would poll 2 feeds, without fetching any now; the "
                                            "database's feeds are not listed (its check failed)")
    assert _db(config).stat().st_size == 0
    assert lines[-1] == "Not ready: database failed. Fix the lines marked [FAIL], then run doctor again."


def test_a_file_that_is_not_a_database_fails(config: Path) -> None:
    _db(config).parent.mkdir()
    _db(config).write_bytes(b"this is no SQLite file" * 100)
    lines = _doctor(config, status=1)
    assert _line(lines, "database").startswith(f"[FAIL] database: {_db(config)} is not a SQLite database "
                                               "(damaged, or another kind of file); restore it from a backup")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_a_data_directory_the_user_cannot_write_fails(config: Path) -> None:
    locked = config.parent / "locked"
    locked.mkdir(mode=0o500)
    config.write_text(f'[storage]\npath = "{locked / "data" / "claimwatch.db"}"\n' + SAMPLES, encoding="utf-8")
    try:
        lines = _doctor(config, status=1)
    finally:
        locked.chmod(0o700)
    assert _line(lines, "database") == (f"[FAIL] database: {locked / 'data' / 'claimwatch.db'} cannot be created: "
                                        f"{locked} is not writable by this user (uid {os.getuid()})")


async def test_feeds_added_later_paused_and_failing_are_listed_with_hostile_names_defused(config: Path) -> None:
    db = await open_database(_db(config))
    try:
        cli_feed = await feed_store.upsert(db, "https://example.org/rss", "Evil\x1b[2J\u202eName", None, origin="cli")
        await feed_store.record_failure(db, cli_feed, "timed out", backoff_seconds=60, pause_after=40)
        paused = await feed_store.upsert(db, "https://example.net/rss", None, 900, origin="discord")
        await feed_store.set_paused(db, paused, True, "paused after 40 failed fetches in a row; last error: HTTP 500")
        await feed_store.upsert(db, "https://example.com/feed", "Own", 1800, origin="discord")
    finally:
        await db.close()

    lines = _doctor(config)
    assert _line(lines, "feeds") == "[warn] feeds: would poll 4 feeds, without fetching any now (1 paused, 1 failing)"
    assert ("    Evil\\x1b[2J\\u202eName <https://example.org/rss> every 600s (added from the CLI; failing, "
            "1 failure in a row, last error: timed out)") in lines
    assert "    Own <https://example.com/feed> every 1800s (added from Discord)" in lines
    assert ("    paused, not polled: (named at its first fetch) <https://example.net/rss> (added from Discord): "
            "paused after 40 failed fetches in a row; last error: HTTP 500") in lines
    assert "\x1b" not in "\n".join(lines) and "\u202e" not in "\n".join(lines)
    assert lines[-1] == "Ready to run, with warnings about feeds."


def test_nothing_to_poll_is_a_warning(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\npath = "{tmp_path / "claimwatch.db"}"\n', encoding="utf-8")
    out = io.StringIO()
    assert doctor(config, out, env={}) == 0
    assert "[warn] feeds: nothing to poll: add [[feeds]] to config.toml, or `feeds add URL`\n" in out.getvalue()


def test_the_example_config_is_valid_but_marked_as_the_example(tmp_path: Path) -> None:
    shutil.copy(ROOT / "config.example.toml", tmp_path / "config.example.toml")
    out = io.StringIO()
    assert doctor(tmp_path / "config.example.toml", out, env={}) == 0
    assert ("this is the example config: copy it to config.toml and make it yours" in
            out.getvalue().splitlines()[1])


def test_doctor_is_listed_in_the_cli_help(config: Path) -> None:
    result = _cli(config, "--help")
    assert result.returncode == 0
    assert "doctor" in result.stdout and "check the config, the database and the token's shape" in result.stdout


def test_a_database_in_use_by_another_connection_is_still_checked(config: Path) -> None:
    assert _cli(config, "run", "--console").returncode == 0
    reader = sqlite3.connect(_db(config))  # an open reader, as a running bot's would be
    try:
        reader.execute("SELECT count(*) FROM feeds").fetchone()
        lines = _doctor(config)
    finally:
        reader.close()
    assert _line(lines, "database").startswith("[ok] database: ")


def test_a_postgresql_database_is_checked_without_being_migrated(tmp_path: Path, postgres_url: str) -> None:
    """[storage] url: doctor reads the server's schema version (a fresh database lacks every
    migration: a warning, and nothing is created), then, once `run` set it up, its feeds."""
    url = postgres_url.replace("claimwatch@", "claimwatch:s3cret@")  # a password, never printed
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "{url}"\n' + SAMPLES, encoding="utf-8")
    config.chmod(0o600)
    lines = _doctor(config)
    database = _line(lines, "database")
    newest = len(migrations("postgresql"))
    assert database.startswith("[warn] database: postgresql://claimwatch:***@")
    assert f"lacks {newest} of this claimwatch's migrations" in database
    assert "s3cret" not in "\n".join(lines)
    ran = _cli(config, "run", "--console")
    assert ran.returncode == 0, ran.stderr
    database = _line(_doctor(config), "database")
    assert f"ok (PostgreSQL, schema version {newest})" in database and "; 2 feeds, " in database


def test_an_unreachable_postgresql_server_fails_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[storage]\nurl = "postgresql://claimwatch:s3cret@127.0.0.1:9/nowhere"\n' + SAMPLES,
                      encoding="utf-8")
    config.chmod(0o600)
    database = _line(_doctor(config, status=1), "database")
    assert database.startswith("[FAIL] database: cannot connect to PostgreSQL at postgresql://claimwatch:***@127.0.0.1:9/")
