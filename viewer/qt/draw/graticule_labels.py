"""The degree labels of the map's decorations: where the graticule's lines cross the bottom and left edges of the
view, clear of the other decorations and of the map's labels."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTransform

from viewer.geo.labels import Candidate, bounds_of
from viewer.geo.room import Box
from viewer.qt.draw.style import Stamps, draw_text_with_halo, stamps_pay
from viewer.symbology import HALO

if TYPE_CHECKING:
    from viewer.model.view import MapView
    from viewer.qt.draw.frame import ScreenFrame

EDGE_SAMPLES = 129  # points along an edge where the graticule's crossings are looked for
_ALONG = np.linspace(0.0, 1.0, EDGE_SAMPLES)  # their places along it, from its start


class GraticuleLabels:
    """Degree labels for a `DecorationPainter`, which holds the state named here."""

    map_view: MapView
    frame: ScreenFrame
    label_boxes: Callable[[], list[Candidate]] | None
    graticule_drawn: list[tuple[str, Box]]
    _rect: QRectF
    _stamps: Stamps
    _graticule_source: object
    _graticule_key: tuple | None
    _graticule: list[tuple[str, bool, float]]
    _graticule_starts: tuple[np.ndarray, np.ndarray, np.ndarray]
    _label_boxes: tuple[list[Candidate], QTransform, np.ndarray] | None
    _widths: dict[tuple[str, str], float]

    def px(self, value: float) -> float:
        raise NotImplementedError

    def _graticule_labels(self, painter: QPainter, boxes: list[Box]) -> None:
        """Degree labels where meridians cross the bottom edge and parallels cross the left edge, where no other
        decoration is and no label of the map: they are the least of labels, placed last ('15°N' sat on
        'THAILAND')."""
        self.graticule_drawn = []
        labels = self._map_label_boxes(painter.transform())
        halo = self.px(1.5)
        view = self.frame.view_rect
        font = self.frame.context.font(7)
        metrics = QFontMetricsF(font)
        # on screen each degree label goes to a whole pixel, so a pan or zoom copies its one stamp (at the view's
        # own fractions of a pixel it drew a new one now and then: up to 5 ms a frame); an image is exact
        stamp = stamps_pay(painter, self.frame.context)
        snap = round if stamp else float
        bottom_y, left_x = view.top(), view.left()  # the view's y grows upwards: top() is the lowest y
        for label, meridian, crossing in self._edge_crossings():
            point = (self.frame.map_to_pixel(crossing, bottom_y) if meridian else
                     self.frame.map_to_pixel(left_x, crossing))
            width = self._text_width(label, font, metrics)
            if meridian:
                at = QPointF(snap(point.x() - width / 2), snap(self._rect.bottom() - self.px(18)))
                if not self.px(30) < point.x() < self._rect.width() - self.px(30):
                    continue
            else:
                at = QPointF(snap(self.px(4)), snap(point.y() - self.px(3)))
                if not self.px(60) < point.y() < self._rect.height() - self.px(60):
                    continue
            if any(at.x() < b[2] and at.x() + width > b[0] and at.y() - metrics.ascent() < b[3] and at.y() > b[1]
                   for b in boxes):
                continue
            box = (at.x() - halo, at.y() - metrics.ascent() - halo, at.x() + width + halo,
                   at.y() + metrics.descent() + halo)
            if np.any((labels[:, 0] < box[2]) & (labels[:, 2] > box[0]) & (labels[:, 1] < box[3])
                      & (labels[:, 3] > box[1])):
                continue
            self.graticule_drawn.append((label, box))
            if stamp:
                reach = self.px(1.5) + 2
                extent = QRectF(0, -metrics.ascent(), width, metrics.height())
                self._stamps.draw(painter, ("graticule", label, font.pixelSize(), reach), painter.transform().map(at),
                                  extent.adjusted(-reach, -reach, reach, reach),
                                  functools.partial(self._graticule_label, label=label, font=font))
            else:
                self._graticule_label(painter, at, label=label, font=font)

    def _map_label_boxes(self, to_device: QTransform) -> np.ndarray:
        """(n, 4) boxes of the map's labels as drawn, in this painter's pixels; kept while they are the same shapes
        (while the map's snapshot shows a gesture, the labels are not drawn: ~0.3 ms a frame)."""
        placed = self.label_boxes() if self.label_boxes is not None else []
        kept = self._label_boxes
        if (kept is not None and kept[1] == to_device and len(kept[0]) == len(placed)
                and all(a is b for a, b in zip(kept[0], placed, strict=True))):
            return kept[2]
        boxes = _mapped_boxes(np.array([bounds_of(c) for c in placed], dtype=float).reshape(-1, 4),
                              to_device.inverted()[0])
        self._label_boxes = (placed, QTransform(to_device), boxes)
        return boxes

    def _text_width(self, text: str, font: QFont, metrics: QFontMetricsF) -> float:
        """The text's advance in ``font``, kept: every paint asks it of every degree label."""
        key = (text, font.key())
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 1000:
                self._widths.clear()
            width = self._widths[key] = metrics.horizontalAdvance(text)
        return width

    def _edge_crossings(self) -> list[tuple[str, bool, float]]:
        """(label, is a meridian, where along its edge in map units) of each graticule line that crosses the bottom
        edge (meridians) or the left edge (parallels) of the view. The edges are sampled and projected back to
        lon/lat in one call (projecting each line cost ~1 ms a repaint while panning; two calls, ~0.3 ms more)."""
        lines, projection, view = self.frame.graticule, self.map_view.projection, QRectF(self.frame.view_rect)
        key = (projection, view)
        if self._graticule_source is lines and self._graticule_key == key:
            return self._graticule
        if self._graticule_source is not lines:
            # where each line starts, kept with the lines (they change with the view's detail, not every frame)
            geometries = np.array([line for _, line in lines], dtype=object)
            first, last = shapely.get_point(geometries, 0), shapely.get_point(geometries, -1)
            start_lon, start_lat = shapely.get_x(first), shapely.get_y(first)
            self._graticule_starts = (start_lon, start_lat, start_lon == shapely.get_x(last))
        start_lon, start_lat, meridians = self._graticule_starts  # a meridian starts and ends at one longitude
        along_x = view.left() + _ALONG * (view.right() - view.left())
        along_y = view.top() + _ALONG * (view.bottom() - view.top())
        with np.errstate(invalid="ignore"):
            lon, lat = projection.inverse(np.concatenate([along_x, np.full(EDGE_SAMPLES, view.left())]),
                                          np.concatenate([np.full(EDGE_SAMPLES, view.top()), along_y]))
        lon, lat = np.asarray(lon)[:EDGE_SAMPLES], np.asarray(lat)[EDGE_SAMPLES:]
        with np.errstate(invalid="ignore"):  # off the globe the edge has no lon/lat (NaN)
            # the signed difference of longitudes, the short way round the globe; all lines at once (one by one they
            # took ~1 ms a repaint while panning)
            across = {True: iter(_crossings(((lon[None, :] - start_lon[meridians, None] + 180.0) % 360.0) - 180.0,
                                            along_x)),
                      False: iter(_crossings(lat[None, :] - start_lat[~meridians, None], along_y))}
        found = []
        for (label, _), meridian in zip(lines, meridians, strict=True):
            crossing = next(across[bool(meridian)])
            if np.isfinite(crossing):
                found.append((label, bool(meridian), float(crossing)))
        self._graticule_source, self._graticule_key, self._graticule = lines, key, found
        return found

    def _graticule_label(self, painter: QPainter, at: QPointF, *, label: str, font: QFont) -> None:
        draw_text_with_halo(painter, at, label, font, "#3A4A58", HALO, self.px(1.5))


def _mapped_boxes(boxes: np.ndarray, transform: QTransform) -> np.ndarray:
    """(n, 4) boxes (left, top, right, bottom) mapped by ``transform``, as the bounds of their mapped corners."""
    x = np.stack([boxes[:, 0], boxes[:, 2], boxes[:, 2], boxes[:, 0]], axis=1)
    y = np.stack([boxes[:, 1], boxes[:, 1], boxes[:, 3], boxes[:, 3]], axis=1)
    mx = transform.m11() * x + transform.m21() * y + transform.dx()
    my = transform.m12() * x + transform.m22() * y + transform.dy()
    return np.column_stack([mx.min(axis=1), my.min(axis=1), mx.max(axis=1), my.max(axis=1)]).reshape(-1, 4)


def _crossings(differences: np.ndarray, along: np.ndarray) -> np.ndarray:
    """Per row of ``differences`` (each sampled at the positions ``along`` an edge, NaN where the edge is off the
    globe, the same samples in every row), where it first passes through zero, interpolated; NaN if it does not.
    A jump of more than 90 between samples is a wrap (longitudes past 180°), not a crossing."""
    differences = differences.reshape(-1, len(along))
    finite = np.isfinite(differences).any(axis=0)
    differences, along = differences[:, finite], along[finite]
    found = np.full(len(differences), np.nan)
    if differences.shape[1] < 2:
        return found
    a, b = differences[:, :-1], differences[:, 1:]
    changes = (np.sign(a) * np.sign(b) <= 0) & (np.abs(a - b) < 90) & (a != b)
    rows = np.flatnonzero(changes.any(axis=1))
    i = changes[rows].argmax(axis=1)
    a, b = a[rows, i], b[rows, i]
    found[rows] = along[i] + a / (a - b) * (along[i + 1] - along[i])
    return found
