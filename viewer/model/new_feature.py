"""Features the user makes — from clicks on the map or typed coordinates — with the properties every feature
takes (launch, kind, label, certainty), before they are added by an undoable edit."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from shapely.geometry import LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from viewer.model.feature import Feature

SHAPES = ("point", "line", "area")
SHAPE_KIND = {"point": "reference_place", "line": "flight_path", "area": "warning_area"}


def geometry_of(shape: str, positions: Sequence[tuple[float, float]]) -> BaseGeometry:
    """A point, line or polygon through (lon, lat) positions; raises ValueError saying what is missing.

    Latitudes beyond ±90 and longitudes beyond ±180 are refused; an area needs three distinct corners (it is
    closed here, the first corner need not be repeated) and must not cross itself."""
    for lon, lat in positions:
        if not -90 <= lat <= 90:
            raise ValueError(f"latitude {lat:g} is beyond ±90")
        if not -180 <= lon <= 180:
            raise ValueError(f"longitude {lon:g} is beyond ±180")
    distinct = list(dict.fromkeys((float(lon), float(lat)) for lon, lat in positions))
    if shape == "point":
        if len(positions) != 1:
            raise ValueError(f"a point is one position, not {len(positions)}")
        return Point(positions[0])
    if shape == "line":
        if len(distinct) < 2:
            raise ValueError("a line needs at least two distinct positions")
        return LineString(positions)
    if shape == "area":
        corners = list(positions)
        if len(corners) > 1 and corners[0] == corners[-1]:
            corners.pop()
        if len(distinct) < 3:
            raise ValueError(f"an area needs at least three distinct corners, not {len(distinct)}")
        polygon = Polygon(corners)
        if not polygon.is_valid or polygon.area == 0:
            raise ValueError("the corners make an area that crosses itself or has no area; list them in order")
        return polygon
    raise ValueError(f"unknown shape {shape!r} (expected {', '.join(SHAPES)})")


def new_feature(geometry: BaseGeometry, kind: str, *, label: str = "", event: str | None = None,
                certainty: str = "reported", derivation: str = "", **properties: Any) -> Feature:
    """A new feature with a fresh id; ``properties`` adds any others (an annotation's style, text, anchor…)."""
    values: dict[str, Any] = {"event": event, "kind": kind, "label": label or None, "certainty": certainty,
                              "derivation": derivation or None, **properties}
    return Feature(f"{kind.replace('_', '-')}-{uuid.uuid4().hex[:8]}", geometry,
                   {k: v for k, v in values.items() if v is not None})


def position_label(lon: float, lat: float) -> str:
    """'33.2667°N 124.1833°E': how a parsed position is shown back before it is added."""
    return f"{abs(lat):.4f}°{'N' if lat >= 0 else 'S'} {abs(lon):.4f}°{'E' if lon >= 0 else 'W'}"
