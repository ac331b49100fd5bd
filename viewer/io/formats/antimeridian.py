"""Find lines and rings that cross the antimeridian, which GIS tools other than launchmap draw the long way."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import NamedTuple

import numpy as np
import shapely

from viewer.model.feature import Feature

_LINESTRING, _LINEARRING, _POLYGON = 1, 2, 3
_MULTI = (4, 5, 6, 7)
_CHUNK = 50_000  # features looked at at once
_WITH_LINES = (_LINESTRING, _LINEARRING, _POLYGON, *_MULTI)
_WITH_PARTS = (_POLYGON, *_MULTI)  # a line's vertices are not all its own


def antimeridian_warnings(features: Sequence[Feature], places: Sequence[str], first: int = 0) -> list[tuple[str, str]]:
    """(where, message) for each feature from the ``first`` with a step of more than 180° of longitude between
    two vertices.

    launchmap draws such a step the short way round, across ±180° (a path from Japan out into the
    Pacific); RFC 7946 asks for it to be split there, and QGIS or a spreadsheet will draw it across the world.
    Looked at a chunk of features at a time: the coordinate arrays of a whole large file were the highest
    point of its load's memory.
    """
    warnings: list[tuple[str, str]] = []
    for start in range(first, len(features), _CHUNK):
        chunk = features[start:start + _CHUNK]
        geometries = np.fromiter(map(attrgetter("geometry"), chunk), dtype=object, count=len(chunk))
        warnings += [(places[start + index], message) for index, message in crossings(geometries)]
    return warnings


class Vertices(NamedTuple):
    """The vertices of an array of geometries, as shapely's get_coordinates gives them (``xy``), and the position in
    the array of the geometry each is of (``owner``, ascending)."""

    xy: np.ndarray
    owner: np.ndarray


def crossings(geometries: np.ndarray, vertices: Vertices | None = None) -> list[tuple[int, str]]:
    """(index in ``geometries``, message) for each geometry (None for none) that steps across the antimeridian.
    ``vertices``: theirs, read already (a reader's check of its batch): used as they are when the geometries are
    lines and points only (not read again: ~10 ms for 100,000 three-vertex lines)."""
    kinds = shapely.get_type_id(geometries)  # -1 where there is none
    if not np.isin(kinds, _WITH_LINES).any():  # a layer of points: nothing to look at, and nothing more made
        return []
    if vertices is not None and not np.isin(kinds, _WITH_PARTS).any():  # a point's one vertex steps nowhere
        return _stepping(vertices.xy, vertices.owner)
    present = np.flatnonzero(kinds >= 0)
    parts, owner = geometries[present], present
    while len(parts) and np.isin(shapely.get_type_id(parts), _MULTI).any():  # collections may nest
        parts, index = shapely.get_parts(parts, return_index=True)
        owner = owner[index]
    kinds = shapely.get_type_id(parts)
    lines = np.flatnonzero((kinds == _LINESTRING) | (kinds == _LINEARRING))
    polygons = np.flatnonzero(kinds == _POLYGON)
    rings, ring_index = shapely.get_rings(parts[polygons], return_index=True)
    linework = np.concatenate([parts[lines], rings])
    linework_owner = np.concatenate([owner[lines], owner[polygons][ring_index]])
    if not len(linework):
        return []
    coords, vertex_line = shapely.get_coordinates(linework, return_index=True)
    return _stepping(coords, vertex_line, linework_owner)


def _stepping(coords: np.ndarray, vertex_line: np.ndarray,
              line_owner: np.ndarray | None = None) -> list[tuple[int, str]]:
    """The warnings for lines whose vertices (``coords``, each of line ``vertex_line``, a part of geometry
    ``line_owner[line]``, or that geometry itself when None) step more than 180° of longitude."""
    if len(coords) < 2:
        return []
    jumps = np.flatnonzero((np.abs(np.diff(coords[:, 0])) > 180) & (np.diff(vertex_line) == 0))
    warnings, seen = [], set()
    for jump in jumps:
        line = vertex_line[jump]
        feature = int(line if line_owner is None else line_owner[line])
        if feature in seen:
            continue
        seen.add(feature)
        (lon0, lat0), (lon1, lat1) = coords[jump, :2], coords[jump + 1, :2]
        warnings.append((feature, (
            f"crosses the antimeridian ({_place(lon0, lat0)} → {_place(lon1, lat1)}): drawn the short "
            "way round here, but other GIS tools draw it across the world; split it at ±180° (RFC 7946 §3.1.9)")))
    return warnings


def _place(lon: float, lat: float) -> str:
    return f"{abs(lat):.4g}°{'N' if lat >= 0 else 'S'} {abs(lon):.4g}°{'E' if lon >= 0 else 'W'}"
