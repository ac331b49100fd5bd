"""The band along a map's bottom edge: the sources, the projection and the attribution, on as many lines as the
image's width needs (at a smaller size first when they would take too much of its height), never cut."""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter

from viewer.qt.draw.style import RenderContext, with_alpha

SEPARATOR = "  ·  "
SIZES_PT = (7.0, 6.0, 5.5)  # the footer's text, smaller as long as its lines would take more than MOST_SHARE
MOST_SHARE = 0.2  # of the map's height
PANEL = "#FFFFFF"


@dataclass(frozen=True)
class FooterText:
    lines: tuple[str, ...]
    font: QFont
    line: float  # pixels from one line to the next
    height: float  # the band's

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@functools.lru_cache(maxsize=32)  # every paint asks, for the footer's stamp; wrapping costs more than that
def footer_text(sources: str, rest: tuple[str, ...], scale: float, width: float, height: float) -> FooterText:
    """The sources ("" for none), then ``rest`` (the projection, the attribution) on lines that fit a band ``width``
    pixels wide, at the largest size whose lines take at most MOST_SHARE of ``height``. Only when even the smallest
    would take more are the sources cut at their end."""
    parts = (sources, *rest) if sources else rest
    context = RenderContext(scale=scale)
    room = max(1.0, width - 2 * context.px(8))
    for points in SIZES_PT:
        font = context.font(points)
        metrics = QFontMetricsF(font)
        lines = wrapped(parts, metrics, room)
        band = len(lines) * metrics.lineSpacing() + context.px(4)
        if band <= height * MOST_SHARE or points == SIZES_PT[-1]:
            break
    if band > height * MOST_SHARE and sources and len(lines) > 1:
        lines = _sources_cut(sources, rest, metrics, room, height * MOST_SHARE - context.px(4))
        band = len(lines) * metrics.lineSpacing() + context.px(4)
    # Whole pixels: the scale bar and a legend stand on the band, and their stamps on screen are drawn where
    # drawing them directly puts them only at whole pixels.
    return FooterText(tuple(lines), font, metrics.lineSpacing(), math.ceil(band))


def wrapped(parts: tuple[str, ...], metrics: QFontMetricsF, room: float) -> list[str]:
    """``parts`` joined by SEPARATOR on lines of at most ``room`` pixels: parts stay whole on a line where they fit,
    a longer one breaks between words (a word longer than a line, between characters); a line ending between two
    parts ends with the separator."""
    lines: list[str] = []
    current = ""
    for part in parts:
        joined = f"{current}{SEPARATOR}{part}" if current else part
        if metrics.horizontalAdvance(joined) <= room:
            current = joined
            continue
        if current:  # the separator ends the line, so that the two parts do not read as one
            ended = current + SEPARATOR.rstrip()
            lines.append(ended if metrics.horizontalAdvance(ended) <= room else current)
        current = ""
        for word in part.split(" "):
            joined = f"{current} {word}" if current else word
            if metrics.horizontalAdvance(joined) <= room:
                current = joined
                continue
            if current:
                lines.append(current)
            current = word
            while metrics.horizontalAdvance(current) > room and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and metrics.horizontalAdvance(current[:cut]) > room:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
    if current:
        lines.append(current)
    return lines


def wrapped_within(text: str, metrics: QFontMetricsF, room: float, most: int) -> list[str]:
    """``text`` on at most ``most`` lines of ``room`` pixels (`wrapped`), the last cut at its end when even those
    do not hold it."""
    lines = wrapped((text,), metrics, max(1.0, room))
    if len(lines) > most:
        cut = metrics.elidedText(" ".join(lines[most - 1:]), Qt.TextElideMode.ElideRight, room)
        lines = [*lines[: most - 1], cut]
    return lines


def _sources_cut(sources: str, rest: tuple[str, ...], metrics: QFontMetricsF, room: float,
                 most: float) -> list[str]:
    """The lines with the sources cut at their end so that all fit ``most`` pixels of height (one line of them at
    least); the projection and the attribution stay whole."""
    after = wrapped(rest, metrics, room)
    keep = max(1, int(most // metrics.lineSpacing()) - len(after))
    return [*wrapped_within(sources, metrics, room, keep), *after]


def draw_footer(painter: QPainter, context: RenderContext, band: QRectF, footer: FooterText) -> None:
    """The band, and its lines right-aligned in it."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(with_alpha(PANEL, 200)))
    painter.drawRect(band)
    painter.setFont(footer.font)
    painter.setPen(context.pen("#333333", 1))
    top = band.top() + (band.height() - footer.line * len(footer.lines)) / 2
    for index, line in enumerate(footer.lines):
        row = QRectF(band.left() + context.px(8), top + index * footer.line, band.width() - 2 * context.px(8),
                     footer.line)
        painter.drawText(row, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, line)
