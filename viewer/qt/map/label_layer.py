"""The map's labels as one graphics item: viewer.qt.draw.labels places and draws them (the headless export shares
it); while the view moves, the last placement follows it, and labels are placed afresh once it rests."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QPainter, QTransform

from viewer.geo.labels import Box, Candidate, bounds_of
from viewer.qt.draw.labels import (
    DOT,
    Label,
    LabelPainter,
    Marks,
    Placed,
    device_boxes,
    moved_to,
    reference_point,
)
from viewer.qt.draw.style import RenderContext, stamps_pay
from viewer.qt.map.painting import pad_by_pixels
from viewer.qt.map.screen_cache import unseen

__all__ = ["DOT", "Label", "LabelLayer", "Marks"]

REST_S = 0.15  # seconds without a pan after which labels are placed afresh


class LabelLayer(pg.GraphicsObject):
    """Draws the labels placed; ``placed`` keeps (text, device box) of the last paint (tests, the export)."""

    def __init__(self, context: RenderContext, points: float = 8.0):
        super().__init__()
        self.context = context
        self.drawing = LabelPainter(context, points)
        self._bounds = QRectF()
        self.decoration_boxes: Callable[[], list[Box]] | None = None  # scene (viewport) pixels
        self._last: tuple | None = None  # (key, transform, decoration boxes, placement) of the last full placement
        self._stale = False  # the view has rested since the placement was last moved: place afresh
        self._moved_to: QTransform | None = None  # the view's transform when the placement was last moved
        # per label of the last placement: its map position, its reference point's offset from it (pixels) and its
        # box's bounds about its reference point
        self._follow = _follow_arrays([])
        self._rest = QTimer()
        self._rest.setSingleShot(True)
        self._rest.setInterval(round(REST_S * 1000))
        self._rest.timeout.connect(self._at_rest)

    @property
    def enabled(self) -> bool:
        """Whether the view's labels are drawn; the measurements' and range rings' labels always are."""
        return self.drawing.others_shown

    @enabled.setter
    def enabled(self, on: bool) -> None:
        self.drawing.others_shown = on

    @property
    def placed(self) -> list[tuple[str, QRectF]]:
        return self.drawing.placed

    @property
    def placed_shapes(self) -> list[tuple[str, Candidate]]:
        """What each label drawn last covers: its box, or its turned box along a path (device pixels)."""
        return self.drawing.placed_shapes

    def set_labels(self, labels: list[Label]) -> None:
        """The labels that follow the projection: places, islands, seas, countries."""
        self.drawing.set_labels(labels)
        self._changed()

    def set_feature_labels(self, labels: list[Label], marks: Marks) -> None:
        """The labels of the features shown, and the marks they draw (which no label may cover)."""
        self.drawing.set_feature_labels(labels, marks)
        self._changed()

    def set_overlay_labels(self, labels: list[Label]) -> None:
        """The measurements' and range rings' labels: placed first, so every other label gives way."""
        self.drawing.set_overlay_labels(labels)
        self._changed()

    def set_selected(self, feature_ids: frozenset[str]) -> None:
        if feature_ids != self.drawing.selected:
            self.drawing.selected = feature_ids
            self.update()

    def place_afresh(self) -> None:
        """Place the labels anew at the next paint (the decorations moved: the legend went to another corner)."""
        self._last = None
        self.update()

    def _changed(self) -> None:
        self.prepareGeometryChange()
        self._bounds = self.drawing.bounds()
        self.update()

    def boundingRect(self) -> QRectF:
        return pad_by_pixels(self, self._bounds, 200 * self.context.scale)

    def paint(self, painter: QPainter, option=None, widget=None) -> None:
        drawing = self.drawing
        if unseen(painter, widget) or not drawing.every_label:
            drawing.placed, drawing.placed_shapes = [], []
            return
        to_device = painter.transform()
        scene_to_device = self.sceneTransform().inverted()[0] * to_device
        view = self.getViewBox()
        if view is None:
            return
        area = scene_to_device.mapRect(view.sceneBoundingRect())
        bounds: Box = (area.left(), area.top(), area.right(), area.bottom())
        boxes = self.decoration_boxes() if self.decoration_boxes is not None else []
        fixed = device_boxes(boxes, scene_to_device)
        # only on screen (an image is drawn once, and exactly): the placement follows the moving view
        placement = (self._moved_placement(to_device, bounds, fixed) if widget is not None and not self._stale
                     else None)
        if placement is None:
            placement = drawing.placement(to_device, fixed, bounds)
            self._last = (drawing.placement_key(bounds), QTransform(to_device), fixed, placement)
            self._follow = _follow_arrays(placement)
            self._stale = False
        drawing.draw(painter, to_device, placement, stamps_pay(painter, self.context))

    def _moved_placement(self, to_device: QTransform, bounds: Box, decorations: np.ndarray) -> list[Placed] | None:
        """While the view pans or zooms (same labels, same size), the last placement follows it: each label
        stays beside its map position; labels that now leave the map, meet a decoration or meet a label placed
        before them are left out (marks may come close for a moment). Placing afresh costs ~20 ms, more than a
        frame: it waits until the view has rested REST_S."""
        if self._last is None:
            return None
        key, transform, fixed, placement = self._last
        if key != self.drawing.placement_key(bounds) or not _same_boxes(fixed, decorations):
            return None  # other labels, or the decorations moved (the legend went to another corner)
        if transform == to_device:
            return placement
        if self._moved_to != to_device:  # placed afresh once the view rests (repaints of a still view do not wait)
            self._moved_to = QTransform(to_device)
            self._rest.start()
        if not placement:
            return []
        anchors, offsets, extents, dots = self._follow
        # every label's reference point where the view now puts its map position, then its box around it
        x = to_device.m11() * anchors[:, 0] + to_device.m21() * anchors[:, 1] + to_device.dx() + offsets[:, 0]
        y = to_device.m12() * anchors[:, 0] + to_device.m22() * anchors[:, 1] + to_device.dy() + offsets[:, 1]
        boxes = extents + np.column_stack([x, y, x, y])  # a turned box by its bounds: it may drop out sooner
        inner = self.drawing.inner(bounds)  # wholly inside the map, halo and place's dot too
        keep = ((boxes[:, 0] >= inner[0]) & (boxes[:, 1] >= inner[1]) & (boxes[:, 2] <= inner[2])
                & (boxes[:, 3] <= inner[3]))
        for i in np.flatnonzero(dots & keep):
            label = placement[i][0]
            dot = to_device.map(QPointF(label.x, label.y))
            keep[i] = self.drawing.dot_inside(dot.x(), dot.y(), bounds)
        if len(fixed):
            keep &= ~_meets(boxes, fixed).any(axis=1)
        meets = _meets(boxes, boxes)
        np.fill_diagonal(meets, False)
        if meets[np.ix_(keep, keep)].any():  # a zoom brought labels together: the first placed stays
            for i in np.flatnonzero(keep):
                if keep[i]:
                    keep[i + 1:] &= ~meets[i, i + 1:]
        return [(label, look, moved_to(candidate, x[i], y[i]), at)
                for i, (label, look, candidate, at) in enumerate(placement) if keep[i]]

    def _at_rest(self) -> None:
        self._stale = True
        self.update()



def _follow_arrays(placement: list[Placed]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(n, 2) map positions, (n, 2) offsets of the reference points from them, (n, 4) box bounds about the
    reference points and (n,) whether it has a dot, of a placement's labels (numpy moves them all at once while
    the view moves)."""
    anchors = np.array([(x, y) for *_, (x, y, _, _) in placement], dtype=float).reshape(-1, 2)
    offsets = np.array([(dx, dy) for *_, (_, _, dx, dy) in placement], dtype=float).reshape(-1, 2)
    extents = []
    for _, _, candidate, _ in placement:
        ref_x, ref_y = reference_point(candidate)
        left, top, right, bottom = bounds_of(candidate)
        extents.append((left - ref_x, top - ref_y, right - ref_x, bottom - ref_y))
    dots = np.array([label.dot for label, *_ in placement], dtype=bool)
    return anchors, offsets, np.array(extents, dtype=float).reshape(-1, 4), dots


def _meets(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(len(a), len(b)): which boxes of ``a`` overlap which of ``b`` (touching edges do not)."""
    return ((a[:, None, 0] < b[None, :, 2]) & (a[:, None, 2] > b[None, :, 0]) & (a[:, None, 1] < b[None, :, 3])
            & (a[:, None, 3] > b[None, :, 1]))


def _same_boxes(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two sets of decoration boxes (device pixels) are the same, to rounding (the label item's transform
    to the device is recomputed at every paint)."""
    return a.shape == b.shape and bool(np.allclose(a, b, atol=0.01))
