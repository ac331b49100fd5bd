"""A feature's own colours and widths, as other tools give them: the simplestyle properties (``stroke``,
``stroke-width``, ``stroke-opacity``, ``fill``, ``fill-opacity``, ``marker-color``, ``marker-size``) that geojson.io
and GitHub draw, and that a KML's styles are read into. They override the launch's or layer's colour for that
feature; its kind keeps its dash and symbol."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

STYLE_KEYS = ("stroke", "stroke-width", "stroke-opacity", "fill", "fill-opacity", "marker-color", "marker-size")
# simplestyle's marker sizes as a scale of the kind's symbol, and the scale (KML's IconStyle) each size stands for
MARKER_SCALES = {"small": 0.75, "medium": 1.0, "large": 1.4}
COLOURS_SHOWN = 4  # a file's own colours a tree swatch or a legend row shows side by side; of more, the first ones
MAX_WIDTH = 20.0  # px: a file's width past this is drawn at it (a 1000 px line would cover the map)
_HEX = re.compile(r"#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")


@dataclass(frozen=True)
class Paint:
    """What a feature's style properties say; None where they say nothing (the kind's and launch's look then)."""

    stroke: str | None = None  # "#RRGGBB"
    stroke_alpha: int = 255
    width: float | None = None  # px on screen
    fill: str | None = None
    fill_alpha: int | None = None
    marker: str | None = None
    marker_scale: float = 1.0


def colour(value: Any) -> str | None:
    """``#RRGGBB`` from ``#rgb``, ``#rrggbb`` (with or without ``#``); None for anything else."""
    if not isinstance(value, str) or (match := _HEX.fullmatch(value.strip())) is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.upper()


def _number(value: Any, low: float, high: float) -> float | None:
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return min(max(number, low), high) if math.isfinite(number) else None


def _alpha(value: Any) -> int | None:
    opacity = _number(value, 0.0, 1.0)
    return None if opacity is None else round(opacity * 255)


def marker_size(scale: float) -> str:
    """The simplestyle size nearest a scale of the symbol (KML's IconStyle scale)."""
    return min(MARKER_SCALES, key=lambda size: abs(MARKER_SCALES[size] - scale))


def paint_of(values: Any) -> Paint | None:
    """The paint a feature's properties give (``values``: its ``value(key)``), or None when they give none."""
    cells = {key: values(key) for key in STYLE_KEYS}
    if all(cell is None for cell in cells.values()):
        return None
    size = cells["marker-size"]
    scale = MARKER_SCALES.get(size, 1.0) if isinstance(size, str) else _number(size, 0.2, 4.0) or 1.0
    stroke_alpha = _alpha(cells["stroke-opacity"])
    found = Paint(stroke=colour(cells["stroke"]), stroke_alpha=255 if stroke_alpha is None else stroke_alpha,
                  width=_number(cells["stroke-width"], 0.0, MAX_WIDTH), fill=colour(cells["fill"]),
                  fill_alpha=_alpha(cells["fill-opacity"]), marker=colour(cells["marker-color"]), marker_scale=scale)
    return None if found == Paint() else found


def drawn_colour(paint: Paint | None, drawn_as: str) -> str | None:
    """The colour of its own a feature is drawn in, as the map draws a kind drawn as ``drawn_as`` (its
    `KindStyle.geometry`): a point's marker, a line's stroke, an area's fill (its outline where it has no fill of its
    own); None where the map draws the launch's or layer's colour. The one answer the layer tree's swatches and the
    legend give: the tree took stroke, marker, fill and the legend stroke, fill, marker, so a point styled with a
    LineStyle showed a colour the map never drew it in."""
    if paint is None:
        return None
    if drawn_as == "point":
        return paint.marker
    if drawn_as == "line":
        return paint.stroke
    if drawn_as == "area":
        return paint.fill or paint.stroke
    return paint.stroke or paint.fill or paint.marker

