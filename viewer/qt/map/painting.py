"""Sizes in screen pixels for the map's graphics items; the pens, symbols and stamps themselves are drawn by
viewer.qt.draw.style, which the headless export shares."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from viewer.qt.draw.style import (
    RenderContext,
    Stamps,
    draw_text_with_halo,
    stamps_pay,
    symbol_path,
    with_alpha,
)

__all__ = ["RenderContext", "Stamps", "draw_text_with_halo", "pad_by_pixels", "stamps_pay", "symbol_path",
           "with_alpha"]


def pad_by_pixels(item: pg.GraphicsObject, rect: QRectF, pixels: float) -> QRectF:
    """`rect` (item coordinates) widened by `pixels` screen pixels: room for what an item draws at a fixed
    screen size around its positions (thick pens, symbols, labels), so none of it is clipped."""
    pad = (item.pixelLength(pg.Point(1, 0)) or 0.0) * pixels
    return rect.adjusted(-pad, -pad, pad, pad)
