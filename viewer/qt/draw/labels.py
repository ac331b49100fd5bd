"""Every label of the map — features, countries, islands, places, seas — placed by one engine (viewer.geo.labels):
in priority order, clear of the marks, the decorations and each other, dropped when they do not fit, and drawn.
The screen (viewer.qt.map.label_layer), image export and the deck all draw through it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import cast

import numpy as np
import shapely
import shapely.affinity
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QTransform

from viewer.geo.label_edges import STEPS, near_edge, pulled_inside
from viewer.geo.labels import (
    OBSTACLE_VERTICES,
    PLACE,
    SELECTED,
    Box,
    Candidate,
    LabelSpec,
    Turned,
    along_line,
    around_point,
    bounds_of,
    centred,
    place,
    reference_point,
    run_boxes,
    segment_boxes,
    within_outline,
)
from viewer.qt.draw.style import RenderContext, Stamps, draw_text_with_halo, symbol_path, with_alpha
from viewer.symbology import HALO, LABEL, contrast

DOT = 4.0  # a place's dot, pixels at 96 dpi
LETTER_SPACING = 115.0  # percent, for country names in capitals
HALO_WIDTH = 1.6  # pixels at 96 dpi of a label's light outline; it, too, stays inside the map
DARK_HALO = "#262626"  # the outline of a label too light to read on the light one (a KML line's own yellow)
LEGIBLE = 3.0  # the least contrast of a label's text to its halo (WCAG's for large text), else the halo is dark
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
    path: tuple[tuple[float, float], ...] = ()  # a line the name goes along, turned with it (map units)

    @property
    def positions(self) -> tuple[tuple[float, float], ...]:
        return self.anchors or ((self.x, self.y),)


@dataclass(frozen=True)
class Marks:
    """What the features draw, as obstacles for labels: points (x, y, radius in pixels at 96 dpi) and
    NaN-separated polylines (x, y) with their half width in pixels, all in map units."""

    points: np.ndarray = field(default_factory=lambda: np.empty((0, 3)))
    lines: tuple[tuple[np.ndarray, np.ndarray, float], ...] = ()


class LabelPainter:
    """Places and draws the labels it is given; ``placed`` keeps (text, device box) of the last drawing (tests, the
    export), ``placed_shapes`` (text, box or turned box) what each covers exactly."""

    def __init__(self, context: RenderContext, points: float = 8.0):
        self.context = context
        self.points = points
        self.labels: list[Label] = []
        self.feature_labels: list[Label] = []
        self.overlay_labels: list[Label] = []  # measurements and range rings: first of all
        self.others_shown = True  # False: only the overlays' labels (the view's labels are off)
        self._marks = Marks()
        self.earth: shapely.Polygon | None = None  # a globe's disc (map units): no label goes off it
        self.selected: frozenset[str] = frozenset()
        self._looks: dict[tuple[Label, float], _Look] = {}
        self._stamps = Stamps()
        self.placed: list[tuple[str, QRectF]] = []
        self.placed_shapes: list[tuple[str, Candidate]] = []
        self.placed_dots: list[tuple[str, float, float]] = []  # (text, x, y) of each place's dot drawn last

    def set_labels(self, labels: list[Label], earth: shapely.Polygon | None = None) -> None:
        """The labels that follow the projection: places, islands, seas, countries; ``earth``: the globe's disc in
        map units (viewer.geo.earth_outline), None on a map that is all earth."""
        self.labels = [lb for lb in labels if np.isfinite(lb.x) and np.isfinite(lb.y)]
        self.earth = earth

    def set_feature_labels(self, labels: list[Label], marks: Marks) -> None:
        """The labels of the features shown, and the marks they draw (which no label may cover)."""
        self.feature_labels = [lb for lb in labels if np.isfinite(lb.x) and np.isfinite(lb.y)]
        self._marks = marks

    def set_overlay_labels(self, labels: list[Label]) -> None:
        """The labels of the user's measurements and range rings: placed before any other, so others give way."""
        self.overlay_labels = [lb for lb in labels if np.isfinite(lb.x) and np.isfinite(lb.y)]

    @property
    def every_label(self) -> list[Label]:
        if not self.others_shown:
            return list(self.overlay_labels)
        return [*self.overlay_labels, *self.feature_labels, *self.labels]

    def bounds(self) -> QRectF:
        """Where the labels' positions are, in map units."""
        every = [p for lb in self.every_label for p in lb.positions]
        if not every:
            return QRectF()
        xs, ys = zip(*every, strict=True)
        return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))

    def paint(self, painter: QPainter, bounds: Box, fixed: np.ndarray, stamp: bool) -> None:
        """Place the labels afresh within ``bounds`` (device pixels), clear of the ``fixed`` boxes (the decorations',
        device pixels), and draw them under the painter's (map to device) transform."""
        to_device = painter.transform()
        self.draw(painter, to_device, self.placement(to_device, fixed, bounds), stamp)

    def draw(self, painter: QPainter, to_device: QTransform, placement: list[Placed], stamp: bool) -> None:
        """Draw a placement; ``stamp``: copy each label from an image kept for the next drawing."""
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.placed = []
        self.placed_shapes = []
        self.placed_dots = []
        for label, look, candidate, _ in placement:
            box = bounds_of(candidate)
            at = QPointF(box[0], box[1])
            self.placed.append((label.text, QRectF(at, QPointF(box[2], box[3]))))
            self.placed_shapes.append((label.text, candidate))
            if stamp:
                self._stamp(painter, label, look, candidate)
            elif isinstance(candidate, Turned):
                self._draw_turned(painter, QPointF(candidate.cx, candidate.cy), label=label, look=look,
                                  angle=candidate.angle)
            else:
                self._draw(painter, label, look, at)
            if label.dot:
                anchor = to_device.map(QPointF(label.x, label.y))
                self.placed_dots.append((label.text, anchor.x(), anchor.y()))
                painter.setPen(self.context.pen(HALO, 1))
                painter.setBrush(with_alpha(LABEL, 255))
                painter.drawPath(_dot(anchor, self.context.px(DOT)))
        painter.restore()

    def warm(self, placement: list[Placed], ratio: float) -> None:
        """Make the stamps a placement's labels need and are not kept yet, for a device of pixel ratio ``ratio``,
        so the paint that shows it only copies them (on the worker thread that placed it: a placement at rest
        names labels not drawn before, and drawing their text cost the GUI thread up to 24 ms)."""
        scratch = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        scratch.setDevicePixelRatio(ratio)
        own: dict[int, _Look] = {}
        painter = QPainter(scratch)
        try:
            for label, look, candidate, _ in placement:
                # a font of this thread's own (a copy would share the GUI thread's font data, which Qt's font
                # engine cache changes as it draws), equal to the look's
                mine = own.get(id(look))
                if mine is None:
                    font = QFont()
                    font.fromString(look.font.toString())
                    mine = own[id(look)] = replace(look, font=font)
                self._stamp(painter, label, mine, candidate)  # copied out of the 1-pixel scratch image: nothing
        finally:
            painter.end()

    def _stamp(self, painter: QPainter, label: Label, look: _Look, candidate: Candidate) -> None:
        """Copy the label's stamp where it goes, made first if it is not kept."""
        if isinstance(candidate, Turned):  # a name along a path keeps its angle while the view pans
            self._stamps.draw(painter, (label, self.context.scale, candidate.angle),
                              QPointF(candidate.cx, candidate.cy), _turned_extent(look, candidate.angle),
                              partial(self._draw_turned, label=label, look=look, angle=candidate.angle))
        else:
            self._stamps.draw(painter, (label, self.context.scale), QPointF(candidate[0], candidate[1]),
                              look.extent, lambda into, at: self._draw(into, label, look, at))

    def placement(self, to_device: QTransform, fixed: np.ndarray, bounds: Box) -> list[Placed]:
        return self.placing(to_device, fixed, bounds)()  # here and now

    def placing(self, to_device: QTransform, fixed: np.ndarray, bounds: Box) -> Callable[[], list[Placed]]:
        """The placement for this view as work to run later on any thread: it holds what it reads of this painter
        (the labels, their looks, the marks, the selection) as they are now, so a change meanwhile cannot reach
        it half-way. Fonts and their metrics are made here, on the calling thread."""
        labels = self.every_label
        looks = [self._look(label) for label in labels]
        return partial(self._placement, labels, looks, self._marks, self.selected, QTransform(to_device),
                       np.array(fixed, dtype=float).reshape(-1, 4), bounds, self.earth)

    def _placement(self, labels: list[Label], looks: list[_Look], marks: Marks, selected: frozenset[str],
                   to_device: QTransform, fixed: np.ndarray, bounds: Box,
                   earth: shapely.Polygon | None = None) -> list[Placed]:
        specs, looks, anchors = self._specs(labels, looks, selected, to_device, bounds, earth, fixed.tolist())
        chosen = place(specs, np.concatenate([fixed, self._obstacles(marks, to_device, bounds)]), self.inner(bounds))
        placed = []
        for i, j in chosen:
            candidate = specs[i].candidates[j]
            x, y = anchors[i][j]
            at = to_device.map(QPointF(x, y))
            ref_x, ref_y = reference_point(candidate)
            placed.append((cast(Label, specs[i].key), looks[i], candidate, (x, y, ref_x - at.x(), ref_y - at.y())))
        return placed

    def inner(self, bounds: Box) -> Box:
        """Where a label's box may go within the map's ``bounds``: wholly inside it with its halo."""
        halo = self.context.px(HALO_WIDTH)
        return (bounds[0] + halo, bounds[1] + halo, bounds[2] - halo, bounds[3] - halo)

    def dot_inside(self, x: float, y: float, bounds: Box) -> bool:
        """Whether a place's dot at (x, y), device pixels, is wholly inside the map's ``bounds``."""
        r = self.context.px(DOT) / 2 + self.context.px(1)
        return bounds[0] + r <= x <= bounds[2] - r and bounds[1] + r <= y <= bounds[3] - r

    def placement_key(self, bounds: Box) -> tuple:
        """What a placement depends on besides the view's position: another key, another placement."""
        return (self.context.scale, id(self.labels), id(self.feature_labels), id(self.overlay_labels),
                self.others_shown, self.selected, bounds[2] - bounds[0], bounds[3] - bounds[1])

    # -- placing -----------------------------------------------------------------------------------
    def _specs(self, labels: list[Label], label_looks: list[_Look], selected: frozenset[str], to_device: QTransform,
               bounds: Box, earth: shapely.Polygon | None = None, fixed: Sequence[Box] = (),
               ) -> tuple[list[LabelSpec], list[_Look], list[list[tuple[float, float]]]]:
        """Each label's candidate boxes (device pixels; by an edge of the map or a ``fixed`` box, moved inward too),
        its look, and the map position each candidate is beside (so a placement can follow the view). On a globe,
        only candidates on its disc (the user's own measurements and rings excepted: seen through the earth)."""
        specs, looks, anchors = [], [], []
        m = to_device
        disc = None if earth is None else shapely.affinity.affine_transform(
            earth, (m.m11(), m.m21(), m.m12(), m.m22(), m.dx(), m.dy()))
        margin = 300 * self.context.scale
        inner = self.inner(bounds)
        for label, look in zip(labels, label_looks, strict=True):
            width, height = look.size
            candidates: list[Candidate] = []
            beside: list[tuple[float, float]] = []
            dots: list[Box] = []  # a place's dot beside each candidate: no other label may cover it
            if label.path and self._near_view(label, to_device, bounds, margin):
                # turned along the line: each candidate follows the map point under its centre
                turned = self._along(label, to_device, width, height, self.inner(bounds))
                from_device = to_device.inverted()[0]
                candidates += turned
                beside += [(p.x(), p.y()) for p in (from_device.map(QPointF(t.cx, t.cy)) for t in turned)]
            for x, y in () if label.path else label.positions:
                point = to_device.map(QPointF(x, y))
                px, py = point.x(), point.y()
                if not (bounds[0] - margin < px < bounds[2] + margin and bounds[1] - margin < py < bounds[3] + margin):
                    continue
                if label.dot and not self.dot_inside(px, py, bounds):  # a place cut at the edge: not named
                    continue
                if label.centre:  # on the spot, else nudged by up to a line's height or half its width
                    boxes = [centred(px + dx * width / 2, py + dy * height, width, height)
                             for dx, dy in CENTRE_NUDGES]
                else:
                    gap = self.context.px(label.gap if label.gap else DOT / 2 + 2)
                    boxes = list(around_point(px, py, width, height, gap))
                if near_edge(px, py, inner, fixed, width + height * STEPS / 2):  # named a little further in
                    boxes += pulled_inside(boxes, inner, fixed, height / 2)
                candidates += boxes
                beside += [(x, y)] * len(boxes)
                r = self.context.px(DOT) / 2 + self.context.px(1)
                dots += [(px - r, py - r, px + r, py + r)] * len(boxes)
            if disc is not None and candidates and label.priority >= SELECTED:
                inside = within_outline(candidates, disc)
                dots = [d for d, keep in zip(dots, inside, strict=False) if keep]  # none for a name along a path
                candidates = [c for c, keep in zip(candidates, inside, strict=True) if keep]
                beside = [b for b, keep in zip(beside, inside, strict=True) if keep]
            if candidates:
                priority = 0 if label.feature and label.feature in selected else label.priority
                specs.append(LabelSpec(label, priority, tuple(candidates),
                                       tuple(dots) if label.dot and len(dots) == len(candidates) else ()))
                looks.append(look)
                anchors.append(beside)
        return specs, looks, anchors

    @staticmethod
    def _near_view(label: Label, to_device: QTransform, bounds: Box, margin: float) -> bool:
        """Whether a path's line comes near the view: tested on its few anchors along it first (cheap, and true
        for most paths shown), then on its bounds (a long path crossing the view between them)."""
        for x, y in label.positions:
            point = to_device.map(QPointF(x, y))
            if (bounds[0] - margin < point.x() < bounds[2] + margin
                    and bounds[1] - margin < point.y() < bounds[3] + margin):
                return True
        xs, ys = zip(*label.path, strict=True)
        area = to_device.mapRect(QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys))))
        return (area.right() > bounds[0] and area.left() < bounds[2]
                and area.bottom() > bounds[1] and area.top() < bounds[3])

    def _along(self, label: Label, to_device: QTransform, width: float, height: float,
               within: Box) -> tuple[Turned, ...]:
        """Candidates for a name along its line, in device pixels, wholly ``within`` the map."""
        line = np.asarray(label.path, dtype=float)
        a, b, c, d = to_device.m11(), to_device.m21(), to_device.m12(), to_device.m22()
        x = a * line[:, 0] + b * line[:, 1] + to_device.dx()
        y = c * line[:, 0] + d * line[:, 1] + to_device.dy()
        return along_line(x, y, width, height, self.context.px(label.gap or 3.0), within=within)

    def _obstacles(self, marks: Marks, to_device: QTransform, bounds: Box) -> np.ndarray:
        """(n, 4) boxes of the marks and lines no label may touch, in device pixels."""
        boxes: list[np.ndarray] = [np.empty((0, 4))]
        a, b, c, d = to_device.m11(), to_device.m21(), to_device.m12(), to_device.m22()
        dx, dy = to_device.dx(), to_device.dy()
        points = marks.points
        if len(points):
            x, y = a * points[:, 0] + b * points[:, 1] + dx, c * points[:, 0] + d * points[:, 1] + dy
            r = points[:, 2] * self.context.scale
            keep = (x > bounds[0] - 50) & (x < bounds[2] + 50) & (y > bounds[1] - 50) & (y < bounds[3] + 50)
            boxes.append(np.column_stack([x - r, y - r, x + r, y + r])[keep])
        for lx, ly, half in marks.lines:
            x, y = a * lx + b * ly + dx, c * lx + d * ly + dy
            segments = (segment_boxes(x, y, half * self.context.scale) if len(x) <= OBSTACLE_VERTICES else
                        run_boxes(x, y, half * self.context.scale))
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
            reach = self.context.px(HALO_WIDTH) + 2
            look = _Look(font, (width, height), metrics.ascent(),
                         QRectF(-reach, -reach, width + 2 * reach, height + 2 * reach))
            self._looks[key] = look
        return look

    def _draw_turned(self, painter: QPainter, centre: QPointF, *, label: Label, look: _Look, angle: float) -> None:
        """A name along a path: drawn turned ``angle`` degrees about its centre."""
        painter.save()
        painter.translate(centre)
        painter.rotate(angle)
        self._draw(painter, label, look, QPointF(-look.size[0] / 2, -look.size[1] / 2))
        painter.restore()

    def _draw(self, painter: QPainter, label: Label, look: _Look, top_left: QPointF) -> None:
        baseline = QPointF(top_left.x(), top_left.y() + look.ascent)
        draw_text_with_halo(painter, baseline, label.text, look.font, label.colour, halo_for(label.colour),
                            self.context.px(HALO_WIDTH))


def halo_for(colour: str) -> str:
    """A label's halo (QGIS's buffer): light, as the map's labels have, unless the text is too light to read on it
    (a line named in its own yellow or cyan); then dark, which keeps it legible on any basemap."""
    return HALO if contrast(colour, HALO) >= LEGIBLE else DARK_HALO


@dataclass(frozen=True)
class _Look:
    """A label's font, text size in pixels, ascent, and what it draws around its box's top left (halo included)."""

    font: QFont
    size: tuple[float, float]
    ascent: float
    extent: QRectF


def _turned_extent(look: _Look, angle: float) -> QRectF:
    """What a label drawn turned ``angle`` degrees about its centre covers around that centre, halo included."""
    width, height = look.size
    upright = look.extent.translated(-width / 2, -height / 2)
    return QTransform().rotate(angle).mapRect(upright)


# A placed label: its look, its box in device pixels (upright or turned), and the map position it is beside with
# the offset of its reference point (see reference_point) from it in pixels, to follow the view.
Placed = tuple[Label, _Look, Candidate, tuple[float, float, float, float]]


def device_boxes(boxes: list[Box], transform: QTransform) -> np.ndarray:
    """(n, 4) boxes (left, top, right, bottom) mapped by ``transform``: the decorations' boxes in device pixels."""
    rects = [transform.mapRect(QRectF(QPointF(left, top), QPointF(right, bottom)))
             for left, top, right, bottom in boxes]
    return np.array([(r.left(), r.top(), r.right(), r.bottom()) for r in rects], dtype=float).reshape(-1, 4)


def _dot(point: QPointF, size: float) -> QPainterPath:
    return QTransform().translate(point.x(), point.y()).scale(size, size).map(symbol_path("circle"))
