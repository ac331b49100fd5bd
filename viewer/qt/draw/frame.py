"""What the decorations need to know of the map on screen: its rect in map units and in pixels, the render context,
the legend's rows and the graticule; the canvas (or an export's canvas) keeps it up to date."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from viewer.geo.scale import GraticuleLine
from viewer.qt.draw.style import RenderContext


class ScreenFrame:
    """The map's rect in map units (``view_rect``, y up) laid over ``pixels`` (y down), and what is drawn on it."""

    def __init__(self, context: RenderContext):
        self.context = context
        self.view_rect = QRectF(0, 0, 1, 1)
        self.pixels = QRectF(0, 0, 1, 1)
        self.legend_rows: list[tuple[str, str, str]] = []  # (kind or 'event'…, text, colour), made with the layers
        self.graticule: list[GraticuleLine] = []
        # How many shown features a map rect (xmin, ymin, xmax, ymax) touches: where the legend may go.
        self.data_count: Callable[[float, float, float, float], int] | None = None

    def set_view(self, view_rect: QRectF, pixels: QRectF) -> None:
        self.view_rect, self.pixels = QRectF(view_rect), QRectF(pixels)

    def units_per_pixel(self) -> float:
        return self.view_rect.width() / max(1.0, self.pixels.width())

    def map_to_pixel(self, x: float, y: float) -> QPointF:
        """Map coordinates to pixels of the map's rect (fractional)."""
        view, pixels = self.view_rect, self.pixels
        sx = pixels.width() / view.width() if view.width() else 1.0
        sy = pixels.height() / view.height() if view.height() else 1.0
        return QPointF(pixels.left() + (x - view.left()) * sx, pixels.top() + (view.bottom() - y) * sy)

    def pixel_to_map(self, px: float, py: float) -> tuple[float, float]:
        """Pixels of the map's rect to map coordinates."""
        view, pixels = self.view_rect, self.pixels
        sx = view.width() / pixels.width() if pixels.width() else 1.0
        sy = view.height() / pixels.height() if pixels.height() else 1.0
        return view.left() + (px - pixels.left()) * sx, view.bottom() - (py - pixels.top()) * sy

    def to_device(self) -> QTransform:
        """Map coordinates to pixels of the map's rect, as a painter's transform (what ``map_to_pixel`` does)."""
        view, pixels = self.view_rect, self.pixels
        sx = pixels.width() / view.width() if view.width() else 1.0
        sy = pixels.height() / view.height() if view.height() else 1.0
        return QTransform(sx, 0.0, 0.0, -sy, pixels.left() - view.left() * sx, pixels.top() + view.bottom() * sy)
