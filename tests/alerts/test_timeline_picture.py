"""The timeline picture as a person sees it: a PNG of the right size, the stories as rows, the
marks they expect, legible on both Discord themes."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageFont

from bot.alerts import timeline_marks as marks
from bot.alerts import timeline_picture as picture
from bot.inputs import UserError
from tests.timeline_fixtures import alonso, many

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _image(png: bytes) -> Image.Image:
    """The picture as a viewer shows it: full colour, after checking it is an opaque PNG."""
    assert png.startswith(PNG_MAGIC)
    image = Image.open(io.BytesIO(png))
    image.load()
    assert image.format == "PNG" and image.mode in ("P", "RGB") and "transparency" not in image.info
    return image.convert("RGB")


def _pixels_near(image: Image.Image, colour: marks.RGB, tolerance: int = 6) -> int:
    """How many pixels are (nearly) this colour: a marker or a word drawn in it."""
    return sum(count for count, pixel in image.getcolors(maxcolors=1 << 20) or []
               if all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True)))


def test_a_six_story_timeline_is_a_small_opaque_phone_width_png() -> None:
    png = picture.render_png("Xabi Alonso", alonso())
    image = _image(png)
    # _image checked it is opaque: the same card on Discord's dark and light themes.
    assert image.width == picture.WIDTH == 800
    assert 450 <= image.height <= 700  # six rows, the axis, the title and the legend
    assert len(png) < 60_000


def test_fifty_stories_grow_the_picture_downwards_only() -> None:
    six = _image(picture.render_png("Xabi Alonso", alonso()))
    fifty = _image(picture.render_png("Lorenzo Vasquez", many(50)))
    assert fifty.width == six.width
    assert fifty.height - six.height >= 44 * picture.ROW_H  # one row per story, no more squeezed
    assert fifty.height < 2600


def test_a_very_long_timeline_draws_only_its_newest_stories() -> None:
    capped = _image(picture.render_png("Lorenzo Vasquez", many(90)))
    sixty = _image(picture.render_png("Lorenzo Vasquez", many(90)[-picture.MAX_ROWS:]))
    assert capped.height == sixty.height


def test_denials_and_departures_show_and_kinds_absent_do_not() -> None:
    stories = alonso()
    image = _image(picture.render_png("Xabi Alonso", stories))
    assert _pixels_near(image, marks.KIND_COLOUR["denial"]) > 200  # two denial markers, the legend, "Denied"
    assert _pixels_near(image, marks.KIND_COLOUR["departure"]) > 100
    assert _pixels_near(image, marks.KIND_COLOUR["completed"]) > 100
    assert _pixels_near(image, marks.KIND_COLOUR["loan"]) == 0  # no loan in his stories: no loan colour anywhere
    calm = [s for s in stories if s.kind not in ("denial", "departure")]
    assert _pixels_near(_image(picture.render_png("Xabi Alonso", calm)), marks.KIND_COLOUR["denial"]) == 0


def test_each_story_is_a_row_of_the_rungs_it_reached() -> None:
    liverpool, _, madrid, _, leverkusen, _ = (picture.row_of(s) for s in alonso())
    assert [(r.kind, r.tier) for r in madrid.rungs] == [
        ("interest", "tier2"), ("talks", "tier1"), ("agreement", "tier1"), ("completed", "official")]
    assert [r.kind for r in liverpool.rungs] == ["interest", "talks", "denial"] and liverpool.state == "denial"
    assert leverkusen.labels == ("left Bayer Leverkusen", "Bayer Leverkusen") and leverkusen.state == "departure"
    assert [r.at for r in madrid.rungs] == sorted(r.at for r in madrid.rungs)


def test_every_colour_reads_on_the_card() -> None:
    for ground in (marks.BACKGROUND, marks.STRIPE):
        for ink in (marks.TEXT, marks.MUTED):
            assert marks.contrast(ink, ground) >= 4.5  # WCAG AA for text
        for kind, colour in marks.KIND_COLOUR.items():
            assert marks.contrast(colour, ground) >= 4.5, kind  # the state column is text in these colours


def test_the_time_axis_labels_months_or_years_as_the_span_needs() -> None:
    day = picture.DAY
    jan_2025 = picture._month_start(2025 * 12)
    months = picture.ticks(jan_2025 - 10, jan_2025 + 100, 6)
    assert [text for _, text in months] == ["Jan 2025", "Feb", "Mar", "Apr"]
    years = picture.ticks(jan_2025 - 400, jan_2025 + 400, 4)
    assert [text for _, text in years] == ["2024", "2025", "2026"]
    one_day = picture.ticks(jan_2025 + 3, jan_2025 + 3 + 1 / day, 4)
    assert [text for _, text in one_day] == ["Jan 2025"]


def test_without_system_fonts_names_are_transliterated_not_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    real = ImageFont.truetype

    def no_font(font: object, *args: object, **kwargs: object) -> ImageFont.FreeTypeFont:
        if isinstance(font, str):  # a font looked up by name: none on this system
            raise OSError("cannot open resource")
        return real(font, *args, **kwargs)  # type: ignore[arg-type]  # Pillow's own, from bytes

    monkeypatch.setattr(ImageFont, "truetype", no_font)
    marks.font.cache_clear()
    try:
        assert marks.font(24).ascii_only and marks.font(24).text("Konaté") == "Konate"
        image = _image(picture.render_png("Ibrahima Konaté", many(6, person="Ibrahima Konaté")))
        assert image.width == picture.WIDTH
    finally:
        marks.font.cache_clear()


def test_only_a_timeline_of_more_than_a_few_stories_wants_a_picture() -> None:
    assert not picture.wants_picture(alonso()[:3])
    assert picture.wants_picture(alonso()[:4])


def test_alt_text_says_what_the_picture_shows() -> None:
    text = picture.alt_text("Xabi Alonso", alonso())
    assert text.startswith("Timeline of Xabi Alonso: 6 stories from Jan 2024 to Jan 2026")
    assert "left Real Madrid" in text and "departure" in text


def test_write_png_refuses_what_it_cannot_do_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no stories about Nobody"):
        picture.write_png(tmp_path / "x.png", "Nobody", [])
    with pytest.raises(UserError, match="cannot write"):
        picture.write_png(tmp_path / "missing-folder" / "x.png", "Xabi Alonso", alonso())
    said = picture.write_png(tmp_path / "alonso.png", "Xabi Alonso", alonso())
    assert said.startswith(f"Wrote the timeline picture to {tmp_path / 'alonso.png'} (800×")


def test_feed_text_with_line_breaks_and_controls_draws_as_one_line() -> None:
    odd = [replace(story, counterpart="Sporting\nClube\u202e de\x00 Portugal") for story in alonso()]
    image = _image(picture.render_png("Xabi\r\nAlonso", odd))
    assert image.size == _image(picture.render_png("Xabi Alonso", alonso())).size
    assert marks.font(24).text("Sporting\nClube\u202e de\x00 Portugal") == "Sporting Clube de Portugal"
