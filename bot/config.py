"""config.toml -> validated settings. Every mistake becomes one ConfigError naming the key."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

TOKEN_ENV = "CLAIMWATCH_DISCORD_TOKEN"
DATABASE_URL_ENV = "CLAIMWATCH_DATABASE_URL"
MAX_SHARDS = 65_536  # Discord: one shard per 1,000 to 2,500 servers; far beyond any bot
# Why a feed the config listed once is paused, not read: the config decides its lifecycle (bot/app.py).
NOT_IN_CONFIG = "no longer in the config file; list it there again to read it again"


class ConfigError(Exception):
    """A config mistake, worded for the person who made it."""


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    token: str = ""
    api_base_url: str = ""
    gateway_url: str = ""
    sync_guild_id: int = 0  # sync commands to one guild (instant) instead of globally
    # Gateway sharding across processes: this process runs `shards` of `shard_count` in all.
    # 0 and (): one process holding every shard, as many as Discord recommends.
    shard_count: int = 0
    shards: tuple[int, ...] = ()

    @property
    def shard_ids(self) -> tuple[int, ...] | None:
        """This process's shards when it runs some of them, None when it runs every shard."""
        if not self.shards or set(self.shards) == set(range(self.shard_count)):
            return None
        return self.shards

    def owns(self, guild_id: int) -> bool:
        """Whether this process's shards hold the guild (Discord: (guild_id >> 22) % shard_count)."""
        ids = self.shard_ids
        return ids is None or (guild_id >> 22) % self.shard_count in ids


@dataclass(frozen=True, slots=True)
class StorageSettings:
    path: str = "data/claimwatch.db"
    # A postgresql:// URL: the shared store of several processes (README "Running at scale").
    # Empty: the SQLite file at `path`.
    url: str = ""
    retention_days: int = 730
    # Set by --create-db, not by the config file: start a new database even where one is missing
    # or empty that claimwatch created before (storage/checks.py).
    create: bool = False


@dataclass(frozen=True, slots=True)
class PollingSettings:
    interval_seconds: int = 600
    concurrency: int = 16
    per_host_concurrency: int = 2
    connect_timeout_seconds: float = 10.0
    timeout_seconds: float = 30.0
    max_body_bytes: int = 5_000_000
    max_redirects: int = 5
    jitter_seconds: int = 30
    allow_private_addresses: bool = False
    alert_on_first_poll: bool = False
    # With backoff doubling from the interval to max_backoff_seconds, 40 failures span about nine days.
    pause_after_failures: int = 40
    max_backoff_seconds: int = 6 * 3600
    # Polls are shared through the database (storage/leases.py): every claim_seconds a process
    # claims the due feeds it has room for, each under a lease of lease_seconds that it renews
    # while it lives; a process that dies mid-poll loses its feeds when the lease runs out.
    claim_seconds: int = 5
    lease_seconds: int = 60
    # Claims are extracted in two worker processes while this one parses and stores
    # (bot/extraction_process.py); on a single core, or false here, in a thread of this process.
    extraction_process: bool = True


@dataclass(frozen=True, slots=True)
class AlertSettings:
    story_window_days: int = 120


@dataclass(frozen=True, slots=True)
class FeedSettings:
    url: str
    name: str | None = None
    interval_seconds: int | None = None


@dataclass(frozen=True, slots=True)
class ConsoleSettings:
    follow: tuple[str, ...] = ()
    # Console mode is a demonstration on the bundled samples: alert on their first poll too.
    alert_on_first_poll: bool = True


@dataclass(frozen=True, slots=True)
class Settings:
    discord: DiscordSettings = field(default_factory=DiscordSettings)
    storage: StorageSettings = field(default_factory=StorageSettings)
    polling: PollingSettings = field(default_factory=PollingSettings)
    alerts: AlertSettings = field(default_factory=AlertSettings)
    feeds: tuple[FeedSettings, ...] = ()
    console: ConsoleSettings = field(default_factory=ConsoleSettings)
    base_dir: Path = Path(".")

    @property
    def database_path(self) -> Path:
        """The SQLite file (what `db backup` copies); see `database` for what the bot opens."""
        path = Path(self.storage.path)
        return path if path.is_absolute() else self.base_dir / path

    @property
    def database(self) -> str | Path:
        """What storage opens: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.storage.url or self.database_path


# Each section: key -> (expected type(s), human description). Types are checked strictly:
# TOML gives bool for true/false and int for 5, so "5" (a string) is an error, not coerced.
_SECTIONS: dict[str, dict[str, tuple[tuple[type, ...], str]]] = {
    "discord": {
        "token": ((str,), "a string (the bot token)"),
        "api_base_url": ((str,), "an http(s) URL or an empty string"),
        "gateway_url": ((str,), "a ws(s) URL or an empty string"),
        "sync_guild_id": ((int,), "a Discord guild id (integer), or 0 for global commands"),
        "shard_count": ((int,), "a whole number of shards across every process (at least 1), or 0 to ask Discord"),
        "shards": ((str, list), "this process's shard ids, like \"0-3\" or [0, 2, 5]; empty for every shard"),
    },
    "storage": {
        "path": ((str,), "a file path"),
        "url": ((str,), "a postgresql:// URL, or an empty string for the SQLite file at path"),
        "retention_days": ((int,), "a whole number of days (at least 1)"),
    },
    "polling": {
        "interval_seconds": ((int,), "a whole number of seconds (at least 30)"),
        "concurrency": ((int,), "a whole number (at least 1)"),
        "per_host_concurrency": ((int,), "a whole number (at least 1)"),
        "connect_timeout_seconds": ((int, float), "a number of seconds (above 0)"),
        "timeout_seconds": ((int, float), "a number of seconds (above 0)"),
        "max_body_bytes": ((int,), "a whole number of bytes (at least 1024)"),
        "max_redirects": ((int,), "a whole number (0 to 20)"),
        "jitter_seconds": ((int,), "a whole number of seconds (0 or more)"),
        "claim_seconds": ((int,), "a whole number of seconds (at least 1)"),
        "lease_seconds": ((int,), "a whole number of seconds (at least 15)"),
        "allow_private_addresses": ((bool,), "true or false"),
        "alert_on_first_poll": ((bool,), "true or false"),
        "extraction_process": ((bool,), "true or false"),
        "pause_after_failures": ((int,), "a whole number (at least 1)"),
        "max_backoff_seconds": ((int,), "a whole number of seconds (at least 60)"),
    },
    "alerts": {
        "story_window_days": ((int,), "a whole number of days (at least 1)"),
    },
    "console": {
        "follow": ((list,), "a list of names, like [\"Ibrahima Konaté\"]"),
        "alert_on_first_poll": ((bool,), "true or false"),
    },
}
_FEED_KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "url": ((str,), "an http(s) URL, a file path, or bundled:NAME"),
    "name": ((str,), "a string"),
    "interval_seconds": ((int,), "a whole number of seconds (at least 30)"),
}
_MINIMUMS: dict[str, float] = {
    "polling.interval_seconds": 30,
    "polling.concurrency": 1,
    "polling.per_host_concurrency": 1,
    "polling.max_body_bytes": 1024,
    "polling.max_redirects": 0,
    "polling.jitter_seconds": 0,
    "polling.claim_seconds": 1,
    "polling.lease_seconds": 15,
    "polling.pause_after_failures": 1,
    "polling.max_backoff_seconds": 60,
    "storage.retention_days": 1,
    "discord.shard_count": 0,
    "alerts.story_window_days": 1,
}


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a whole number", float: "a number", str: "a string",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)


def _check_value(key: str, value: Any, expected: tuple[type, ...], description: str) -> None:
    # bool is a subclass of int in Python; TOML's true must not pass as a number.
    ok = isinstance(value, expected) and not (isinstance(value, bool) and bool not in expected)
    if not ok:
        raise ConfigError(f"{key}: expected {description}, got {_type_name(value)} ({value!r})")
    minimum = _MINIMUMS.get(key)
    if minimum is not None and value < minimum:
        raise ConfigError(f"{key}: expected {description}, got {value!r}")
    if key in ("polling.connect_timeout_seconds", "polling.timeout_seconds") and value <= 0:
        raise ConfigError(f"{key}: expected {description}, got {value!r}")
    if key == "polling.max_redirects" and value > 20:
        raise ConfigError(f"{key}: expected {description}, got {value!r}")


def _check_url(key: str, value: str, schemes: tuple[str, ...]) -> None:
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme not in schemes or not parts.netloc:
        raise ConfigError(f"{key}: expected a {'/'.join(schemes)} URL, got {value!r}")


def check_feed_url(key: str, url: str, base_dir: Path) -> None:
    """Operator feeds may be http(s), a local file or a bundled sample; nothing else."""
    if url.startswith("bundled:"):
        from bot.feeds.fetch import bundled_sample_path

        if bundled_sample_path(url) is None:
            raise ConfigError(f"{key}: no bundled sample called {url[len('bundled:'):]!r}")
        return
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        if not parts.hostname:
            raise ConfigError(f"{key}: expected an http(s) URL with a host, got {url!r}")
        return
    if parts.scheme in ("", "file"):
        path = Path(parts.path if parts.scheme == "file" else url)
        path = path if path.is_absolute() else base_dir / path
        if not path.is_file():
            raise ConfigError(f"{key}: the feed file {str(path)!r} does not exist or is unreadable")
        return
    raise ConfigError(f"{key}: expected an http(s) URL, a file path or bundled:NAME, got {url!r}")


def _section(raw: dict[str, Any], name: str) -> dict[str, Any]:
    table = raw.get(name, {})
    if not isinstance(table, dict):
        raise ConfigError(f"[{name}]: expected a table, got {_type_name(table)}")
    spec = _SECTIONS[name]
    for key, value in table.items():
        if key not in spec:
            known = ", ".join(sorted(spec))
            raise ConfigError(f"{name}.{key}: unknown key (known keys in [{name}]: {known})")
        _check_value(f"{name}.{key}", value, *spec[key])
    return table


def parse_settings(raw: dict[str, Any], base_dir: Path, env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ) if env is None else env
    for key in raw:
        if key not in _SECTIONS and key != "feeds":
            known = ", ".join(sorted([*_SECTIONS, "feeds"]))
            raise ConfigError(f"{key}: unknown section (known sections: {known})")

    discord_table = _section(raw, "discord")
    _check_url("discord.api_base_url", discord_table.get("api_base_url", ""), ("http", "https"))
    _check_url("discord.gateway_url", discord_table.get("gateway_url", ""), ("ws", "wss"))
    discord_table = {**discord_table, "shards": _shard_ids_of(discord_table.get("shards", ""))}
    check_shards(discord_table["shards"], discord_table.get("shard_count", 0))
    discord = DiscordSettings(**discord_table)
    if env.get(TOKEN_ENV):
        discord = DiscordSettings(**{**discord_table, "token": env[TOKEN_ENV].strip()})

    console_table = _section(raw, "console")
    follow = console_table.get("follow", [])
    for index, name in enumerate(follow):
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"console.follow[{index}]: expected a non-empty name, got {name!r}")

    feeds_raw = raw.get("feeds", [])
    if not isinstance(feeds_raw, list):
        raise ConfigError("feeds: expected [[feeds]] tables, got " + _type_name(feeds_raw))
    feeds: list[FeedSettings] = []
    seen: set[str] = set()
    for index, feed in enumerate(feeds_raw):
        where = f"feeds[{index}]"
        if not isinstance(feed, dict):
            raise ConfigError(f"{where}: expected a table, got {_type_name(feed)}")
        for key, value in feed.items():
            if key not in _FEED_KEYS:
                raise ConfigError(f"{where}.{key}: unknown key (known keys: name, url, interval_seconds)")
            _check_value(f"{where}.{key}", value, *_FEED_KEYS[key])
            if key == "interval_seconds" and value < 30:
                raise ConfigError(f"{where}.interval_seconds: expected at least 30, got {value!r}")
        if "url" not in feed:
            raise ConfigError(f"{where}.url: missing (every [[feeds]] entry needs a url)")
        check_feed_url(f"{where}.url", feed["url"], base_dir)
        if feed["url"] in seen:
            raise ConfigError(f"{where}.url: {feed['url']!r} is listed twice")
        seen.add(feed["url"])
        feeds.append(FeedSettings(**feed))

    storage_table = _section(raw, "storage")
    if env.get(DATABASE_URL_ENV):
        storage_table = {**storage_table, "url": env[DATABASE_URL_ENV].strip()}
    url = storage_table.get("url", "")
    if url and not url.startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"storage.url: expected a postgresql:// URL (or {DATABASE_URL_ENV}), got {url.split('@')[-1]!r}")
    return Settings(
        discord=discord,
        storage=StorageSettings(**storage_table),
        polling=_polling(_section(raw, "polling")),
        alerts=AlertSettings(**_section(raw, "alerts")),
        feeds=tuple(feeds),
        console=ConsoleSettings(follow=tuple(name.strip() for name in follow),
                                alert_on_first_poll=console_table.get("alert_on_first_poll", True)),
        base_dir=base_dir,
    )


def _polling(table: dict[str, Any]) -> PollingSettings:
    return PollingSettings(**table)


def parse_shard_ids(text: str, key: str = "discord.shards") -> tuple[int, ...]:
    """"0-3", "0,2,5" or "0-3,6" -> sorted distinct shard ids; "" -> () (every shard)."""
    ids: set[int] = set()
    for part in (p.strip() for p in text.split(",")) if text.strip() else ():
        first, dash, last = part.partition("-")
        try:
            low = int(first.strip())
            high = int(last.strip()) if dash else low
        except ValueError:
            raise ConfigError(f"{key}: expected shard ids like 0-3 or 0,2,5, got {text!r}") from None
        if low < 0 or high < low:
            raise ConfigError(f"{key}: expected shard ids like 0-3 or 0,2,5, got {text!r}")
        if high >= MAX_SHARDS:  # before the range is built: "0-99999999999" must not fill the memory
            raise ConfigError(f"{key}: shard {high} is out of range: a bot has fewer than {MAX_SHARDS:,} shards")
        ids.update(range(low, high + 1))
    return tuple(sorted(ids))


def _shard_ids_of(value: str | list[Any]) -> tuple[int, ...]:
    if isinstance(value, str):
        return parse_shard_ids(value)
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or item < 0:
            raise ConfigError(f"discord.shards: expected shard ids (whole numbers from 0), got {item!r}")
    return tuple(sorted(set(value)))


def check_shards(shards: tuple[int, ...], count: int, shards_key: str = "discord.shards",
                 count_key: str = "discord.shard_count") -> None:
    """A process's shards must be some of 0..count-1, and need the count to mean anything."""
    if shards and not count:
        raise ConfigError(f"{shards_key} needs {count_key}: the number of shards across every process")
    outside = [shard for shard in shards if shard >= count]
    if outside:
        raise ConfigError(f"{shards_key}: shard {outside[0]} is out of range: with {count_key} {count} "
                          f"the shard ids are 0 to {count - 1}")


def with_shard_flags(settings: Settings, shards: str | None, count: int | None) -> Settings:
    """`run --shards … --shard-count N` over the config's [discord] keys, checked the same way."""
    if shards is None and count is None:
        return settings
    if count is not None and count < 1:
        raise ConfigError(f"--shard-count: expected a whole number of shards (at least 1), got {count}")
    ids = settings.discord.shards if shards is None else parse_shard_ids(shards, "--shards")
    total = settings.discord.shard_count if count is None else count
    if ids and not total:
        raise ConfigError(f"{'--shards' if shards is not None else 'discord.shards'} needs --shard-count N: "
                          "the number of shards across every process")
    check_shards(ids, total, "--shards" if shards is not None else "discord.shards",
                 "--shard-count" if count is not None else "discord.shard_count")
    return replace(settings, discord=replace(settings.discord, shards=ids, shard_count=total))


def load_settings(path: str | Path, env: dict[str, str] | None = None) -> Settings:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found (copy config.example.toml to start)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: config file is unreadable ({error})") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    return parse_settings(raw, path.resolve().parent, env)
