"""The user's annotations on the map — text, callouts, arrows and boxes — drawn at a fixed screen size
(viewer.qt.map.annotation_layer shows them on screen).

Words are drawn as text (``drawText``), not glyph outlines, so an SVG or PDF export keeps them as words.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFontMetricsF, QPainter, QPainterPath, QPolygonF

from viewer.geo.projected import ProjectedFeatures
from viewer.model import annotation as a
from viewer.model.feature import Feature
from viewer.qt.draw.style import RenderContext, draw_text_with_halo, with_alpha
from viewer.symbology import HALO

WRAP_CHARS = 42  # a callout's line length: a quote reads as a paragraph, not a banner
REACH_PX = 600  # how far from its position an annotation may draw (text, leader lines): kept out of clipping


@dataclass(frozen=True)
class Mark:
    """One annotation as drawn: positions in map units, the words, and its look."""

    feature_id: str
    style: str
    x: float
    y: float
    text: str
    colour: str
    size: float
    anchor: tuple[float, float] | None = None  # map units
    ring: tuple[tuple[float, float], ...] = ()  # a box drawn as a polygon, map units


def marks_of(features: list[Feature], cache: ProjectedFeatures, content) -> list[Mark]:
    """The drawable marks of annotation features, projected with ``cache``'s projection."""
    projection = cache.projection
    marks = []
    for feature in features:
        geometry = feature.geometry
        if geometry is None or geometry.is_empty:
            continue
        style = a.style_of(feature)
        ring: tuple[tuple[float, float], ...] = ()
        if geometry.geom_type == "Polygon":
            lon, lat = np.asarray(geometry.exterior.coords)[:, :2].T
            xs, ys = projection.forward(lon, lat)
            ring = tuple((float(x), float(y)) for x, y in zip(xs, ys, strict=True))
            west, north = float(np.min(lon)), float(np.max(lat))
            x, y = projection.forward(west, north)
        else:
            point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
            x, y = projection.forward(point.x, point.y)
        anchor = a.anchor_of(feature)
        anchor_xy = None
        if anchor is not None:
            ax, ay = projection.forward(*anchor)
            anchor_xy = (float(ax), float(ay)) if math.isfinite(ax) and math.isfinite(ay) else None
        if not (math.isfinite(x) and math.isfinite(y)):
            continue
        marks.append(Mark(feature.id, style, float(x), float(y), a.shown_text(feature, content),
                          a.colour_of(feature), a.size_of(feature), anchor_xy, ring))
    return marks


def paint_marks(painter: QPainter, context: RenderContext, marks: list[Mark]) -> None:
    """Draw annotations under the painter's (map to device) transform, each at a fixed size in device pixels."""
    to_device = painter.transform()
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for mark in marks:
        at = to_device.map(QPointF(mark.x, mark.y))
        anchor = to_device.map(QPointF(*mark.anchor)) if mark.anchor else None
        draw = _DRAW.get(mark.style, _draw_text)
        draw(context, painter, mark, at, anchor, [to_device.map(QPointF(x, y)) for x, y in mark.ring])
    painter.restore()


def mark_bounds(marks: list[Mark]) -> QRectF:
    """Where the marks' positions, anchors and rings are, in map units."""
    xs = [m.x for m in marks] + [m.anchor[0] for m in marks if m.anchor] + [x for m in marks for x, _ in m.ring]
    ys = [m.y for m in marks] + [m.anchor[1] for m in marks if m.anchor] + [y for m in marks for _, y in m.ring]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)) if xs else QRectF()


def mark_outline(context: RenderContext, mark: Mark, at: QPointF, anchor: QPointF | None,
                 ring: list[QPointF]) -> tuple[QRectF, tuple[QPointF, QPointF] | None]:
    """What a mark drawn at ``at`` covers, in device pixels, as its drawing below lays it out: the box of its words
    (with a callout's panel, or a box's polygon) and its leader or arrow line to ``anchor`` (None: it has none).
    The decorations count it as data they must not hide."""
    wrap = None if mark.style == "text" else WRAP_CHARS
    width, height = _block_size(context, mark, _lines(mark, wrap))
    pad = context.px({"callout": 6, "box": 5}.get(mark.style, 0))
    box = QRectF(at.x() - width / 2 - pad, at.y() - height / 2 - pad, width + 2 * pad, height + 2 * pad)
    if mark.style == "box" and len(ring) >= 3:
        box = QPolygonF(ring).boundingRect().united(QRectF(at.x() + pad, at.y() + pad, width, height))
    line = None
    if anchor is not None and mark.style in ("callout", "arrow") and not box.contains(anchor):
        line = (_edge_towards(box, anchor), anchor)
    return box, line


# -- drawing one mark (device pixels) --------------------------------------------------------------
def _lines(mark: Mark, wrap: int | None = None) -> list[str]:
    lines = []
    for paragraph in mark.text.splitlines() or [""]:
        lines += textwrap.wrap(paragraph, wrap) if wrap and paragraph else [paragraph]
    return lines


def _text_block(context: RenderContext, painter: QPainter, mark: Mark, top_left: QPointF, lines: list[str],
                halo: bool = True) -> None:
    font = context.font(mark.size)
    metrics = QFontMetricsF(font)
    y = top_left.y() + metrics.ascent()
    for line in lines:
        if halo:
            draw_text_with_halo(painter, QPointF(top_left.x(), y), line, font, mark.colour, HALO, context.px(1.8))
        else:
            painter.setFont(font)
            painter.setPen(with_alpha(mark.colour))
            painter.drawText(QPointF(top_left.x(), y), line)
        y += metrics.lineSpacing()


def _block_size(context: RenderContext, mark: Mark, lines: list[str]) -> tuple[float, float]:
    metrics = QFontMetricsF(context.font(mark.size))
    width = max((metrics.horizontalAdvance(line) for line in lines), default=0.0)
    return width, metrics.lineSpacing() * (len(lines) - 1) + metrics.height()


def _draw_text(context: RenderContext, painter: QPainter, mark: Mark, at: QPointF, anchor, ring) -> None:
    """Words centred on their position."""
    lines = _lines(mark)
    width, height = _block_size(context, mark, lines)
    _text_block(context, painter, mark, QPointF(at.x() - width / 2, at.y() - height / 2), lines)


def _draw_callout(context: RenderContext, painter: QPainter, mark: Mark, at: QPointF, anchor, ring) -> None:
    """Words in a white panel centred on their position, with a leader line to the anchor, if any."""
    lines = _lines(mark, WRAP_CHARS)
    width, height = _block_size(context, mark, lines)
    pad = context.px(6)
    box = QRectF(at.x() - width / 2 - pad, at.y() - height / 2 - pad, width + 2 * pad, height + 2 * pad)
    if anchor is not None and not box.contains(anchor):
        painter.setPen(context.pen(mark.colour, 1.4))
        painter.drawLine(_edge_towards(box, anchor), anchor)
        painter.setPen(context.pen(HALO, 1.0))
        painter.setBrush(QBrush(with_alpha(mark.colour)))
        painter.drawEllipse(anchor, context.px(3), context.px(3))
    painter.setPen(context.pen(mark.colour, 1.2))
    painter.setBrush(QBrush(with_alpha("#FFFFFF", 235)))
    painter.drawRoundedRect(box, context.px(4), context.px(4))
    _text_block(context, painter, mark, QPointF(box.left() + pad, box.top() + pad), lines, halo=False)


def _draw_arrow(context: RenderContext, painter: QPainter, mark: Mark, at: QPointF, anchor, ring) -> None:
    """Words at the tail, an arrow from them to the anchor."""
    lines = _lines(mark, WRAP_CHARS)
    width, height = _block_size(context, mark, lines)
    box = QRectF(at.x() - width / 2, at.y() - height / 2, width, height)
    if anchor is not None and not box.contains(anchor):
        start = _edge_towards(box.adjusted(-context.px(3), -context.px(3), context.px(3), context.px(3)), anchor)
        painter.setPen(context.pen(HALO, 4.0))
        painter.drawLine(start, anchor)
        painter.setPen(context.pen(mark.colour, 2.0))
        painter.drawLine(start, anchor)
        painter.setPen(context.pen(HALO, 1.0))
        painter.setBrush(QBrush(with_alpha(mark.colour)))
        painter.drawPath(_arrow_head(start, anchor, context.px(12)))
    _text_block(context, painter, mark, box.topLeft(), lines)


def _draw_box(context: RenderContext, painter: QPainter, mark: Mark, at: QPointF, anchor, ring) -> None:
    """An outlined area (the polygon, or a frame around the words) with the words at its top left."""
    lines = _lines(mark, WRAP_CHARS)
    width, height = _block_size(context, mark, lines)
    pad = context.px(5)
    painter.setPen(context.pen(mark.colour, 1.8))
    painter.setBrush(QBrush(with_alpha(mark.colour, 28)))
    if len(ring) >= 3:
        painter.drawPolygon(QPolygonF(ring))
        _text_block(context, painter, mark, QPointF(at.x() + pad, at.y() + pad), lines)
    else:
        box = QRectF(at.x() - width / 2 - pad, at.y() - height / 2 - pad, width + 2 * pad, height + 2 * pad)
        painter.drawRect(box)
        _text_block(context, painter, mark, QPointF(box.left() + pad, box.top() + pad), lines)


_DRAW = {"text": _draw_text, "callout": _draw_callout, "arrow": _draw_arrow, "box": _draw_box}


def _edge_towards(box: QRectF, target: QPointF) -> QPointF:
    """Where the line from the box's centre to ``target`` leaves the box."""
    centre = box.center()
    dx, dy = target.x() - centre.x(), target.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale = min(box.width() / 2 / abs(dx) if dx else math.inf, box.height() / 2 / abs(dy) if dy else math.inf)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


def _arrow_head(start: QPointF, tip: QPointF, size: float) -> QPainterPath:
    angle = math.atan2(tip.y() - start.y(), tip.x() - start.x())
    path = QPainterPath(tip)
    for turn in (math.radians(155), math.radians(-155)):
        path.lineTo(tip.x() + size * math.cos(angle + turn), tip.y() + size * math.sin(angle + turn))
    path.closeSubpath()
    path.setFillRule(Qt.FillRule.WindingFill)
    return path
