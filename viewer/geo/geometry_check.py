"""Turn a GeoJSON geometry member into a valid shapely geometry, or say exactly what is wrong with it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from viewer.geo.crossings import crossings_over, first_crossing

# GEOS's validity check and repair take minutes on a polygon that crosses itself everywhere: beyond this
# many vertices a polygon is screened for crossings with bounded work (`crossings`) before GEOS sees it,
# and below it repaired only when its edges cross at most MAX_REPAIR_CROSSINGS times (about a second).
REPAIR_BUDGET = 100_000
MAX_REPAIR_CROSSINGS = 500
_POLYGONAL = ("Polygon", "MultiPolygon")

GEOMETRY_TYPES = {
    "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
}


class GeometryError(ValueError):
    """The geometry cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class CheckedGeometry:
    geometry: BaseGeometry
    repair: str | None = None  # what was repaired, for a warning


def checked_geometry(raw: Any) -> CheckedGeometry:
    """Parse a GeoJSON geometry object, check its coordinates are WGS84 lon/lat, repair invalid polygons."""
    if not isinstance(raw, dict):
        raise GeometryError(f"geometry must be an object or null, not {type(raw).__name__}")
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in GEOMETRY_TYPES:
        raise GeometryError(f"unknown geometry type {kind!r}")
    geometry = _from_arrays(kind, raw.get("coordinates"))
    if geometry is None:  # not plain number positions, or another type: checked and made position by position
        problem = position_problem(kind, raw.get("coordinates"), raw.get("geometries"))
        if problem:
            raise GeometryError(f"malformed {kind} coordinates ({problem})")
        try:
            geometry = shape(raw)
        except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError,
                shapely.errors.ShapelyError) as error:
            raise GeometryError(f"malformed {kind} coordinates ({' '.join(str(error).split())})") from None
    check_lonlat(geometry)
    return repaired(geometry)


_DEPTHS = {"Point": 1, "MultiPoint": 2, "LineString": 2, "MultiLineString": 3, "Polygon": 3, "MultiPolygon": 4}


def _too_few_positions(kind: str, positions: list) -> str | None:
    """Why a line's or a ring's list of positions is too short, in the file's words (GEOS's own message, "point
    array must contain 0 or >1 elements", names neither), or None. A ring left open is closed on reading."""
    if not positions:
        return None  # an empty member: shapely reads it as empty
    if kind in ("LineString", "MultiLineString") and len(positions) < 2:
        return "a line has 1 position; it needs at least 2"
    if kind in ("Polygon", "MultiPolygon"):
        distinct = len(positions) - (len(positions) > 1 and positions[0] == positions[-1])
        if distinct < 3:
            return f"a polygon ring has {distinct} distinct position{'s' * (distinct > 1)}; it needs at least 3"
    return None


def position_problem(kind: str, coordinates: Any, geometries: Any = None) -> str | None:
    """Why ``coordinates`` are not the lists of number positions a ``kind`` holds, or None. Shapely reads ``true``
    as 1.0, ``"124"`` as 124.0 and a Point of ``[[124, 39]]`` as that point: a broken or hostile file's positions
    would be put somewhere silently."""
    if kind == "GeometryCollection":
        members = geometries if isinstance(geometries, list) else []
        return next((p for g in members if isinstance(g, dict) and isinstance(g.get("type"), str)
                     for p in [position_problem(g["type"], g.get("coordinates"), g.get("geometries"))] if p), None)
    depth = _DEPTHS.get(kind)
    if depth is None or coordinates == []:  # [] is an empty geometry
        return None
    stack = [(coordinates, depth)]
    while stack:
        value, level = stack.pop()
        if not isinstance(value, list):
            return f"{_shown(value)} where a list was expected"
        if level > 1:
            short = _too_few_positions(kind, value) if level == 2 else None
            if short:
                return short
            stack.extend((item, level - 1) for item in value)
            continue
        for number in value:
            if number.__class__ is bool or not isinstance(number, int | float):
                return f"a position holds {_shown(number)}, not a number"
    return None


_NUMBERS = frozenset((float, int))  # JSON numbers as read (bool, a subclass of int, is not one)
_LIST = frozenset((list,))


def _from_arrays(kind: str, coordinates: Any) -> BaseGeometry | None:
    """The geometry made from one array of its positions, or None unless every list holds what its level should
    (non-empty lists down to positions of 2 or 3 numbers, all alike): then `position_problem` and shapely's
    `shape` say what is wrong. `shape` and `position_problem` walk the positions in Python: a million took ~5 s,
    this ~0.3 s, so a large geometry the bulk reader sends back one by one (to check it crosses itself) is not read
    twice over."""
    depth = _DEPTHS.get(kind)
    if depth is None or depth < 2 or not isinstance(coordinates, list) or not coordinates:
        return None
    lists, counts = [coordinates], []  # each level's lists, and how many items each list holds
    for _ in range(depth - 1):
        if not _LIST.issuperset(map(type, lists)):
            return None
        lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        if not lengths.all():
            return None
        counts.append(lengths)
        lists = list(chain.from_iterable(lists))
    positions = lists
    if not _LIST.issuperset(map(type, positions)) or not _NUMBERS.issuperset(map(type, chain.from_iterable(
            positions))):
        return None
    try:
        array = np.array(positions, dtype=float)
    except (ValueError, TypeError, OverflowError):  # positions of different lengths; a huge integer
        return None
    if array.ndim != 2 or array.shape[1] not in (2, 3):
        return None
    try:
        return _assembled(kind, array, [np.repeat(np.arange(len(c)), c) for c in counts[1:]])
    except (ValueError, shapely.errors.ShapelyError):  # too few positions for a line or ring: `shape` says which
        return None


def _assembled(kind: str, positions: np.ndarray, owners: list[np.ndarray]) -> BaseGeometry:
    """A geometry of ``kind`` from its positions; ``owners``: per level below the top, the list each item is in."""
    if kind == "MultiPoint":
        return shapely.multipoints(positions)
    if kind == "LineString":
        return shapely.linestrings(positions)
    if kind == "MultiLineString":
        return shapely.multilinestrings(shapely.linestrings(positions, indices=owners[0]))
    rings = shapely.linearrings(positions, indices=owners[-1])  # closed where the file left them open, as shape does
    if kind == "Polygon":
        return shapely.polygons(rings, indices=np.zeros(len(rings), dtype=np.int64))[0]
    return shapely.multipolygons(shapely.polygons(rings, indices=owners[0]))


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 40 else text[:39] + "…"


def check_lonlat(geometry: BaseGeometry) -> None:
    """Raise GeometryError unless every coordinate is a finite lon/lat in range."""
    coords = shapely.get_coordinates(geometry)
    if coords.size == 0:
        return
    if not np.isfinite(coords).all():
        raise GeometryError("coordinates contain NaN or infinity")
    lon, lat = coords[:, 0], coords[:, 1]
    bad_lon = np.flatnonzero((lon < -180) | (lon > 180))
    if bad_lon.size:
        raise GeometryError(f"longitude {lon[bad_lon[0]]:g} out of range (-180..180)")
    bad_lat = np.flatnonzero((lat < -90) | (lat > 90))
    if bad_lat.size:
        raise GeometryError(f"latitude {lat[bad_lat[0]]:g} out of range (-90..90) — are lon and lat swapped?")


def repaired(geometry: BaseGeometry) -> CheckedGeometry:
    """The geometry made valid where it is not (self-intersecting rings), keeping its dimension; a polygon
    too large or too tangled to repair in seconds is kept as read, with a warning (drawn with even-odd fill)."""
    kind = geometry.geom_type
    vertices = int(shapely.get_num_coordinates(geometry))
    if kind in _POLYGONAL and vertices > REPAIR_BUDGET:
        search = first_crossing(geometry)
        if search.where is not None:
            return _unrepaired(geometry, vertices, f"it crosses itself near {_lonlat(search.where)}")
        if not search.complete:
            return CheckedGeometry(geometry, f"{kind} of {vertices:,} vertices not checked for self-intersection "
                                             "(too many overlapping edges); drawn with even-odd fill")
    if geometry.is_valid:
        return CheckedGeometry(geometry)
    reason = shapely.is_valid_reason(geometry)
    if kind in _POLYGONAL and vertices <= REPAIR_BUDGET and crossings_over(geometry, MAX_REPAIR_CROSSINGS):
        return _unrepaired(geometry, vertices, f"over {MAX_REPAIR_CROSSINGS} self-intersections ({reason})")
    fixed = shapely.make_valid(geometry)
    if fixed.geom_type == "GeometryCollection":  # keep the parts of the original's dimension
        dimension = shapely.get_dimensions(geometry)
        parts = [p for p in shapely.get_parts(fixed) if shapely.get_dimensions(p) == dimension]
        fixed = shapely.union_all(parts) if parts else fixed
    if not fixed.is_valid or fixed.is_empty:
        raise GeometryError(f"invalid {geometry.geom_type} that cannot be repaired ({reason})")
    return CheckedGeometry(fixed, f"invalid {geometry.geom_type} repaired ({reason})")


def needs_one_by_one(geometries: np.ndarray) -> np.ndarray:
    """Whether each geometry (an array, None allowed) is not valid, or too large for GEOS to say so quickly:
    those go through `repaired` one by one."""
    large = shapely.get_num_coordinates(geometries) > REPAIR_BUDGET
    result = large.copy()
    result[~large] = ~shapely.is_valid(geometries[~large]) & ~shapely.is_missing(geometries[~large])
    return result


def _unrepaired(geometry: BaseGeometry, vertices: int, why: str) -> CheckedGeometry:
    return CheckedGeometry(geometry, f"invalid {geometry.geom_type} not repaired: {vertices:,} vertices, {why}; "
                                     "kept as read, drawn with even-odd fill")


def _lonlat(where: tuple[float, float]) -> str:
    lon, lat = where
    return f"{abs(lat):.5g}°{'N' if lat >= 0 else 'S'} {abs(lon):.5g}°{'E' if lon >= 0 else 'W'}"
