"""KML geometry elements ↔ GeoJSON geometry objects (Point, LineString, Polygon, MultiGeometry, gx:Track)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from viewer.io.formats.kml.parse import KmlSyntaxError, Placemark, child, child_text, local

GEOMETRY_ELEMENTS = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry", "Track", "MultiTrack", "Model")
_COMMA = re.compile(r"\s*,\s*")


def placemark_geometry(placemark: Placemark) -> dict[str, Any] | None:
    """The placemark's geometry as GeoJSON, None when it has none; raises KmlSyntaxError naming the line."""
    element = next((c for c in placemark.element if local(c.tag) in GEOMETRY_ELEMENTS), None)
    return None if element is None else _geometry(element, placemark)


def _geometry(element: ET.Element, placemark: Placemark) -> dict[str, Any]:
    name = local(element.tag)
    line = placemark.line_of(element)
    if name == "Point":
        coords = _coordinates(element, placemark)
        if len(coords) != 1:
            raise KmlSyntaxError(str(line), f"a Point needs one coordinate, not {len(coords)}")
        return {"type": "Point", "coordinates": coords[0]}
    if name in ("LineString", "LinearRing"):
        coords = _coordinates(element, placemark)
        if len(coords) < 2:
            raise KmlSyntaxError(str(line), f"a {name} needs at least two coordinates, not {len(coords)}")
        return {"type": "LineString", "coordinates": coords}
    if name == "Polygon":
        return {"type": "Polygon", "coordinates": _rings(element, placemark)}
    if name == "Track":
        coords = [_numbers(" ".join((c.text or "").split()).replace(" ", ","), placemark.line_of(c), c)
                  for c in element if local(c.tag) == "coord"]
        if not coords:
            raise KmlSyntaxError(str(line), "a gx:Track needs gx:coord elements")
        return {"type": "Point", "coordinates": coords[0]} if len(coords) == 1 else {
            "type": "LineString", "coordinates": coords}
    if name == "Model":
        location = child(element, "Location")
        if location is None:
            raise KmlSyntaxError(str(line), "a Model needs a Location")
        text = f"{child_text(location, 'longitude')},{child_text(location, 'latitude')}"
        return {"type": "Point", "coordinates": _numbers(text, line, location)}
    parts = [_geometry(c, placemark) for c in element if local(c.tag) in GEOMETRY_ELEMENTS]
    kinds = {part["type"] for part in parts}
    if len(kinds) == 1 and kinds <= {"Point", "LineString", "Polygon"}:
        return {"type": f"Multi{kinds.pop()}", "coordinates": [part["coordinates"] for part in parts]}
    return {"type": "GeometryCollection", "geometries": parts}


def _rings(polygon: ET.Element, placemark: Placemark) -> list[list[list[float]]]:
    rings = []
    for boundary in ("outerBoundaryIs", "innerBoundaryIs"):
        for holder in (c for c in polygon if local(c.tag) == boundary):
            for ring in (c for c in holder if local(c.tag) == "LinearRing"):
                coords = _coordinates(ring, placemark)
                if coords and coords[0] != coords[-1]:
                    coords.append(coords[0])  # Google Earth closes open rings; so do we
                if len(coords) < 4:
                    raise KmlSyntaxError(str(placemark.line_of(ring)),
                                         f"a polygon ring needs at least three distinct corners, not {len(coords) - 1}")
                rings.append(coords)
        if not rings:  # after the outer boundary: there must be one
            raise KmlSyntaxError(str(placemark.line_of(polygon)), "a Polygon needs an outerBoundaryIs LinearRing")
    return rings


def _coordinates(element: ET.Element, placemark: Placemark) -> list[list[float]]:
    holder = child(element, "coordinates")
    if holder is None:
        raise KmlSyntaxError(str(placemark.line_of(element)), f"{local(element.tag)} has no coordinates")
    text = _COMMA.sub(",", "".join(holder.itertext()).strip())
    line = placemark.line_of(holder)
    return [_numbers(token, line, holder) for token in text.split()]


def _numbers(token: str, line: int, element: ET.Element) -> list[float]:
    parts = token.split(",")
    try:
        if len(parts) not in (2, 3):
            raise ValueError
        return [float(p) for p in parts]
    except ValueError:
        shown = token if len(token) <= 40 else token[:39] + "…"
        raise KmlSyntaxError(str(line), f"bad coordinate {shown!r} (expected lon,lat or lon,lat,alt)") from None


# -- writing ----------------------------------------------------------------------------------------
def kml_geometry(geometry: BaseGeometry) -> str:
    """KML for a shapely geometry in lon/lat, coordinates written exactly (repr of each float)."""
    return _kml(mapping(geometry))


def _kml(geo: dict[str, Any]) -> str:
    kind: str = geo["type"]
    coords: Any = geo.get("coordinates")
    if kind == "Point":
        return f"<Point><coordinates>{_tuple(coords)}</coordinates></Point>"
    if kind == "LineString":
        return f"<LineString><tessellate>1</tessellate><coordinates>{_list(coords)}</coordinates></LineString>"
    if kind == "Polygon":
        outer, *inner = coords
        holes = "".join(f"<innerBoundaryIs><LinearRing><coordinates>{_list(r)}</coordinates></LinearRing>"
                        "</innerBoundaryIs>" for r in inner)
        return (f"<Polygon><tessellate>1</tessellate><outerBoundaryIs><LinearRing><coordinates>{_list(outer)}"
                f"</coordinates></LinearRing></outerBoundaryIs>{holes}</Polygon>")
    if kind.startswith("Multi"):
        single = kind.removeprefix("Multi")
        parts = "".join(_kml({"type": single, "coordinates": c}) for c in coords)
        return f"<MultiGeometry>{parts}</MultiGeometry>"
    return "<MultiGeometry>" + "".join(_kml(g) for g in geo["geometries"]) + "</MultiGeometry>"


def _tuple(coords: Any) -> str:
    return ",".join(repr(float(c)) for c in coords)


def _list(coords: Any) -> str:
    return " ".join(_tuple(c) for c in coords)
