"""Many point symbols (sites, impacts, arrows) drawn at a fixed screen size: as paths, or stamped as pixmaps."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shiboken6
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QImage, QPaintEngine, QPainter, QPixmap, QTransform

from viewer.qt.draw.style import RenderContext, symbol_path, with_alpha
from viewer.qt.map.render_jobs import cancelled

# Above this many visible symbols in a group, stamp pre-rendered pixmaps (Qt blits them all from one call)
# instead of filling one path per symbol; stamps sit on whole pixels, paths on exact positions.
STAMP_ABOVE = 400
STAMP_CHUNK = 8192  # symbols stamped per call: 640 kB of fragments, and no slower than all at once
# Unrotated stamps of one group crowding the visible pixels more than one to this many are stamped once per pixel:
# the last one there, which the others under it would be hidden by (all but their antialiased rims).
ONE_PER_PIXEL_FROM = 8
ANGLE_STEPS = 72  # stamped arrows are pre-rotated every 5°: at most 2.5° off, invisible at symbol size


@dataclass
class Symbols:
    """Symbols of one look at map positions; ``angles`` (degrees, screen, counter-clockwise) rotate them."""

    x: np.ndarray
    y: np.ndarray
    symbol: str
    size: float  # screen pixels
    colour: str
    outline: str = "#FFFFFF"
    outline_width: float = 1.2
    alpha: int = 255
    angles: np.ndarray | None = None
    outline_dash: tuple[float, ...] = ()
    look: tuple | None = None  # the features' look it was made for (colour, certainty, draft, own paint), if one
    of_launch: bool = False  # a launch's (drawn over other files' of the same kind)


class SymbolPainter:
    """Draws groups of symbols under the painter's (map to device) transform; keeps the stamp sheets it made, so
    no pixmap outlives the application."""

    def __init__(self, context: RenderContext):
        self.context = context
        self._fragments = np.empty((0, 10))  # x, y (centre), source x, y, w, h, scale x, y, rotation, opacity
        self._stamps: dict[tuple, tuple[QPixmap, int]] = {}

    def paint(self, painter: QPainter, groups: list[Symbols]) -> None:
        to_device = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        visible = _device_clip(painter)
        # Stamps are bitmaps: vector devices (SVG, PDF) always get paths.
        can_stamp = painter.paintEngine().type() == QPaintEngine.Type.Raster
        for group in groups:
            if cancelled():  # drawn for a view that is gone
                break
            x, y = _map(to_device, group.x, group.y)
            reach = self.context.px(group.size + group.outline_width) * 0.75 + 1
            inside = np.flatnonzero((x >= visible.left() - reach) & (x <= visible.right() + reach)
                                    & (y >= visible.top() - reach) & (y <= visible.bottom() + reach))
            if can_stamp and len(inside) > STAMP_ABOVE:
                x, y = x[inside], y[inside]
                if group.angles is None and painter.device().devicePixelRatioF() == 1.0 and \
                        len(inside) * ONE_PER_PIXEL_FROM > visible.width() * visible.height():
                    x, y, inside = _last_at_each_pixel(x, y, inside, visible)
                self._stamp_group(painter, group, x, y, inside)
            else:
                self._paint_group(painter, group, x[inside], y[inside], inside)
        painter.restore()

    def _paint_group(self, painter: QPainter, group: Symbols, x: np.ndarray, y: np.ndarray,
                     index: np.ndarray) -> None:
        size = self.context.px(group.size)
        base = symbol_path(group.symbol)
        painter.setPen(self.context.pen(group.outline, group.outline_width, group.outline_dash, alpha=group.alpha))
        painter.setBrush(QBrush(with_alpha(group.colour, group.alpha)))
        angles = group.angles[index].tolist() if group.angles is not None else None
        for i, (px, py) in enumerate(zip(x.tolist(), y.tolist(), strict=True)):
            transform = QTransform().translate(px, py)
            if angles is not None:
                transform.rotate(-angles[i])  # device y points down
            transform.scale(size, size)
            painter.drawPath(transform.map(base))

    def _stamp_group(self, painter: QPainter, group: Symbols, x: np.ndarray, y: np.ndarray,
                     index: np.ndarray) -> None:
        ratio = painter.device().devicePixelRatioF()
        key = (group.symbol, self.context.px(group.size), group.colour, group.outline,
               self.context.px(group.outline_width), group.outline_dash, group.alpha, ratio, group.angles is not None)
        if key not in self._stamps:
            if len(self._stamps) > 32:
                self._stamps.clear()
            self._stamps[key] = _stamps(*key)
        sheet, side = self._stamps[key]
        # Stamped a chunk at a time: a buffer for every visible symbol of a million-point layer held 80 MB.
        if len(self._fragments) < min(len(x), STAMP_CHUNK):
            self._fragments = np.empty((min(len(x), STAMP_CHUNK), 10))
        for start in range(0, len(x), STAMP_CHUNK):
            stop = min(start + STAMP_CHUNK, len(x))
            fragments = self._fragments[:stop - start]
            fragments[:, 0] = x[start:stop]
            fragments[:, 1] = y[start:stop]
            if group.angles is None:
                fragments[:, 2] = 0.0
            else:
                fragments[:, 2] = np.round(group.angles[index[start:stop]] * (ANGLE_STEPS / 360.0)) % ANGLE_STEPS * side
            fragments[:, 3:6] = (0.0, side, side)
            fragments[:, 6:10] = (1 / ratio, 1 / ratio, 0.0, 1.0)
            # PySide6 takes a pointer to the first of a C array of PixmapFragments (ten doubles each): the rows
            first = shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment)
            painter.drawPixmapFragments(first, stop - start, sheet)  # type: ignore[arg-type]  # stubs lack this form


def _stamps(symbol: str, size: float, colour: str, outline: str, outline_width: float, dash: tuple[float, ...],
            alpha: int, ratio: float, rotated: bool) -> tuple[QPixmap, int]:
    """A row of one symbol drawn as the path would be (one per 5° if rotated) and its side in pixmap pixels."""
    logical = 2 * math.ceil((size * 1.25 + outline_width + 2) / 2)  # even, so the centre is a pixel corner
    side = math.ceil(logical * ratio)
    count = ANGLE_STEPS if rotated else 1
    image = QImage(side * count, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(RenderContext(scale=1.0).pen(outline, outline_width, dash, alpha=alpha))
    painter.setBrush(QBrush(with_alpha(colour, alpha)))
    for step in range(count):
        transform = QTransform().translate((step + 0.5) * side / ratio, side / ratio / 2)
        transform.rotate(-step * 360.0 / ANGLE_STEPS)
        transform.scale(size, size)
        painter.drawPath(transform.map(symbol_path(symbol)))
    painter.end()
    return QPixmap.fromImage(image), side


def _last_at_each_pixel(x: np.ndarray, y: np.ndarray, index: np.ndarray,
                        visible: QRectF) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Of identical stamps at one pixel, the last (drawn over the others): their positions put on the whole pixel a
    stamp sits on, and their indices. A million points opened take ~100,000 pixels of the window, and Qt stamped
    each of them ~0.15 us; this costs ~25 ms."""
    x, y = np.floor(x + 0.5), np.floor(y + 0.5)  # where Qt puts them (a stamp's centre is a pixel corner)
    left, top = np.floor(x.min()), np.floor(y.min())
    width = int(x.max() - left) + 1
    height = int(y.max() - top) + 1
    if width * height > 4 * (visible.width() + 2) * (visible.height() + 2) + 1024:  # (never: inside is near view)
        return x, y, index
    pixel = (y - top).astype(np.int64) * width + (x - left).astype(np.int64)
    last = np.empty(width * height, dtype=np.int64)
    order = np.arange(len(pixel))
    last[pixel] = order  # repeated pixels: one of theirs is kept (numpy writes them in order: the last)
    kept = np.flatnonzero(last[pixel] == order)
    return x[kept], y[kept], index[kept]


def _map(transform: QTransform, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """QTransform.map over arrays."""
    with np.errstate(invalid="ignore", divide="ignore"):
        dx = transform.m11() * x + transform.m21() * y + transform.dx()
        dy = transform.m12() * x + transform.m22() * y + transform.dy()
        if not transform.isAffine():
            w = transform.m13() * x + transform.m23() * y + transform.m33()
            dx, dy = dx / w, dy / w
    return dx, dy


def _device_clip(painter: QPainter) -> QRectF:
    """What can be painted, in device pixels (the painter's transform must be reset)."""
    if painter.hasClipping():
        return painter.clipBoundingRect()
    device = painter.device()
    return QRectF(0, 0, device.width(), device.height())
