"""The README's picture of an alert is drawn from the real embed, and redraws the same."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from bot.alerts.render import alert_embed
from tests.alert_card import draw, konate_alert, main

DOCS = Path(__file__).resolve().parents[1] / "docs" / "alert.png"


def test_the_card_shows_what_the_alert_says() -> None:
    image, lines = draw(alert_embed(konate_alert()))
    assert "Moved up: Ibrahima Konaté — Talks · Real Madrid" in lines
    assert "Interest → Talks" in lines
    assert {"Timeline", "Unfollow"} <= set(lines)
    assert image.width == 640 and 250 < image.height < 600


def test_the_readme_picture_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / "alert.png"
    assert main([str(fresh)]) == 0
    # Same layout as the README's copy (pixels differ only where a machine lacks its fonts).
    assert Image.open(fresh).size == Image.open(DOCS).size, "redraw it: python -m tests.alert_card docs/alert.png"
