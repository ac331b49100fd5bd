"""The window's first frame: the map asked for (its view, basemap, data, labels and decorations) drawn by the
scene-free MapScene where the canvas will be, before pyqtgraph, the canvas and the panels are loaded; the canvas then
takes over in place, showing the same map at the same pixels."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from viewer.geo.basemap import Basemap
from viewer.geo.crs import DEFAULT_REGION
from viewer.geo.gazetteer import Place
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.app import DATA_MARGIN
from viewer.qt.draw.scene import MapScene, fitted

MapRect = tuple[float, float, float, float]


class FirstFrame(QWidget):
    """The map drawn at ``rect`` of ``window`` (its coordinates), framed as the canvas frames it at start-up: the
    data with a margin, clear of the decorations, or the default region when there is none.

    It takes no input: a click or a key before the canvas comes goes to the window, which ignores it, or waits in
    the event queue while the canvas is built and then reaches the canvas, which shows the same map there.

    Signals:
        painted(): once, after its first paint has reached the screen (queued after the paint event).
    """

    painted = Signal()

    def __init__(self, window: QWidget, rect: QRect, workspace: Workspace, basemap: Basemap, places: list[Place],
                 map_view: MapView):
        super().__init__(window)
        self.setGeometry(rect)
        self.scene = MapScene(workspace, basemap, places, map_view=map_view)
        self._reported = False
        width, height = rect.width(), rect.height()
        projection = map_view.projection
        # The room left by the decorations depends on the view (the scale bar's length): measured, as the canvas
        # measures it, from the default region it shows before it is framed.
        start = fitted(projection.project_extent(DEFAULT_REGION), width, height)
        self.scene.frame.set_view(QRectF(start[0], start[1], start[2] - start[0], start[3] - start[1]),
                                  QRectF(0, 0, width, height))
        xmin, ymin, xmax, ymax = projection.project_extent(workspace.extent() or DEFAULT_REGION)
        dx, dy = (xmax - xmin) * DATA_MARGIN, (ymax - ymin) * DATA_MARGIN
        data = (xmin - dx, ymin - dy, xmax + dx, ymax + dy)
        self.scene.show(map_view, self.scene.room_frame(data) or data, width, height)  # the basemap's one level

    def view_at(self, rect: QRect) -> MapRect:
        """The map rect (xmin, ymin, xmax, ymax) shown at ``rect`` (the window's coordinates) at this frame's scale
        and position: what the canvas shows there for the map not to move when it takes over."""
        view, per_pixel = self.scene.view_rect(), self.scene.map_units_per_pixel()
        here = self.geometry()
        xmin = view.left() + (rect.left() - here.left()) * per_pixel
        ymax = view.bottom() - (rect.top() - here.top()) * per_pixel  # pixels run down, map y up
        return (xmin, ymax - rect.height() * per_pixel, xmin + rect.width() * per_pixel, ymax)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        try:
            self.scene.paint(painter)
        finally:
            painter.end()
        if not self._reported:
            self._reported = True
            QTimer.singleShot(0, self.painted.emit)  # runs once the paint has been flushed to the screen

    def close_scene(self) -> None:
        """Stop following the workspace and the view: the canvas shows them now."""
        self.scene.close()
