"""Map decorations drawn over the map in screen space: title, legend, scale bar, north arrow,
graticule labels, projection name and attribution."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QTransform

from viewer.geo.scale import nice_scale_bar, true_north_angle
from viewer.model.edits import DRAFT_PROPERTY
from viewer.model.kinds import KIND_REGISTRY, kind_names, kind_style, kind_title
from viewer.qt.map.painting import Stamps, draw_text_with_halo, stamps_pay, symbol_path, with_alpha
from viewer.symbology import APPROXIMATE_DASH, DRAFT_COLOUR, DRAFT_DASH, HALO, LABEL

if TYPE_CHECKING:
    from viewer.geo.crs import MapProjection
    from viewer.model.feature import Feature
    from viewer.model.view import MapView
    from viewer.model.workspace import Workspace
    from viewer.qt.map.frame import ScreenFrame

ATTRIBUTION = "Basemap: Natural Earth (public domain)"
PANEL = "#FFFFFF"


class Decorations(pg.GraphicsObject):
    """One item in scene (= viewport pixel) coordinates covering the whole view; draws what the MapView's
    decoration options ask for over the map that ``frame`` describes."""

    def __init__(self, map_view: MapView, frame: ScreenFrame):
        super().__init__()
        self.map_view = map_view
        self.frame = frame
        self.setZValue(1000)
        self._rect = QRectF(0, 0, 1, 1)
        self._stamps = Stamps(limit=500)
        self._graticule_source: object = None  # the canvas's lines, kept so that `is` tells a new list
        self._graticule_projection: MapProjection | None = None
        self._graticule: list[tuple[str, bool, np.ndarray, np.ndarray]] = []

    def fit_to_viewport(self) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(self.frame.pixels)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, *args) -> None:
        if self._rect.width() < 50 or self._rect.height() < 50:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if self.map_view.decorations.graticule_labels:
            self._graticule_labels(painter)
        top = self._title(painter) if self.map_view.decorations.title else self.px(10)
        if self.map_view.decorations.north_arrow:
            self._north_arrow(painter, top)
        bottom = self._footer(painter)
        if self.map_view.decorations.scale_bar:
            self._scale_bar(painter, bottom)
        if self.map_view.decorations.legend:
            self._legend(painter, bottom)

    def px(self, value: float) -> float:
        return self.frame.context.px(value)

    # -- pieces ----------------------------------------------------------------------------------
    def _panel(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(self.frame.context.pen("#9AA5AE", 0.8))
        painter.setBrush(QBrush(with_alpha(PANEL, 225)))
        painter.drawRoundedRect(rect, self.px(3), self.px(3))

    def _title(self, painter: QPainter) -> float:
        font = self.frame.context.font(15, bold=True)
        metrics = QFontMetricsF(font)
        margin = self.px(10)
        title = self.map_view.decorations.title
        text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, self._rect.width() - 4 * margin)
        box = QRectF(margin, margin, metrics.horizontalAdvance(text) + 2 * margin, metrics.height() + margin)
        self._panel(painter, box)
        painter.setFont(font)
        painter.setPen(self.frame.context.pen(LABEL, 1))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.bottom() + margin

    def _north_arrow(self, painter: QPainter, top: float) -> None:
        view = self.frame.view_rect
        angle = true_north_angle(self.map_view.projection, view.center().x(), view.center().y())
        if not math.isfinite(angle):
            return
        size = self.px(38)
        centre = QPointF(self._rect.right() - self.px(12) - size / 2, top + self.px(14) + size / 2)
        painter.save()
        painter.translate(centre)
        painter.rotate(angle)
        half = size / 2
        left, right = QPainterPath(), QPainterPath()
        left.moveTo(0, -half)
        left.lineTo(-half * 0.42, half * 0.55)
        left.lineTo(0, half * 0.3)
        left.closeSubpath()
        right.moveTo(0, -half)
        right.lineTo(half * 0.42, half * 0.55)
        right.lineTo(0, half * 0.3)
        right.closeSubpath()
        painter.setPen(self.frame.context.pen(LABEL, 1))
        painter.setBrush(QBrush(with_alpha(LABEL)))
        painter.drawPath(left)
        painter.setBrush(QBrush(with_alpha(HALO)))
        painter.drawPath(right)
        font = self.frame.context.font(10, bold=True)
        metrics = QFontMetricsF(font)
        draw_text_with_halo(painter, QPointF(-metrics.horizontalAdvance("N") / 2, -half - self.px(3)), "N", font,
                            LABEL, HALO, self.px(1.5))
        painter.restore()

    def _footer(self, painter: QPainter) -> float:
        """Projection and attribution along the bottom edge; returns the y above it."""
        font = self.frame.context.font(7)
        metrics = QFontMetricsF(font)
        parts = [self.map_view.projection.name, ATTRIBUTION, *self.map_view.decorations.extra_attribution]
        if self.map_view.decorations.footnote:
            parts.insert(0, self.map_view.decorations.footnote)
        text = metrics.elidedText("  ·  ".join(parts), Qt.TextElideMode.ElideMiddle,
                                  self._rect.width() - self.px(16))
        height = metrics.height() + self.px(4)
        band = QRectF(0, self._rect.bottom() - height, self._rect.width(), height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(with_alpha(PANEL, 200)))
        painter.drawRect(band)
        painter.setFont(font)
        painter.setPen(self.frame.context.pen("#333333", 1))
        painter.drawText(band.adjusted(self.px(8), 0, -self.px(8), 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
        return band.top()

    def _scale_bar(self, painter: QPainter, bottom: float) -> None:
        view = self.frame.view_rect
        units_per_px = view.width() / max(1.0, self._rect.width())
        max_px = min(self.px(180), self._rect.width() * 0.3)
        km, length = nice_scale_bar(self.map_view.projection, view.center().x(), view.center().y(), units_per_px,
                                    max_px)
        if not (math.isfinite(km) and length > 0):
            return
        font = self.frame.context.font(8)
        metrics = QFontMetricsF(font)
        margin, bar_h = self.px(10), self.px(5)
        label = f"{km:,.0f} km" if km >= 1 else f"{km * 1000:,.0f} m"
        box = QRectF(margin, bottom - margin - self.px(40), length + self.px(24) + metrics.horizontalAdvance(label) / 2,
                     self.px(40))
        self._panel(painter, box)
        x0, y0 = box.left() + self.px(10), box.top() + self.px(21)
        painter.setPen(self.frame.context.pen(LABEL, 0.8))
        for i in range(4):
            painter.setBrush(QBrush(with_alpha(LABEL if i % 2 == 0 else HALO)))
            painter.drawRect(QRectF(x0 + i * length / 4, y0, length / 4, bar_h))
        painter.setFont(font)
        painter.drawText(QPointF(x0 - metrics.horizontalAdvance("0") / 2, y0 - self.px(4)), "0")
        painter.drawText(QPointF(x0 + length - metrics.horizontalAdvance(label) / 2, y0 - self.px(4)), label)
        small = self.frame.context.font(6)
        painter.setFont(small)
        painter.drawText(QPointF(x0, y0 + bar_h + QFontMetricsF(small).ascent() + self.px(2)),
                         "true at map centre")

    def _legend(self, painter: QPainter, bottom: float) -> None:
        # A small view keeps its map: the legend takes at most half its width and 42 % of its height.
        layout = legend_layout(self.frame, self._rect.width() * 0.5, (bottom - self._rect.top()) * 0.42)
        if layout is None:
            return
        width, height = layout.width, layout.height
        box = QRectF(self._rect.right() - width - self.px(10), bottom - height - self.px(10), width, height)
        if stamps_pay(painter, self.frame.context):  # the legend changes with what is shown, not while the view moves
            key = ("legend", tuple(layout.rows), width, height, self.frame.context.scale)
            self._stamps.draw(painter, key, painter.transform().map(box.topLeft()),
                              QRectF(0, 0, width, height).adjusted(-2, -2, 2, 2),
                              lambda p, at: self._draw_legend(p, QRectF(at, box.size()), layout))
        else:
            self._draw_legend(painter, box, layout)

    def _draw_legend(self, painter: QPainter, box: QRectF, layout: LegendLayout) -> None:
        self._panel(painter, box)
        painter.setFont(layout.font)
        row, swatch = layout.row, layout.swatch
        y = box.top() + self.px(6)
        width = box.width()
        for kind, text, colour in layout.rows:
            centre = QPointF(box.left() + self.px(8) + swatch / 2, y + row / 2)
            self._legend_swatch(painter, kind, colour, centre, swatch)
            painter.setPen(self.frame.context.pen(LABEL, 1))
            painter.drawText(QRectF(centre.x() + swatch / 2 + self.px(8), y, width, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            y += row

    def _legend_swatch(self, painter: QPainter, kind: str, colour: str, centre: QPointF, size: float) -> None:
        context = self.frame.context
        half = size / 2
        if kind == "event":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(with_alpha(colour)))
            painter.drawRoundedRect(QRectF(centre.x() - half, centre.y() - self.px(5), size, self.px(10)),
                                    self.px(2), self.px(2))
            return
        if kind in ("approximate", "draft"):
            painter.setPen(context.pen(colour, 1.6, APPROXIMATE_DASH if kind == "approximate" else DRAFT_DASH,
                                       alpha=160 if kind == "approximate" else 255))
            painter.drawLine(QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y()))
            return
        style = kind_style(kind)
        if style.geometry == "area":
            painter.setPen(context.pen(colour, style.line_width, style.dash))
            painter.setBrush(QBrush(with_alpha(colour, style.fill_alpha)))
            painter.drawRect(QRectF(centre.x() - half, centre.y() - self.px(6), size, self.px(12)))
        elif style.geometry == "line":
            painter.setPen(context.pen(colour, style.line_width, alpha=style.fill_alpha or 255))
            painter.drawLine(QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y()))
            if style.arrows:
                self._symbol(painter, "arrow", centre, style.line_width * 5, colour)
        else:
            self._symbol(painter, style.symbol, centre, min(style.symbol_size, 15), colour)

    def _symbol(self, painter: QPainter, name: str, centre: QPointF, size: float, colour: str) -> None:
        painter.setPen(self.frame.context.pen(HALO, 1.2))
        painter.setBrush(QBrush(with_alpha(colour)))
        transform = QTransform().translate(centre.x(), centre.y()).scale(self.px(size), self.px(size))
        painter.drawPath(transform.map(symbol_path(name)))

    def _graticule_labels(self, painter: QPainter) -> None:
        """Degree labels where meridians cross the bottom edge and parallels cross the left edge."""
        view = self.frame.view_rect
        font = self.frame.context.font(7)
        metrics = QFontMetricsF(font)
        bottom_y, left_x = view.top(), view.left()  # the view's y grows upwards: top() is the lowest y
        for label, meridian, x, y in self._projected_graticule():
            values, other, edge = (y, x, bottom_y) if meridian else (x, y, left_x)
            crossing = _crossing(values, other, edge)
            if crossing is None:
                continue
            point = self.frame.map_to_pixel(crossing, edge) if meridian else self.frame.map_to_pixel(edge, crossing)
            if meridian:
                at = QPointF(point.x() - metrics.horizontalAdvance(label) / 2,
                             self._rect.bottom() - self.px(18))
                if not self.px(30) < point.x() < self._rect.width() - self.px(30):
                    continue
            else:
                at = QPointF(self.px(4), point.y() - self.px(3))
                if not self.px(60) < point.y() < self._rect.height() - self.px(60):
                    continue
            if stamps_pay(painter, self.frame.context):
                reach = self.px(1.5) + 2
                extent = QRectF(0, -metrics.ascent(), metrics.horizontalAdvance(label), metrics.height())
                self._stamps.draw(painter, ("graticule", label, font.pixelSize(), reach), painter.transform().map(at),
                                  extent.adjusted(-reach, -reach, reach, reach),
                                  partial(self._graticule_label, label=label, font=font))
            else:
                self._graticule_label(painter, at, label=label, font=font)

    def _projected_graticule(self) -> list[tuple[str, bool, np.ndarray, np.ndarray]]:
        """(label, is a meridian, x, y) per graticule line, projected once per view change."""
        lines, projection = self.frame.graticule, self.map_view.projection
        if self._graticule_source is not lines or self._graticule_projection != projection:
            projected = []
            for label, line in lines:
                lon, lat = np.asarray(line.coords).T
                projected.append((label, bool(lon[0] == lon[-1]), *projection.forward(lon, lat)))
            self._graticule_source, self._graticule_projection, self._graticule = lines, projection, projected
        return self._graticule

    def _graticule_label(self, painter: QPainter, at: QPointF, *, label: str, font: QFont) -> None:
        draw_text_with_halo(painter, at, label, font, "#3A4A58", HALO, self.px(1.5))


@dataclass
class LegendLayout:
    rows: list[tuple[str, str, str]]  # (kind, text, colour), texts elided to fit
    font: QFont
    row: float  # height of a row
    swatch: float  # width of a row's symbol
    width: float
    height: float


def legend_layout(frame: ScreenFrame, room_w: float = math.inf, room_h: float = math.inf) -> LegendLayout | None:
    """The legend's rows and size within `room_w` x `room_h` pixels: long texts are elided; when the rows do not
    fit in height, the kinds go and the launches stay; None when not even those fit (or nothing is shown)."""
    context = frame.context
    font = context.font(8)
    metrics = QFontMetricsF(font)
    row = max(metrics.height(), context.px(16)) + context.px(3)
    swatch = context.px(22)
    room_text = room_w - swatch - context.px(26)
    rows = frame.legend_rows
    if not rows or room_text < context.px(100):
        return None
    if row * len(rows) + context.px(12) > room_h:
        rows = [entry for entry in rows if entry[0] == "event"]
        if not rows or row * len(rows) + context.px(12) > room_h:
            return None
    if math.isfinite(room_text):
        rows = [(kind, metrics.elidedText(text, Qt.TextElideMode.ElideRight, room_text), colour)
                for kind, text, colour in rows]
    width = swatch + context.px(26) + max(metrics.horizontalAdvance(text) for _, text, _ in rows)
    return LegendLayout(rows, font, row, swatch, width, row * len(rows) + context.px(12))

def legend_entries(workspace: Workspace, visible: list[Feature], colours: dict[str, str]) -> list[tuple[str, str, str]]:
    """(kind or 'event' or 'approximate' or 'draft', text, colour) rows: events by colour, then kinds by symbol.
    Made when the layers are (`MapCanvas.refresh`), not per frame: with many features it takes a while."""
    shown_events = {f.event for f in visible}
    rows = [
        ("event", f"{event.date_label}  {event.name}" if event.when else event.name, colours[event.id])
        for event in workspace.content.events_in_time_order() if event.id in shown_events
    ]
    shown_layers = {f.layer for f in visible if not f.event and KIND_REGISTRY.get(f.kind).in_legend}
    rows += [("event", layer, colours[layer]) for layer in workspace.layers() if layer in shown_layers]
    kinds = {f.kind for f in visible}
    rows += [(kind, kind_title(kind), "#555555") for kind in kind_names()
             if kind in kinds and KIND_REGISTRY.get(kind).in_legend]
    if any(f.certainty == "approximate" for f in visible):
        rows.append(("approximate", "Approximate (dashed, lighter)", "#555555"))
    if any(f.properties.get(DRAFT_PROPERTY) for f in visible):
        rows.append(("draft", "Draft, not yet reviewed (dotted)", DRAFT_COLOUR))
    return rows


def _crossing(values: np.ndarray, other: np.ndarray, edge: float) -> float | None:
    """Where the polyline (other, values) crosses values == edge, interpolated; None if it does not."""
    finite = np.isfinite(values) & np.isfinite(other)
    values, other = values[finite], other[finite]
    if len(values) < 2:
        return None
    side = np.sign(values - edge)
    changes = np.flatnonzero(side[:-1] * side[1:] < 0)
    if not len(changes):
        return None
    i = changes[0]
    t = (edge - values[i]) / (values[i + 1] - values[i])
    return float(other[i] + t * (other[i + 1] - other[i]))
