"""Map decorations drawn over the map in screen space: title, legend, scale bar, north arrow,
graticule labels, projection name and attribution — placed by viewer.geo.room so that framed data stays clear."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QTransform

from viewer.geo.labels import Candidate, bounds_of
from viewer.geo.room import (
    FRAME_PAD,
    Box,
    DecorationLayout,
    DecorationSizes,
    MapRect,
    frame_in_room,
    legend_choices,
    place_decorations,
)
from viewer.geo.scale import nice_scale_bar, true_north_angle
from viewer.qt.draw.legend import (
    LegendLayout,
    collapsed_size,
    draw_collapsed,
    draw_legend,
    draw_panel,
    legend_entries,
    legend_layout,
)
from viewer.qt.draw.style import Stamps, draw_text_with_halo, stamps_pay, with_alpha
from viewer.symbology import HALO, LABEL

if TYPE_CHECKING:
    from viewer.model.view import MapView
    from viewer.qt.draw.frame import ScreenFrame
    from viewer.qt.draw.overlay_data import OverlayData

__all__ = ["ATTRIBUTION", "DecorationPainter", "LegendLayout", "legend_entries", "legend_layout"]

ATTRIBUTION = "Basemap: Natural Earth (public domain)"
PANEL = "#FFFFFF"
LEGEND_SHARE_W, LEGEND_SHARE_H = 0.5, 0.42  # a legend in a corner takes at most this much of the map
COLUMN_SHARE_W = 0.36  # a legend in a column beside the map ("outside"), at most this much of the width
EDGE_SAMPLES = 129  # points along an edge where the graticule's crossings are looked for
SCALE_BAR_MAX = 180.0  # pixels at 96 dpi; at most 30 % of the width


class DecorationPainter:
    """Draws, in pixels of the map's rect, what the MapView's decoration options ask for over the map that
    ``frame`` describes, where ``layout()`` places it."""

    def __init__(self, map_view: MapView, frame: ScreenFrame):
        self.map_view = map_view
        self.frame = frame
        self._rect = QRectF(0, 0, 1, 1)
        self._stamps = Stamps(limit=500)
        self._graticule_source: object = None  # the canvas's lines, kept so that `is` tells a new list
        self._graticule_key: tuple | None = None  # (projection, view rect) the crossings were found for
        self._graticule: list[tuple[str, bool, float]] = []
        self.last_layout: DecorationLayout | None = None  # what was drawn last (tests, the label engine)
        self.legend_offset = QPointF()  # pixels the legend is drawn away from its place while it is dragged
        # On screen, the map's rect when the view last rested (an export has none): while the view differs from
        # it (a pan or zoom under way), the auto legend stays where it was drawn at rest.
        self.rest_view: QRectF | None = None
        # The map's labels as drawn (device pixels): graticule labels, the least of labels, give way to them. The
        # canvas and an export's scene point it at their label engine's last placement.
        self.label_boxes: Callable[[], list[Candidate]] | None = None
        # The measurements, range rings and annotations drawn: data the auto legend avoids as it avoids features
        # (the canvas and an export's scene set it, so the screen, an export and the deck count alike).
        self.overlay_data: OverlayData | None = None
        self.graticule_drawn: list[tuple[str, Box]] = []  # (text, box) of the degree labels drawn last (tests)
        self._sizes: tuple[tuple, DecorationSizes] | None = None
        self._widths: dict[tuple[str, str], float] = {}  # (text, font key): advance, of the degree labels
        self._footer_kept: tuple[tuple, str] | None = None  # (what the footer's text depends on, the text)

    def fit_to_viewport(self) -> None:
        """Cover the frame's pixels (after the view's size changed)."""
        self._rect = QRectF(self.frame.pixels)

    @property
    def rect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter) -> None:
        if self._rect.width() < 50 or self._rect.height() < 50:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        layout = self.layout()
        self.last_layout = layout
        boxes = {name: QRectF(QPointF(b[0], b[1]), QPointF(b[2], b[3])) for name, b in layout.boxes.items()}
        if self.map_view.decorations.graticule_labels:
            self._graticule_labels(painter, list(layout.boxes.values()))
        if "column" in boxes:
            painter.setPen(self.frame.context.pen("#9AA5AE", 0.8))
            painter.setBrush(QBrush(with_alpha(PANEL, 245)))
            painter.drawRect(boxes["column"])
        # Each piece is stamped from an image kept for the next paint (screen): a pan redraws them all.
        if "title" in boxes:
            self._stamped(painter, ("title", self.map_view.decorations.title), boxes["title"], self._title)
        if "north_arrow" in boxes:
            angle = self._north_angle()
            if angle is not None:
                self._stamped(painter, ("north", angle), boxes["north_arrow"],
                              functools.partial(self._north_arrow, angle=angle))
        if "footer" in boxes:
            self._stamped(painter, ("footer", self._footer_text(boxes["footer"])), boxes["footer"], self._footer)
        if "scale_bar" in boxes:
            bar = self._scale_bar_length()
            if bar is not None:
                self._stamped(painter, ("scale", *bar), boxes["scale_bar"],
                              functools.partial(self._scale_bar, bar=bar))
        if "legend" in boxes:
            painter.save()
            painter.translate(self.legend_offset)  # how far the legend is being dragged (zero otherwise)
            self._legend(painter, boxes["legend"], layout.legend_place == "outside")
            painter.restore()

    def px(self, value: float) -> float:
        return self.frame.context.px(value)

    # -- where things go ---------------------------------------------------------------------------
    def sizes(self, legend_place: str | None = None) -> DecorationSizes:
        """Each decoration's size in pixels at the current view size (the scale bar at its longest)."""
        options = self.map_view.decorations
        width, height = self._rect.width(), self._rect.height()
        margin = self.px(10)
        footer = QFontMetricsF(self.frame.context.font(7)).height() + self.px(4)
        title = arrow = bar = legend = column = compact = None
        if options.title:
            metrics = QFontMetricsF(self.frame.context.font(15, bold=True))
            text_w = min(metrics.horizontalAdvance(options.title), width - 4 * margin)
            title = (text_w + 2 * margin, metrics.height() + margin)
        if options.north_arrow:
            arrow = (self.px(38) + self.px(8), self.px(38) + self.px(20))
        if options.scale_bar:
            label_w = QFontMetricsF(self.frame.context.font(8)).horizontalAdvance("10,000 km")
            bar = (self._scale_bar_max() + self.px(24) + label_w / 2, self.px(40))
        if options.shows_legend:
            if options.legend_collapsed:
                legend = column = collapsed_size(self.frame.context)
            else:
                room_h = height - footer
                # A corner's names go on to a second line where its height share allows, as the column's do: they
                # were cut ('Chollima-1 launch (Malligyong-1, 1…') in a 1920x1080 window with room to spare.
                corner = legend_layout(self.frame, width * LEGEND_SHARE_W, room_h * LEGEND_SHARE_H, wrap=True)
                legend = (corner.width, corner.height) if corner else None
                short = legend_layout(self.frame, width * LEGEND_SHARE_W, corner.height - 1,
                                      wrap=True) if corner else None
                compact = (short.width, short.height) if short else None  # the launches only (auto may use it)
                if legend_place in (None, "outside", "auto"):
                    tall = legend_layout(self.frame, width * COLUMN_SHARE_W,
                                         room_h - 3 * margin - (arrow[1] if arrow else 0), wrap=True)
                    column = (tall.width, tall.height) if tall else None
        return DecorationSizes(width, height, margin, title, arrow, bar, footer, legend, column, compact)

    @property
    def moving(self) -> bool:
        """Whether the view is moving on screen (it differs from where it last rested)."""
        return self.rest_view is not None and self.frame.view_rect != self.rest_view

    def layout(self) -> DecorationLayout:
        """Where each decoration goes now: the legend in its place, or (auto) the corner with least data under it,
        staying where it was drawn last unless another place is clearly better, and never moved mid-gesture."""
        options = self.map_view.decorations
        sizes = self._current_sizes()
        if options.legend == "auto" and options.legend_kept and self.moving:
            held = place_decorations(sizes, options.legend_kept)
            if held.held_place == options.legend_kept:
                return held
        return place_decorations(sizes, options.legend, self._data_under, keep=options.legend_kept)

    def _current_sizes(self) -> DecorationSizes:
        """``sizes()`` for the auto or named place, kept while what they depend on is unchanged (every paint asks)."""
        options, context = self.map_view.decorations, self.frame.context
        key = (self._rect.width(), self._rect.height(), replace(options, legend_kept=""),
               tuple(self.frame.legend_rows), context.scale)
        if self._sizes is None or self._sizes[0] != key:
            self._sizes = (key, self.sizes())
        return self._sizes[1]

    def frame_for(self, data: MapRect, min_span: float = 0.0, pad: float = FRAME_PAD) -> MapRect:
        """The map rect showing ``data`` (map units) as large as it goes clear of every decoration, ``pad``
        pixels (at 96 dpi) from them: the legend goes wherever leaves the data most room."""
        legend = self.map_view.decorations.legend
        layouts = [place_decorations(self.sizes(place), place) for place in legend_choices(legend)]
        return frame_in_room(layouts, data, self.px(pad), min_span)[1]

    def _data_under(self, box: Box) -> float:
        """How much data a box of the map's pixels covers: the features there, and the measurements, range rings
        and annotations (a legend over a ring or an annotation's leader line hid them while 'covering nothing')."""
        counter = self.frame.data_count
        found = 0.0
        if counter is not None:
            (x0, y0), (x1, y1) = self.frame.pixel_to_map(box[0], box[3]), self.frame.pixel_to_map(box[2], box[1])
            found += counter(x0, y0, x1, y1)
        if self.overlay_data is not None:
            found += self.overlay_data.count(box)
        return found

    def _scale_bar_max(self) -> float:
        return min(self.px(SCALE_BAR_MAX), self._rect.width() * 0.3)

    # -- pieces ----------------------------------------------------------------------------------
    def _stamped(self, painter: QPainter, key: tuple, box: QRectF,
                 draw: Callable[[QPainter, QRectF], None]) -> None:
        """``draw(painter, box)``, or on the screen a copy of it kept by ``key`` (what it shows) and box size."""
        if not stamps_pay(painter, self.frame.context):
            draw(painter, box)
            return
        size = box.size()
        self._stamps.draw(painter, (*key, size.width(), size.height(), self.frame.context.scale),
                          painter.transform().map(box.topLeft()),
                          QRectF(0, 0, size.width(), size.height()).adjusted(-3, -3, 3, 3),
                          lambda p, at: draw(p, QRectF(at, size)))

    def _panel(self, painter: QPainter, rect: QRectF) -> None:
        draw_panel(painter, self.frame.context, rect)

    def _title(self, painter: QPainter, box: QRectF) -> None:
        font = self.frame.context.font(15, bold=True)
        metrics = QFontMetricsF(font)
        text = metrics.elidedText(self.map_view.decorations.title, Qt.TextElideMode.ElideRight,
                                  box.width() - self.px(18))
        self._panel(painter, box)
        painter.setFont(font)
        painter.setPen(self.frame.context.pen(LABEL, 1))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _north_angle(self) -> float | None:
        """Degrees the arrow turns to point at true north from the view's centre, to a tenth (None: nowhere)."""
        view = self.frame.view_rect
        angle = true_north_angle(self.map_view.projection, view.center().x(), view.center().y())
        return round(angle, 1) if math.isfinite(angle) else None

    def _north_arrow(self, painter: QPainter, box: QRectF, angle: float) -> None:
        size = self.px(38)
        centre = QPointF(box.center().x(), box.bottom() - self.px(4) - size / 2)
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

    def _footer_text(self, band: QRectF) -> str:
        """The footer's text, elided to the band; kept while it is the same (every paint asks, for the footer's
        stamp: eliding it took ~0.4 ms a repaint)."""
        font = self.frame.context.font(7)
        parts = [self.map_view.projection.name, ATTRIBUTION, *self.map_view.decorations.extra_attribution]
        if self.map_view.decorations.footnote:
            parts.insert(0, self.map_view.decorations.footnote)
        key = (tuple(parts), band.width() - self.px(16), font.key())
        if self._footer_kept is None or self._footer_kept[0] != key:
            metrics, text = QFontMetricsF(font), "  ·  ".join(parts)
            if self.map_view.decorations.footnote and metrics.horizontalAdvance(text) > key[1]:
                # The sources' titles are cut at their end; the projection and the attribution stay whole (cut in
                # the middle, a title ran into the projection: "…a spy satellite….5°N, 37.5°N) centred 129°E").
                rest = "  ·  " + "  ·  ".join(parts[1:])
                room = key[1] - metrics.horizontalAdvance(rest)
                if room >= metrics.horizontalAdvance("Sources: a source…"):
                    text = metrics.elidedText(parts[0], Qt.TextElideMode.ElideRight, room) + rest
            text = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, key[1])
            self._footer_kept = (key, text)
        return self._footer_kept[1]

    def _footer(self, painter: QPainter, band: QRectF) -> None:
        """Projection and attribution along the bottom edge."""
        font = self.frame.context.font(7)
        text = self._footer_text(band)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(with_alpha(PANEL, 200)))
        painter.drawRect(band)
        painter.setFont(font)
        painter.setPen(self.frame.context.pen("#333333", 1))
        painter.drawText(band.adjusted(self.px(8), 0, -self.px(8), 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)

    def _scale_bar_length(self) -> tuple[float, float] | None:
        """(km, pixels) of the scale bar at the view's centre, the length to a quarter pixel (None: no scale)."""
        view = self.frame.view_rect
        units_per_px = view.width() / max(1.0, self._rect.width())
        km, length = nice_scale_bar(self.map_view.projection, view.center().x(), view.center().y(), units_per_px,
                                    self._scale_bar_max())
        if not (math.isfinite(km) and length > 0):
            return None
        return km, round(length * 4) / 4

    def _scale_bar(self, painter: QPainter, room: QRectF, bar: tuple[float, float]) -> None:
        km, length = bar
        font = self.frame.context.font(8)
        metrics = QFontMetricsF(font)
        bar_h = self.px(5)
        from viewer.geo.scale import distance_label  # here: the module's imports are being changed on another branch

        label = distance_label(km)
        box = QRectF(room.left(), room.top(), length + self.px(24) + metrics.horizontalAdvance(label) / 2,
                     room.height())
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

    def _legend(self, painter: QPainter, box: QRectF, outside: bool) -> None:
        context = self.frame.context
        if self.map_view.decorations.legend_collapsed:
            draw_collapsed(painter, context, box)
            return
        # the rows that fit the box `sizes` made for them (a south corner's legend lost its kinds' rows here, so the
        # room it was given, avoided by labels and framing, was not the legend drawn)
        layout = legend_layout(self.frame, box.width() + 1, box.height() + 1, wrap=True)
        if layout is None:
            return
        # The panel is as large as what it lists (fewer rows may fit than the place was made for), kept to the
        # place's corner nearest the map's edge.
        width, height = min(layout.width, box.width()), min(layout.height, box.height())
        x = box.right() - width if box.center().x() > self._rect.center().x() else box.left()
        y = box.bottom() - height if box.center().y() > self._rect.center().y() else box.top()
        box = QRectF(x, y, width, height)
        if stamps_pay(painter, context):  # the legend changes with what is shown, not while the view moves
            key = ("legend", tuple(layout.rows), layout.width, layout.height, context.scale)
            self._stamps.draw(painter, key, painter.transform().map(box.topLeft()),
                              QRectF(0, 0, box.width(), box.height()).adjusted(-2, -2, 2, 2),
                              lambda p, at: draw_legend(p, context, QRectF(at, box.size()), layout))
        else:
            draw_legend(painter, context, box, layout)

    def _graticule_labels(self, painter: QPainter, boxes: list[Box]) -> None:
        """Degree labels where meridians cross the bottom edge and parallels cross the left edge, where no other
        decoration is and no label of the map: they are the least of labels, placed last ('15°N' sat on
        'THAILAND')."""
        self.graticule_drawn = []
        placed = self.label_boxes() if self.label_boxes is not None else []
        labels = _mapped_boxes(np.array([bounds_of(c) for c in placed], dtype=float).reshape(-1, 4),
                               painter.transform().inverted()[0])
        halo = self.px(1.5)
        view = self.frame.view_rect
        font = self.frame.context.font(7)
        metrics = QFontMetricsF(font)
        # on screen each degree label goes to a whole pixel, so a pan or zoom copies its one stamp (at the view's
        # own fractions of a pixel it drew a new one now and then: up to 5 ms a frame); an image is exact
        stamp = stamps_pay(painter, self.frame.context)
        snap = round if stamp else float
        bottom_y, left_x = view.top(), view.left()  # the view's y grows upwards: top() is the lowest y
        for label, meridian, crossing in self._edge_crossings():
            point = (self.frame.map_to_pixel(crossing, bottom_y) if meridian else
                     self.frame.map_to_pixel(left_x, crossing))
            width = self._text_width(label, font, metrics)
            if meridian:
                at = QPointF(snap(point.x() - width / 2), snap(self._rect.bottom() - self.px(18)))
                if not self.px(30) < point.x() < self._rect.width() - self.px(30):
                    continue
            else:
                at = QPointF(snap(self.px(4)), snap(point.y() - self.px(3)))
                if not self.px(60) < point.y() < self._rect.height() - self.px(60):
                    continue
            if any(at.x() < b[2] and at.x() + width > b[0] and at.y() - metrics.ascent() < b[3] and at.y() > b[1]
                   for b in boxes):
                continue
            box = (at.x() - halo, at.y() - metrics.ascent() - halo, at.x() + width + halo,
                   at.y() + metrics.descent() + halo)
            if np.any((labels[:, 0] < box[2]) & (labels[:, 2] > box[0]) & (labels[:, 1] < box[3])
                      & (labels[:, 3] > box[1])):
                continue
            self.graticule_drawn.append((label, box))
            if stamp:
                reach = self.px(1.5) + 2
                extent = QRectF(0, -metrics.ascent(), width, metrics.height())
                self._stamps.draw(painter, ("graticule", label, font.pixelSize(), reach), painter.transform().map(at),
                                  extent.adjusted(-reach, -reach, reach, reach),
                                  functools.partial(self._graticule_label, label=label, font=font))
            else:
                self._graticule_label(painter, at, label=label, font=font)

    def _text_width(self, text: str, font: QFont, metrics: QFontMetricsF) -> float:
        """The text's advance in ``font``, kept: every paint asks it of every degree label."""
        key = (text, font.key())
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > 1000:
                self._widths.clear()
            width = self._widths[key] = metrics.horizontalAdvance(text)
        return width

    def _edge_crossings(self) -> list[tuple[str, bool, float]]:
        """(label, is a meridian, where along its edge in map units) of each graticule line that crosses the bottom
        edge (meridians) or the left edge (parallels) of the view. The edges are sampled and projected back to
        lon/lat (two projections a view, where projecting each line cost ~1 ms a repaint while panning)."""
        lines, projection, view = self.frame.graticule, self.map_view.projection, QRectF(self.frame.view_rect)
        key = (projection, view)
        if self._graticule_source is lines and self._graticule_key == key:
            return self._graticule
        geometries = np.array([line for _, line in lines], dtype=object)
        first, last = shapely.get_point(geometries, 0), shapely.get_point(geometries, -1)
        start_lon, start_lat = shapely.get_x(first), shapely.get_y(first)
        along_x = np.linspace(view.left(), view.right(), EDGE_SAMPLES)
        along_y = np.linspace(view.top(), view.bottom(), EDGE_SAMPLES)
        with np.errstate(invalid="ignore"):
            lon, _ = projection.inverse(along_x, np.full(EDGE_SAMPLES, view.top()))
            _, lat = projection.inverse(np.full(EDGE_SAMPLES, view.left()), along_y)
        meridians = start_lon == shapely.get_x(last)  # a meridian starts and ends at one longitude
        with np.errstate(invalid="ignore"):  # off the globe the edge has no lon/lat (NaN)
            # the signed difference of longitudes, the short way round the globe; all lines at once (one by one they
            # took ~1 ms a repaint while panning)
            across = {True: iter(_crossings(((np.asarray(lon)[None, :] - start_lon[meridians, None] + 180.0) % 360.0)
                                            - 180.0, along_x)),
                      False: iter(_crossings(np.asarray(lat)[None, :] - start_lat[~meridians, None], along_y))}
        found = []
        for (label, _), meridian in zip(lines, meridians, strict=True):
            crossing = next(across[bool(meridian)])
            if np.isfinite(crossing):
                found.append((label, bool(meridian), float(crossing)))
        self._graticule_source, self._graticule_key, self._graticule = lines, key, found
        return found

    def _graticule_label(self, painter: QPainter, at: QPointF, *, label: str, font: QFont) -> None:
        draw_text_with_halo(painter, at, label, font, "#3A4A58", HALO, self.px(1.5))


def _mapped_boxes(boxes: np.ndarray, transform: QTransform) -> np.ndarray:
    """(n, 4) boxes (left, top, right, bottom) mapped by ``transform``, as the bounds of their mapped corners."""
    x = np.stack([boxes[:, 0], boxes[:, 2], boxes[:, 2], boxes[:, 0]], axis=1)
    y = np.stack([boxes[:, 1], boxes[:, 1], boxes[:, 3], boxes[:, 3]], axis=1)
    mx = transform.m11() * x + transform.m21() * y + transform.dx()
    my = transform.m12() * x + transform.m22() * y + transform.dy()
    return np.column_stack([mx.min(axis=1), my.min(axis=1), mx.max(axis=1), my.max(axis=1)]).reshape(-1, 4)


def _crossings(differences: np.ndarray, along: np.ndarray) -> np.ndarray:
    """Per row of ``differences`` (each sampled at the positions ``along`` an edge, NaN where the edge is off the
    globe, the same samples in every row), where it first passes through zero, interpolated; NaN if it does not.
    A jump of more than 90 between samples is a wrap (longitudes past 180°), not a crossing."""
    differences = differences.reshape(-1, len(along))
    finite = np.isfinite(differences).any(axis=0)
    differences, along = differences[:, finite], along[finite]
    found = np.full(len(differences), np.nan)
    if differences.shape[1] < 2:
        return found
    a, b = differences[:, :-1], differences[:, 1:]
    changes = (np.sign(a) * np.sign(b) <= 0) & (np.abs(a - b) < 90) & (a != b)
    rows = np.flatnonzero(changes.any(axis=1))
    i = changes[rows].argmax(axis=1)
    a, b = a[rows, i], b[rows, i]
    found[rows] = along[i] + a / (a - b) * (along[i + 1] - along[i])
    return found
