"""Every config mistake gets one clear message naming the key, and a non-zero exit without a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import TOKEN_ENV, ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]

MISTAKES = [
    ("[polling]\ninterval_seconds = \"ten\"\n", "polling.interval_seconds: expected a whole number of seconds"),
    ("[polling]\ninteval_seconds = 60\n", "polling.inteval_seconds: unknown key"),
    ("[pollin]\n", "pollin: unknown section"),
    ("[polling]\nallow_private_addresses = 1\n", "polling.allow_private_addresses: expected true or false"),
    ("[polling]\nconcurrency = true\n", "polling.concurrency: expected a whole number"),
    ("[polling]\ninterval_seconds = 5\n", "polling.interval_seconds: expected a whole number of seconds (at least 30)"),
    ("[discord]\napi_base_url = \"ftp://x\"\n", "discord.api_base_url: expected a http/https URL"),
    ("[discord]\ngateway_url = \"http://x\"\n", "discord.gateway_url: expected a ws/wss URL"),
    ("[[feeds]]\nname = \"x\"\n", "feeds[0].url: missing"),
    ("[[feeds]]\nurl = \"gopher://x\"\n", "feeds[0].url: expected an http(s) URL, a file path or bundled:NAME"),
    ("[[feeds]]\nurl = \"missing.xml\"\n", "feeds[0].url: the feed file"),
    ("[[feeds]]\nurl = \"bundled:nope.xml\"\n", "feeds[0].url: no bundled sample called 'nope.xml'"),
    ("[[feeds]]\nurl = \"https://a.example/rss\"\n[[feeds]]\nurl = \"https://a.example/rss\"\n", "feeds[1].url: 'https://a.example/rss' is listed twice"),
    ("[[feeds]]\nurl = \"https://a.example/rss\"\nevery = 5\n", "feeds[0].every: unknown key"),
    ("[console]\nfollow = \"Konate\"\n", "console.follow: expected a list of names"),
    ("[console]\nfollow = [\"\"]\n", "console.follow[0]: expected a non-empty name"),
    ("[storage\npath = 1\n", "not valid TOML"),
]


@pytest.mark.parametrize(("text", "message"), MISTAKES)
def test_each_mistake_names_its_key(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path, env={})
    assert message in str(caught.value)


def test_missing_and_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", env={})
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match="unreadable"):
        load_settings(binary, env={})


def test_token_from_environment_wins(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[discord]\ntoken = "from-file"\n', encoding="utf-8")
    assert load_settings(path, env={TOKEN_ENV: "from-env"}).discord.token == "from-env"
    assert load_settings(path, env={}).discord.token == "from-file"


def test_example_config_is_valid() -> None:
    settings = load_settings(ROOT / "config.example.toml", env={})
    assert len(settings.feeds) >= 3 and settings.console.follow


def test_cli_prints_one_line_and_exits_non_zero(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[polling]\nconcurrency = \"lots\"\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "bot", "--config", str(path), "run"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "config error: polling.concurrency: expected a whole number (at least 1), got a string ('lots')"
    )
    assert "Traceback" not in done.stderr


def test_a_shard_range_far_beyond_any_bot_is_refused_before_it_is_built() -> None:
    from bot.config import ConfigError, parse_shard_ids

    with pytest.raises(ConfigError, match="shard 99999999999 is out of range: a bot has fewer than 65,536 shards"):
        parse_shard_ids("0-99999999999", "--shards")
