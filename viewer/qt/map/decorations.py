"""The map's decorations as one graphics item over the view; viewer.qt.draw.decorations draws and places them (the
headless export shares it). A click on the legend collapses or opens it; dragging it takes it to another corner."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import QToolTip

from viewer.geo.room import FRAME_PAD, Box, nearest_corner
from viewer.qt.draw.decorations import ATTRIBUTION, DecorationPainter
from viewer.qt.draw.legend import LegendLayout, legend_entries, legend_layout
from viewer.qt.draw.overlay_data import OverlayData
from viewer.qt.panels.widgets import tooltip_html

if TYPE_CHECKING:
    from viewer.geo.room import DecorationLayout, DecorationSizes, MapRect
    from viewer.model.view import MapView
    from viewer.qt.draw.frame import ScreenFrame

__all__ = ["ATTRIBUTION", "Decorations", "LegendLayout", "OverlayData", "legend_entries", "legend_layout"]

REST_S = 0.15  # seconds without a pan or zoom (and no button held) after which the auto legend may go to a clearly
# better place


class Decorations(pg.GraphicsObject):
    """One item in scene (= viewport pixel) coordinates covering the whole view."""

    def __init__(self, map_view: MapView, frame: ScreenFrame):
        super().__init__()
        self.map_view = map_view
        self.frame = frame
        self.drawing = DecorationPainter(map_view, frame)
        self._dragged: Box | None = None  # the legend's box where a drag of it began
        self._painted_view: QRectF | None = None  # the map's rect at the last paint
        self._rest = QTimer()  # the view has not moved for REST_S: the auto legend may move
        self._rest.setSingleShot(True)
        self._rest.setInterval(round(REST_S * 1000))
        self._rest.timeout.connect(self._at_rest)
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
        drawing, view = self.drawing, QRectF(self.frame.view_rect)
        if drawing.rest_view is None:
            drawing.rest_view = view
        if view != self._painted_view:
            self._painted_view = view
            self._rest.start()
        drawing.paint(painter)
        options, layout = self.map_view.decorations, drawing.last_layout
        if (options.legend == "auto" and layout is not None and layout.legend_place
                and layout.held_place != options.legend_kept and not drawing.moving):
            # where auto put it, kept with the view (an export of it keeps it too); set as it is, not through
            # set_decorations: not a change of the user's, so the session stays clean
            self.map_view.decorations = replace(options, legend_kept=layout.held_place or "")

    def _at_rest(self) -> None:
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            # a drag held still is a pause, not a rest: the legend went to another corner, then to the column,
            # between the moves of one drag of the map
            self._rest.start()
            return
        self.drawing.rest_view = QRectF(self.frame.view_rect)
        self.update()

    def sizes(self, legend_place: str | None = None) -> DecorationSizes:
        return self.drawing.sizes(legend_place)

    def layout(self) -> DecorationLayout:
        return self.drawing.layout()

    def frame_for(self, data: MapRect, min_span: float = 0.0, pad: float = FRAME_PAD) -> MapRect:
        return self.drawing.frame_for(data, min_span, pad)

    def mouseDragEvent(self, event) -> None:
        """Dragging the legend moves it with the pointer; where it is let go, it goes to the nearest corner, which
        becomes the view's legend placement (kept in the session, used by exports of the view, and
        by every framing's room). A drag anywhere else pans the map."""
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        if event.isStart():
            layout = self.last_layout
            box = layout.legend_box if layout is not None else None
            down = event.buttonDownScenePos()
            if box is None or not (box[0] <= down.x() <= box[2] and box[1] <= down.y() <= box[3]):
                event.ignore()
                return
            self._dragged = box
        if self._dragged is None:
            event.ignore()
            return
        event.accept()
        offset = event.scenePos() - event.buttonDownScenePos()
        self.drawing.legend_offset = offset
        if event.isFinish():
            left, top, right, bottom = self._dragged
            rect = self.drawing.rect
            corner = nearest_corner(rect.width(), rect.height(), (left + right) / 2 + offset.x(),
                                    (top + bottom) / 2 + offset.y())
            self._dragged = None
            self.drawing.legend_offset = QPointF()
            self.map_view.set_decorations(legend=corner)
        self.update()

    def pointer_moved(self, scene_pos: QPointF) -> None:
        """Over a legend row whose text was cut to fit, the tooltip is the whole text (the map's items keep their
        own tooltips elsewhere: an empty one is passed over)."""
        text = self.drawing.legend_tooltip(scene_pos.x(), scene_pos.y())
        if text == self.toolTip():
            return
        self.setToolTip(text)
        views = self.scene().views() if self.scene() is not None else []
        if not views:
            return
        view = views[0]
        if text:  # shown at once, as the features' tooltips are (viewer.qt.map.pointer)
            QToolTip.showText(view.viewport().mapToGlobal(view.mapFromScene(scene_pos)), tooltip_html(text), view)
        else:
            QToolTip.hideText()

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
