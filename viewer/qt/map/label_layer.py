"""Every label of the map — features, countries, islands, places, seas — placed by one engine (viewer.geo.labels):
in priority order, clear of the marks, the decorations and each other, dropped when they do not fit. The screen,
image export and the deck all draw through it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import cast

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QTransform

from viewer.geo.labels import PLACE, Box, LabelSpec, around_point, centred, place, segment_boxes
from viewer.qt.map.painting import (
    RenderContext,
    Stamps,
    draw_text_with_halo,
    pad_by_pixels,
    stamps_pay,
    symbol_path,
    with_alpha,
)
from viewer.qt.map.screen_cache import unseen
from viewer.symbology import HALO, LABEL

DOT = 4.0  # a place's dot, pixels at 96 dpi
LETTER_SPACING = 115.0  # percent, for country names in capitals
REST_S = 0.15  # seconds without a pan after which labels are placed afresh
CENTRE_NUDGES = ((0, 0), (0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, 1), (1, -1), (-1, 1))


@dataclass(frozen=True)
class Label:
    """Text at one or more map positions (``anchors``, tried in turn: points along a path). ``gap`` is the radius
    of the mark the text goes beside; ``centre`` puts it on its anchor (countries, seas, zones)."""

    x: float
    y: float
    text: str
    rank: int = 1  # places: 1 always, 2 when there is room; sets the type size
    dot: bool = True  # mark the exact position with a small dot
    italic_sea: bool = False
    priority: int = PLACE
    centre: bool = False
    gap: float = 0.0
    points: float = 0.0  # type size; 0: by rank
    bold: bool = False
    capitals: bool = False  # spaced out, as country names are (the text is given in capitals)
    colour: str = LABEL
    feature: str = ""  # the feature it names: selected features' labels go first
    anchors: tuple[tuple[float, float], ...] = ()

    @property
    def positions(self) -> tuple[tuple[float, float], ...]:
        return self.anchors or ((self.x, self.y),)


@dataclass(frozen=True)
class Marks:
    """What the features draw, as obstacles for labels: points (x, y, radius in pixels at 96 dpi) and
    NaN-separated polylines (x, y) with their half width in pixels, all in map units."""

    points: np.ndarray = field(default_factory=lambda: np.empty((0, 3)))
    lines: tuple[tuple[np.ndarray, np.ndarray, float], ...] = ()


class LabelLayer(pg.GraphicsObject):
    """Draws the labels placed; ``placed`` keeps (text, device box) of the last paint (tests, the export)."""

    def __init__(self, context: RenderContext, points: float = 8.0):
        super().__init__()
        self.context = context
        self.points = points
        self._labels: list[Label] = []
        self._feature_labels: list[Label] = []
        self._marks = Marks()
        self._selected: frozenset[str] = frozenset()
        self._bounds = QRectF()
        self._looks: dict[tuple[Label, float], _Look] = {}
        self._stamps = Stamps()
        self.decoration_boxes: Callable[[], list[Box]] | None = None  # scene (viewport) pixels
        self.enabled = True
        self.placed: list[tuple[str, QRectF]] = []
        self._last: tuple | None = None  # (key, transform, decoration boxes, placement) of the last full placement
        self._stale = False  # the view has rested since the placement was last moved: place afresh
        self._rest = QTimer()
        self._rest.setSingleShot(True)
        self._rest.setInterval(round(REST_S * 1000))
        self._rest.timeout.connect(self._at_rest)

    def set_labels(self, labels: list[Label]) -> None:
        """The labels that follow the projection: places, islands, seas, countries."""
        self._labels = [lb for lb in labels if np.isfinite(lb.x) and np.isfinite(lb.y)]
        self._changed()

    def set_feature_labels(self, labels: list[Label], marks: Marks) -> None:
        """The labels of the features shown, and the marks they draw (which no label may cover)."""
        self._feature_labels = [lb for lb in labels if np.isfinite(lb.x) and np.isfinite(lb.y)]
        self._marks = marks
        self._changed()

    def set_selected(self, feature_ids: frozenset[str]) -> None:
        if feature_ids != self._selected:
            self._selected = feature_ids
            self.update()

    def _changed(self) -> None:
        self.prepareGeometryChange()
        every = [p for lb in (*self._labels, *self._feature_labels) for p in lb.positions]
        if every:
            xs, ys = zip(*every, strict=True)
            self._bounds = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return pad_by_pixels(self, self._bounds, 200 * self.context.scale)

    def paint(self, painter: QPainter, option=None, widget=None) -> None:
        if unseen(painter, widget) or not self.enabled or not (self._labels or self._feature_labels):
            self.placed = []
            return
        to_device = painter.transform()
        scene_to_device = self.sceneTransform().inverted()[0] * to_device
        view = self.getViewBox()
        if view is None:
            return
        area = scene_to_device.mapRect(view.sceneBoundingRect())
        bounds: Box = (area.left(), area.top(), area.right(), area.bottom())
        stamp = stamps_pay(painter, self.context)
        # only on screen (an image is drawn once, and exactly): the placement follows the moving view
        placement = self._moved_placement(to_device, bounds) if widget is not None and not self._stale else None
        if placement is None:
            fixed = self._decoration_obstacles(scene_to_device)
            placement = self._placement(to_device, fixed, bounds)
            self._last = (self._placement_key(bounds), QTransform(to_device), fixed, placement)
            self._stale = False
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.placed = []
        for label, look, box, _ in placement:
            at = QPointF(box[0], box[1])
            self.placed.append((label.text, QRectF(at, QPointF(box[2], box[3]))))
            if stamp:
                self._stamps.draw(painter, (label, self.context.scale), at, look.extent,
                                  partial(self._draw_at, label=label, look=look))
            else:
                self._draw(painter, label, look, at)
            if label.dot:
                anchor = to_device.map(QPointF(label.x, label.y))
                painter.setPen(self.context.pen(HALO, 1))
                painter.setBrush(with_alpha(LABEL, 255))
                painter.drawPath(_dot(anchor, self.context.px(DOT)))
        painter.restore()

    def _placement(self, to_device: QTransform, fixed: np.ndarray, bounds: Box) -> list[_Placed]:
        specs, looks, anchors = self._specs([*self._feature_labels, *self._labels], to_device, bounds)
        chosen = place(specs, np.concatenate([fixed, self._obstacles(to_device, bounds)]), bounds)
        placed = []
        for i, j in chosen:
            box = cast(Box, specs[i].candidates[j])  # upright boxes only, until names follow paths here
            x, y = anchors[i][j]
            at = to_device.map(QPointF(x, y))
            placed.append((cast(Label, specs[i].key), looks[i], box,
                           (x, y, box[0] - at.x(), box[1] - at.y())))
        return placed

    def _placement_key(self, bounds: Box) -> tuple:
        return (self.context.scale, id(self._labels), id(self._feature_labels), self._selected,
                bounds[2] - bounds[0], bounds[3] - bounds[1])

    def _moved_placement(self, to_device: QTransform, bounds: Box) -> list[_Placed] | None:
        """While the view pans or zooms (same labels, same size), the last placement follows it: each label
        stays beside its map position; labels that now leave the map, meet a decoration or meet a label placed
        before them are left out (marks may come close for a moment). Placing afresh costs ~20 ms, more than a
        frame: it waits until the view has rested REST_S."""
        if self._last is None:
            return None
        key, transform, fixed, placement = self._last
        if key != self._placement_key(bounds):
            return None
        if transform == to_device:
            return placement
        moved: list[_Placed] = []
        taken = np.empty((0, 4))
        for label, look, box, (x, y, off_x, off_y) in placement:
            at = to_device.map(QPointF(x, y))
            left, top = at.x() + off_x, at.y() + off_y
            right, bottom = left + box[2] - box[0], top + box[3] - box[1]
            if left < bounds[0] or top < bounds[1] or right > bounds[2] or bottom > bounds[3]:
                continue
            others = np.concatenate([fixed, taken])
            if np.any((others[:, 0] < right) & (others[:, 2] > left) & (others[:, 1] < bottom)
                      & (others[:, 3] > top)):
                continue
            taken = np.vstack([taken, (left, top, right, bottom)])
            moved.append((label, look, (left, top, right, bottom), (x, y, off_x, off_y)))
        self._rest.start()  # placed afresh once the view rests
        return moved

    def _at_rest(self) -> None:
        self._stale = True
        self.update()

    # -- placing -----------------------------------------------------------------------------------
    def _specs(self, labels: list[Label], to_device: QTransform,
               bounds: Box) -> tuple[list[LabelSpec], list[_Look], list[list[tuple[float, float]]]]:
        """Each label's candidate boxes (device pixels), its look, and the map position each candidate is
        beside (so a placement can follow the view)."""
        specs, looks, anchors = [], [], []
        margin = 300 * self.context.scale
        for label in labels:
            look = self._look(label)
            width, height = look.size
            candidates: list[Box] = []
            beside: list[tuple[float, float]] = []
            for x, y in label.positions:
                point = to_device.map(QPointF(x, y))
                px, py = point.x(), point.y()
                if not (bounds[0] - margin < px < bounds[2] + margin and bounds[1] - margin < py < bounds[3] + margin):
                    continue
                if label.centre:  # on the spot, else nudged by up to a line's height or half its width
                    boxes = [centred(px + dx * width / 2, py + dy * height, width, height)
                             for dx, dy in CENTRE_NUDGES]
                else:
                    gap = self.context.px(label.gap if label.gap else DOT / 2 + 2)
                    boxes = list(around_point(px, py, width, height, gap))
                candidates += boxes
                beside += [(x, y)] * len(boxes)
            if candidates:
                priority = 0 if label.feature and label.feature in self._selected else label.priority
                specs.append(LabelSpec(label, priority, tuple(candidates)))
                looks.append(look)
                anchors.append(beside)
        return specs, looks, anchors

    def _decoration_obstacles(self, scene_to_device: QTransform) -> np.ndarray:
        """The decorations' boxes in device pixels (they stay put while the view moves)."""
        if self.decoration_boxes is None:
            return np.empty((0, 4))
        rects = [scene_to_device.mapRect(QRectF(QPointF(left, top), QPointF(right, bottom)))
                 for left, top, right, bottom in self.decoration_boxes()]
        return np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in rects], dtype=float).reshape(-1, 4)

    def _obstacles(self, to_device: QTransform, bounds: Box) -> np.ndarray:
        """(n, 4) boxes of the marks and lines no label may touch, in device pixels."""
        boxes: list[np.ndarray] = [np.empty((0, 4))]
        a, b, c, d = to_device.m11(), to_device.m21(), to_device.m12(), to_device.m22()
        dx, dy = to_device.dx(), to_device.dy()
        points = self._marks.points
        if len(points):
            x, y = a * points[:, 0] + b * points[:, 1] + dx, c * points[:, 0] + d * points[:, 1] + dy
            r = points[:, 2] * self.context.scale
            keep = (x > bounds[0] - 50) & (x < bounds[2] + 50) & (y > bounds[1] - 50) & (y < bounds[3] + 50)
            boxes.append(np.column_stack([x - r, y - r, x + r, y + r])[keep])
        for lx, ly, half in self._marks.lines:
            x, y = a * lx + b * ly + dx, c * lx + d * ly + dy
            segments = segment_boxes(x, y, half * self.context.scale)
            keep = ((segments[:, 2] > bounds[0]) & (segments[:, 0] < bounds[2])
                    & (segments[:, 3] > bounds[1]) & (segments[:, 1] < bounds[3]))
            boxes.append(segments[keep])
        return np.concatenate(boxes)

    # -- drawing -----------------------------------------------------------------------------------
    def _look(self, label: Label) -> _Look:
        key = (label, self.context.scale)
        look = self._looks.get(key)
        if look is None:
            points = label.points or self.points * (1.15 if label.rank == 1 else 1.0)
            font = self.context.font(points, bold=label.bold or (label.rank == 1 and not label.points))
            font.setItalic(label.italic_sea)
            if label.capitals:  # the text itself is in capitals: the drawn path and its width agree
                font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, LETTER_SPACING)
            metrics = QFontMetricsF(font)
            width, height = metrics.horizontalAdvance(label.text), metrics.height()
            reach = self.context.px(1.6) + 2
            look = _Look(font, (width, height), metrics.ascent(),
                         QRectF(-reach, -reach, width + 2 * reach, height + 2 * reach))
            self._looks[key] = look
        return look

    def _draw_at(self, painter: QPainter, top_left: QPointF, *, label: Label, look: _Look) -> None:
        self._draw(painter, label, look, top_left)

    def _draw(self, painter: QPainter, label: Label, look: _Look, top_left: QPointF) -> None:
        baseline = QPointF(top_left.x(), top_left.y() + look.ascent)
        draw_text_with_halo(painter, baseline, label.text, look.font, label.colour, HALO, self.context.px(1.6))


@dataclass(frozen=True)
class _Look:
    """A label's font, text size in pixels, ascent, and what it draws around its box's top left (halo included)."""

    font: QFont
    size: tuple[float, float]
    ascent: float
    extent: QRectF


# A placed label: its look, its box in device pixels, and the map position it is beside with the box's offset
# from it in pixels (to follow the view).
_Placed = tuple[Label, _Look, Box, tuple[float, float, float, float]]


def _dot(point: QPointF, size: float) -> QPainterPath:
    return QTransform().translate(point.x(), point.y()).scale(size, size).map(symbol_path("circle"))
