"""What the timeline picture draws with: its colours, its fonts and its markers.

The picture carries its own opaque background, so it reads the same on Discord's dark and light
themes; every colour here keeps at least 3:1 contrast on it (text at least 4.5:1, checked by the
tests). Colour says the kind of development, shape says the best source behind it, and the two
kinds that end a story's hopes carry a sign cut into the marker: ✕ a denial, an arrow a departure.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

RGB = tuple[int, int, int]

BACKGROUND: RGB = (30, 31, 34)
STRIPE: RGB = (39, 41, 46)
GRID: RGB = (62, 65, 72)
LINE: RGB = (96, 100, 110)
TEXT: RGB = (236, 237, 240)
MUTED: RGB = (172, 176, 185)
BORDER: RGB = (80, 83, 92)

KIND_COLOUR: dict[str, RGB] = {
    "interest": (122, 167, 255),
    "talks": (63, 199, 224),
    "bid": (245, 197, 66),
    "bid_rejected": (255, 146, 60),
    "agreement": (198, 227, 90),
    "medical": (64, 208, 176),
    "completed": (56, 211, 106),
    "loan": (199, 146, 234),
    "contract_extension": (244, 143, 177),
    "departure": (176, 182, 192),
    "denial": (255, 90, 95),
}
# Short enough for the state column at phone width.
KIND_SHORT: dict[str, str] = {
    "interest": "Interest", "talks": "Talks", "bid": "Bid", "bid_rejected": "Rejected",
    "agreement": "Agreed", "medical": "Medical", "completed": "Done", "loan": "Loan",
    "contract_extension": "Extended", "departure": "Left", "denial": "Denied",
}
LEGEND_KIND: dict[str, str] = {
    "interest": "interest", "talks": "talks", "bid": "bid", "bid_rejected": "bid rejected",
    "agreement": "agreement", "medical": "medical", "completed": "completed", "loan": "loan",
    "contract_extension": "new contract", "departure": "departure", "denial": "denial",
}
# Best source tier -> marker shape: the more solid the shape, the better the source.
TIER_SHAPE: dict[str | None, str] = {
    "official": "star", "tier1": "circle", "tier2": "diamond", "tier3": "triangle", "tier4": "square",
    "aggregator": "ring", None: "ring",
}
SHAPE_LEGEND: tuple[tuple[str, str], ...] = (
    ("star", "official"), ("circle", "tier 1"), ("diamond", "tier 2"), ("triangle", "tier 3"),
    ("square", "tier 4"), ("ring", "aggregator or unrated"),
)
SIGN_OF: dict[str, str] = {"denial": "cross", "departure": "arrow"}
SUPERSAMPLE = 4  # markers are drawn this much larger, then shrunk: smooth edges


def shape_of(tier: str | None) -> str:
    return TIER_SHAPE.get(tier, "ring")


def luminance(colour: RGB) -> float:
    """WCAG relative luminance."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: RGB, two: RGB) -> float:
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- fonts ---------------------------------------------------------------------------------------

# Looked up by name: Pillow searches the system's font folders (XDG data dirs, macOS and Windows
# font folders). Without any of them the picture falls back to Pillow's own font, which has ASCII
# only, so text is transliterated (Konaté -> Konate) rather than drawn as empty boxes.
REGULAR_FONTS = ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf",
                 "Arial.ttf", "arial.ttf", "Helvetica.ttc")
BOLD_FONTS = ("DejaVuSans-Bold.ttf", "NotoSans-Bold.ttf", "LiberationSans-Bold.ttf",
              "Arial Bold.ttf", "arialbd.ttf")


@dataclass(frozen=True, slots=True)
class Font:
    face: ImageFont.FreeTypeFont | ImageFont.ImageFont
    ascii_only: bool  # Pillow's built-in font: Latin letters without accents only
    fake_bold: bool = False  # no bold face found: drawn with a thin stroke instead

    def text(self, value: str) -> str:
        """`value` as one drawable line: no line breaks or control characters (feed text can carry
        any), transliterated for the ASCII-only font."""
        value = " ".join("".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in value).split())
        return anyascii(value) if self.ascii_only else value

    def width(self, value: str) -> float:
        return self.face.getlength(self.text(value))

    def fit(self, value: str, room: float) -> str:
        """`value`, cut with an ellipsis to fit `room` pixels."""
        value = self.text(value)
        if self.face.getlength(value) <= room:
            return value
        ellipsis = "..." if self.ascii_only else "…"
        low, high = 0, len(value)
        while low < high:
            middle = (low + high + 1) // 2
            if self.face.getlength(value[:middle].rstrip() + ellipsis) <= room:
                low = middle
            else:
                high = middle - 1
        return value[:low].rstrip() + ellipsis


@lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> Font:
    for name in BOLD_FONTS if bold else REGULAR_FONTS:
        try:
            return Font(ImageFont.truetype(name, size), ascii_only=False)
        except OSError:
            continue
    if bold:
        regular = font(size)
        return Font(regular.face, regular.ascii_only, fake_bold=True)
    return Font(ImageFont.load_default(size), ascii_only=True)


# --- markers -------------------------------------------------------------------------------------


def _outline(shape: str, c: float, r: float) -> list[tuple[float, float]]:
    """Each shape's corners, sized so that every shape covers about as much as the circle."""
    if shape == "diamond":
        d = r * 1.1
        return [(c, c - d), (c + d, c), (c, c + d), (c - d, c)]
    if shape == "triangle":
        d, y = r * 1.2, c + r * 0.12  # the centroid sits a third of the way up
        return [(c, y - d), (c + d * 0.87, y + d * 0.5), (c - d * 0.87, y + d * 0.5)]
    if shape == "square":
        d = r * 0.84
        return [(c - d, c - d), (c + d, c - d), (c + d, c + d), (c - d, c + d)]
    if shape == "star":
        points = []
        for i in range(10):
            radius = r * 1.12 if i % 2 == 0 else r * 0.56
            angle = -math.pi / 2 + i * math.pi / 5
            points.append((c + radius * math.cos(angle), c + 0.08 * r + radius * math.sin(angle)))
        return points
    return []


@lru_cache(maxsize=256)
def marker(shape: str, colour: RGB, sign: str | None, size: int) -> Image.Image:
    """An RGBA marker `size` pixels square: `shape` filled with `colour`, a sign cut into it."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    c, r = big / 2, big / 2 - SUPERSAMPLE * 1.5
    if shape in ("diamond", "triangle", "star"):
        r = big / 2 / 1.12 - SUPERSAMPLE
    edge = (*BACKGROUND, 255)
    fill = (*colour, 255)
    ring = max(2, round(big * 0.13))
    if shape == "pill":  # the legend's colour swatch: no source shape
        h = r * 0.62
        draw.rounded_rectangle((c - r, c - h, c + r, c + h), radius=h, fill=fill, outline=edge,
                               width=SUPERSAMPLE)
    elif shape in ("circle", "ring"):
        box = (c - r, c - r, c + r, c + r)
        draw.ellipse(box, fill=edge)
        inner = r - SUPERSAMPLE * 0.8
        draw.ellipse((c - inner, c - inner, c + inner, c + inner), fill=fill)
        if shape == "ring":
            hole = inner - ring
            draw.ellipse((c - hole, c - hole, c + hole, c + hole), fill=edge)
    else:
        draw.polygon(_outline(shape, c, r), fill=fill, outline=edge, width=SUPERSAMPLE)
    if sign is not None:
        # Light strokes on a dark halo: legible over any shape, even a star's thin arms.
        a = r * 0.44
        if sign == "cross":
            strokes = [(c - a, c - a, c + a, c + a), (c - a, c + a, c + a, c - a)]
        else:  # arrow: out of the club, to the right
            strokes = [(c - a, c, c + a, c), (c + a * 0.1, c - a * 0.8, c + a, c), (c + a * 0.1, c + a * 0.8, c + a, c)]
        stroke = max(2, round(big * 0.1))
        for width, ink in ((stroke + 2 * SUPERSAMPLE, edge), (stroke, (*TEXT, 255))):
            for line in strokes:
                draw.line(line, fill=ink, width=width)
                for x, y in (line[:2], line[2:]):
                    draw.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=ink)
    return image.resize((size, size), Image.Resampling.LANCZOS)
