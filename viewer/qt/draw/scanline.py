"""Even-odd filling of huge outlines by scanlines in numpy: for a fill whose edges span millions of pixel rows (a
self-intersecting million-vertex star), Qt's rasteriser re-walks the outline for every band of cells it can hold
and runs for minutes; this costs one step per edge and pixel row (README, "Map speed")."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

SCANLINE_ABOVE_ROWS = 1_000_000  # pixel rows crossed by a fill's edges beyond which it is filled here
CHUNK = 4_000_000  # edge-row crossings handled at once (memory: ~100 MB of temporaries)
MAX_CROSSINGS = 10_000_000  # beyond this, rows are sampled every few pixels: the work stays bounded (~1 s)


def rows_crossed(x: np.ndarray, y: np.ndarray, transform: QTransform, visible: QRect) -> int:
    """How many (edge, pixel row) crossings filling the NaN-separated rings (x, y) takes within ``visible``: what
    rasterising them costs."""
    _, dy0, _, dy1 = _edges(x, y, transform)
    top, bottom = visible.top(), visible.top() + visible.height()
    low, high = np.clip(np.minimum(dy0, dy1), top, bottom), np.clip(np.maximum(dy0, dy1), top, bottom)
    return int(np.sum(high - low))


def fill_even_odd(painter: QPainter, x: np.ndarray, y: np.ndarray, colour: QColor, visible: QRect) -> None:
    """Fill the NaN-separated rings (x, y) (map units; the painter's transform maps them to device pixels), every
    ring closed, even-odd, sampled at pixel centres (no anti-aliasing), within ``visible`` (device pixels)."""
    width, height = visible.width(), visible.height()
    if width <= 0 or height <= 0:
        return
    x0, y0, x1, y1 = _edges(x, y, painter.transform())
    x0, x1 = x0 - visible.left(), x1 - visible.left()
    y0, y1 = y0 - visible.top(), y1 - visible.top()
    # A million spikes crossing hundreds of rows each: sample every ``every``-th row and repeat it, so the work stays
    # bounded. Such a fill is a speckle at pixel scale whichever rows are sampled.
    crossed = np.sum(np.abs(np.clip(y1, 0, height) - np.clip(y0, 0, height)))
    every = max(1, int(np.ceil(crossed / MAX_CROSSINGS)))
    full_height = height
    if every > 1:
        y0, y1, height = y0 / every, y1 / every, -(-height // every)
    # Rows whose centre (r + 0.5) lies in [low, high): each crossing counted once where edges meet at a vertex.
    first = np.clip(np.ceil(np.minimum(y0, y1) - 0.5), 0, height).astype(np.int64)
    last = np.clip(np.ceil(np.maximum(y0, y1) - 0.5), 0, height).astype(np.int64)
    count = last - first
    keep = count > 0
    x0, y0, x1, y1, first, count = x0[keep], y0[keep], x1[keep], y1[keep], first[keep], count[keep]
    slope = (x1 - x0) / (y1 - y0)
    at_first = x0 + (first + 0.5 - y0) * slope  # where each edge crosses the centre of its first row
    stride = width + 1  # a crossing right of every pixel toggles the spare last column
    parity = np.zeros(height * stride, dtype=np.uint8)
    ends = np.cumsum(count)
    start = 0
    while start < len(count):  # in chunks of about CHUNK crossings; np.repeat, not fancy indexing: 10x faster
        stop = max(start + 1, int(np.searchsorted(ends, (ends[start - 1] if start else 0) + CHUNK, side="right")))
        counts = count[start:stop]
        step = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)  # rows below the first
        row = np.repeat(first[start:stop], counts) + step
        cross = np.repeat(at_first[start:stop], counts) + step * np.repeat(slope[start:stop], counts)
        column = np.clip(np.ceil(cross - 0.5), 0, width).astype(np.int64)  # the first pixel centre right of it
        parity ^= (np.bincount(row * stride + column, minlength=len(parity)) & 1).astype(np.uint8)
        start = stop
    inside = np.bitwise_xor.accumulate(parity.reshape(height, stride), axis=1)[:, :width].astype(bool)
    if every > 1:
        inside = np.repeat(inside, every, axis=0)[:full_height]
    premultiplied = colour.toRgb()
    alpha = premultiplied.alpha()
    value = (alpha << 24) | (premultiplied.red() * alpha // 255 << 16) | (premultiplied.green() * alpha // 255 << 8) \
        | (premultiplied.blue() * alpha // 255)
    pixels = np.ascontiguousarray(np.where(inside, np.uint32(value), np.uint32(0)))
    image = QImage(pixels.data, width, full_height, width * 4, QImage.Format.Format_ARGB32_Premultiplied)
    painter.save()
    painter.resetTransform()
    painter.drawImage(visible.topLeft(), image)
    painter.restore()


def _edges(x: np.ndarray, y: np.ndarray, transform: QTransform) -> tuple[np.ndarray, ...]:
    """Device coordinates of every edge (x0, y0, x1, y1) of the NaN-separated rings, each ring closed."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    dx = transform.m11() * x + transform.m21() * y + transform.dx()
    dy = transform.m12() * x + transform.m22() * y + transform.dy()
    finite = np.isfinite(dx) & np.isfinite(dy)
    ring = np.cumsum(~finite)[finite]  # which ring each finite vertex is on
    dx, dy = dx[finite], dy[finite]
    if not len(dx):
        empty = np.empty(0)
        return empty, empty, empty, empty
    starts = np.flatnonzero(np.r_[True, ring[1:] != ring[:-1]])
    following = np.arange(1, len(dx) + 1)
    ends = np.r_[starts[1:], len(dx)] - 1
    following[ends] = starts  # the last vertex of a ring joins its first
    return dx, dy, dx[following], dy[following]
