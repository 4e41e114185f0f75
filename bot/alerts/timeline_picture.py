"""/timeline's picture: one row per story, its rungs along a shared time axis, as PNG bytes.

Drawn in memory (no display server), sized for a phone: 800 pixels wide, text no smaller than
22 pixels, so that Discord's preview at phone width still reads. Each row is a story, oldest at
the top, named by its counterpart (or the club left); each marker is a rung the story reached,
placed at the day it was first reported, coloured by kind and shaped by the best source behind
it (see timeline_marks). The column on the right says where the story stands now.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image, ImageDraw

from bot.alerts import timeline_marks as marks
from bot.inputs import UserError
from bot.models import KINDS, StoryView
from bot.stories import tier_rank

PICTURE_MIN_STORIES = 4  # fewer stories read well enough as text alone
MAX_ROWS = 60  # beyond this the newest are drawn: a taller picture no longer reads on a phone
WIDTH = 800
PAD = 22
LABEL_W = 230
STATE_W = 104
GAP = 14
ROW_H = 40
MARK = 28  # marker size in pixels
DAY = 86_400.0
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def wants_picture(stories: Sequence[StoryView]) -> bool:
    return len(stories) >= PICTURE_MIN_STORIES


@dataclass(frozen=True, slots=True)
class Rung:
    kind: str
    at: float  # days since the epoch
    tier: str | None  # the best source tier among its reports


@dataclass(frozen=True, slots=True)
class Row:
    labels: tuple[str, ...]  # longest first
    rungs: tuple[Rung, ...]
    until: float  # the story's last report
    state: str  # its kind now


def _days(iso: str | None) -> float | None:
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp() / DAY


def _labels(story: StoryView) -> tuple[str, ...]:
    """The row's name, longest first: the first that fits is drawn."""
    if story.track == "departure" or story.kind == "departure":
        return (f"left {story.left}", story.left) if story.left else ("departure",)
    return (story.counterpart or marks.LEGEND_KIND.get(story.kind, story.kind),)


def row_of(story: StoryView) -> Row:
    """The rungs a story reached: each kind once, at its first report, with its best source."""
    start = _days(story.first_seen_at) or 0.0
    first: dict[str, float] = {}
    best: dict[str, str | None] = {}
    for report in story.reports:
        at = _days(report.published) or start
        if report.kind not in first or at < first[report.kind]:
            first[report.kind] = at
        if report.kind not in best or tier_rank(report.tier) < tier_rank(best[report.kind]):
            best[report.kind] = report.tier
    if not first:
        first, best = {story.kind: start}, {story.kind: None}
    order = {kind: i for i, kind in enumerate(story.kinds_seen)}
    rungs = sorted((Rung(kind, at, best[kind]) for kind, at in first.items()),
                   key=lambda rung: (rung.at, order.get(rung.kind, len(order))))
    until = max(_days(story.last_report_at) or start, max(r.at for r in rungs))
    return Row(_labels(story), tuple(rungs), until, story.kind)


# --- the time axis -------------------------------------------------------------------------------


def _month_index(days: float) -> int:
    moment = datetime.fromtimestamp(days * DAY, UTC)
    return moment.year * 12 + moment.month - 1


def _month_start(index: int) -> float:
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC).timestamp() / DAY


def ticks(low: float, high: float, most: int) -> list[tuple[float, str]]:
    """Month starts within [low, high], every 1, 2, 3, 6, 12 or 24 months: at most `most`."""
    first, last = _month_index(low) + 1, _month_index(high)
    if first > last:  # the whole span within one month: its first day
        index = _month_index(low)
        return [(low, f"{MONTHS[index % 12]} {index // 12}")]
    for step in (1, 2, 3, 6, 12, 24, 60):
        starts = [i for i in range(first, last + 1) if i % step == 0]
        if len(starts) <= most:
            break
    out, year = [], None
    for index in starts:
        month, this_year = MONTHS[index % 12], index // 12
        text = str(this_year) if step >= 12 else (f"{month} {this_year}" if this_year != year else month)
        out.append((_month_start(index), text))
        year = this_year
    return out


@dataclass(frozen=True, slots=True)
class Axis:
    low: float
    high: float
    left: float
    right: float

    def x(self, days: float) -> float:
        return self.left + (days - self.low) / (self.high - self.low) * (self.right - self.left)


def _axis(rows: Sequence[Row], left: float, right: float) -> Axis:
    times = [r.at for row in rows for r in row.rungs] + [row.until for row in rows]
    low, high = min(times), max(times)
    pad = max((high - low) * 0.04, 3.0)
    return Axis(low - pad, high + pad, left, right)


def _spread(xs: list[float], gap: float, low: float, high: float) -> list[float]:
    """Markers of one row at least `gap` apart, in order, within [low, high]."""
    out = list(xs)
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + gap)
    if out and out[-1] > high:
        out[-1] = high
        for i in range(len(out) - 2, -1, -1):
            out[i] = min(out[i], out[i + 1] - gap)
    return [max(low, x) for x in out]


# --- drawing -------------------------------------------------------------------------------------


def _month_year(days: float) -> str:
    moment = datetime.fromtimestamp(days * DAY, UTC)
    return f"{MONTHS[moment.month - 1]} {moment.year}"


def _draw_text(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, font: marks.Font,
               fill: marks.RGB, anchor: str = "lm") -> None:
    stroke = 1 if font.fake_bold else 0
    draw.text(xy, font.text(text), font=font.face, fill=fill, anchor=anchor,
              stroke_width=stroke, stroke_fill=fill)


LegendItem = tuple[str, str, marks.RGB, str | None]  # text, shape, colour, sign


def _legend_groups(rows: Sequence[Row]) -> list[tuple[str, list[LegendItem]]]:
    """The kinds and the source shapes the picture uses, each group under its heading."""
    kinds = {rung.kind for row in rows for rung in row.rungs}
    shapes = {marks.shape_of(rung.tier) for row in rows for rung in row.rungs}
    colours = [(marks.LEGEND_KIND[k], "pill", marks.KIND_COLOUR[k], marks.SIGN_OF.get(k))
               for k in KINDS if k in kinds]
    sources: list[LegendItem] = [(text, shape, marks.MUTED, None) for shape, text in marks.SHAPE_LEGEND
                                 if shape in shapes]
    return [("Kind", colours), ("Best source", sources)]


def _layout_legend(groups: list[tuple[str, list[LegendItem]]], heading: marks.Font, font: marks.Font,
                   width: float) -> list[list[tuple[float, str | LegendItem]]]:
    """Lines of (x, heading or item): each group starts a line, items wrap within the width."""
    lines: list[list[tuple[float, str | LegendItem]]] = []
    for title, items in groups:
        lines.append([(0.0, title)])
        indent = heading.width(title) + 16
        x = indent
        for item in items:
            need = 30 + font.width(item[0])
            if x > indent and x + need > width:
                lines.append([])
                x = indent
            lines[-1].append((x, item))
            x += need + 20
    return lines


def _fitting_label(labels: tuple[str, ...], faces: tuple[marks.Font, ...], room: float) -> tuple[str, marks.Font]:
    """The longest label at the largest size that fits; else the shortest, cut to fit."""
    for text in labels:
        for face in faces:
            if face.width(text) <= room:
                return face.text(text), face
    return faces[-1].fit(labels[-1], room), faces[-1]


def render(person: str, stories: Sequence[StoryView], *, note: str = "") -> Image.Image:
    """The picture as an image. `note` (a filter, say) follows the subtitle."""
    if not stories:
        raise ValueError("no stories to draw")
    if len(stories) > MAX_ROWS:
        note = f"the newest {MAX_ROWS} of {len(stories)}" + (f" · {note}" if note else "")
        stories = stories[-MAX_ROWS:]
    rows = [row_of(story) for story in stories]
    title_font, label_font = marks.font(32, bold=True), marks.font(24)
    small_font, narrow_font = marks.font(22), marks.font(20)
    plot_left = PAD + LABEL_W + GAP
    plot_right = WIDTH - PAD - STATE_W - GAP
    axis = _axis(rows, plot_left + MARK / 2, plot_right - MARK / 2)
    legend = _layout_legend(_legend_groups(rows), marks.font(22, bold=True), small_font, WIDTH - 2 * PAD)
    both_axes = len(rows) > 12
    top = PAD + 44 + 34 + 20  # title, subtitle, breathing room
    axis_h = 34
    rows_top = top + axis_h
    rows_bottom = rows_top + ROW_H * len(rows)
    legend_top = rows_bottom + (axis_h if both_axes else 0) + 18
    height = int(legend_top + 34 * len(legend) + PAD)

    image = Image.new("RGB", (WIDTH, height), marks.BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH - 1, height - 1), outline=marks.BORDER, width=2)
    _draw_text(draw, (PAD, PAD + 20), title_font.fit(f"Timeline: {person}", WIDTH - 2 * PAD),
               title_font, marks.TEXT)
    times = [r.at for row in rows for r in row.rungs]
    count = f"{len(rows)} {'story' if len(rows) == 1 else 'stories'}"
    span = _month_year(min(times)), _month_year(max(r.until for r in rows))
    subtitle = f"{count} · {span[0]}" + (f" – {span[1]}" if span[1] != span[0] else "") + " · oldest first"
    if note:
        subtitle += f" · {note}"
    _draw_text(draw, (PAD, PAD + 62), small_font.fit(subtitle, WIDTH - 2 * PAD), small_font, marks.MUTED)

    for index in range(1, len(rows), 2):  # stripes keep a long row readable across
        top = rows_top + index * ROW_H
        draw.rectangle((PAD, top, WIDTH - PAD, top + ROW_H - 1), fill=marks.STRIPE)
    most = max(2, int((plot_right - plot_left) // 95))
    for at, text in ticks(axis.low, axis.high, most):
        x = axis.x(at)
        draw.line((x, rows_top - 4, x, rows_bottom), fill=marks.GRID, width=1)
        _draw_text(draw, (x, rows_top - 10), text, small_font, marks.MUTED, anchor="ms")
        if both_axes:
            _draw_text(draw, (x, rows_bottom + 8), text, small_font, marks.MUTED, anchor="mt")
    _draw_text(draw, (WIDTH - PAD, rows_top - 10), "now", small_font, marks.MUTED, anchor="rs")

    for index, row in enumerate(rows):
        y = rows_top + index * ROW_H + ROW_H / 2
        label, face = _fitting_label(row.labels, (label_font, narrow_font), LABEL_W - 8)
        _draw_text(draw, (PAD + 8, y), label, face, marks.TEXT)
        xs = _spread([axis.x(r.at) for r in row.rungs], MARK * 0.8, axis.left, axis.right)
        end = max(axis.x(row.until), xs[-1])
        if end > xs[0]:
            draw.line((xs[0], y, end, y), fill=marks.LINE, width=3)
        for x, rung in zip(xs, row.rungs, strict=True):
            sprite = marks.marker(marks.shape_of(rung.tier), marks.KIND_COLOUR.get(rung.kind, marks.TEXT),
                                  marks.SIGN_OF.get(rung.kind), MARK)
            image.paste(sprite, (round(x - MARK / 2), round(y - MARK / 2)), sprite)
        state = marks.KIND_SHORT.get(row.state, row.state)
        _draw_text(draw, (WIDTH - PAD - 6, y), state, small_font,
                   marks.KIND_COLOUR.get(row.state, marks.TEXT), anchor="rm")

    for number, line in enumerate(legend):
        y = legend_top + 34 * number + 17
        for x, entry in line:
            if isinstance(entry, str):
                _draw_text(draw, (PAD + x, y), entry, marks.font(22, bold=True), marks.TEXT)
                continue
            text, shape, colour, sign = entry
            sprite = marks.marker(shape, colour, sign, 24)
            image.paste(sprite, (round(PAD + x), round(y - 12)), sprite)
            _draw_text(draw, (PAD + x + 30, y), text, small_font, marks.MUTED)
    return image


def encode_png(image: Image.Image) -> bytes:
    """PNG bytes in 256 colours: a flat picture loses nothing visible to a palette, and the palette
    makes the file a third the size and encodes several times faster than full colour."""
    flat = image.quantize(256, Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    out = io.BytesIO()
    flat.save(out, format="PNG", compress_level=6)
    return out.getvalue()


def render_png(person: str, stories: Sequence[StoryView], *, note: str = "") -> bytes:
    return encode_png(render(person, stories, note=note))


def alt_text(person: str, stories: Sequence[StoryView]) -> str:
    """What the picture shows, for a screen reader (Discord's attachment description)."""
    rows = [row_of(story) for story in stories]
    if not rows:
        return f"No stories about {person} yet."
    newest = max(rows, key=lambda row: row.until)
    text = (f"Timeline of {person}: {len(rows)} stories from {_month_year(min(r.rungs[0].at for r in rows))} "
            f"to {_month_year(newest.until)}; the latest, {newest.labels[0]}, is at "
            f"{marks.LEGEND_KIND.get(newest.state, newest.state)}.")
    return text[:1000]


def write_png(path: str | Path, person: str, stories: Sequence[StoryView], *, note: str = "") -> str:
    """`timeline NAME --png FILE`: the picture, however few the stories; one line saying what was
    written. A failure (no stories, an unwritable path, drawing) is a UserError: one line, exit 1."""
    target = Path(path)
    if not stories:
        raise UserError(f"No picture written: there are no stories about {person} to draw.")
    try:
        png = render_png(person, stories, note=note)
    except Exception as error:  # the text timeline above stands on its own
        raise UserError(f"No picture written: drawing the timeline failed ({type(error).__name__}).") from error
    try:
        target.write_bytes(png)
    except OSError as error:
        raise UserError(f"No picture written: cannot write {target}: {error.strerror or error}.") from error
    width, height = Image.open(io.BytesIO(png)).size
    return f"Wrote the timeline picture to {target} ({width}×{height} pixels, {len(png) // 1024 + 1} KB)."


def filter_note(kind: str | None, since: str | None) -> str:
    """What a filtered timeline leaves out, for the picture's subtitle: "bid only · since 2025-01-01"."""
    parts = ([f"{kind.replace('_', ' ')} only"] if kind else []) + ([f"since {since}"] if since else [])
    return " · ".join(parts)
