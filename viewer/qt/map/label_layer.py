"""The map's labels as one graphics item: viewer.qt.draw.labels places and draws them (the headless export shares
it); while the view moves, the last placement follows it, and once it rests labels are placed afresh on a worker
thread (viewer.qt.map.label_jobs), shown by the first paint of that view after."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QPainter, QTransform

from viewer.geo.labels import Box, Candidate, bounds_of, moved_to, reference_point
from viewer.qt.draw.labels import DOT, Label, LabelPainter, Marks, Placed, device_boxes
from viewer.qt.draw.style import RenderContext, stamps_pay
from viewer.qt.map.label_jobs import LabelJobs, Request
from viewer.qt.map.painting import pad_by_pixels
from viewer.qt.map.screen_cache import drawing_changed, unseen

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
        # the view's transform and decoration boxes when the placement was last moved: the rest timer starts again
        # when either changes
        self._moved: tuple[QTransform, np.ndarray] | None = None
        self._shown: Request | None = None  # the view of the last paint on screen
        self._jobs = LabelJobs(self.drawing)
        self._jobs.placed.connect(self.update)
        # per label of the last placement: its map position, its reference point's offset from it (pixels) and its
        # box's bounds about its reference point
        self._follow = _follow_arrays([])
        self._rest = QTimer()
        self._rest.setSingleShot(True)
        self._rest.setInterval(round(REST_S * 1000))
        self._rest.timeout.connect(self._at_rest)
        self.version = 0  # counts changes of what the labels show (the map's snapshot tells an old image by it)
        self._drawn: tuple[QTransform, list[Placed]] | None = None  # the view and placement of the last paint on screen
        self.kept_while_placing = 0  # paints that drew the last placement's labels while placing anew (a count to test)

    @property
    def enabled(self) -> bool:
        """Whether the view's labels are drawn; the measurements' and range rings' labels always are."""
        return self.drawing.others_shown

    @enabled.setter
    def enabled(self, on: bool) -> None:
        self.drawing.others_shown = on
        self.version += 1

    @property
    def placed(self) -> list[tuple[str, QRectF]]:
        return self.drawing.placed

    @property
    def placed_shapes(self) -> list[tuple[str, Candidate]]:
        """What each label drawn last covers: its box, or its turned box along a path (device pixels)."""
        return self.drawing.placed_shapes

    def set_labels(self, labels: list[Label], earth: shapely.Polygon | None = None) -> None:
        """The labels that follow the projection: places, islands, seas, countries; on a globe, ``earth`` is its
        disc in map units, which every label keeps to."""
        self.drawing.set_labels(labels, earth)
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
            self.version += 1
            self.update()

    def place_afresh(self) -> None:
        """Place the labels anew at the next paint (the decorations moved: the legend went to another corner)."""
        self._last = None
        self.version += 1
        self._jobs.cancel()
        self.update()

    @property
    def settled(self) -> bool:
        """Whether the labels shown are placed for the view at rest: shown, no rest awaited, no placement being made
        or waiting for its paint (tests wait for it)."""
        # (hidden: the map's snapshot shows a gesture, and the labels follow the view once it rests)
        return self.isVisible() and not self._rest.isActive() and not self._jobs.busy

    def wait(self) -> None:
        """Block until a placement being made on its worker thread has ended (before the item goes)."""
        self._jobs.wait()

    def _changed(self) -> None:
        self.version += 1
        drawing_changed(self)
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
        key = drawing.placement_key(bounds)
        placement = None
        if widget is not None:  # on screen (an image is drawn once, and exactly): placed at rest, or followed
            self._shown = Request(key, QTransform(to_device), fixed, bounds, painter.device().devicePixelRatioF())
            placement = self._jobs.take(key, to_device, fixed)
            if placement is not None:
                self._keep(key, to_device, fixed, placement)
            else:
                placement = self._moved_placement(to_device, bounds, fixed)
                if placement is None:
                    placement = self._kept_while_placing(key, to_device, fixed)
        if placement is None:  # the first placement, other labels, or an image: placed here and now
            placement = drawing.placement(to_device, fixed, bounds)
            self._keep(key, to_device, fixed, placement)
        drawing.draw(painter, to_device, placement, stamps_pay(painter, self.context))
        if widget is not None:
            self._drawn = (QTransform(to_device), placement)

    def gesture_started(self) -> None:
        """The map's snapshot shows a gesture (the labels are not painted meanwhile): a placement being made for
        the view at rest is out of date."""
        self._rest.stop()
        self._jobs.cancel()

    def rest_now(self) -> None:
        """The view has rested after a gesture the map's snapshot showed (the labels were not painted meanwhile):
        not settled until painted for it and placed afresh REST_S later, as after their own gestures (placed at
        once, they were placed before the auto legend had gone to its place at rest, and met it)."""
        self._rest.start()

    def shown_placement(self, to_device: QTransform) -> list[Placed] | None:
        """The labels as the last paint on screen drew them, if it drew this view (item to viewport pixels)."""
        if not self.drawing.every_label:
            return []
        if self._drawn is None or not _same_transform(self._drawn[0], to_device):
            return None
        return self._drawn[1]

    def draw_shown(self, painter: QPainter, to_device: QTransform) -> None:
        """Draw the labels as the last paint drew them (`shown_placement`), in viewport pixels: the map's
        snapshot."""
        placement = self.shown_placement(to_device)
        if placement:
            drawing = self.drawing
            record = drawing.placed, drawing.placed_shapes, drawing.placed_dots  # what the screen's labels drew
            drawing.draw(painter, to_device, placement, stamps_pay(painter, self.context))
            drawing.placed, drawing.placed_shapes, drawing.placed_dots = record

    def _keep(self, key: tuple, to_device: QTransform, fixed: np.ndarray, placement: list[Placed]) -> None:
        """The placement made for this view: shown as it is while the view stays, followed when it moves."""
        self._last = (key, QTransform(to_device), fixed, placement)
        self._follow = _follow_arrays(placement)
        self._moved = None

    def _moved_placement(self, to_device: QTransform, bounds: Box, decorations: np.ndarray) -> list[Placed] | None:
        """While the view pans or zooms (same labels, same size), the last placement follows it: each label
        stays beside its map position; labels that now leave the map, meet a decoration (as it is now: the scale
        bar grows and shrinks with a zoom) or meet a label placed before them are left out (marks may come close
        for a moment). Placing afresh costs 5-25 ms of CPU, more than a frame, and drawing the labels it brings
        as much: once the view has rested REST_S, a worker thread does both."""
        if self._last is None:
            return None
        key, transform, fixed, placement = self._last
        if key != self.drawing.placement_key(bounds):
            return None  # other labels: the old ones may be gone
        if transform == to_device and _same_boxes(fixed, decorations):
            return placement
        moved = self._moved
        if moved is None or moved[0] != to_device or not _same_boxes(moved[1], decorations):
            # placed afresh once the view rests (repaints of a still view do not postpone it)
            self._moved = (QTransform(to_device), decorations)
            self._jobs.cancel()
            self._rest.start()
        if not placement:
            return []
        anchors, offsets, extents, dots, placed = self._follow
        # every label's reference point where the view now puts its map position, then its box around it; moved by
        # whole pixels from where it was placed, so each frame copies the label's one stamp at the phase it was
        # drawn with (at the view's own fractions of a pixel, the first zoom frames drew 25 labels' text, 28 ms)
        x = to_device.m11() * anchors[:, 0] + to_device.m21() * anchors[:, 1] + to_device.dx() + offsets[:, 0]
        y = to_device.m12() * anchors[:, 0] + to_device.m22() * anchors[:, 1] + to_device.dy() + offsets[:, 1]
        x, y = placed[:, 0] + np.round(x - placed[:, 0]), placed[:, 1] + np.round(y - placed[:, 1])
        boxes = extents + np.column_stack([x, y, x, y])  # a turned box by its bounds: it may drop out sooner
        inner = self.drawing.inner(bounds)  # wholly inside the map, halo and place's dot too
        keep = ((boxes[:, 0] >= inner[0]) & (boxes[:, 1] >= inner[1]) & (boxes[:, 2] <= inner[2])
                & (boxes[:, 3] <= inner[3]))
        for i in np.flatnonzero(dots & keep):
            label = placement[i][0]
            dot = to_device.map(QPointF(label.x, label.y))
            keep[i] = self.drawing.dot_inside(dot.x(), dot.y(), bounds)
        if len(decorations):
            keep &= ~_meets(boxes, decorations).any(axis=1)
        meets = _meets(boxes, boxes)
        np.fill_diagonal(meets, False)
        if meets[np.ix_(keep, keep)].any():  # a zoom brought labels together: the first placed stays
            for i in np.flatnonzero(keep):
                if keep[i]:
                    keep[i + 1:] &= ~meets[i, i + 1:]
        return [(label, look, moved_to(candidate, x[i], y[i]), at)
                for i, (label, look, candidate, at) in enumerate(placement) if keep[i]]

    def _kept_while_placing(self, key: tuple, to_device: QTransform, fixed: np.ndarray) -> list[Placed] | None:
        """The labels changed in a view that stays (a file opened or closed, the filters changed): they are placed
        afresh on the worker thread, and meanwhile the last placement's labels that are labels still, and clear of
        the decorations as they are now (the legend grows a row for a new file), are drawn where they were (placing
        every label here held the first paint after the change 30-50 ms). None when the view moved too, or nothing
        was placed before: placed here and now."""
        if self._last is None or self._shown is None:
            return None
        last_key, transform, _, placement = self._last
        if key == last_key or not _same_transform(transform, to_device):
            return None
        self.kept_while_placing += 1
        self._jobs.ask(self._shown)
        labels = set(self.drawing.every_label)
        keep = np.array([label in labels for label, *_ in placement], dtype=bool)
        if len(fixed) and len(placement):
            _, _, extents, _, placed = self._follow
            boxes = extents + np.column_stack([placed, placed])
            keep &= ~_meets(boxes, fixed).any(axis=1)
        return [placed for placed, kept in zip(placement, keep, strict=True) if kept]

    def _at_rest(self) -> None:
        """The view has rested: place its labels afresh on the worker thread (the moved placement stays till then)."""
        shown = self._shown
        if shown is None or self._last is None or self._moved is None:
            return
        self._jobs.ask(shown)



def _follow_arrays(placement: list[Placed]) -> tuple[np.ndarray, ...]:
    """(n, 2) map positions, (n, 2) offsets of the reference points from them, (n, 4) box bounds about the
    reference points, (n,) whether it has a dot and (n, 2) the reference points as placed (device pixels), of a
    placement's labels (numpy moves them all at once while the view moves)."""
    anchors = np.array([(x, y) for *_, (x, y, _, _) in placement], dtype=float).reshape(-1, 2)
    offsets = np.array([(dx, dy) for *_, (_, _, dx, dy) in placement], dtype=float).reshape(-1, 2)
    extents, placed = [], []
    for _, _, candidate, _ in placement:
        ref_x, ref_y = reference_point(candidate)
        left, top, right, bottom = bounds_of(candidate)
        extents.append((left - ref_x, top - ref_y, right - ref_x, bottom - ref_y))
        placed.append((ref_x, ref_y))
    dots = np.array([label.dot for label, *_ in placement], dtype=bool)
    return (anchors, offsets, np.array(extents, dtype=float).reshape(-1, 4), dots,
            np.array(placed, dtype=float).reshape(-1, 2))


def _same_transform(a: QTransform, b: QTransform) -> bool:
    return all(abs(x - y) <= 1e-9 * max(1.0, abs(x)) for x, y in (
        (a.m11(), b.m11()), (a.m12(), b.m12()), (a.m21(), b.m21()), (a.m22(), b.m22()), (a.dx(), b.dx()),
        (a.dy(), b.dy())))


def _meets(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(len(a), len(b)): which boxes of ``a`` overlap which of ``b`` (touching edges do not)."""
    return ((a[:, None, 0] < b[None, :, 2]) & (a[:, None, 2] > b[None, :, 0]) & (a[:, None, 1] < b[None, :, 3])
            & (a[:, None, 3] > b[None, :, 1]))


def _same_boxes(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two sets of decoration boxes (device pixels) are the same, to rounding (the label item's transform
    to the device is recomputed at every paint)."""
    return a.shape == b.shape and bool(np.allclose(a, b, atol=0.01))
