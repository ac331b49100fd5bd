"""Where the map's decorations go and the room they leave for data, in image pixels (y down), without Qt.

The drawing side measures each decoration (text needs fonts); this module places them — title top left, north
arrow top right, scale bar bottom left, attribution along the bottom, the legend in a corner or a column — and
finds the largest frame in which data can be fitted clear of all of them. The screen, image export, the deck and
presentation frame data with it, so what they frame is never under a decoration.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # (left, top, right, bottom) in pixels, y down
Size = tuple[float, float]  # (width, height) in pixels
MapRect = tuple[float, float, float, float]  # (xmin, ymin, xmax, ymax) in map units, y up

LEGEND_PLACES = ("auto", "outside", "none", "nw", "ne", "sw", "se")
CORNERS = ("se", "ne", "sw", "nw")  # auto's order of preference when several are equally free
SHORT = " short"  # after a corner ("nw short"): the legend with its launches' rows only, where auto put it
# Pixels (at 96 dpi) a framing keeps data from the image's edges and the decorations, measured to the data's
# points: 14 px clear of the largest marker's half (the 15 px launch-site triangle), which at 14 px touched
# the top edge of a launch's frame.
FRAME_PAD = 22.0


@dataclass(frozen=True)
class DecorationSizes:
    """What the drawing side measured: the image and each decoration's size in pixels (None: not drawn)."""

    width: float
    height: float
    margin: float = 10.0
    title: Size | None = None
    north_arrow: Size | None = None
    scale_bar: Size | None = None
    footer: float = 0.0  # height of the attribution band along the bottom edge
    legend: Size | None = None  # the legend's panel in a corner
    column: Size | None = None  # the legend's panel in a column beside the map ("outside")
    compact: Size | None = None  # the legend's launches only (no kinds), when that is shorter than `legend`


@dataclass(frozen=True)
class DecorationLayout:
    """Each decoration's box and the legend's place (a corner, "outside", or None when it is not drawn)."""

    width: float
    height: float
    boxes: dict[str, Box] = field(default_factory=dict)
    legend_place: str | None = None
    short: bool = False  # the legend in its corner lists the launches only (`DecorationSizes.compact`)

    @property
    def legend_box(self) -> Box | None:
        return self.boxes.get("legend")

    @property
    def held_place(self) -> str | None:
        """The place to ask `place_decorations` for to get this legend again ("nw short" for a short one): what
        the screen keeps while the view moves."""
        return f"{self.legend_place}{SHORT}" if self.short else self.legend_place

    def free_rects(self, pad: float = 0.0) -> list[Box]:
        """The largest rects of the image clear of every decoration (each avoided on one of its four sides),
        shrunk by ``pad`` on every side."""
        return free_rects(self.width, self.height, list(self.boxes.values()), pad)


def place_decorations(sizes: DecorationSizes, legend: str = "auto",
                      data_under: Callable[[Box], float] | None = None, keep: str = "") -> DecorationLayout:
    """Lay the decorations out. ``legend`` is one of LEGEND_PLACES (or a corner with SHORT); "auto" takes the
    corner with least data under it (``data_under`` tells how much data a pixel box covers); when every corner
    covers data, the short legend (launches only) in a corner where it covers less, and when the legend fits in no
    corner or the column would hide less still, the column beside the map. ``keep``: where auto put the legend
    last (on screen, a `held_place`); it stays there unless another place is clearly better (`clearly_better`),
    so a legend does not jump about as the view moves."""
    if legend == "auto":
        return _auto(sizes, data_under, keep)
    return _layout(sizes, legend)


def clearly_better(covered: float, kept: float) -> bool:
    """Whether a place covering ``covered`` data is worth moving the legend to from one covering ``kept``: it
    covers none where the kept place covers some, or at most half as much."""
    return covered < kept and (covered == 0 or covered <= kept / 2)


def _auto(sizes: DecorationSizes, data_under: Callable[[Box], float] | None, keep: str = "") -> DecorationLayout:
    candidates = [_layout(sizes, corner) for corner in CORNERS if sizes.legend is not None]
    candidates = [c for c in candidates if c.legend_box is not None]
    outside = _layout(sizes, "outside") if sizes.column is not None else None
    if outside is not None and outside.legend_place != "outside":
        outside = None
    if not candidates:
        return outside or _layout(sizes, "outside")
    if data_under is None:
        return candidates[0]
    covered = [data_under(c.legend_box) for c in candidates]  # type: ignore[arg-type]
    best = min(range(len(candidates)), key=lambda i: (covered[i], i))
    choice, choice_covers = candidates[best], covered[best]
    if choice_covers > 0 and sizes.compact is not None:
        # the kinds' rows made the legend reach over data in every corner (a warning area on the Okinawa zoom):
        # the launches' rows alone may fit where they cover less
        short = [_layout(sizes, corner + SHORT) for corner in CORNERS]
        short = [c for c in short if c.short]
        short_covers = [data_under(c.legend_box) for c in short]  # type: ignore[arg-type]
        candidates, covered = [*candidates, *short], [*covered, *short_covers]
        best = min(range(len(candidates)), key=lambda i: (covered[i], i))
        choice, choice_covers = candidates[best], covered[best]
    if choice_covers > 0 and outside is not None:
        hidden = data_under(outside.boxes["column"])  # the column hides all beside the map, not just the legend
        if hidden < choice_covers:
            choice, choice_covers = outside, hidden
    held = [(c, covered[i]) for i, c in enumerate(candidates) if c.held_place == keep]
    if outside is not None and keep == "outside":
        held.append((outside, data_under(outside.boxes["column"])))
    if held and held[0][0] is not choice and not clearly_better(choice_covers, held[0][1]):
        return held[0][0]
    return choice


def _layout(sizes: DecorationSizes, legend: str) -> DecorationLayout:
    short = legend.endswith(SHORT) and sizes.compact is not None
    legend = legend.removesuffix(SHORT)
    w, h, m = sizes.width, sizes.height, sizes.margin
    boxes: dict[str, Box] = {}
    bottom = h - sizes.footer
    if sizes.footer > 0:
        boxes["footer"] = (0.0, bottom, w, h)
    right = w
    if legend == "outside" and sizes.column is not None:
        column_w = sizes.column[0] + 2 * m
        if sizes.north_arrow is not None:
            column_w = max(column_w, sizes.north_arrow[0] + 2 * m)
        if column_w <= w * 0.45:
            right = w - column_w
            top = m
            if sizes.north_arrow is not None:
                aw, ah = sizes.north_arrow
                boxes["north_arrow"] = (w - column_w / 2 - aw / 2, m, w - column_w / 2 + aw / 2, m + ah)
                top = m + ah + m
            lh = min(sizes.column[1], bottom - top - m)
            boxes["legend"] = (right + m, top, w - m, top + lh)
            boxes["column"] = (right, 0.0, w, bottom)
    title_bottom = m
    if sizes.title is not None:
        tw, th = sizes.title
        boxes["title"] = (m, m, m + min(tw, right - 2 * m), m + th)
        title_bottom = m + th + m
    arrow_bottom = m
    if sizes.north_arrow is not None and "north_arrow" not in boxes:
        aw, ah = sizes.north_arrow
        boxes["north_arrow"] = (right - m - aw, m, right - m, m + ah)
        arrow_bottom = m + ah + m
    bar_top = bottom
    if sizes.scale_bar is not None:
        sw, sh = sizes.scale_bar
        boxes["scale_bar"] = (m, bottom - m - sh, m + sw, bottom - m)
        bar_top = bottom - m - sh
    place = legend if "legend" in boxes else None
    panel = sizes.compact if short else sizes.legend
    if legend in CORNERS and panel is not None:
        lw, lh = panel
        left_x, right_x = (m, m + lw) if legend[1] == "w" else (right - m - lw, right - m)
        if legend[0] == "n":
            top = title_bottom if legend == "nw" else arrow_bottom
            box = (left_x, top, right_x, top + lh)
        else:
            low = bar_top if legend == "sw" else bottom
            box = (left_x, low - m - lh, right_x, low - m)
        if box[1] >= 0 and box[3] <= bottom and box[0] >= 0 and box[2] <= right:
            boxes["legend"], place = box, legend
    return DecorationLayout(w, h, boxes, place, short and place == legend)


def free_rects(width: float, height: float, boxes: list[Box], pad: float = 0.0) -> list[Box]:
    """The maximal rectangles of a width x height image avoiding every box, each shrunk by ``pad``.

    Each box is avoided by keeping wholly left of, right of, above or below it; every combination of those
    choices gives one candidate (4^n for n boxes: decorations are few).
    """
    found: set[Box] = set()
    boxes = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    for sides in itertools.product(range(4), repeat=len(boxes)):
        left, top, right, bottom = 0.0, 0.0, width, height
        for (bl, bt, br, bb), side in zip(boxes, sides, strict=True):
            if side == 0:
                right = min(right, bl)
            elif side == 1:
                left = max(left, br)
            elif side == 2:
                bottom = min(bottom, bt)
            else:
                top = max(top, bb)
        rect = (left + pad, top + pad, right - pad, bottom - pad)
        if rect[2] > rect[0] and rect[3] > rect[1]:
            found.add(rect)
    return sorted(found, key=lambda r: -(r[2] - r[0]) * (r[3] - r[1]))


def fit_in(rect: Box, data: MapRect, width: float, height: float, min_span: float = 0.0,
           towards: tuple[float, float] | None = None) -> tuple[float, MapRect]:
    """(pixels per map unit, the image's frame in map units) that shows ``data`` as large as it goes inside
    ``rect``: centred in it, or, given ``towards`` (a pixel), as near that as the rect lets the data slide.
    ``min_span`` (map units) keeps a point or a tiny launch from filling the map."""
    xmin, ymin, xmax, ymax = data
    dw, dh = max(xmax - xmin, min_span), max(ymax - ymin, min_span)
    rw, rh = rect[2] - rect[0], rect[3] - rect[1]
    scale = min(rw / dw if dw > 0 else math.inf, rh / dh if dh > 0 else math.inf)
    if not math.isfinite(scale) or scale <= 0:
        raise ValueError(f"cannot fit {data} into {rect}")
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    px, py = (rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2
    if towards is not None:  # the data's centre may go anywhere its half-size keeps it inside the rect
        half_w, half_h = (xmax - xmin) * scale / 2, (ymax - ymin) * scale / 2
        px = min(max(towards[0], rect[0] + half_w), rect[2] - half_w)
        py = min(max(towards[1], rect[1] + half_h), rect[3] - half_h)
    left, top = cx - px / scale, cy + py / scale  # map y grows upwards: the image's top is the largest y
    return scale, (left, top - height / scale, left + width / scale, top)


def frame_in_room(layouts: list[DecorationLayout], data: MapRect, pad: float = 0.0,
                  min_span: float = 0.0) -> tuple[DecorationLayout, MapRect]:
    """Of the given layouts (the legend in one place or another), the one that lets ``data`` be drawn largest
    clear of every decoration, and the frame that does it: the data as near the middle of the map as that room
    lets it go. (Centred in the free rect alone, a north-south launch sat right of the middle with a third of
    the frame on Indochina, the rect beginning where the title ends.) Raises ValueError when no layout leaves
    room."""
    best: tuple[float, DecorationLayout, MapRect] | None = None
    for layout in layouts:
        middle = map_middle(layout)
        for rect in layout.free_rects(pad):
            try:
                scale, frame = fit_in(rect, data, layout.width, layout.height, min_span, towards=middle)
            except ValueError:
                continue
            if best is None or scale > best[0] * (1 + 1e-9):
                best = (scale, layout, frame)
    if best is None:
        raise ValueError(f"no room for data {data} in a {layouts[0].width:g}x{layouts[0].height:g} image")
    return best[1], best[2]


def map_middle(layout: DecorationLayout) -> tuple[float, float]:
    """The middle of the map's own area in pixels: the image less the legend's column and the attribution band."""
    right = layout.boxes["column"][0] if "column" in layout.boxes else layout.width
    bottom = layout.boxes["footer"][1] if "footer" in layout.boxes else layout.height
    return right / 2, bottom / 2


def legend_choices(legend: str) -> tuple[str, ...]:
    """The legend places a framing may choose among for a placement option."""
    if legend == "auto":
        return (*CORNERS, "outside")
    return (legend,)


def nearest_corner(width: float, height: float, x: float, y: float) -> str:
    """The corner of a width x height image nearest the point (x, y), y down: where a legend dropped there goes."""
    return ("n" if y < height / 2 else "s") + ("w" if x < width / 2 else "e")
