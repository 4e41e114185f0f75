"""`python -m bot doctor`: is this installation ready to run? One line per check, offline.

It checks the config with the same validation start-up uses (bot/config.py), the database with the
same checks as start-up and `db check` (storage/checks.py), the Discord token's shape without
contacting Discord, and lists what a poll would read: the config's feeds and those added later.
Each line starts with its verdict: `[ok]`, `[warn]` (works, but worth a look), `[FAIL]` (start-up
would refuse, or Discord would) or `[skip]` (needs a check above to pass first). The exit status
is 1 when any check fails, else 0. Nothing is created: a database that does not exist yet stays
so, and no network connection is made.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import os
import re
import stat
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot.config import NOT_IN_CONFIG, TOKEN_ENV, ConfigError, Settings, load_settings
from storage import checks

if TYPE_CHECKING:
    from storage.records import FeedHealth, FeedState

OK, WARN, FAIL, SKIP = "ok", "warn", "FAIL", "skip"

_TOKEN_PART = re.compile(r"^[A-Za-z0-9_-]+$")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(slots=True)
class Check:
    name: str
    verdict: str
    text: str
    details: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"[{self.verdict}] {self.name}: {self.text}", *("    " + line for line in self.details)]


def printable(value: object) -> str:
    """Text from the database or a config file, safe for a terminal: no escapes, no bidi tricks."""
    return _UNPRINTABLE.sub(lambda match: ascii(match.group())[1:-1], str(value))


# --- config ------------------------------------------------------------------------------------

def check_config(path: Path, env: dict[str, str]) -> tuple[Check, Settings | None]:
    try:
        settings = load_settings(path, env)
    except ConfigError as error:
        return Check("config", FAIL, printable(error)), None
    interval = settings.polling.interval_seconds
    from storage.upgrade import where

    database = where(settings.storage.url) if settings.storage.url else settings.storage.path
    text = (f"{path} is valid ({_count(len(settings.feeds), 'feed')} listed, database "
            f"{database}, polling every {interval}s)")
    if path.name == "config.example.toml":
        return Check("config", WARN, text + "; this is the example config: copy it to config.toml "
                     "and make it yours"), settings
    return Check("config", OK, text), settings


# --- token -------------------------------------------------------------------------------------

def token_shape(token: str) -> str | None:
    """Why `token` cannot be a Discord bot token, or None when it has the shape of one.

    A bot token is three base64url parts joined by dots: the bot's user id, a timestamp, and a
    signature. Only the shape is checked; whether Discord accepts it is known only by logging in.
    """
    if re.match(r"(?i)bot\s", token):
        return "it starts with 'Bot ': give the token alone, without the prefix"
    if any(char.isspace() for char in token):
        return "it contains spaces or line breaks: paste the token alone"
    if token[0] in "\"'" or token[-1] in "\"'":
        return "it is wrapped in quotes: paste the token alone"
    if token.startswith("mfa."):
        return "it is a user account's token; claimwatch needs a bot's token (Bot → Reset Token)"
    parts = token.split(".")
    if len(parts) != 3:
        if token.isdigit():
            return "it is a number, like an application or user id, not a token (Bot → Reset Token)"
        if re.fullmatch(r"[0-9a-f]{64}", token):
            return "it looks like the application's public key, not the bot's token (Bot → Reset Token)"
        if re.fullmatch(r"[A-Za-z0-9_-]{32}", token):
            return "it looks like the OAuth2 client secret, not the bot's token (Bot → Reset Token)"
        return f"a bot token has three parts separated by dots, this has {len(parts)} (Bot → Reset Token)"
    if not all(_TOKEN_PART.match(part) for part in parts):
        return "a part of it is empty or holds characters a token never has (letters, digits, - and _ only)"
    if bot_id(token) is None:
        return "its first part should encode the bot's user id, and does not: is the token complete?"
    if len(parts[1]) < 4 or len(parts[2]) < 20:
        return "it is too short to be a whole token: was it cut off when copied?"
    return None


def bot_id(token: str) -> int | None:
    """The bot's user id, which a token's first part encodes (public, unlike the token)."""
    first = token.split(".", 1)[0]
    try:
        decoded = base64.urlsafe_b64decode(first + "=" * (-len(first) % 4)).decode("ascii")
    except (binascii.Error, ValueError):
        return None
    return int(decoded) if decoded.isdigit() and 15 <= len(decoded) <= 20 else None


def check_token(path: Path, settings: Settings | None, env: dict[str, str]) -> Check:
    from_env = env.get(TOKEN_ENV)
    in_file = _token_in_file(path)
    notes: list[str] = []
    if from_env is not None and from_env.strip():
        token, where = from_env.strip(), f"{TOKEN_ENV}"
        if in_file:
            notes.append(f"{path} holds a token too; {TOKEN_ENV} wins")
    elif in_file:
        token, where = in_file, f"[discord] token in {path}"
        if from_env is not None:
            notes.append(f"{TOKEN_ENV} is set but blank, so the file's token is used")
        if _readable_by_others(path):
            notes.append(f"{path} is readable by other users: chmod 600 it, or use {TOKEN_ENV}")
    else:
        blank = f"{TOKEN_ENV} is set but blank; " if from_env is not None else ""
        return Check("token", OK, f"{blank}none set: `run` works in console mode (alerts print here); set "
                     f"{TOKEN_ENV} or [discord] token for Discord")
    problem = token_shape(token)
    if problem:
        return Check("token", FAIL, f"{where} is not a Discord bot token: {problem}", notes)
    text = (f"{where} has a bot token's shape, for bot user id {bot_id(token)} "
            "(Discord not contacted; `run` logs in with it)")
    if settings is not None and settings.discord.api_base_url:
        text += f"; Discord API at {printable(settings.discord.api_base_url)}"
    readable = [note for note in notes if "readable by other users" in note]
    return Check("token", WARN if readable else OK, text + ("; " + "; ".join(notes) if notes else ""))


def _token_in_file(path: Path) -> str:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    discord = raw.get("discord")
    token = discord.get("token", "") if isinstance(discord, dict) else ""
    return token if isinstance(token, str) else ""


def _readable_by_others(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & (stat.S_IRGRP | stat.S_IROTH)) and os.name == "posix"
    except OSError:
        return False


# --- database and feeds ------------------------------------------------------------------------

async def check_database(settings: Settings) -> tuple[Check, Feeds | None]:
    """The database as start-up would find it, and its feeds (None when it was not read)."""
    if settings.storage.url:
        return await _check_postgres(settings.storage.url)
    path = settings.database_path
    missing = not path.exists()
    if missing or (path.is_file() and path.stat().st_size == 0):
        if checks.marker_of(path).exists():
            try:  # the marker says a database lived here: start-up's own refusal, word for word
                checks.before_open(path, create=False)
            except checks.DatabaseProblem as problem:
                return Check("database", FAIL, printable(problem)), None
        where = _nearest_existing(path.parent)
        if not os.access(where, os.W_OK | os.X_OK):
            return Check("database", FAIL, f"{path} cannot be created: {where} is not writable by this user "
                         f"(uid {os.getuid()})"), None
        what = "does not exist yet" if missing else "is empty (0 bytes)"
        return Check("database", OK, f"{path} {what}; `run` creates a new database there"), Feeds()
    return await _read_database(path)


async def _check_postgres(url: str) -> tuple[Check, Feeds | None]:
    """A PostgreSQL database: reachable, at this claimwatch's schema (looked at, never migrated:
    a doctor changes nothing), and its feeds."""
    from storage import upgrade

    try:
        todo = await upgrade.pending(url)
    except checks.DatabaseProblem as problem:
        return Check("database", FAIL, printable(problem)), None
    if todo:
        return Check("database", WARN, f"{upgrade.where(url)} lacks {len(todo)} of this claimwatch's migrations: "
                     "`run` applies them at start (`python -m bot db upgrade --sql` prints them)"), Feeds()
    return await _read_database(url)


async def _read_database(target: str | Path) -> tuple[Check, Feeds | None]:
    """`db check`'s report on a database that exists, and its feeds."""
    from storage import feeds as feed_store
    from storage.backends import open_database

    try:
        db = await open_database(target, must_exist=True)
    except checks.DatabaseProblem as problem:
        return Check("database", FAIL, printable(problem)), None
    try:
        report = await checks.full_report(db)
        # What a poll cycle reads (the same query), and the paused feeds with the reason they paused.
        active = await feed_store.list_active(db)
        paused = [row for row in await feed_store.list_with_health(db) if row.paused]
    except checks.DatabaseProblem as problem:
        return Check("database", FAIL, printable(problem)), None
    finally:
        await db.close()
    return Check("database", OK, "; ".join(report)), Feeds({row.url: row for row in active},
                                                           {row.url: row for row in paused})


@dataclass(slots=True)
class Feeds:
    """The database's feeds by URL: those a poll reads, and those paused."""

    active: dict[str, FeedState] = field(default_factory=dict)
    paused: dict[str, FeedHealth] = field(default_factory=dict)


def _nearest_existing(path: Path) -> Path:
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_feeds(settings: Settings, config_path: Path, stored: Feeds | None) -> Check:
    default = settings.polling.interval_seconds
    known = stored or Feeds()
    polled: list[str] = []
    paused: list[str] = []
    failing = 0

    def describe(url: str, name: str | None, interval: int | None, origin: str) -> None:
        nonlocal failing
        label = f"{printable(name) if name else '(named at its first fetch)'} <{printable(url)}>"
        if url in known.paused:
            reason = printable(known.paused[url].paused_reason or "paused")
            paused.append(f"paused, not polled: {label} ({origin}): {reason}")
            return
        row, health = known.active.get(url), ""
        if row is not None and row.consecutive_failures:
            failing += 1
            health = (f"; failing, {_count(int(row.consecutive_failures), 'failure')} in a row, "
                      f"last error: {printable(row.last_error)}")
        elif row is not None and row.last_success_at:
            health = f"; last fetched {str(row.last_success_at)[:16].replace('T', ' ')} UTC"
        polled.append(f"{label} every {interval or default}s ({origin}{health})")

    for feed in settings.feeds:
        row = known.active.get(feed.url) or known.paused.get(feed.url)
        describe(feed.url, feed.name or (row.name if row is not None else None), feed.interval_seconds,
                 f"in {config_path.name}")
    listed = {feed.url for feed in settings.feeds}
    origins = {"config": "from an earlier config", "cli": "added from the CLI", "discord": "added from Discord"}
    for url, state in known.active.items():
        if url in listed:
            continue
        if state.origin == "config":  # the next start pauses it (bot/app.py): the config decides
            name = printable(state.name) if state.name else "(unnamed)"
            paused.append(f"paused at the next start: {name} <{printable(url)}> (from an earlier config): "
                          f"{NOT_IN_CONFIG}")
            continue
        describe(url, state.name, state.interval_seconds, origins.get(state.origin, printable(state.origin)))
    for url, health in known.paused.items():
        if url not in listed:
            describe(url, health.name, None, origins.get(health.origin, printable(health.origin)))

    unread = "" if stored is not None else "; the database's feeds are not listed (its check failed)"
    if not polled:
        return Check("feeds", WARN, f"nothing to poll: add [[feeds]] to {config_path.name}, or `feeds add URL`"
                     + unread, paused)
    text = f"would poll {_count(len(polled), 'feed')}, without fetching any now" + unread
    if paused or failing:
        text += f" ({len(paused)} paused, {failing} failing)"
    return Check("feeds", WARN if paused or failing else OK, text, polled + paused)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# --- the whole check ---------------------------------------------------------------------------

async def _checks(config_path: Path, env: dict[str, str]) -> list[Check]:
    config, settings = check_config(config_path, env)
    found = [config, check_token(config_path, settings, env)]
    if settings is None:
        needs = "not checked: the config must load first"
        return [*found, Check("database", SKIP, needs), Check("feeds", SKIP, needs)]
    database, rows = await check_database(settings)
    return [*found, database, check_feeds(settings, config_path, rows)]


def doctor(config_path: Path, out: TextIO | None = None, env: dict[str, str] | None = None) -> int:
    """Print one line per check (and the feeds under theirs); 1 when any check failed. `out`: the
    standard output as it is when called (a default bound at import would keep an old one)."""
    out = sys.stdout if out is None else out
    env = dict(os.environ) if env is None else env
    found = asyncio.run(_checks(config_path, env))
    print(f"claimwatch doctor: {config_path}", file=out)
    for check in found:
        print("\n".join(check.lines()), file=out)
    failed = [check.name for check in found if check.verdict == FAIL]
    if failed:
        print(f"Not ready: {', '.join(failed)} failed. Fix the lines marked [FAIL], then run doctor again.", file=out)
        return 1
    warned = [check.name for check in found if check.verdict == WARN]
    print("Ready to run" + (f", with warnings about {', '.join(warned)}." if warned else "."), file=out)
    return 0
