"""Beyond the earth on screen: past a globe's horizon or a world map's poles the window paints the page, as the
export does (viewer.qt.draw.scene), over the sea the view is filled with and under everything else."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from viewer.geo.crs import MapProjection
from viewer.geo.earth_outline import earth_outline
from viewer.symbology import COAST, PAGE

EDGE_WIDTH_PX = 1.2  # the earth's edge outlined, as the export draws it


class EarthEdge(QGraphicsPathItem):
    """The page around the earth's outline (`earth_outline`), in map units: a rectangle round the view with the
    outline as its hole, and the outline drawn. Made again for another projection, or when the view leaves the
    rectangle (a world map's band between the poles goes on sideways); hidden where the whole plane is the earth."""

    def __init__(self) -> None:
        super().__init__()
        self.setBrush(QBrush(QColor(PAGE)))
        self.setPen(Qt.PenStyle.NoPen)
        self.outline = QGraphicsPathItem(self)
        pen = QPen(QColor(COAST), EDGE_WIDTH_PX)
        pen.setCosmetic(True)
        self.outline.setPen(pen)
        self._projection: MapProjection | None = None
        self._covered = QRectF()

    def follow(self, projection: MapProjection, view: QRectF) -> None:
        """Cover ``view`` (map units) in ``projection``."""
        if projection is self._projection and self._covered.contains(view):
            return
        self._projection = projection
        covered = view.adjusted(-view.width(), -view.height(), view.width(), view.height())
        outline = earth_outline(projection, (covered.left(), covered.right()))
        if outline is None:
            self._covered = QRectF(-1e300, -1e300, 2e300, 2e300)  # the whole plane is the earth, at any view
            self.setPath(QPainterPath())
            self.hide()
            return
        self._covered = covered
        edge = QPainterPath()
        edge.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in outline.exterior.coords]))
        edge.closeSubpath()
        page = QPainterPath()
        page.setFillRule(Qt.FillRule.OddEvenFill)
        page.addRect(covered.united(_bounds(outline.bounds)))
        page.addPath(edge)
        self.setPath(page)
        self.outline.setPath(edge)
        self.show()


def _bounds(bounds: tuple[float, float, float, float]) -> QRectF:
    left, bottom, right, top = bounds
    return QRectF(left, bottom, right - left, top - bottom)
