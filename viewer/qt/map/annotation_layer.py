"""The user's annotations as one graphics item over the features; viewer.qt.draw.annotations draws them (the
headless export shares it)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from viewer.geo.projected import ProjectedFeatures
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.qt.draw.annotations import REACH_PX, Mark, mark_bounds, marks_of, paint_marks
from viewer.qt.map.painting import RenderContext, pad_by_pixels
from viewer.qt.map.screen_cache import unseen

__all__ = ["AnnotationVisual", "Mark", "marks_of"]


class AnnotationVisual(pg.GraphicsObject):
    """Every annotation of the canvas, in one item over the features."""

    def __init__(self, context: RenderContext):
        super().__init__()
        self.context = context
        self.marks: list[Mark] = []
        self._bounds = QRectF()
        self.content: Bundle | None = None  # for the names of quoted sources (set by the canvas)

    def set_features(self, kind: str, features: list[Feature], cache: ProjectedFeatures,
                     colours: dict[str, str]) -> None:
        self.set_marks(marks_of(features, cache, self.content))

    def set_marks(self, marks: list[Mark]) -> None:
        self.prepareGeometryChange()
        self.marks = marks
        self._bounds = mark_bounds(marks)
        self.update()

    def boundingRect(self) -> QRectF:
        return pad_by_pixels(self, self._bounds, REACH_PX * self.context.scale) if self.marks else QRectF()

    def paint(self, painter: QPainter, option=None, widget=None) -> None:
        if unseen(painter, widget) or not self.marks:
            return
        paint_marks(painter, self.context, self.marks)
