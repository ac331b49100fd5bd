"""Large paths cut into a quadtree of squares and drawn square by square: Qt's anti-aliasing rasteriser slows down
sharply with long outlines."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import numpy as np
import shapely
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPainterPath, QTransform

from viewer.qt.draw.qpath import xy_path
from viewer.qt.map.render_jobs import cancelled, not_drawing

LEAF_VERTICES = 600  # a tile holding fewer vertices is not split further
MAX_DEPTH = 9
MARGIN = 0.1  # a tile keeps the line work reaching this far (times its side) beyond it
MIN_TILE_PX = 64  # tiles are not split below this size on screen
DEVICE_LIMIT = float(1 << 29)  # device pixels a square's edge is clamped to (a QRect's width must fit 32 bits)
# Self-intersecting rings bigger than this are drawn whole (even-odd), never repaired by GEOS: its repair of a star
# of 500 crossing spikes took ~0.1 s, of 2,000 ~1 s, of 5,000 ~6-7 s (under load), on whatever thread drew them.
REPAIR_UP_TO_VERTICES = 500

# Squares the screen needs while the view moves are cut here, not on the GUI thread (cutting the squares a pan
# reaches took 20-40 ms there). One thread: GEOS releases the GIL while it clips, so it runs beside the GUI thread.
_CUTTER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tile-cutter")
_later = threading.local()


@contextmanager
def cut_later() -> Iterator[None]:
    """Within it, this thread never waits for squares to be cut: a square not cut yet is cut on a worker thread,
    and meanwhile its nearest cut ancestor is drawn clipped to it (slower to draw; at worst the whole path, which
    differs from drawing in squares by a few antialiased pixels along outlines). For the GUI thread drawing the
    screen; exports and render jobs wait for the squares they need."""
    before = getattr(_later, "on", False)
    _later.on = True
    try:
        yield
    finally:
        _later.on = before


def _device_px(v: float) -> int:
    """A square's edge in whole device pixels, clamped to what a QRect holds: zoomed far in (a file of one point)
    a square spans billions of pixels, and QRect raised OverflowError. Clamped far off screen, it still covers
    the view and meets nothing else there."""
    return round(min(max(v, -DEVICE_LIMIT), DEVICE_LIMIT))


class PathTiles:
    """The line work of one path sorted into a quadtree of squares, drawn square by square.

    Qt's anti-aliasing rasteriser slows down sharply with long outlines (it walks the whole outline again
    for each band of cells its pool holds): the full-detail coastline fills ten times faster as small pieces.
    Each piece is drawn clipped to its square snapped to whole device pixels, so the squares neither
    overlap nor leave seams, and everything a square draws comes from line work kept whole to `MARGIN`
    beyond it: the pixels are those of the whole path. Squares are cut lazily, as zooming reaches them.
    """

    def __init__(self, whole: QPainterPath, parts: np.ndarray, cut: np.ndarray,
                 path_of: Callable[[np.ndarray], QPainterPath]):
        self._path_of = path_of
        xmin, ymin, xmax, ymax = shapely.total_bounds(parts)
        self.origin = (xmin, ymin)
        self.side = max(xmax - xmin, ymax - ymin) * (1 + 1e-9) or 1.0
        root = (whole, int(shapely.get_num_coordinates(parts).sum()))  # the root square draws the path as given
        self._nodes: dict[tuple[int, int, int], tuple[QPainterPath, int]] = {(0, 0, 0): root}
        # Per square: the parts cut to it (+ margin) and the parts kept whole because they touch it.
        self._parts: dict[tuple[int, int, int], tuple[np.ndarray, np.ndarray]] = {(0, 0, 0): (parts[cut], parts[~cut])}
        self._pending: set[tuple[int, int, int]] = set()  # squares being cut on the worker thread
        self._failed: set[tuple[int, int, int]] = set()  # cutting failed there: cut where drawn, which raises

    @classmethod
    def build(cls, whole: QPainterPath, x: np.ndarray, y: np.ndarray, role: str) -> PathTiles | None:
        """Tiles for NaN-separated arrays drawn as `whole`; None if nothing in them draws."""
        ok = np.isfinite(x) & np.isfinite(y)
        part = np.cumsum(~ok)[ok]
        coords = np.column_stack([x[ok], y[ok]])
        count = np.unique(part, return_counts=True)[1]
        keep = np.repeat(count >= (3 if role == "fill" else 2), count)  # too short to draw anything
        coords, part = coords[keep], np.unique(part[keep], return_inverse=True)[1]  # shapely wants 0, 1, 2…
        if not len(coords):
            return None
        if role == "fill":
            parts = shapely.polygons(shapely.linearrings(coords, indices=part))
        else:
            parts = shapely.linestrings(coords, indices=part)
        cut = shapely.is_valid(parts) if role != "dashed" else np.zeros(len(parts), bool)
        if role == "fill" and not cut.all():
            parts, cut = _even_odd_valid(parts, cut)
        return cls(whole, parts, cut, path_of=_path_of_polygons if role == "fill" else _path_of_lines)

    def draw(self, painter: QPainter, reach: float) -> None:
        """Draw with the painter's pen and brush; `reach` is how far (device px) a pen draws beyond a line."""
        to_device = painter.transform()
        if to_device.type().value > QTransform.TransformationType.TxScale.value:
            self._draw_node(painter, (0, 0, 0), None)  # rotated or sheared: squares do not snap to pixels
            return
        if painter.hasClipping():
            visible = to_device.mapRect(painter.clipBoundingRect()).toAlignedRect()
        else:
            visible = QRect(0, 0, painter.device().width(), painter.device().height())
        # A thin strip (newly scrolled into view) is drawn from smaller squares, so less is drawn outside it.
        smallest = min(MIN_TILE_PX, 2 * min(visible.width(), visible.height()))
        later = getattr(_later, "on", False)
        stack = [(0, 0, 0)]
        while stack and not cancelled():
            key = stack.pop()
            ix, iy, depth = key
            box = self._device_box(to_device, ix, iy, depth)
            if not box.intersects(visible):
                continue
            half = box.width() / 2
            if half >= smallest and half * MARGIN >= reach and self._splits(key, later):
                stack += [(2 * ix + i, 2 * iy + j, depth + 1) for i in (0, 1) for j in (0, 1)]
            else:
                self._draw_node(painter, key, box if depth else None)

    def _device_box(self, to_device: QTransform, ix: int, iy: int, depth: int) -> QRect:
        # Edges come from the same dyadic fractions of one side, so neighbours share them exactly.
        x0, y0 = self.origin
        xs = [to_device.m11() * (x0 + self.side * (i / 2**depth)) + to_device.dx() for i in (ix, ix + 1)]
        ys = [to_device.m22() * (y0 + self.side * (j / 2**depth)) + to_device.dy() for j in (iy, iy + 1)]
        left, right = sorted(_device_px(v) for v in xs)
        top, bottom = sorted(_device_px(v) for v in ys)
        return QRect(left, top, right - left, bottom - top)

    def _draw_node(self, painter: QPainter, key: tuple[int, int, int], clip: QRect | None) -> None:
        path = self._node(key)[0]
        if path.isEmpty():
            return
        if clip is None:
            painter.drawPath(path)
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setClipRect(clip, Qt.ClipOperation.IntersectClip)
        painter.setTransform(transform)
        painter.drawPath(path)
        painter.restore()

    def _node(self, key: tuple[int, int, int]) -> tuple[QPainterPath, int]:
        node = self._nodes.get(key)
        if node is None:
            start = time.thread_time()
            parts = np.concatenate(self._parts_of(key))
            node = (self._path_of(parts), int(shapely.get_num_coordinates(parts).sum()))
            self._nodes[key] = node
            not_drawing(time.thread_time() - start)  # a square is cut once: not what drawing the layer costs
        return node

    def _parts_of(self, key: tuple[int, int, int]) -> tuple[np.ndarray, np.ndarray]:
        if key not in self._parts:
            ix, iy, depth = key
            cut, kept = self._parts_of((ix // 2, iy // 2, depth - 1))
            size = self.side / 2**depth
            xmin, ymin = self.origin[0] + ix * size - MARGIN * size, self.origin[1] + iy * size - MARGIN * size
            xmax, ymax = xmin + size * (1 + 2 * MARGIN), ymin + size * (1 + 2 * MARGIN)
            cut = shapely.clip_by_rect(cut, xmin, ymin, xmax, ymax)
            kept = kept[shapely.intersects(kept, shapely.box(xmin, ymin, xmax, ymax))]
            self._parts[key] = (cut[~shapely.is_empty(cut)], kept)
        return self._parts[key]

    def _splits(self, key: tuple[int, int, int], later: bool = False) -> bool:
        """Worth splitting: many vertices, and the children do not just repeat them (parts kept whole).
        `later`: children not cut yet are cut on the worker thread, and the square is not split meanwhile."""
        ix, iy, depth = key
        count = self._node(key)[1]
        if count <= LEAF_VERTICES or depth >= MAX_DEPTH:
            return False
        children = [(2 * ix + i, 2 * iy + j, depth + 1) for i in (0, 1) for j in (0, 1)]
        if later and not all(child in self._nodes or child in self._failed for child in children):
            self._cut_soon(children)
            return False
        return sum(self._node(child)[1] for child in children) < 2 * count

    @property
    def cutting(self) -> bool:
        """Whether squares are being cut on the worker thread now."""
        return bool(self._pending)

    def _cut_soon(self, keys: list[tuple[int, int, int]]) -> None:
        wanted = [key for key in keys if key not in self._nodes and key not in self._pending | self._failed]
        if wanted:
            self._pending.update(wanted)
            _CUTTER.submit(self._cut, wanted)

    def _cut(self, keys: list[tuple[int, int, int]]) -> None:
        for key in keys:
            try:
                self._node(key)
            except Exception:  # cut again where the square is drawn, which reports it
                self._failed.add(key)
        self._pending.difference_update(keys)


def _even_odd_valid(parts: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Self-intersecting rings redone as valid polygons covering what even-odd filling covers (GEOS's
    linework repair nodes the ring and XORs the faces). Cutting an invalid ring could change what filling
    makes of it, so one the repair would change otherwise (its outline is not the same length) stays whole."""
    parts, cut = parts.copy(), valid.copy()
    # GEOS's repair of a ring with hundreds of thousands of crossing edges runs for minutes: such a ring is kept
    # whole (drawn as given, even-odd), never cut.
    small = shapely.get_num_coordinates(parts) <= REPAIR_UP_TO_VERTICES
    for i in np.flatnonzero(~valid & small):
        repaired = shapely.make_valid(parts[i], method="linework")
        polygons = [p for p in shapely.get_parts(repaired) if p.geom_type == "Polygon"]
        if polygons and np.isclose(sum(p.length for p in polygons), parts[i].length, rtol=1e-9, atol=0):
            parts[i], cut[i] = shapely.multipolygons(polygons), True
    return parts, cut


def _path_of_lines(parts: np.ndarray) -> QPainterPath:
    coords, index = shapely.get_coordinates(shapely.get_parts(parts), return_index=True)
    return _path_of_runs(coords, index)


def _path_of_polygons(parts: np.ndarray) -> QPainterPath:
    rings = shapely.get_rings(shapely.get_parts(parts))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    return _path_of_runs(coords, index)


def _path_of_runs(coords: np.ndarray, index: np.ndarray) -> QPainterPath:
    """One path with a NaN between runs of coordinates sharing an index."""
    if not len(coords):
        return QPainterPath()
    breaks = np.flatnonzero(np.diff(index)) + 1
    x = np.insert(coords[:, 0], breaks, np.nan)
    y = np.insert(coords[:, 1], breaks, np.nan)
    return xy_path(x, y)
