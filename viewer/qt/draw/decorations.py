"""Map decorations drawn over the map in screen space: title, legend, scale bar, north arrow,
graticule labels, projection name and attribution — placed by viewer.geo.room so that framed data stays clear."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath

from viewer.geo.labels import Candidate
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
from viewer.qt.draw.footer import FooterText, draw_footer, footer_text, wrapped_within
from viewer.qt.draw.graticule_labels import GraticuleLabels
from viewer.qt.draw.legend import (
    LegendLayout,
    collapsed_size,
    draw_collapsed,
    draw_legend,
    draw_panel,
    full_text_at,
    legend_entries,
    legend_layout,
)
from viewer.qt.draw.style import Stamps, draw_text_with_halo, stamps_pay, with_alpha
from viewer.symbology import HALO, LABEL

if TYPE_CHECKING:
    import numpy as np
    from PySide6.QtGui import QTransform

    from viewer.model.view import MapView
    from viewer.qt.draw.frame import ScreenFrame
    from viewer.qt.draw.overlay_data import OverlayData

__all__ = ["ATTRIBUTION", "DecorationPainter", "LegendLayout", "legend_entries", "legend_layout"]

ATTRIBUTION = "Basemap: Natural Earth (public domain)"
PANEL = "#FFFFFF"
LEGEND_SHARE_W, LEGEND_SHARE_H = 0.5, 0.42  # a legend in a corner takes at most this much of the map
COLUMN_SHARE_W = 0.36  # a legend in a column beside the map ("outside"), at most this much of the width
TITLE_LINES = 2
SCALE_BAR_MAX = 180.0  # pixels at 96 dpi; at most 30 % of the width


def title_lines(title: str, metrics: QFontMetricsF, room: float) -> list[str]:
    """``title`` on one line, or on TITLE_LINES broken between words where it does not fit ``room`` pixels (the
    last cut at its end only when even those do not)."""
    return wrapped_within(title, metrics, room, TITLE_LINES)


class DecorationPainter(GraticuleLabels):
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
        self._label_boxes: tuple[list[Candidate], QTransform, np.ndarray] | None = None  # (see GraticuleLabels)
        self.last_layout: DecorationLayout | None = None  # what was drawn last (tests, the label engine)
        self._gesture_place = ""  # where the auto legend was drawn in the gesture under way ("": none)
        # whether the gesture under way is shown from one image of the map (the canvas's snapshot), which moves the
        # labels drawn at rest without placing them again: the auto legend then holds its place through it
        self.gesture_from_image: Callable[[], bool] | None = None
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
        self.legend_drawn: tuple[QRectF, LegendLayout] | None = None  # where the last paint drew the legend, and it

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
        shown_from_image = self.gesture_from_image is not None and self.gesture_from_image()
        self._gesture_place = (layout.held_place or "") if self.moving and shown_from_image else ""
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
            self._stamped(painter, ("footer", self._footer_text().text), boxes["footer"], self._footer)
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

    def legend_tooltip(self, x: float, y: float) -> str:
        """The whole text of the legend row under (x, y), pixels of the map, when the legend drawn there cut it."""
        if self.legend_drawn is None or "legend" not in (self.last_layout.boxes if self.last_layout else {}):
            return ""
        box, layout = self.legend_drawn
        return full_text_at(layout, box, self.frame.legend_rows, self.frame.context, x, y)

    def px(self, value: float) -> float:
        return self.frame.context.px(value)

    # -- where things go ---------------------------------------------------------------------------
    def sizes(self, legend_place: str | None = None) -> DecorationSizes:
        """Each decoration's size in pixels at the current view size (the scale bar at its longest)."""
        options = self.map_view.decorations
        width, height = self._rect.width(), self._rect.height()
        margin = self.px(10)
        footer = self._footer_text(width, height).height
        title = arrow = bar = legend = column = compact = None
        if options.title:
            metrics = QFontMetricsF(self._title_font())
            # clear of the north arrow in the top-right corner: at 400 px wide it was drawn over the title's end
            beside = self.px(38) + self.px(8) + margin if options.north_arrow else 0.0
            lines = title_lines(options.title, metrics, width - 4 * margin - beside)
            text_w = max(metrics.horizontalAdvance(line) for line in lines)
            title = (text_w + 2 * margin, len(lines) * metrics.height() + margin)
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
                # were cut ('Chollima-1 launch (Malligyong-1, 1…') in a 1920x1080 window with room to spare. The
                # share is of the whole map, so an export's sources line (the screen has none) leaves it as shown.
                share = min(height * LEGEND_SHARE_H, room_h - 3 * margin)
                corner = legend_layout(self.frame, width * LEGEND_SHARE_W, share, wrap=True)
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
        # mid-gesture it stays where auto put it at rest, or else, in a gesture shown from the map's snapshot, where
        # the gesture first drew it (one that starts before the view ever rested: chosen afresh at every step, it
        # jumped corners mid-drag, over labels the snapshot showed where they were); at rest as before
        kept = options.legend_kept or (self._gesture_place if self.moving else "")
        if options.legend == "auto" and kept and self.moving:
            held = place_decorations(sizes, kept)
            if held.held_place == kept:
                return held
        return place_decorations(sizes, options.legend, self._data_under, keep=options.legend_kept)

    def _current_sizes(self) -> DecorationSizes:
        """``sizes()`` for the auto or named place, kept while what they depend on is unchanged (every paint asks)."""
        options, context = self.map_view.decorations, self.frame.context
        key = (self._rect.width(), self._rect.height(), replace(options, legend_kept=""),
               tuple(self.frame.legend_rows), context.scale, self.map_view.projection.name)  # the footer names it
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

    def _title_font(self) -> QFont:
        return self.frame.context.font(15, bold=True)

    def title_lines(self, box: QRectF) -> list[str]:
        """The title's lines as drawn in ``box``."""
        metrics = QFontMetricsF(self._title_font())
        return title_lines(self.map_view.decorations.title, metrics, box.width() - self.px(18))

    def _title(self, painter: QPainter, box: QRectF) -> None:
        self._panel(painter, box)
        painter.setFont(self._title_font())
        painter.setPen(self.frame.context.pen(LABEL, 1))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "\n".join(self.title_lines(box)))

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

    def _footer_text(self, width: float | None = None, height: float | None = None) -> FooterText:
        """The footer's lines for a map of this size (default: the current one)."""
        options = self.map_view.decorations
        rest = (self.map_view.projection.name, ATTRIBUTION, *options.extra_attribution)
        width = self._rect.width() if width is None else width
        height = self._rect.height() if height is None else height
        return footer_text(options.footnote, rest, self.frame.context.scale, width, height)

    def _footer(self, painter: QPainter, band: QRectF) -> None:
        """The sources, projection and attribution along the bottom edge."""
        draw_footer(painter, self.frame.context, band, self._footer_text())

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
        self.legend_drawn = (painter.transform().mapRect(box), layout)
        if stamps_pay(painter, context):  # the legend changes with what is shown, not while the view moves
            key = ("legend", tuple(layout.rows), layout.width, layout.height, context.scale)
            self._stamps.draw(painter, key, painter.transform().map(box.topLeft()),
                              QRectF(0, 0, box.width(), box.height()).adjusted(-2, -2, 2, 2),
                              lambda p, at: draw_legend(p, context, QRectF(at, box.size()), layout))
        else:
            draw_legend(painter, context, box, layout)
