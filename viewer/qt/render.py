"""Render a map view to PNG, SVG or PDF at any size and resolution, headless, looking as on screen."""

from __future__ import annotations

import math
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
    """The Qt application an export needs: a QGuiApplication (painting images and fonts needs no widgets), or the
    window's QApplication when there is one."""
    from PySide6.QtGui import QGuiApplication

    ensure_gui_platform()
    return QGuiApplication.instance() or QGuiApplication(["launchmap"])


def _pixel_of(view: MapView, size: tuple[int, int]) -> float | None:
    """The map units a pixel spans in an image of ``size`` showing ``view``'s frame (fitted as `MapScene.show`
    fits it: the shorter side widened)."""
    if view.frame is None or min(size) <= 0:
        return None
    xmin, ymin, xmax, ymax = view.frame
    pixel = max((xmax - xmin) / size[0], (ymax - ymin) / size[1])
    return pixel if pixel > 0 and math.isfinite(pixel) else None


class MapRenderer:
    """Renders (Workspace, MapView) pairs to images with a scene-free MapScene (viewer.qt.draw.scene) sized to each
    output, with no selection and no hover: the same drawing as the window's canvas, without pyqtgraph or
    QtWidgets. Reuse it to render several images of one workspace."""

    def __init__(self, workspace: Workspace, view: MapView | None = None, size: tuple[int, int] | None = None):
        """``view``: what the first image will show, so the scene is built in its projection and filters (not
        built in the default projection, then reprojected: with many features, projecting is most of the work).
        ``size``: (width, height) of the one image to draw of that view, when known: large areas are then
        densified only as far as its pixels show (viewer.geo.area_detail: a million-spike star's export took 4-6 s
        densifying); an image with pixels a third smaller or more is drawn from every area densified whole."""
        from viewer.qt.pyside_check import quicker_feature_check

        quicker_feature_check()  # before the drawing's ~80 modules, each of which PySide6 checks (15 ms in all)
        from viewer.geo.basemap import load_basemap
        from viewer.geo.gazetteer import load_places
        from viewer.qt.draw.scene import MapScene

        application()
        self.workspace = workspace
        map_view = view.copy() if view is not None else MapView()
        if map_view.frame is None:
            map_view.fit(DEFAULT_REGION)
        self.scene = MapScene(workspace, load_basemap(), load_places(), map_view=map_view,
                              pixel=_pixel_of(map_view, size) if size is not None else None)
        self.scene.context.reuse = False  # until the first image is drawn

    def prepare(self, request: ImageRequest) -> None:
        """Size the scene to the image and show the request's view; afterwards ``view_rect()`` is what gets drawn."""
        scene = self.scene
        scene.context.scale = request.decoration_scale or request.dpi / SCREEN_DPI
        view = request.view
        frame = view.frame
        if frame is None:
            content = self.workspace.content
            extent = visible_extent(view.visible_features(content)) or self.workspace.extent() or DEFAULT_REGION
            frame = view.projection.project_extent(padded(extent))
        scene.show(view, frame, request.width, request.height)
        scene.fit_detail()

    def close(self) -> None:
        """Stop following the workspace (its overlays and bundles): a closed renderer draws no more images."""
        self.scene.close()

    def view_rect(self):
        return self.scene.view_rect()

    def paint(self, painter, request: ImageRequest, layers: frozenset[str] | None = None, sea: bool = True) -> None:
        """Draw the request's map on ``painter``'s device (``request.width`` x ``request.height`` pixels);
        ``layers``/``sea``: as MapScene.paint."""
        self.prepare(request)
        self.scene.paint(painter, layers, sea)
        self.scene.context.reuse = True  # a second image is likely: keep what speeds it up

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
