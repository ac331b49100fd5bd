"""The user's measurements, range rings and annotations as data the decorations must not hide: how many of them a
box of the map's pixels meets, added to the features' count where the auto legend looks for the emptiest corner."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely
from PySide6.QtCore import QPointF

from viewer.geo.room import Box
from viewer.qt.draw.annotations import Mark, mark_outline
from viewer.qt.draw.frame import ScreenFrame
from viewer.qt.draw.paths import Stroke

Overlays = Callable[[], tuple[list[Stroke], list[Mark]]]


class OverlayData:
    """Counts, for a box in the map's pixels, the lines of measurements and rings (each part of a stroke once) and
    the annotations (their words' box or their leader line) it meets. ``overlays`` gives what is drawn now."""

    def __init__(self, frame: ScreenFrame, overlays: Overlays):
        self.frame = frame
        self.overlays = overlays
        self._strokes: list[Stroke] | None = None  # the list the index was made of (kept, so `is` tells a new one)
        self._tree = shapely.STRtree([])

    def count(self, box: Box) -> int:
        strokes, marks = self.overlays()
        return self._lines_under(strokes, box) + self._marks_under(marks, box)

    def _lines_under(self, strokes: list[Stroke], box: Box) -> int:
        if strokes is not self._strokes:
            self._strokes = strokes
            self._tree = shapely.STRtree(_parts(strokes))
        if not len(self._tree):
            return 0
        (x0, y0), (x1, y1) = self.frame.pixel_to_map(box[0], box[3]), self.frame.pixel_to_map(box[2], box[1])
        return len(self._tree.query(shapely.box(x0, y0, x1, y1), predicate="intersects"))

    def _marks_under(self, marks: list[Mark], box: Box) -> int:
        if not marks:
            return 0
        area = shapely.box(*box)
        found = 0
        for mark in marks:
            at = self.frame.map_to_pixel(mark.x, mark.y)
            anchor = self.frame.map_to_pixel(*mark.anchor) if mark.anchor else None
            ring = [self.frame.map_to_pixel(x, y) for x, y in mark.ring]
            words, line = mark_outline(self.frame.context, mark, at, anchor, ring)
            shapes = [shapely.box(words.left(), words.top(), words.right(), words.bottom())]
            if line is not None:
                shapes.append(shapely.LineString([_xy(line[0]), _xy(line[1])]))
            found += any(shapely.intersects(area, shape) for shape in shapes)
        return found


def _parts(strokes: list[Stroke]) -> list[shapely.LineString]:
    """Each subpath of the strokes (a ring, a measurement, a ring's part cut by the horizon) as a line, map units."""
    parts = []
    for stroke in strokes:
        for polygon in stroke.path.toSubpathPolygons():
            xy = np.array([(polygon.at(i).x(), polygon.at(i).y()) for i in range(polygon.size())], dtype=np.float64)
            xy = xy.reshape(-1, 2)
            xy = xy[np.isfinite(xy).all(axis=1)]
            if len(xy) >= 2:
                parts.append(shapely.LineString(xy))
            elif len(xy) == 1:
                parts.append(shapely.Point(xy[0]))
    return parts


def _xy(point: QPointF) -> tuple[float, float]:
    return point.x(), point.y()
