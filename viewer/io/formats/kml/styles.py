"""KML styles (Google Earth's LineStyle, PolyStyle and IconStyle) as a feature's simplestyle properties, and back.

A placemark's look is its ``styleUrl`` (a shared Style, or a StyleMap whose ``normal`` pair names one) with its own
inline Style over it. KML colours are ``aabbggrr``. Only styles in the file itself (``#id``) are read: a style URL
naming another file or a server is never fetched.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from viewer.io.formats.kml.parse import child, child_text, local
from viewer.model.feature_paint import Paint, marker_size

MAX_STYLES = 10_000  # shared styles kept: a file needs a few dozen; more is a file made to fill memory
_DEPTH = 4  # StyleMaps naming StyleMaps: Google Earth writes one level


def kml_colour(text: str) -> tuple[str, float] | None:
    """``aabbggrr`` as (``#RRGGBB``, opacity 0-1); None when it is not eight hex digits."""
    text = text.strip().lstrip("#")
    if len(text) != 8:
        return None
    try:
        int(text, 16)
    except ValueError:
        return None
    return f"#{text[6:8]}{text[4:6]}{text[2:4]}".upper(), round(int(text[0:2], 16) / 255, 3)


def abgr(rgb: str, opacity: float = 1.0) -> str:
    """``#RRGGBB`` and an opacity as KML's ``aabbggrr``."""
    rgb = rgb.lstrip("#").lower()
    return f"{round(opacity * 255):02x}{rgb[4:6]}{rgb[2:4]}{rgb[0:2]}"


class KmlStyles:
    """The file's shared styles by id, and what a placemark's style says as simplestyle properties."""

    def __init__(self) -> None:
        self.shared: dict[str, ET.Element] = {}

    def add(self, element: ET.Element) -> None:
        identifier = element.get("id")
        if identifier and len(self.shared) < MAX_STYLES:
            self.shared.setdefault(identifier, element)

    def properties(self, url: str, inline: ET.Element | None) -> dict[str, Any]:
        """The simplestyle properties of a placemark's ``styleUrl`` with its ``inline`` Style over it."""
        found = self._named(url, _DEPTH)
        if inline is not None:
            found.update(_style(inline))
        return found

    def _named(self, url: str, depth: int) -> dict[str, Any]:
        if not url.startswith("#") or depth <= 0:
            return {}
        element = self.shared.get(url[1:])
        if element is None:
            return {}
        if local(element.tag) == "Style":
            return _style(element)
        for pair in (c for c in element if local(c.tag) == "Pair"):
            if child_text(pair, "key") in ("normal", ""):
                found = self._named(child_text(pair, "styleUrl"), depth - 1)
                inline = child(pair, "Style")
                if inline is not None:
                    found.update(_style(inline))
                return found
        return {}


def _style(style: ET.Element) -> dict[str, Any]:
    """One Style element's line, area and icon looks."""
    found: dict[str, Any] = {}
    line, poly, icon = child(style, "LineStyle"), child(style, "PolyStyle"), child(style, "IconStyle")
    if line is not None:
        if (given := kml_colour(child_text(line, "color"))) is not None:
            found["stroke"], opacity = given
            if opacity < 1:
                found["stroke-opacity"] = opacity
        if (width := _number(child_text(line, "width"))) is not None:
            found["stroke-width"] = width
    if poly is not None:
        if (given := kml_colour(child_text(poly, "color"))) is not None:
            found["fill"], found["fill-opacity"] = given
        if child_text(poly, "fill") == "0":
            found["fill-opacity"] = 0
        if child_text(poly, "outline") == "0":
            found["stroke-width"] = 0
    if icon is not None:
        given = kml_colour(child_text(icon, "color"))
        if given is not None and given[0] != "#FFFFFF":  # white: the icon's own colours (Google Earth's default)
            found["marker-color"] = given[0]
        if (scale := _number(child_text(icon, "scale"))) is not None:
            found["marker-size"] = marker_size(scale)
    return found


def _number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if 0 <= number < 1e6 else None


def kml_style(paint: Paint) -> str:
    """A Style element for a feature's own paint, as Google Earth reads it ('' when it says nothing KML holds)."""
    parts = []
    if paint.stroke is not None or paint.width is not None:
        stroke = f"<color>{abgr(paint.stroke, paint.stroke_alpha / 255)}</color>" if paint.stroke else ""
        width = f"<width>{paint.width:g}</width>" if paint.width is not None else ""
        parts.append(f"<LineStyle>{stroke}{width}</LineStyle>")
    if paint.fill is not None:
        alpha = 0.25 if paint.fill_alpha is None else paint.fill_alpha / 255
        parts.append(f"<PolyStyle><color>{abgr(paint.fill, alpha)}</color></PolyStyle>")
    if paint.marker is not None or paint.marker_scale != 1.0:
        tint = f"<color>{abgr(paint.marker)}</color>" if paint.marker else ""
        parts.append(f"<IconStyle>{tint}<scale>{paint.marker_scale:g}</scale></IconStyle>")
    return f"<Style>{''.join(parts)}</Style>\n" if parts else ""
