"""Many features drawn as a few pre-built QPainterPaths (one per style): the strokes and how they are painted."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QPaintEngine, QPainter, QPainterPath, QTransform

from viewer.geo.pixel_detail import droppable, edges_sampled, simplified
from viewer.qt.draw.qpath import xy_path
from viewer.qt.draw.scanline import SCANLINE_ABOVE_ROWS, fill_even_odd, rows_crossed
from viewer.qt.draw.style import RenderContext, with_alpha
from viewer.qt.draw.tiles import PathTiles
from viewer.qt.map.render_jobs import cancelled

TILE_ABOVE = 3000  # vertices: smaller paths are drawn whole
BULK_PARTS = 500  # lines in one stroke above which it is drawn with a pen at most 1 px wide (see Stroke.pen_width)
BULK_VERTICES = 50_000
SCANLINE_CHECK_ABOVE = 20_000  # vertices: smaller fills are always Qt's (their cost is not worth estimating)
SLOW_ABOVE_VERTICES = 150_000  # a layer this big is first drawn on a worker thread (the full basemap has 80,000)
# Strokes up to this many vertices are drawn from the subpaths reaching a small clip only (`_within_clip`): building
# that path holds the GIL (~0.4 us a vertex), which a render job drawing 100k lines must not do.
CLIPPED_PARTS_UP_TO = 20_000
# Strokes of more vertices are drawn from a copy without the vertices a pixel cannot show (`at_pixel_size`): a
# million-vertex outline 1,400 px round needs a few hundred. Above every sample's and the basemap's (80,000), so
# they are drawn exactly as before.
SIMPLIFIED_ABOVE = 100_000
DETAIL_PX = 0.25  # how far (device pixels) a dropped vertex may lie from the line drawn
DETAIL_LEVELS = 3  # pixel sizes (powers of two) whose copies a stroke keeps
KEPT_UP_TO = 0.8  # of a stroke's vertices: a copy keeping more is not made (the stroke is drawn as it is)
INK = 16.0  # lines a pixel beyond which an outline is drawn from a sample of its segments (`edges_sampled`)


@dataclass
class Stroke:
    """One styled path: every feature of a kind drawn alike shares one. Made by `xy_stroke`, it also keeps
    the arrays, so a large path can be drawn tile by tile (see `PathTiles`), and its path is built from them when
    first asked for (a large stroke may only ever be drawn from its copies at pixel size: `at_pixel_size`)."""

    given_path: QPainterPath | None
    colour: str
    width: float  # screen pixels; 0 draws no outline
    dash: tuple[float, ...] = ()
    alpha: int = 255
    fill: str | None = None
    fill_alpha: int = 0
    xy: tuple[np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)
    # vertices of the areas drawn, as given: a stand-in (`new_rows.stand_in`) or an export's copy at its pixel size
    # is drawn as the areas densified whole are (the pen's width and the fill's rasteriser chosen by their size too)
    stands_for: int = 0
    _tiles: dict[str, PathTiles | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    _rings: RingRows | None = field(default=None, init=False, repr=False, compare=False)
    _parts: Parts | None = field(default=None, init=False, repr=False, compare=False)
    _detail: dict[int, Stroke] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def path(self) -> QPainterPath:
        if self.given_path is None:  # made by xy_stroke, which always gives the arrays
            x, y = self.xy if self.xy is not None else (np.empty(0), np.empty(0))
            self.given_path = xy_path(x, y)
        return self.given_path

    def bounds(self) -> QRectF:
        """The path's bounding rect, from the arrays when the path is not built yet."""
        if self.given_path is not None or self.xy is None:
            return self.path.boundingRect()
        x, y = self.xy
        if not len(x):
            return QRectF()
        # NaN-separated parts: fmin/fmax pass over NaN without a copy of the finite vertices (a 2.8-million-vertex
        # outline's bounds took ~25 ms so, on the GUI thread); only an infinity needs the finite ones picked
        left, right, top, bottom = (float(f.reduce(v)) for v in (x, y) for f in (np.fmin, np.fmax))
        if not all(map(math.isfinite, (left, right, top, bottom))):
            finite = np.isfinite(x) & np.isfinite(y)
            if not finite.any():
                return QRectF()
            x, y = x[finite], y[finite]
            left, right, top, bottom = float(x.min()), float(x.max()), float(y.min()), float(y.max())
        return QRectF(left, top, right - left, bottom - top)

    def at_pixel_size(self, transform: QTransform) -> Stroke:
        """This stroke, or for one of over SIMPLIFIED_ABOVE vertices a copy of it without the vertices that lie
        within DETAIL_PX of the line through the others under ``transform`` (map to device): the same picture,
        from far fewer vertices (viewer.geo.pixel_detail); an outline inking its box over INK times, from a sample
        of its segments inking it INK times. Copies are kept per power of two of the pixel size,
        the last few made, each made for the smallest pixel of its power of two."""
        if self.xy is None or len(self.xy[0]) <= SIMPLIFIED_ABOVE:
            return self
        scale = max(math.hypot(transform.m11(), transform.m12()), math.hypot(transform.m21(), transform.m22()))
        if not (scale > 0 and math.isfinite(scale)):
            return self
        level = math.floor(math.log2(scale))
        copy = self._detail.get(level)
        if copy is None:
            # too few vertices that could go to make a copy worth its while: none looked for
            few = droppable(*self.xy) <= (1 - KEPT_UP_TO) * len(self.xy[0])
            x, y = self.xy if few else simplified(*self.xy, DETAIL_PX / 2.0 ** (level + 1))
            sampled = edges_sampled(x, y, INK, 2.0 ** -level) if self.fill is None and self.width > 0 else None
            if sampled is not None:  # a mass of lines: as dense, from a bounded sample of its segments
                x, y = sampled
            copy = self if sampled is None and len(x) > KEPT_UP_TO * len(self.xy[0]) else Stroke(
                None, self.colour, self.pen_width, self.dash, self.alpha, self.fill, self.fill_alpha, xy=(x, y),
                stands_for=self.stands_for)
            # replaced whole, never changed in place: the screen's render jobs draw the same strokes on a worker
            self._detail = {**dict(list(self._detail.items())[1 - DETAIL_LEVELS:]), level: copy}
        return copy

    @property
    def pen_width(self) -> float:
        """The width drawn: a bulk stroke (a catalogue of hundreds of lines) at most 1 px. Qt's rasteriser draws
        lines up to 1 px wide on a fast path (1,000 random 50-vertex lines: ~10 ms), wider ones by outlining
        every round join and cap (1.8 px: ~300 ms drawn line by line, seconds as one path); in a mass of lines
        the width does not show, and the legend still names the layer."""
        if self.width > 1.0 and self.xy is not None:
            x = self.xy[0]
            if max(len(x), self.stands_for) > BULK_VERTICES or np.count_nonzero(np.isnan(x)) >= BULK_PARTS:
                return 1.0
        return self.width

    def tiles(self, role: str) -> PathTiles | None:
        """Tiles for "fill" (areas, cut to the tiles), "solid" or "dashed" lines (dashes restart at every
        cut, so dashed lines are kept whole and only sorted into the tiles they cross); None: draw whole."""
        if role not in self._tiles:
            xy = self.xy
            big = xy is not None and len(xy[0]) > TILE_ABOVE
            self._tiles[role] = PathTiles.build(self.path, xy[0], xy[1], role) if xy is not None and big else None
        return self._tiles[role]


def xy_stroke(x: np.ndarray, y: np.ndarray, colour: str, width: float, **style) -> Stroke:
    """A stroke through NaN-separated arrays; its path is built when first needed."""
    return Stroke(None, colour, width, xy=(np.asarray(x, float), np.asarray(y, float)), **style)


def paint_strokes(painter: QPainter, context: RenderContext, strokes: list[Stroke]) -> None:
    """Draw `strokes` in order under the painter's (map to device) transform."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    # Tiles only pay on raster devices, and only for drawings made again (the screen, a renderer's second image):
    # cutting them costs more than it saves once (a one-off 1920x1080 export: 0.7 s whole, 1.3 s tiled, loaded).
    # SVG and PDF get each path whole.
    raster = painter.paintEngine().type() == QPaintEngine.Type.Raster
    tiled = raster and context.reuse
    for whole in strokes:
        if cancelled():  # drawn for a view that is gone
            return
        stroke = whole.at_pixel_size(painter.transform())
        brush = QBrush(with_alpha(stroke.fill, stroke.fill_alpha)) if stroke.fill else QBrush()
        width = stroke.pen_width
        pen = context.pen(stroke.colour, width, stroke.dash, stroke.alpha) if width > 0 else Qt.PenStyle.NoPen
        reach = context.px(width) / 2 + 2 if width > 0 else 2
        # Lines up to a pixel wide take Qt's fast path whatever their length: tiles would only add work.
        thin = not stroke.fill and context.px(width) <= 1.0
        # SVG and PDF too: such a fill as a path of every vertex made a 41 MB SVG that librsvg could not read
        if stroke.fill and _filled_by_scanlines(painter, stroke):
            if width > 0:
                _draw(painter, stroke.path, pen, QBrush())
        elif not tiled or stroke.xy is None or len(stroke.xy[0]) <= TILE_ABOVE or thin:
            _draw(painter, _within_clip(painter, stroke, reach), pen, brush)
        elif not stroke.fill:
            _draw(painter, stroke.tiles("dashed" if stroke.dash else "solid") or stroke.path, pen, brush, reach)
        elif stroke.dash or stroke.width <= 0:  # fill and outline apart, as drawPath does them
            _draw(painter, stroke.tiles("fill") or stroke.path, Qt.PenStyle.NoPen, brush, 2)
            if stroke.width > 0:
                _draw(painter, stroke.tiles("dashed") or stroke.path, pen, QBrush(), reach)
        else:
            _draw(painter, stroke.tiles("fill") or stroke.path, pen, brush, reach)


def _filled_by_scanlines(painter: QPainter, stroke: Stroke) -> bool:
    """Fill a huge outline (one crossing millions of pixel rows: a self-intersecting star of a million spikes) by
    scanlines, without anti-aliasing, if it is one; Qt's rasteriser would take minutes (see viewer.qt.draw.scanline).
    On SVG and PDF the fill is an image at the device's resolution."""
    if stroke.xy is None or max(len(stroke.xy[0]), stroke.stands_for) <= SCANLINE_CHECK_ABOVE or stroke.fill is None:
        return False
    device = QRect(0, 0, painter.device().width(), painter.device().height())
    visible = painter.transform().mapRect(painter.clipBoundingRect()).toAlignedRect().intersected(device) \
        if painter.hasClipping() else device
    x, y = stroke.xy
    if stroke._rings is None:
        stroke._rings = RingRows(x, y)
    # Counted over the whole device, not the clip: Qt's fill of such an outline is as slow clipped to a strip a pan
    # brought into view (the window froze for minutes panning over a million-spike star), the scanlines are not.
    if stroke._rings.at_most(painter.transform(), device) <= SCANLINE_ABOVE_ROWS:
        return False  # (the bound takes microseconds; counting exactly, ~3 ms for the basemap's land a paint)
    if rows_crossed(x, y, painter.transform(), device) <= SCANLINE_ABOVE_ROWS:
        return False
    fill_even_odd(painter, x, y, with_alpha(stroke.fill, stroke.fill_alpha), visible)
    return True


def _within_clip(painter: QPainter, stroke: Stroke, reach: float) -> QPainterPath:
    """The stroke's path, or, when the painter is clipped to a small part of it (a strip a pan brought into view),
    only its subpaths reaching the clip: Qt strokes and dashes a path whole whatever the clip (a 40 px strip of
    four wide dashed flight paths cost as much as the whole screen's, ~2.5 ms). Subpaths are kept or left whole,
    and Qt starts the dash pattern afresh at each, so the pixels within the clip are the same."""
    transform = painter.transform()
    if stroke.xy is None or len(stroke.xy[0]) > CLIPPED_PARTS_UP_TO or not painter.hasClipping() \
            or transform.type().value > QTransform.TransformationType.TxScale.value:
        return stroke.path
    if stroke._parts is None:
        stroke._parts = Parts(*stroke.xy)
    clip = transform.mapRect(painter.clipBoundingRect())
    if clip.width() * clip.height() > 0.5 * stroke._parts.device_area(transform):
        return stroke.path
    within = stroke._parts.within(transform, clip.adjusted(-reach, -reach, reach, reach))
    return stroke.path if within is None else within


class Parts:
    """The subpaths of NaN-separated arrays with their bounds (map units), to draw only those reaching a rect."""

    def __init__(self, x: np.ndarray, y: np.ndarray):
        self.x, self.y = x, y
        gap = ~(np.isfinite(x) & np.isfinite(y))
        begins = np.r_[True, gap[1:]] if len(x) else np.zeros(0, bool)  # a NaN begins the subpath after it
        self.part_of = np.cumsum(begins) - 1
        starts = np.flatnonzero(begins)
        x = np.where(gap, np.nan, x)  # fmin and fmax skip NaNs; a part of NaNs alone stays NaN
        y = np.where(gap, np.nan, y)
        self.xmin, self.xmax = np.fmin.reduceat(x, starts), np.fmax.reduceat(x, starts)
        self.ymin, self.ymax = np.fmin.reduceat(y, starts), np.fmax.reduceat(y, starts)
        present = np.isfinite(self.xmin)
        self.bounds = (float(self.xmin[present].min()), float(self.ymin[present].min()),
                       float(self.xmax[present].max()), float(self.ymax[present].max())) if present.any() else None

    def device_area(self, transform: QTransform) -> float:
        if self.bounds is None:
            return 0.0
        xmin, ymin, xmax, ymax = self.bounds
        return abs(transform.m11() * (xmax - xmin) * transform.m22() * (ymax - ymin))

    def within(self, transform: QTransform, rect) -> QPainterPath | None:
        """A path of the subpaths whose bounds reach `rect` (device pixels; a scale and a translation only), or
        None if they all do."""
        x0, x1 = transform.m11() * self.xmin + transform.dx(), transform.m11() * self.xmax + transform.dx()
        y0, y1 = transform.m22() * self.ymin + transform.dy(), transform.m22() * self.ymax + transform.dy()
        near = ((np.maximum(x0, x1) >= rect.left()) & (np.minimum(x0, x1) <= rect.right())
                & (np.maximum(y0, y1) >= rect.top()) & (np.minimum(y0, y1) <= rect.bottom()))
        if near.all():
            return None
        keep = near[self.part_of]
        return xy_path(self.x[keep], self.y[keep])


class RingRows:
    """Per ring of NaN-separated closed rings: its extent in y and how far its edges run in x and in y (map
    units), from which an upper bound of the pixel rows that filling them crosses follows in a few array
    operations."""

    def __init__(self, x: np.ndarray, y: np.ndarray):
        finite = np.isfinite(x) & np.isfinite(y)
        ring = np.cumsum(~finite)[finite]
        x, y = x[finite], y[finite]
        starts = np.flatnonzero(np.r_[True, ring[1:] != ring[:-1]])
        if not len(x):
            self.ymin = self.ymax = self.run_x = self.run_y = np.zeros(0)
            return
        following = np.arange(1, len(x) + 1)
        following[np.r_[starts[1:], len(x)] - 1] = starts  # the last vertex of a ring joins its first
        self.ymin, self.ymax = np.minimum.reduceat(y, starts), np.maximum.reduceat(y, starts)
        self.run_x = np.add.reduceat(np.abs(x[following] - x), starts)
        self.run_y = np.add.reduceat(np.abs(y[following] - y), starts)

    def at_most(self, transform: QTransform, visible: QRect) -> float:
        """At least what `rows_crossed` counts: a device edge runs |m12 dx + m22 dy| rows; under a scale and a
        translation, only the rings reaching the visible rows count."""
        runs = abs(transform.m12()) * self.run_x + abs(transform.m22()) * self.run_y
        if transform.m12() != 0 or transform.m21() != 0:
            return float(runs.sum())
        a = transform.m22() * self.ymin + transform.dy()
        b = transform.m22() * self.ymax + transform.dy()
        reach = (np.maximum(a, b) >= visible.top()) & (np.minimum(a, b) <= visible.top() + visible.height())
        return float(runs[reach].sum())


def _draw(painter: QPainter, what: QPainterPath | PathTiles, pen, brush: QBrush, reach: float = 0.0) -> None:
    painter.setPen(pen)
    painter.setBrush(brush)
    if isinstance(what, PathTiles):
        what.draw(painter, reach)
    else:
        painter.drawPath(what)
