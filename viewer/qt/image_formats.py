"""Writers for exported map images: PNG with a world file and .prj, SVG and PDF, each saved atomically."""

from __future__ import annotations

import math
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from pyproj.enums import WktVersion

from viewer.io.atomic import write_bytes_atomic, write_text_atomic

if TYPE_CHECKING:
    from viewer.qt.render import ImageRequest, MapRenderer, RenderTimes


def save_png(renderer: MapRenderer, path: Path, request: ImageRequest) -> RenderTimes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    from viewer.qt.render import RenderTimes

    start = time.perf_counter()
    image = renderer.image(request)
    painted = time.perf_counter()
    if _opaque(image):  # the map fills the image: as RGB, without alpha, the PNG is smaller and faster to write
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Qt's PNG writer sets zlib's level to (100 - quality) * 9 // 91: invert that for the level wanted.
    quality = 100 - math.ceil(max(0, min(9, request.png_compression)) * 91 / 9)
    if not image.save(buffer, "PNG", quality):
        raise OSError(f"{path}: PNG encoding failed")
    encoded = time.perf_counter()
    write_bytes_atomic(path, bytes(data.data()))
    write_world_file(renderer, path, request)
    return RenderTimes(paint_s=painted - start, encode_s=encoded - painted)


def _opaque(image) -> bool:
    """Whether every pixel of a 32-bit ARGB image is opaque (its pixels are 0xAARRGGBB words)."""
    pixels = np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4)
    return bool(np.all(pixels >= 0xFF00_0000))


def write_world_file(renderer: MapRenderer, path: Path, request: ImageRequest) -> None:
    """A .pgw and .prj beside the PNG, as GIS tools write them, so QGIS places the image where it belongs."""
    rect = renderer.view_rect()  # map coordinates; y grows upwards, rect.top() is the smallest y
    pixel_x = rect.width() / request.width
    pixel_y = rect.height() / request.height
    left, top = rect.left(), rect.top() + rect.height()
    lines = [pixel_x, 0.0, 0.0, -pixel_y, left + pixel_x / 2, top - pixel_y / 2]  # centre of the top-left pixel
    write_text_atomic(path.with_suffix(".pgw"), "".join(f"{value:.10f}\n" for value in lines))
    crs = renderer.canvas.projection.crs
    write_text_atomic(path.with_suffix(".prj"), crs.to_wkt(WktVersion.WKT1_ESRI) or crs.to_wkt())


def save_svg(renderer: MapRenderer, path: Path, request: ImageRequest) -> RenderTimes:
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    def svg(file: Path) -> QSvgGenerator:
        generator = QSvgGenerator()
        generator.setFileName(str(file))
        generator.setSize(QSize(request.width, request.height))
        generator.setViewBox(QRect(0, 0, request.width, request.height))
        generator.setResolution(round(request.dpi))
        generator.setTitle(request.title or "launchmap export")
        generator.setDescription("Map exported by launchmap. Basemap: Natural Earth (public domain).")
        return generator

    return _paint_to_file(renderer, path, request, svg)


def save_pdf(renderer: MapRenderer, path: Path, request: ImageRequest) -> RenderTimes:
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

    def pdf(file: Path) -> QPdfWriter:
        writer = QPdfWriter(str(file))
        writer.setResolution(round(request.dpi))
        size_mm = QSizeF(request.width / request.dpi * 25.4, request.height / request.dpi * 25.4)
        writer.setPageLayout(QPageLayout(QPageSize(size_mm, QPageSize.Unit.Millimeter),
                                         QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        writer.setTitle(request.title or "launchmap export")
        writer.setCreator("launchmap")
        return writer

    return _paint_to_file(renderer, path, request, pdf)


def _paint_to_file(renderer: MapRenderer, path: Path, request: ImageRequest, device_for) -> RenderTimes:
    """Paint onto a device writing a temporary file beside ``path``, then move it into place atomically."""
    from PySide6.QtGui import QPainter

    from viewer.qt.render import RenderTimes

    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        temp = Path(folder) / path.name
        device = device_for(temp)
        start = time.perf_counter()
        painter = QPainter(device)
        try:
            renderer.paint(painter, request)
        finally:
            painter.end()
        painted = time.perf_counter()
        del device  # let go of the file before reading it back
        write_bytes_atomic(path, temp.read_bytes())
    return RenderTimes(paint_s=painted - start)
