"""What tests share that is not a fixture: settings for a test app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bot.app import App
from bot.config import Settings, parse_settings

MakeApp = Callable[..., Awaitable[App]]  # the make_app fixture: opens an app, closed after the test


def make_settings(tmp_path: Path, feeds: list[dict[str, Any]], **sections: dict[str, Any]) -> Settings:
    """Settings for a test: the database in tmp_path, private addresses allowed (the feed servers
    are local), a new feed's first fetch recorded without alerts, no jitter; `sections` override."""
    raw = {
        "storage": {"path": str(tmp_path / "test.db")},
        "polling": {"allow_private_addresses": True, "alert_on_first_poll": False, "jitter_seconds": 0,
                    **sections.pop("polling", {})},
        "feeds": feeds,
        **sections,
    }
    return parse_settings(raw, tmp_path, env={})
