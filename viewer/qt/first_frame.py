"""The window's first frame: the map asked for (its view, basemap, data, labels and decorations) drawn by the
scene-free MapScene where the canvas will be, before pyqtgraph, the canvas and the panels are loaded; the canvas then
takes over in place, showing the same map at the same pixels."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget

from viewer.geo.basemap import Basemap
from viewer.geo.crs import DEFAULT_REGION
from viewer.geo.gazetteer import Place
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.draw.scene import MapScene, fitted

if TYPE_CHECKING:
    from viewer.qt.map.canvas import MapCanvas

MapRect = tuple[float, float, float, float]
DATA_MARGIN = 0.05  # around the data, as the window frames it at start (viewer.qt.app)
MIN_DATA_KM = 400.0  # the least a frame of data shows, as View > Zoom to data (viewer.qt.map.framing)
CHECK_MS = 15  # how often a frame over the canvas looks whether the canvas has drawn everything
LONGEST_WAIT_S = 3.0  # and when it gives way anyway (a layer that keeps drawing)


class FirstFrame(QWidget):
    """The map drawn at ``rect`` of ``window`` (its coordinates), framed as the canvas frames it at start-up: the
    data with a margin, clear of the decorations, or the default region when there is none.

    Once the canvas is built under it, it stays over the canvas until the canvas has drawn every layer (slow ones
    are drawn on worker threads: the canvas's first paint may lack the land), so the map never flickers; then it
    hides (`retire`). It takes no input: the mouse reaches what is under it (the canvas, once built), keys the
    window; input that comes while the canvas is being built waits in the event queue and then reaches the canvas,
    which shows the same map there. A click or the wheel on the map retires it at once.

    Signals:
        painted(): once, after its first paint has reached the screen (queued after the paint event).
        retired(): once it has given way to the canvas.
    """

    painted = Signal()
    retired = Signal()

    def __init__(self, window: QWidget, rect: QRect, workspace: Workspace, basemap: Basemap, places: list[Place],
                 map_view: MapView):
        super().__init__(window)
        self.setGeometry(rect)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._canvas: MapCanvas | None = None
        self._since = self._painted_at = self._quiet_s = 0.0
        self.scene = MapScene(workspace, basemap, places, map_view=map_view)
        # Drawn once or twice: whole paths and text, not the tiles and stamps that pay only for paints made again
        # (cutting the land into tiles alone took 0.2-0.5 s; the canvas too draws a level whole at first).
        self.scene.context.reuse = False
        self._reported = False
        self._last_look_due = False
        self._image: QImage | None = None
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
        # Points all at one place have no extent: shown as Zoom to data shows them, at least MIN_DATA_KM across
        min_span = MIN_DATA_KM * 1000 / self.scene.metres_per_map_unit()
        if data[2] - data[0] < min_span and data[3] - data[1] < min_span:
            cx, cy = (data[0] + data[2]) / 2, (data[1] + data[3]) / 2
            data = (cx - min_span / 2, cy - min_span / 2, cx + min_span / 2, cy + min_span / 2)
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
        # Drawn once into an image, then copied: the window repaints the frame while the canvas is built and laid
        # out under it (each paint of the map ~0.1 s).
        ratio = self.devicePixelRatioF()
        if self._image is None or self._image.size() != self.size() * ratio:
            self._image = QImage(self.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
            self._image.setDevicePixelRatio(ratio)
            drawing = QPainter(self._image)
            try:
                self.scene.paint(drawing)
            finally:
                drawing.end()
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.end()
        if not self._reported:
            self._reported = True
            # Runs once the paint has been flushed to the screen; not at all if this frame is deleted first.
            QTimer.singleShot(0, self, self.painted.emit)

    def give_way_to(self, canvas: MapCanvas) -> None:
        """Stay over ``canvas`` (showing the same map) until it has drawn everything, then `retire`."""
        from viewer.qt.map.screen_cache import SETTLE_MS

        self.scene.close()  # the canvas follows the workspace and the view now
        self._canvas, self._since, self._painted_at = canvas, time.monotonic(), time.monotonic()
        # A layer drawn on a worker thread may first wait for the view to rest (SETTLE_MS) before it starts: the
        # canvas is taken as drawn once no worker draws, every image drawn has been painted, and no paint has come
        # for longer than that.
        self._quiet_s = (SETTLE_MS + 50) / 1000
        self.raise_()
        # A click or a turn of the wheel on the map (the mouse passes through this frame to the canvas) lets the
        # canvas show what it does at once; a view changed otherwise (the window resized) waits for the drawing.
        canvas.viewport().installEventFilter(self)
        canvas.viewport().update()  # painted at least once under this frame
        timer = QTimer(self)
        timer.setInterval(CHECK_MS)
        timer.timeout.connect(self._retire_if_drawn)
        timer.start()

    def _retire_if_drawn(self) -> None:
        pool = QThreadPool.globalInstance()
        now = time.monotonic()
        if now - self._since > LONGEST_WAIT_S:
            self.retire()
            return
        if self._canvas is None or pool.activeThreadCount():
            return  # layers are still being drawn on worker threads
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)  # their images reach their layers
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)  # and are painted (under this frame)
        if pool.activeThreadCount() or now - self._painted_at < self._quiet_s or self._last_look_due:
            return  # a paint started a drawing, or may start one once the view rests
        # A last look once every timer due by now has fired: when the event loop was held up (a loaded machine, a
        # worker holding the GIL), a layer's settle timer that came due meanwhile fires in the same pass as this
        # check, perhaps after it; the repaint below would restart it, and the canvas showed that layer's moved
        # image (a symbol or a path's name missing) for its settle time after this frame went.
        self._last_look_due = True
        QTimer.singleShot(1, self, self._last_look)

    def _last_look(self) -> None:
        self._last_look_due = False
        pool = QThreadPool.globalInstance()
        if self._canvas is None:
            return
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
        if pool.activeThreadCount() or time.monotonic() - self._painted_at < self._quiet_s:
            return  # a timer that was due drew or started a drawing: wait for quiet again
        # The paint the canvas gets when this frame hides must find everything drawn: a layer found slow while it
        # was drawn directly draws on a worker thread from its next paint on, and has no image of its own yet.
        self._canvas.viewport().repaint()
        painted = self._painted_at
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
        if pool.activeThreadCount() or self._painted_at != painted:
            return  # that paint started a drawing (or one ended and was painted): wait for quiet again
        self.retire()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._painted_at = time.monotonic()
        elif event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self.retire()
        return False

    def retire(self) -> None:
        if self._canvas is None:
            return
        self._canvas.viewport().removeEventFilter(self)
        self._canvas = None
        self.hide()
        self.retired.emit()
        self.deleteLater()
