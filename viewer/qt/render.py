"""Render a map view to PNG, SVG or PDF at any size and resolution, headless, looking as on screen."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from viewer.geo.crs import DEFAULT_REGION
from viewer.model.view import MapView, padded, visible_extent
from viewer.model.workspace import Workspace
from viewer.qt.image_formats import WRITERS, RenderTimes

SCREEN_DPI = 96.0


@dataclass
class ImageRequest:
    """An image of ``view`` (projection, frame, filters, decorations): its frame is fitted to the image, which the
    map fills entirely. A view without a frame shows the visible data with a margin."""

    view: MapView
    width: int = 1920
    height: int = 1080
    dpi: float = SCREEN_DPI
    png_compression: int = 1  # zlib level: 1 encodes a map twice as fast as 6, for a file ~12 % larger
    quality: int = 90  # JPEG quality, 1-100
    decoration_scale: float | None = None  # pens, symbols and text x this; None: dpi / 96 (viewer.geo.page_size)



def ensure_gui_platform() -> None:
    """Use Qt's offscreen platform when there is no display, so export works on a headless machine."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def application():
    from PySide6.QtWidgets import QApplication

    ensure_gui_platform()
    return QApplication.instance() or QApplication(["launchmap"])


class MapRenderer:
    """Renders (Workspace, MapView) pairs to images on one offscreen canvas sized to each output, with no selection
    and no hover: the same drawing as the window's canvas. Reuse it to render several images of one workspace."""

    def __init__(self, workspace: Workspace, view: MapView | None = None):
        """``view``: what the first image will show, so the canvas is built in its projection and filters (not
        built in the default projection, then reprojected: with many features, projecting is most of the work)."""
        from PySide6.QtCore import Qt

        from viewer.geo.basemap import load_basemap
        from viewer.geo.gazetteer import load_places
        from viewer.qt.map.canvas import MapCanvas

        application()
        self.workspace = workspace
        self.canvas = MapCanvas(workspace, load_basemap(), load_places(), selection=None,
                                map_view=view.copy() if view is not None else None)
        self.canvas.context.reuse = False  # until the first image is drawn
        self.canvas.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.canvas.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.canvas.setFrameShape(self.canvas.Shape.NoFrame)
        self.canvas.show()

    def prepare(self, request: ImageRequest) -> None:
        """Size the canvas to the image and show the request's view; afterwards ``view_rect()`` is what gets drawn."""
        canvas = self.canvas
        canvas.context.scale = request.decoration_scale or request.dpi / SCREEN_DPI
        # The canvas is shown, so the view takes its new size at once; running the event loop here would only
        # paint the offscreen widget, which nobody sees.
        canvas.resize(request.width, request.height)
        view = request.view
        frame = view.frame
        if frame is None:
            content = self.workspace.content
            extent = visible_extent(view.visible_features(content)) or self.workspace.extent() or DEFAULT_REGION
            frame = view.projection.project_extent(padded(extent))
        canvas.map_view.show_as(view, frame)
        canvas.show_frame(frame)  # again at this size, even when the frame is the one shown last time
        canvas.decorations.fit_to_viewport()
        canvas.basemap_layer.set_view(canvas.projection, canvas.metres_per_pixel())

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
        """Write PNG or JPEG (with world file and .prj), SVG or PDF, chosen by the suffix; returns the times taken."""
        path = Path(path)
        suffix = path.suffix.lower()
        writers = WRITERS
        if suffix not in writers:
            raise ValueError(f"{path}: cannot export {suffix or 'a file without suffix'}; "
                             f"use {', '.join(sorted(writers))}")
        start = time.perf_counter()
        times = writers[suffix](self, path, request)
        times.paint_s = times.paint_s or time.perf_counter() - start - times.encode_s
        return times
