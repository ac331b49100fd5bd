"""Annotations — the user's own marks (text, callout, arrow, box) as bundle features of kind ``annotation`` — their
checks on reading, and the words they show (a quote callout shows the words it cites, with the source's name)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

ANNOTATION = "annotation"
STYLES = ("text", "callout", "arrow", "box")
POINT_STYLES = ("text", "callout", "arrow")  # the geometry is where the text sits; a box may be a Polygon too
DEFAULT_COLOUR = "#1F2933"
DEFAULT_SIZE = 10.0  # points
MAX_SIZE = 72.0


def is_annotation(feature: Feature) -> bool:
    return feature.value("kind") == ANNOTATION


def problems_of(properties: Mapping[str, Any], geometry: Mapping[str, Any] | None = None, *,
                cited: bool | None = None) -> list[tuple[str, str]]:
    """What is wrong with an annotation's properties (and its raw GeoJSON geometry, when given), as
    (member, message) pairs; nothing for a feature of another kind. The bundle reader reports each as an error.
    ``cited`` says whether it cites a passage (None: whether ``properties`` holds citations)."""
    if properties.get("kind") != ANNOTATION:
        return []
    problems = []
    style = properties.get("style", "text")
    if style not in STYLES:
        problems.append(("style", f"unknown annotation style {style!r} (expected {', '.join(STYLES)})"))
    text = properties.get("text")
    quoting = properties.get("citations") if cited is None else cited  # a quote callout's words are its quote
    if (not isinstance(text, str) or not text.strip()) and not quoting:
        problems.append(("text", "an annotation needs a non-empty 'text'"))
    if "anchor" in properties and properties["anchor"] is not None and position_of(properties["anchor"]) is None:
        problems.append(("anchor", "must be a position [longitude, latitude] within ±180 and ±90"))
    if style == "arrow" and properties.get("anchor") is None:
        problems.append(("anchor", "an arrow needs an 'anchor': the position it points at"))
    colour = properties.get("color")
    if colour is not None and not _is_colour(colour):
        problems.append(("color", f"must be a colour such as '#C2185B', not {colour!r}"))
    size = properties.get("size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int | float) or not 4 <= size <= MAX_SIZE):
        problems.append(("size", f"must be a number of points from 4 to {MAX_SIZE:g}, not {size!r}"))
    if geometry is not None and style in STYLES:  # an unknown style is one problem, not two
        kind = geometry.get("type")
        allowed = ("Point", "Polygon") if style == "box" else ("Point",)
        if kind not in allowed:
            problems.append(("geometry", f"a {style} annotation is a {' or a '.join(allowed)}, not a {kind}"))
    return problems


def position_of(value: Any) -> tuple[float, float] | None:
    """(lon, lat) of a GeoJSON position [lon, lat] on the globe, else None."""
    if not isinstance(value, list | tuple) or len(value) not in (2, 3):
        return None
    if any(isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v) for v in value):
        return None
    lon, lat = float(value[0]), float(value[1])
    return (lon, lat) if -180 <= lon <= 180 and -90 <= lat <= 90 else None


def style_of(feature: Feature) -> str:
    style = feature.properties.get("style")
    return style if isinstance(style, str) and style in STYLES else "text"


def colour_of(feature: Feature) -> str:
    colour = feature.properties.get("color")
    return colour if isinstance(colour, str) and _is_colour(colour) else DEFAULT_COLOUR


def size_of(feature: Feature) -> float:
    return size_value(feature.properties.get("size"))


def size_value(size: Any) -> float:
    """A text size in points, or the default when ``size`` is not one."""
    ok = isinstance(size, int | float) and not isinstance(size, bool) and 4 <= size <= MAX_SIZE
    return float(size) if ok else DEFAULT_SIZE


def anchor_of(feature: Feature) -> tuple[float, float] | None:
    return position_of(feature.properties.get("anchor"))


def shown_text(feature: Feature, content: Bundle | None = None) -> str:
    """The words an annotation shows. A callout citing a passage quotes it — “exact” — followed by the source's
    short name; its own ``text``, if any, comes first as a heading."""
    own = str(feature.properties.get("text") or "").strip()
    if style_of(feature) != "callout" or not feature.citations:
        return own
    citation = feature.citations[0]
    quote = f"\u201c{' '.join(citation.exact.split())}\u201d \u2014 {source_name(content, citation.document)}"
    return f"{own}\n{quote}" if own else quote


def quote_of(feature: Feature) -> str:
    """The cited words of a quote callout exactly as cited (``exact``), or '' when it quotes nothing."""
    return feature.citations[0].exact if style_of(feature) == "callout" and feature.citations else ""


def source_name(content: Bundle | None, document_id: str) -> str:
    """A source's short name: its publisher, else its title (cut at a word near 40 characters), else its id."""
    document = content.documents.get(document_id) if content is not None else None
    if document is None:
        return document_id
    name = document.publisher or document.display_title
    return name if len(name) <= 40 else name[:40].rsplit(" ", 1)[0].rstrip(";,:") + "…"


def _is_colour(value: Any) -> bool:
    if not isinstance(value, str) or not value.startswith("#") or len(value) not in (4, 7, 9):
        return False
    try:
        int(value[1:], 16)
    except ValueError:
        return False
    return True
