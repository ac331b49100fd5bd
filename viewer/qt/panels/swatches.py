"""A tree row's colours as a small icon: a file drawn in its own colours (a KML's styles) shows those, side by side,
not the palette colour none of its features is drawn in."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from viewer.model.feature_table import PAINT, FeatureTable
from viewer.model.table_parts import values_met
from viewer.symbology import contrast

MOST = 4  # colours an icon shows; a file of more shows its first ones
SIDE = 14  # px


def drawn_colours(table: FeatureTable, rows: np.ndarray, palette: str, chosen: bool) -> list[str]:
    """The colours ``rows`` are drawn in: their own, and the palette colour where some have none (or all, when the
    user chose the layer's colour, which is drawn over theirs)."""
    if chosen or not len(rows):
        return [palette]
    # read once per file's table, and met once per file's rows (`values_met`): a file opened beside a large layer
    # reads none of its features, nor sorts its rows' paints
    found = dict.fromkeys(None if paint is None else paint.stroke or paint.marker or paint.fill
                          for paint in values_met(table, PAINT, np.asarray(rows, dtype=np.intp)))
    return [palette if colour is None else colour for colour in found]


def swatch_icon(colours: list[str]) -> QIcon:
    """Up to `MOST` colours as stripes of one square, outlined grey."""
    pixmap = QPixmap(SIDE, SIDE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    shown = list(dict.fromkeys(colours))[:MOST] or ["#555555"]
    width = (SIDE - 2) / len(shown)
    for number, colour in enumerate(shown):
        painter.fillRect(QRectF(1 + number * width, 1, width, SIDE - 2), QColor(colour))
    painter.setPen(QPen(QColor("#777777"), 1))
    painter.drawRect(0, 0, SIDE - 1, SIDE - 1)
    painter.end()
    return QIcon(pixmap)


def tree_colour(colours: list[str]) -> QColor:
    """A row's text colour: its one colour a shade darker, darker still until it reads on white (a yellow), else the
    tree's own."""
    if len(set(colours)) != 1:
        return QColor("#333333")
    shade = QColor(colours[0]).darker(130)
    while contrast(shade.name(), "#FFFFFF") < 3.0 and shade.value() > 20:
        shade = shade.darker(130)
    return shade
