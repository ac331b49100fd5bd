"""Render a map view to PNG, SVG or PDF at any size and resolution, headless, looking as on screen."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from viewer.geo.crs import Extent, MapProjection
from viewer.model.workspace import Workspace

SCREEN_DPI = 96.0


@dataclass
class ImageRequest:
    """What to draw: ``extent`` (lon/lat) is fitted to the image, which the map fills entirely."""

    width: int = 1920
    height: int = 1080
    dpi: float = SCREEN_DPI
    extent: Extent | None = None
    map_rect: tuple[float, float, float, float] | None = None  # (xmin, ymin, xmax, ymax) in map units; wins over extent
    projection: MapProjection | None = None
    title: str = ""
    footnote: str = ""
    legend: bool = True
    scale_bar: bool = True
    north_arrow: bool = True
    png_compression: int = 1  # zlib level: 1 encodes a map twice as fast as 6, for a file ~12 % larger


@dataclass
class RenderTimes:
    paint_s: float = 0.0
    encode_s: float = 0.0


def ensure_gui_platform() -> None:
    """Use Qt's offscreen platform when there is no display, so export works on a headless machine."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def application():
    from PySide6.QtWidgets import QApplication

    ensure_gui_platform()
    return QApplication.instance() or QApplication(["launchmap"])


class MapRenderer:
    """An offscreen map canvas sized to the output; reuse it to render several images of one workspace."""

    def __init__(self, workspace: Workspace, projection: MapProjection | None = None):
        """`projection`: the one the images will use, if known (saves projecting everything twice)."""
        from PySide6.QtCore import Qt

        from viewer.geo.basemap import load_basemap
        from viewer.geo.gazetteer import load_places
        from viewer.qt.map.canvas import MapCanvas

        application()
        self.workspace = workspace
        self.canvas = MapCanvas(workspace, load_basemap(), load_places(), projection=projection)
        self.canvas.context.reuse = False  # until the first image is drawn
        self.canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.canvas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas.setFrameShape(self.canvas.Shape.NoFrame)
        self.canvas.show()

    def prepare(self, request: ImageRequest) -> None:
        """Size the canvas to the image and frame the extent; afterwards ``view_rect()`` is what gets drawn."""
        canvas = self.canvas
        canvas.context.scale = request.dpi / SCREEN_DPI
        if request.projection is not None and request.projection is not canvas.projection:
            canvas.set_projection(request.projection, keep_view=False)
        # The canvas is shown, so the view takes its new size at once; running the event loop here would only
        # paint the offscreen widget, which nobody sees.
        canvas.resize(request.width, request.height)
        if request.map_rect is not None:
            from PySide6.QtCore import QRectF

            xmin, ymin, xmax, ymax = request.map_rect
            canvas.view.setRange(QRectF(xmin, ymin, xmax - xmin, ymax - ymin), padding=0)
        else:
            canvas.zoom_to_extent(request.extent or canvas.data_extent(), margin=0.0 if request.extent else 0.06)
        options = canvas.decorations.options
        options.title, options.footnote = request.title, request.footnote
        options.legend, options.scale_bar, options.north_arrow = request.legend, request.scale_bar, request.north_arrow
        canvas.refresh()
        canvas.decorations.fit_to_viewport()
        canvas.basemap_layer.show(canvas.projection, canvas.metres_per_pixel())

    def close(self) -> None:
        """Let Qt delete the offscreen canvas. Not canvas.close(): pyqtgraph's GraphicsView.close calls
        setViewport(None), which segfaults under PySide6 6.11."""
        self.canvas.hide()
        self.canvas.deleteLater()

    def view_rect(self):
        return self.canvas.view.viewRect()

    def paint(self, painter, request: ImageRequest) -> None:
        from PySide6.QtCore import QRectF

        self.prepare(request)
        target = QRectF(0, 0, request.width, request.height)
        self.canvas.render(painter, target, self.canvas.viewport().rect())
        self.canvas.context.reuse = True  # a second image is likely: keep what speeds it up

    def image(self, request: ImageRequest):
        from PySide6.QtGui import QImage, QPainter

        image = QImage(request.width, request.height, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(request.dpi / 0.0254))
        image.setDotsPerMeterY(round(request.dpi / 0.0254))
        image.fill(0)
        painter = QPainter(image)
        try:
            self.paint(painter, request)
        finally:
            painter.end()
        return image

    def save(self, path: str | Path, request: ImageRequest) -> RenderTimes:
        """Write PNG (with world file and .prj), SVG or PDF, chosen by the suffix; returns the times taken."""
        from viewer.qt.image_formats import save_pdf, save_png, save_svg

        path = Path(path)
        suffix = path.suffix.lower()
        writers = {".png": save_png, ".svg": save_svg, ".pdf": save_pdf}
        if suffix not in writers:
            raise ValueError(f"{path}: cannot export {suffix or 'a file without suffix'}; use .png, .svg or .pdf")
        start = time.perf_counter()
        times = writers[suffix](self, path, request)
        times.paint_s = times.paint_s or time.perf_counter() - start - times.encode_s
        return times
