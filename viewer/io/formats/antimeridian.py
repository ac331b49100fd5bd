"""Find lines and rings that cross the antimeridian, which GIS tools other than launchmap draw the long way."""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import numpy as np
import shapely

from viewer.model.feature import Feature

_LINESTRING, _LINEARRING, _POLYGON = 1, 2, 3
_MULTI = (4, 5, 6, 7)
_CHUNK = 50_000  # features looked at at once
_WITH_LINES = (_LINESTRING, _LINEARRING, _POLYGON, *_MULTI)


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


def crossings(geometries: np.ndarray) -> list[tuple[int, str]]:
    """(index in ``geometries``, message) for each geometry (None for none) that steps across the antimeridian."""
    kinds = shapely.get_type_id(geometries)  # -1 where there is none
    if not np.isin(kinds, _WITH_LINES).any():  # a layer of points: nothing to look at, and nothing more made
        return []
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
    if len(coords) < 2:
        return []
    jumps = np.flatnonzero((np.abs(np.diff(coords[:, 0])) > 180) & (np.diff(vertex_line) == 0))
    warnings, seen = [], set()
    for jump in jumps:
        feature = int(linework_owner[vertex_line[jump]])
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
