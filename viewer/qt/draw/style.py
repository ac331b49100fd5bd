"""Pens, fonts, symbols and stamped text sized in screen pixels, scaled for exports at higher resolution."""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QTransform,
)

PHASES = 4  # stamps per pixel and axis: a stamped drawing is at most 1/8 px from where it would be drawn


@dataclass
class RenderContext:
    """Shared by every item of one canvas. ``scale`` multiplies every screen size (pens, symbols, text):
    1 on screen, dpi / 96 when an image is exported at a higher resolution."""

    scale: float = 1.0
    # Whether what is drawn will be drawn again (the screen; an export renderer after its first image): only
    # then do images kept to speed up later paints (stamps) pay for making them.
    reuse: bool = True
    # Slow layers keep an image of the screen, moved while the view moves (path_layer.ScreenCache); off, every
    # frame is drawn exactly (the benchmark times both).
    screen_cache: bool = True

    def pen(self, colour: str | QColor, width: float, dash: tuple[float, ...] = (), alpha: int = 255) -> QPen:
        pen = QPen(with_alpha(colour, alpha))
        pen.setCosmetic(True)  # widths in pixels whatever the map's zoom
        pen.setWidthF(width * self.scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dash:
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setDashPattern(list(dash))
        return pen

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(1, round(points * self.scale * 96 / 72)))
        font.setBold(bold)
        return font

    def px(self, size: float) -> float:
        return size * self.scale


def with_alpha(colour: str | QColor, alpha: int = 255) -> QColor:
    result = QColor(colour)
    result.setAlpha(round(result.alpha() * alpha / 255))
    return result


def _unit_symbols() -> dict[str, QPainterPath]:
    """Symbols one unit across, centred on the origin, y pointing down (device space)."""
    paths: dict[str, QPainterPath] = {}
    triangle = QPainterPath()
    h = math.sqrt(3) / 2
    triangle.moveTo(0, -h * 2 / 3)
    triangle.lineTo(0.5, h / 3)
    triangle.lineTo(-0.5, h / 3)
    triangle.closeSubpath()
    paths["triangle"] = triangle
    circle = QPainterPath()
    circle.addEllipse(QPointF(0, 0), 0.5, 0.5)
    paths["circle"] = circle
    cross = QPainterPath()  # an X drawn as a filled outline so it takes a halo like the others
    for angle in (45, -45):
        bar = QPainterPath()
        bar.addRect(-0.5, -0.12, 1.0, 0.24)
        cross = cross.united(QTransform().rotate(angle).map(bar))
    paths["cross"] = cross
    diamond = QPainterPath()
    diamond.moveTo(0, -0.5)
    diamond.lineTo(0.5, 0)
    diamond.lineTo(0, 0.5)
    diamond.lineTo(-0.5, 0)
    diamond.closeSubpath()
    paths["diamond"] = diamond
    arrow = QPainterPath()  # a chevron pointing along +x, rotated to the path's direction when drawn
    arrow.moveTo(0.5, 0)
    arrow.lineTo(-0.4, -0.45)
    arrow.lineTo(-0.15, 0)
    arrow.lineTo(-0.4, 0.45)
    arrow.closeSubpath()
    paths["arrow"] = arrow
    return paths


_SYMBOLS: dict[str, QPainterPath] | None = None


def symbol_path(name: str) -> QPainterPath:
    global _SYMBOLS
    if _SYMBOLS is None:  # built once, on first use
        _SYMBOLS = _unit_symbols()
    return _SYMBOLS.get(name, _SYMBOLS["circle"])


def draw_text_with_halo(painter: QPainter, point: QPointF, text: str, font: QFont, colour: str, halo: str,
                        halo_width: float) -> None:
    """Text with a light outline so it stays legible over land, sea and lines. Vector devices (SVG, PDF) get the
    words as text over the outlined halo, so they stay words a reader can select and an editor can change."""
    path = QPainterPath()
    path.addText(point, font, text)
    stroker = QPainterPathStroker()
    stroker.setWidth(halo_width * 2)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.fillPath(stroker.createStroke(path), with_alpha(halo, 220))
    engine = painter.paintEngine().type()
    if engine == QPaintEngine.Type.Raster or (engine == QPaintEngine.Type.SVG and _spaced(font)):
        # Qt's SVG writer drops letter spacing: spaced text (country names) would not fill its halo there
        painter.fillPath(path, QColor(colour))
    else:
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(colour))
        painter.drawText(point, text)
        painter.restore()


def _spaced(font: QFont) -> bool:
    spacing = font.letterSpacing()
    if font.letterSpacingType() == QFont.SpacingType.PercentageSpacing:
        return spacing not in (0.0, 100.0)
    return spacing != 0.0 or font.wordSpacing() != 0.0


def stamps_pay(painter: QPainter, context: RenderContext) -> bool:
    """Raster devices (screen, PNG) take stamps when they draw again; vector devices (SVG, PDF) and a one-off
    image get the drawing itself."""
    return context.reuse and painter.paintEngine().type() == QPaintEngine.Type.Raster


@dataclass
class Stamps:
    """Small drawings that cost more to draw than to copy (text with a halo, a legend), kept as images.

    Each is drawn once per quarter-pixel phase and device pixel ratio, then copied where it goes: within
    1/8 px of the exact place. Kept by the item that uses them, so no image outlives the application.
    """

    limit: int = 5000
    _images: dict[tuple, tuple[QImage, QPoint]] = field(default_factory=dict)

    def draw(self, painter: QPainter, key: Hashable, point: QPointF, extent: QRectF,
             draw: Callable[[QPainter, QPointF], None]) -> None:
        """Copy the stamp `key` to `point` (device pixels; the painter's transform is ignored). `extent` bounds
        the drawing around its point and `draw(painter, point)` makes it, when it is not kept yet."""
        qx, qy = math.floor(point.x() * PHASES + 0.5) / PHASES, math.floor(point.y() * PHASES + 0.5) / PHASES
        x, y = math.floor(qx), math.floor(qy)
        ratio = painter.device().devicePixelRatioF()
        full_key = (key, qx - x, qy - y, ratio)
        stamp = self._images.get(full_key)
        if stamp is None:
            if len(self._images) > self.limit:
                self._images.clear()
            stamp = self._images[full_key] = _render_stamp(extent, QPointF(qx - x, qy - y), ratio, draw)
        image, anchor = stamp
        painter.save()
        painter.resetTransform()
        painter.drawImage(QPointF(x - anchor.x(), y - anchor.y()), image)
        painter.restore()

    def clear(self) -> None:
        self._images.clear()


def _render_stamp(extent: QRectF, phase: QPointF, ratio: float,
                  draw: Callable[[QPainter, QPointF], None]) -> tuple[QImage, QPoint]:
    anchor = QPoint(math.ceil(-extent.left()) + 1, math.ceil(-extent.top()) + 1)
    size = QSize(anchor.x() + math.ceil(extent.right()) + 2, anchor.y() + math.ceil(extent.bottom()) + 2)
    image = QImage(size * ratio, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    draw(painter, QPointF(anchor) + phase)
    painter.end()
    return image, anchor
