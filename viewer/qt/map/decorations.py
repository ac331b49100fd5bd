"""The map's decorations as one graphics item over the view; viewer.qt.draw.decorations draws and places them (the
headless export shares it). A click on the legend collapses or opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from viewer.qt.draw.decorations import ATTRIBUTION, DecorationPainter
from viewer.qt.draw.legend import LegendLayout, legend_entries, legend_layout

if TYPE_CHECKING:
    from viewer.geo.room import DecorationLayout, DecorationSizes, MapRect
    from viewer.model.view import MapView
    from viewer.qt.draw.frame import ScreenFrame

__all__ = ["ATTRIBUTION", "Decorations", "LegendLayout", "legend_entries", "legend_layout"]


class Decorations(pg.GraphicsObject):
    """One item in scene (= viewport pixel) coordinates covering the whole view."""

    def __init__(self, map_view: MapView, frame: ScreenFrame):
        super().__init__()
        self.map_view = map_view
        self.frame = frame
        self.drawing = DecorationPainter(map_view, frame)
        self.setZValue(1000)

    @property
    def last_layout(self) -> DecorationLayout | None:
        """What was drawn last (tests, the label engine)."""
        return self.drawing.last_layout

    def fit_to_viewport(self) -> None:
        self.prepareGeometryChange()
        self.drawing.fit_to_viewport()
        self.update()

    def boundingRect(self) -> QRectF:
        return self.drawing.rect

    def paint(self, painter: QPainter, *args) -> None:
        self.drawing.paint(painter)

    def sizes(self, legend_place: str | None = None) -> DecorationSizes:
        return self.drawing.sizes(legend_place)

    def layout(self) -> DecorationLayout:
        return self.drawing.layout()

    def frame_for(self, data: MapRect, min_span: float = 0.0, pad: float = 14.0) -> MapRect:
        return self.drawing.frame_for(data, min_span, pad)

    def mouseClickEvent(self, event) -> None:
        """A click on the legend collapses it to its heading, or opens it again (the map keeps the click
        otherwise)."""
        layout = self.last_layout
        box = layout.legend_box if layout is not None else None
        pos = event.scenePos()
        if (event.button() == Qt.MouseButton.LeftButton and box is not None
                and box[0] <= pos.x() <= box[2] and box[1] <= pos.y() <= box[3]):
            event.accept()
            self.map_view.set_decorations(legend_collapsed=not self.map_view.decorations.legend_collapsed)
        else:
            event.ignore()
