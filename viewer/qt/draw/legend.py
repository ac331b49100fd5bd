"""The map legend: its rows (launches by colour, then kinds by symbol), its size within the room given, and its
drawing — in full, or collapsed to its heading."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QPainterPath, QTransform

from viewer.model.feature_paint import COLOURS_SHOWN
from viewer.model.feature_table import FeatureTable, columns_of
from viewer.model.kinds import KIND_REGISTRY, kind_style, kind_title, kinds_in_order
from viewer.model.legend_counts import legend_counts
from viewer.model.own_colours import layer_colours
from viewer.qt.draw.style import RenderContext, symbol_path, with_alpha
from viewer.symbology import (
    APPROXIMATE_DASH,
    APPROXIMATE_WIDTH,
    DRAFT_COLOUR,
    DRAFT_DASH,
    HALO,
    LABEL,
    NO_EVENT_COLOUR,
    chosen_layers,
)

if TYPE_CHECKING:

    from viewer.model.feature import Feature
    from viewer.model.workspace import Workspace
    from viewer.qt.draw.frame import ScreenFrame

PANEL = "#FFFFFF"
COLLAPSED_TEXT = "Legend ▸"
WRAP_LINES = 3  # a row wrapped in the column beside the map takes at most this many lines
COLOURS_APART = " "  # between the colours of a row whose swatch shows several (`row_colour`)
LAUNCH, LAYER = "event", "layer"  # the rows of a launch and of another file's layer, by colour; the others by symbol


@dataclass(frozen=True)
class LegendLayout:
    rows: list[tuple[str, str, str]]  # (kind, text, colour), texts elided to fit
    font: QFont
    row: float  # height of a row
    swatch: float  # width of a row's symbol
    width: float
    height: float
    line: float = 0.0  # the height each further line of a wrapped row adds (texts with "\n")
    wholes: tuple[str, ...] = ()  # each row's text before it was wrapped or cut (for its tooltip)

    def row_height(self, text: str) -> float:
        return self.row + text.count("\n") * self.line


def legend_layout(frame: ScreenFrame, room_w: float = math.inf, room_h: float = math.inf,
                  wrap: bool = False) -> LegendLayout | None:
    """The legend's rows and size within `room_w` x `room_h` pixels: long texts are elided (``wrap``: they go on
    to further lines first, where the column beside the map has height to spare); when the rows do not fit in
    height, other files' layers are summed up in one row ('+ 3 more files') before the kinds go (`_fitting`), and
    the launches stay; None when not even those fit (or nothing is shown).
    Kept for the same rows and room: every repaint asks (eliding each row's text is what costs)."""
    rows = tuple(frame.legend_rows)
    if not wrap:
        return _legend_layout(rows, frame.context.scale, room_w, room_h)
    return _wrapped_layout(rows, frame.context.scale, room_w, room_h)


@functools.lru_cache(maxsize=64)
def _wrapped_layout(rows: tuple[tuple[str, str, str], ...], scale: float, room_w: float,
                    room_h: float) -> LegendLayout | None:
    """`legend_layout` with names wrapped as far as the height goes: every row, else the first rows (launches
    first, then the layers), the rest cut to one line; the kinds' rows, which fit only unwrapped, are worth more
    than whole names."""
    wrapped = _legend_layout(rows, scale, room_w, room_h, len(rows))
    if wrapped is not None and len(wrapped.rows) == len(rows):
        return wrapped
    cut = _legend_layout(rows, scale, room_w, room_h)
    kept = len(cut.rows) if cut is not None else 0
    if cut is not None and any("…" in text for _, text, _ in cut.rows):
        # a column with height for some more lines: a slide with ten layers of long names cut every name, its own
        # launch's too ('2023-05-31  C… 1st attempt'), when it had room for a few more lines
        for count in range(kept - 1, 0, -1):
            partly = _legend_layout(rows, scale, room_w, room_h, count)
            # the same rows; or, beside the kinds, the same launches and kinds (a file's row may have made room for a
            # launch's name: '+ 3 more files')
            if partly is not None and (len(partly.rows) == kept or (_not_layers(cut.rows) > _launches(cut.rows)
                                       and _not_layers(partly.rows) == _not_layers(cut.rows))):
                cut = partly
                break
    # When the kinds go either way, the launches' names wrap ('2023-05-31 Chollima-1 laun…' three times over in an
    # overview slide's column).
    return wrapped if wrapped is not None and (cut is None or kept <= len(wrapped.rows)) else cut


def _not_layers(rows: list[tuple[str, str, str]]) -> int:
    return sum(kind != LAYER for kind, _, _ in rows)


def _launches(rows: list[tuple[str, str, str]]) -> int:
    return sum(kind == LAUNCH for kind, _, _ in rows)


_BREAKS = re.compile(r"(?<=[_\-/.,])")  # a word wider than a line goes on after a separator within it


def _wrapped(text: str, metrics: QFontMetricsF, room: float, lines: int = WRAP_LINES) -> str:
    """``text`` broken into at most ``lines`` lines that fit ``room`` pixels, joined with "\\n": at spaces, or after
    '_', '-', '/', '.' within a word (another tool's layer names, 'launch_corridors_2023_east', have no spaces), or
    anywhere in a word longer than a line; the last line elided in the middle if need be, so that two names that
    differ at their ends stay told apart."""
    pieces, out = list[str](), list[str]()
    for word in text.split(" "):  # at spaces first; within a word only when it is wider than a line
        parts = [word] if metrics.horizontalAdvance(word) <= room else [part for part in _BREAKS.split(word) if part]
        pieces += [*parts[:-1], parts[-1] + " "] if parts else []
    while pieces and len(out) < lines - 1:
        count = len(pieces)
        while count > 1 and metrics.horizontalAdvance("".join(pieces[:count]).rstrip()) > room:
            count -= 1
        line = "".join(pieces[:count])
        if metrics.horizontalAdvance(line.rstrip()) > room:  # one piece wider than a line: cut it where it must be
            cut = len(line)
            while cut > 1 and metrics.horizontalAdvance(line[:cut]) > room:
                cut -= 1
            pieces[:count] = [line[:cut], line[cut:]]
            count = 1
        out.append("".join(pieces[:count]).strip())
        pieces = pieces[count:]
    if pieces:
        out.append(metrics.elidedText("".join(pieces).strip(), Qt.TextElideMode.ElideMiddle, room))
    return "\n".join(part for part in out if part)


def whole_name(text: str, whole: str) -> bool:
    """Whether ``text``, a row as laid out (wrapped at spaces or within words), shows all of ``whole``."""
    return text.count("…") == whole.count("…")


@functools.lru_cache(maxsize=64)
def _legend_layout(rows: tuple[tuple[str, str, str], ...], scale: float, room_w: float,
                   room_h: float, wrap: int = 0) -> LegendLayout | None:
    """The rows within the room, the first ``wrap`` of them wrapped (`_wrapped`), the others cut to one line."""
    context = RenderContext(scale=scale)  # fonts and sizes follow the scale alone
    font = context.font(8)
    metrics = QFontMetricsF(font)
    row = max(metrics.height(), context.px(16)) + context.px(3)
    swatch = context.px(22)
    room_text = room_w - swatch - context.px(26)
    # Too narrow to be read when names must be cut below 100 px; rows that fit whole are fine (a legend of a file's
    # short layer names, 'lines_plain' and 'Line', is narrower than that, and drawing it in its own width found no
    # room: a GeoJSON's legend never showed).
    if not rows or room_text < min(context.px(100), max(metrics.horizontalAdvance(text) for _, text, _ in rows)):
        return None
    line = math.ceil(metrics.lineSpacing())  # whole pixels: a wrapped name's lines drawn alike on screen and in a stamp
    # the lines the launches' names wrapped take are left to them (a file's row gives way first)
    extra = sum(_wrapped(text, metrics, room_text).count("\n") for kind, text, _ in rows[:wrap]
                if kind == LAUNCH) if wrap and math.isfinite(room_text) else 0
    if row * len(rows) + extra * line + context.px(12) > room_h:
        rows = _fitting(rows, int((room_h - context.px(12) - extra * line) // row))
        if not rows:
            return None
    wholes = tuple(text for _, text, _ in rows)
    if math.isfinite(room_text):
        if wrap:  # a launch's name on more lines rather than cut ("Chollima-1 laun…" in the deck's column)
            rows = tuple((kind, _wrapped(text, metrics, room_text) if at < wrap else text, colour)
                         for at, (kind, text, colour) in enumerate(rows))
        rows = tuple((kind, "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideMiddle, room_text)
                                      for line in text.split("\n")), colour) for kind, text, colour in rows)
    height = row * len(rows) + line * sum(text.count("\n") for _, text, _ in rows) + context.px(12)
    if height > room_h:
        return None
    width = swatch + context.px(26) + max(metrics.horizontalAdvance(part) for _, text, _ in rows
                                          for part in text.split("\n"))
    return LegendLayout(list(rows), font, row, swatch, width, height, line, wholes)


def _fitting(rows: tuple[tuple[str, str, str], ...], room: int) -> tuple[tuple[str, str, str], ...]:
    """At most ``room`` of the rows, the most telling kept: the launches, the kinds' symbols (which the map cannot be
    read without: a busy slide's legend lost every one of them to other files' layers), and other files' layers as
    far as they go, the rest summed up in one row; when launches and kinds alone do not fit, the launches and the
    layers as before. Empty when not even the launches fit."""
    launches = tuple(entry for entry in rows if entry[0] == LAUNCH)
    layers = tuple(entry for entry in rows if entry[0] == LAYER)
    keys = tuple(entry for entry in rows if entry[0] not in (LAUNCH, LAYER))
    if keys and len(launches) + len(keys) + (1 if layers else 0) <= room:
        return launches + _summed(layers, room - len(launches) - len(keys)) + keys
    if len(launches) + (1 if layers else 0) <= room:
        return launches + _summed(layers, room - len(launches))
    return launches if len(launches) <= room else ()


def _summed(layers: tuple[tuple[str, str, str], ...], room: int) -> tuple[tuple[str, str, str], ...]:
    """The layers' rows in ``room`` rows: the first ones, and the rest as one."""
    if len(layers) <= room:
        return layers
    more = len(layers) - room + 1
    return (*layers[:room - 1], (LAYER, f"+ {more} more files", NO_EVENT_COLOUR))


def collapsed_size(context: RenderContext) -> tuple[float, float]:
    metrics = QFontMetricsF(context.font(8, bold=True))
    return metrics.horizontalAdvance(COLLAPSED_TEXT) + context.px(16), metrics.height() + context.px(8)


def legend_entries(workspace: Workspace, visible: list[Feature], colours: dict[str, str]) -> list[tuple[str, str, str]]:
    """(kind or 'event' or 'approximate' or 'draft', text, colour) rows: events by colour, then kinds by symbol.
    Made when the layers are (`MapCanvas.refresh`), not per frame: with many features it takes a while."""
    picked = columns_of(visible)
    if picked is not None:  # counted from the table's columns, each file's kept and joined (`legend_counts`)
        table, at = picked
    else:
        table = FeatureTable.of(visible)
        at = np.arange(len(table))
    counted = legend_counts(table, at)
    shown_events, layer_kinds, kinds = counted.events, counted.layer_kinds, counted.kinds
    approximate, draft = counted.approximate, counted.draft
    chosen = chosen_layers(colours)  # the colour the user chose for a layer is drawn, not its features' own
    own = {layer: row_colour([colours[layer] if colour is None else colour for colour in drawn])
           for layer, drawn in layer_colours(table, at).items() if layer in colours and layer not in chosen}
    rows = [
        ("event", f"{event.date_label}  {event.name}" if event.day else event.name, colours[event.id])
        for event in workspace.content.events_in_time_order() if event.id in shown_events
    ]
    shown_layers = {layer for layer, kind in layer_kinds if KIND_REGISTRY.get(kind).in_legend}
    rows += [(LAYER, layer, own.get(layer) or colours[layer]) for layer in workspace.layers()
             if layer in shown_layers]
    rows += [(kind, kind_title(kind), "#555555") for kind in kinds_in_order(kinds)
             if KIND_REGISTRY.get(kind).in_legend]  # annotations explain themselves
    if approximate:
        rows.append(("approximate", "Approximate (dashed, thinner)", "#555555"))
    if draft:
        rows.append(("draft", "Draft, not yet reviewed (dotted)", DRAFT_COLOUR))
    return rows


def row_colour(colours: list[str]) -> str:
    """A row's colour field for the colours its swatch shows side by side (a file drawn in several of its own, as
    QGIS's categorised legend shows each colour drawn): the first `COLOURS_SHOWN`, apart by a space."""
    return COLOURS_APART.join(list(dict.fromkeys(colours))[:COLOURS_SHOWN])


def swatch_colours(colour: str) -> list[str]:
    """The colours a row's swatch shows (`row_colour`)."""
    return colour.split(COLOURS_APART)


def draw_panel(painter: QPainter, context: RenderContext, rect: QRectF) -> None:
    painter.setPen(context.pen("#9AA5AE", 0.8))
    painter.setBrush(QBrush(with_alpha(PANEL, 225)))
    painter.drawRoundedRect(rect, context.px(3), context.px(3))


def draw_collapsed(painter: QPainter, context: RenderContext, box: QRectF) -> None:
    draw_panel(painter, context, box)
    painter.setFont(context.font(8, bold=True))
    painter.setPen(context.pen(LABEL, 1))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, COLLAPSED_TEXT)


def draw_legend(painter: QPainter, context: RenderContext, box: QRectF, layout: LegendLayout) -> None:
    draw_panel(painter, context, box)
    painter.setFont(layout.font)
    row, swatch = layout.row, layout.swatch
    y = box.top() + context.px(6)
    width = box.width()
    for kind, text, colour in layout.rows:
        centre = QPointF(box.left() + context.px(8) + swatch / 2, y + row / 2)
        _swatch(painter, context, kind, colour, centre, swatch)  # beside the first line of a wrapped name
        painter.setPen(context.pen(LABEL, 1))
        for number, part in enumerate(text.split("\n")):
            painter.drawText(QRectF(centre.x() + swatch / 2 + context.px(8), y + number * layout.line, width, row),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, part)
        y += layout.row_height(text)


def full_text_at(layout: LegendLayout, box: QRectF, rows: list[tuple[str, str, str]], context: RenderContext,
                 x: float, y: float) -> str:
    """The whole text of the legend row drawn at (x, y) in ``box`` (as `draw_legend` lays it out) when it was cut to
    fit ("Chollima-1 launch (Malligyong-…"), for its tooltip; '' elsewhere or when it is whole. ``rows``: every row
    the legend had to show (the layout keeps each of its rows' whole text)."""
    if not box.contains(QPointF(x, y)):
        return ""
    wholes = layout.wholes or tuple(text for _, text, _ in rows)
    top = box.top() + context.px(6)
    for (_, text, _), whole in zip(layout.rows, wholes, strict=False):
        bottom = top + layout.row_height(text)
        if top <= y < bottom:
            return "" if whole_name(text, whole) else whole
        top = bottom
    return ""


def _swatch(painter: QPainter, context: RenderContext, kind: str, colour: str, centre: QPointF,
            size: float) -> None:
    """The kind's symbol drawn as the map draws it: the same pen widths, dashes, fill and pattern."""
    half = size / 2
    if kind in (LAUNCH, LAYER):  # one stripe per colour drawn (a file in several of its own)
        shown = swatch_colours(colour)
        box = QRectF(centre.x() - half, centre.y() - context.px(5), size, context.px(10))
        painter.save()
        clip = QPainterPath()
        clip.addRoundedRect(box, context.px(2), context.px(2))
        painter.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        painter.setPen(Qt.PenStyle.NoPen)
        for number, one in enumerate(shown):
            painter.setBrush(QBrush(with_alpha(one)))
            painter.drawRect(QRectF(box.left() + number * size / len(shown), box.top(), size / len(shown),
                                    box.height()))
        painter.restore()
        return
    if kind in ("approximate", "draft"):
        approximate = kind == "approximate"
        painter.setPen(context.pen(colour, APPROXIMATE_WIDTH * 2.4 if approximate else 1.6,
                                   APPROXIMATE_DASH if approximate else DRAFT_DASH))
        painter.drawLine(QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y()))
        return
    style = kind_style(kind)
    if style.geometry == "area":
        painter.setPen(context.pen(colour, style.line_width, style.dash))
        painter.setBrush(QBrush(with_alpha(colour, style.fill_alpha)))
        painter.drawRect(QRectF(centre.x() - half, centre.y() - context.px(6), size, context.px(12)))
    elif style.geometry == "line":
        painter.setPen(context.pen(colour, style.line_width, alpha=style.fill_alpha or 255))
        painter.drawLine(QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y()))
        if style.arrows:
            _symbol(painter, context, "arrow", centre, style.line_width * 5, colour)
    else:
        _symbol(painter, context, style.symbol, centre, min(style.symbol_size, 15), colour)


def _symbol(painter: QPainter, context: RenderContext, name: str, centre: QPointF, size: float,
            colour: str) -> None:
    painter.setPen(context.pen(HALO, 1.2))
    painter.setBrush(QBrush(with_alpha(colour)))
    transform = QTransform().translate(centre.x(), centre.y()).scale(context.px(size), context.px(size))
    painter.drawPath(transform.map(symbol_path(name)))
