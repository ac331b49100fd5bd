"""Sizes in screen pixels for the map's graphics items; the pens, symbols and stamps themselves are drawn by
viewer.qt.draw.style, which the headless export shares."""

from __future__ import annotations

import weakref

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
    pad = _pixel_length(item) * pixels
    return rect.adjusted(-pad, -pad, pad, pad)


def _pixel_length(item: pg.GraphicsObject) -> float:
    """One screen pixel in item units, kept until the item's scale to the screen changes: a pan leaves it, and
    pyqtgraph's pixelLength cost ~0.1 ms a call, some 60 calls a repaint (each item's boundingRect)."""
    scene = item.sceneTransform()
    view = item.getViewWidget()
    screen = view.transform() if view is not None else scene
    key = (scene.m11(), scene.m12(), scene.m21(), scene.m22(), screen.m11(), screen.m12(), screen.m21(),
           screen.m22())
    cached = _PIXEL_LENGTHS.get(item)
    if cached is not None and cached[0] == key:
        return cached[1]
    length = item.pixelLength(pg.Point(1, 0))
    if not length:  # not shown yet: asked again next time
        return 0.0
    _PIXEL_LENGTHS[item] = (key, length)
    return length


_PIXEL_LENGTHS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
