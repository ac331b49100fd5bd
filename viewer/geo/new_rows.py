"""What the projected cache (`viewer.geo.projected`) holds of geometries new to it, made all at once: points
projected, lines densified (or projected straight for now), areas densified or given a stand-in; and, on a worker,
the densified rows of what it drew straight or from a stand-in."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.geo.area_detail import areas_at_pixel_size, stand_in
from viewer.geo.crs import MapProjection
from viewer.geo.densify import densify_all
from viewer.geo.drawable import project_geometry
from viewer.geo.flat_lines import FlatLines
from viewer.geo.flat_rows import add_lines, densified_lines

POINT, LINESTRING = 0, 1
AREAS = (3, 6)  # Polygon, MultiPolygon
# An area of more vertices than this (and than `straight_first`) is drawn from a stand-in, undensified, until it is
# densified whole off the GUI thread (a million-spike star took ~6 s to densify on it, the window frozen; areas of
# 20,000-50,000 vertices held it ~0.1 s when a file opened): every n-th vertex of its rings, at most
# STAND_IN_VERTICES. The stand-in is projected, outlined for picking and labelled on the GUI thread when its file
# opens, so it is small: the worker makes the area's projection, outline runs, drawn arrays and label place, taken in
# one step (50,000 vertices cost four areas of 20,000-49,000 ~40 ms of CPU there). Drawn, it is never small: a group
# holding one is filled as given, not merged (`features.area_strokes`), as its densified area will be, and first drawn
# on a worker (`feature_visuals.AreaVisual`: a million-spike star's stand-in crosses itself thousands of times). The
# threshold stays at what the drawing merges (`features.UNION_UP_TO_VERTICES`), so no area merged once densified is
# drawn from a stand-in first. 4,000 vertices round a regional view's area of ~1,000 px are four a pixel.
STAND_IN_ABOVE = 20_000
STAND_IN_VERTICES = 4_000


@dataclass
class NewRows:
    """The rows of distinct geometries new to a cache, column by column (see `CacheRows` for what each holds);
    ``dense``: the densified lon/lat geometry of each area, by position among them."""

    sources: np.ndarray
    keys: np.ndarray
    point: np.ndarray
    xy: np.ndarray
    located: np.ndarray
    line: np.ndarray
    plain: np.ndarray
    shapes: np.ndarray
    pending: np.ndarray
    flat_at: np.ndarray
    flat: FlatLines
    dense: dict[int, BaseGeometry]

    def __len__(self) -> int:
        return len(self.keys)


def new_rows(geometries: np.ndarray, keys: np.ndarray, projection: MapProjection, straight_first: int | None,
             pixel: float | None) -> NewRows:
    """Densify and project new geometries (``keys``: their distinct ids) all at once: one call to PROJ, not one per
    feature (~0.1 ms each in overheads, seconds for 100,000 features). ``straight_first`` and ``pixel``: the
    cache's (`ProjectedFeatures`)."""
    types = shapely.get_type_id(geometries)
    empty = shapely.is_empty(geometries)
    point = (types == POINT) & ~empty
    xy = np.full((len(geometries), 2), np.nan)
    if point.any():
        coords = shapely.get_coordinates(geometries if point.all() else geometries[point])
        x, y = projection.forward(coords[:, 0], coords[:, 1])
        xy[point, 0], xy[point, 1] = x, y
    shapes = np.full(len(geometries), None, dtype=object)
    lines = (types == LINESTRING) & ~empty
    plain = np.zeros(len(geometries), dtype=bool)
    pending = np.zeros(len(geometries), dtype=bool)
    flat_at, flat = np.full(len(geometries), -1, dtype=np.int64), FlatLines.empty()
    if lines.any():
        at = np.flatnonzero(lines)
        made = np.empty(len(at), dtype=object), np.zeros(len(at), dtype=bool), np.zeros(len(at), dtype=bool)
        flat_at[at], flat = add_lines(geometries[at], projection, straight_first, *made)
        shapes[at], plain[at], pending[at] = made
    dense_of: dict[int, BaseGeometry] = {}
    other = np.flatnonzero(~point & ~lines)
    if len(other):
        given = geometries[other]
        large = np.zeros(len(other), dtype=bool)
        if straight_first is not None:  # a large area is drawn from a stand-in until densified whole
            large = np.isin(types[other], AREAS) & (shapely.get_num_coordinates(given) > max(
                straight_first, STAND_IN_ABOVE))
            pending[other[large]] = True
        dense = np.empty(len(other), dtype=object)
        dense[large] = [stand_in(g, STAND_IN_VERTICES) for g in given[large]]
        dense[~large] = densify_all(given[~large], projection) if pixel is None else \
            areas_at_pixel_size(given[~large], projection, pixel)
        dense_of = dict(zip(other.tolist(), dense, strict=True))
        shapes[other] = project_geometry(dense, projection)
    return NewRows(geometries, keys, point, xy, point | empty, lines, plain, shapes, pending, flat_at, flat, dense_of)


def densified_rows(geometries: np.ndarray, projection: MapProjection) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                                tuple[np.ndarray, FlatLines]]:
    """For geometries a cache drew straight or from a stand-in, their projected shapes, whether each is drawn as
    projected, the densified lon/lat geometry of each area (None for lines), and the positions and lines of those
    kept flat (their shapes None; see `flat_parts`): `densify.projected_lines` of the lines, an area densified and
    projected whole. Reads nothing but the projection: made on a worker."""
    shapes, plain = np.empty(len(geometries), dtype=object), np.zeros(len(geometries), dtype=bool)
    dense = np.full(len(geometries), None, dtype=object)
    line = shapely.get_type_id(geometries) == LINESTRING
    at = np.flatnonzero(line)
    shapes[at], plain[at], kept, lines = densified_lines(geometries[at], projection)
    if (~line).any():
        dense[~line] = densify_all(geometries[~line], projection)
        shapes[~line] = project_geometry(dense[~line], projection)
    return shapes, plain, dense, (at[kept], lines)
