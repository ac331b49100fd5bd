"""KML geometry elements ↔ GeoJSON geometry objects (Point, LineString, Polygon, MultiGeometry, gx:Track)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from viewer.io.formats.kml.parse import KmlSyntaxError, Placemark, child, child_text, local

GEOMETRY_ELEMENTS = ("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry", "Track", "MultiTrack", "Model")
_COMMA = re.compile(r"\s*,\s*")


# What a placemark's geometry may carry beyond lon/lat/alt, which GeoJSON geometry has no room for.
MEASURE = "a 4th coordinate value (a measure, M)"
TRACK_TIMES = "a gx:Track's times at each point (its first and last kept as begin and end)"
TRACK_ANGLES = "a gx:Track's headings (gx:angles)"
TRACK_VALUES = "a gx:Track's values at each point (gx:SimpleArrayData)"
_TRACK_EXTRAS = {"when": TRACK_TIMES, "angles": TRACK_ANGLES, "SimpleArrayData": TRACK_VALUES}


@dataclass
class Dropped:
    """What a file's placemarks lost on reading: for each kind of thing, the placemarks and the first line."""

    placemarks: dict[str, set[int]] = field(default_factory=dict)  # kind -> the lines of the placemarks
    first: int | None = None  # the line of the first element that lost something

    def add(self, what: str, placemark: Placemark, line: int) -> None:
        self.placemarks.setdefault(what, set()).add(placemark.line)
        self.first = line if self.first is None else min(self.first, line)

    def message(self) -> str:
        """One line: what was dropped from how many placemarks (the positions kept)."""
        parts = [f"{what} from {len(lines):,} placemark{'s' if len(lines) != 1 else ''}"
                 for what, lines in self.placemarks.items()]
        return f"dropped {'; '.join(parts)} (first here): longitude, latitude and altitude are kept"


def placemark_geometry(placemark: Placemark, dropped: Dropped | None = None) -> dict[str, Any] | None:
    """The placemark's geometry as GeoJSON, None when it has none; raises KmlSyntaxError naming the line.
    ``dropped`` gathers what the geometry carried that GeoJSON keeps no room for."""
    element = next((c for c in placemark.element if local(c.tag) in GEOMETRY_ELEMENTS), None)
    return None if element is None else _geometry(element, placemark, dropped or Dropped())


def track_span(placemark: Placemark) -> tuple[str, str] | None:
    """The first and last of a gx:Track's (or gx:MultiTrack's) times, if it has any."""
    element = next((c for c in placemark.element if local(c.tag) in ("Track", "MultiTrack")), None)
    if element is None:
        return None
    times = [" ".join("".join(c.itertext()).split()) for c in element.iter() if local(c.tag) == "when"]
    times = [t for t in times if t]
    return (times[0], times[-1]) if times else None


def _geometry(element: ET.Element, placemark: Placemark, dropped: Dropped) -> dict[str, Any]:
    name = local(element.tag)
    line = placemark.line_of(element)
    if name == "Point":
        coords = _coordinates(element, placemark, dropped)
        if len(coords) != 1:
            raise KmlSyntaxError(str(line), f"a Point needs one coordinate, not {len(coords)}")
        return {"type": "Point", "coordinates": coords[0]}
    if name in ("LineString", "LinearRing"):
        coords = _coordinates(element, placemark, dropped)
        if len(coords) < 2:
            raise KmlSyntaxError(str(line), f"a {name} needs at least two coordinates, not {len(coords)}")
        return {"type": "LineString", "coordinates": coords}
    if name == "Polygon":
        return {"type": "Polygon", "coordinates": _rings(element, placemark, dropped)}
    if name == "Track":
        coords = [_numbers(" ".join((c.text or "").split()).replace(" ", ","), placemark.line_of(c), c, placemark,
                           dropped) for c in element if local(c.tag) == "coord"]
        extras = [local(c.tag) for c in element.iter() if local(c.tag) in _TRACK_EXTRAS]
        if extras.count("when") <= 2:  # a start and an end are whole in the feature's begin and end
            extras = [extra for extra in extras if extra != "when"]
        for extra in dict.fromkeys(extras):
            dropped.add(_TRACK_EXTRAS[extra], placemark, line)
        if not coords:
            raise KmlSyntaxError(str(line), "a gx:Track needs gx:coord elements")
        return {"type": "Point", "coordinates": coords[0]} if len(coords) == 1 else {
            "type": "LineString", "coordinates": coords}
    if name == "Model":
        location = child(element, "Location")
        if location is None:
            raise KmlSyntaxError(str(line), "a Model needs a Location")
        text = f"{child_text(location, 'longitude')},{child_text(location, 'latitude')}"
        return {"type": "Point", "coordinates": _numbers(text, line, location, placemark, dropped)}
    parts = [_geometry(c, placemark, dropped) for c in element if local(c.tag) in GEOMETRY_ELEMENTS]
    kinds = {part["type"] for part in parts}
    if len(kinds) == 1 and kinds <= {"Point", "LineString", "Polygon"}:
        return {"type": f"Multi{kinds.pop()}", "coordinates": [part["coordinates"] for part in parts]}
    return {"type": "GeometryCollection", "geometries": parts}


def _rings(polygon: ET.Element, placemark: Placemark, dropped: Dropped) -> list[list[list[float]]]:
    rings = []
    for boundary in ("outerBoundaryIs", "innerBoundaryIs"):
        for holder in (c for c in polygon if local(c.tag) == boundary):
            for ring in (c for c in holder if local(c.tag) == "LinearRing"):
                coords = _coordinates(ring, placemark, dropped)
                if coords and coords[0] != coords[-1]:
                    coords.append(coords[0])  # Google Earth closes open rings; so do we
                if len(coords) < 4:
                    raise KmlSyntaxError(str(placemark.line_of(ring)),
                                         f"a polygon ring needs at least three distinct corners, not {len(coords) - 1}")
                rings.append(coords)
        if not rings:  # after the outer boundary: there must be one
            raise KmlSyntaxError(str(placemark.line_of(polygon)), "a Polygon needs an outerBoundaryIs LinearRing")
    return rings


def _coordinates(element: ET.Element, placemark: Placemark, dropped: Dropped) -> list[list[float]]:
    holder = child(element, "coordinates")
    if holder is None:
        raise KmlSyntaxError(str(placemark.line_of(element)), f"{local(element.tag)} has no coordinates")
    text = _COMMA.sub(",", "".join(holder.itertext()).strip())
    line = placemark.line_of(holder)
    return [_numbers(token, line, holder, placemark, dropped) for token in text.split()]


def _numbers(token: str, line: int, element: ET.Element, placemark: Placemark, dropped: Dropped) -> list[float]:
    """lon,lat[,alt]; a 4th value (a measure, as GDAL writes XYZM) is read, then dropped and said."""
    parts = token.split(",")
    try:
        if len(parts) not in (2, 3, 4):
            raise ValueError
        numbers = [float(p) for p in parts]
        if len(numbers) == 4:
            dropped.add(MEASURE, placemark, line)
        return numbers[:3]
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
