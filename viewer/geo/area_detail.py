"""Large areas cut down to what one image's pixels show before they are densified along geodesics: an export draws
its map once, at one pixel size, and densifying a million-vertex outline for a view of a town (a vertex every few
metres of geodesic) took seconds that a 1,920-pixel image cannot show.

Two steps, each within a fraction of the image's pixel: the vertices a pixel cannot tell from the line through the
others are dropped (`pixel_detail`, on the vertices projected as they are: a million-vertex circle becomes a few
hundred), then only the segments whose geodesic would stray from their straight drawing are densified. Whether one
would is told from its midpoint on the sphere, in numpy (GEOD's ellipsoidal midpoints differ from it by at most
3 % of the stray, 21 m on a 700 km segment, measured on a million-spike star), so a segment drawn straight costs no
geodesic measure; the others are densified as the window densifies them (`densify.densify_lines`)."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.geo.crs import MapProjection
from viewer.geo.densify import (
    DENSIFY_BUDGET,
    MAX_SEGMENT_KM,
    VECTORISED_ABOVE,
    densified_area,
    densify_all,
    densify_lines,
)
from viewer.geo.drawable import drawn_as_projected, to_xy_arrays, unwrap_parts
from viewer.geo.labels import beside_area
from viewer.geo.per_geometry import PerGeometry
from viewer.geo.pixel_detail import kept_vertices

DROPPED_PX = 0.125  # how far (pixels) a dropped vertex may lie from the line drawn through the others
STRAY_PX = 0.25  # how far a segment's geodesic may stray from its straight drawing for it to be drawn straight
# Segments longer than this are densified whatever their midpoint says: a long geodesic's bend varies along it
# (densify's midpoint model is measured good to 150 m at 1,000-2,000 km, so within a quarter pixel of an image
# whose pixel is 1.2 km or more, as a regional view's is).
STRAIGHT_UP_TO_KM = 1000.0
EARTH_RADIUS_KM = 6371.0088
_POLYGON, _MULTIPOLYGON = 3, 6
# An area of this many vertices or more keeps its drawn arrays (`drawn_xy`), made on the worker that densifies it: a
# densified million-spike star's (2.8 million vertices) took ~0.25 s to make, which held the event loop when taken.
DRAWN_ONCE_FROM = 20_000
_DRAWN: PerGeometry[tuple[np.ndarray, np.ndarray]] = PerGeometry()


def drawn_xy(area: BaseGeometry, projected: BaseGeometry | None,
             projection: MapProjection) -> tuple[np.ndarray, np.ndarray]:
    """`drawable.to_xy_arrays` of one densified lon/lat ``area``, whose projected shape is ``projected``: made once
    for as long as that shape lives when it has DRAWN_ONCE_FROM vertices or more (a cache's shape is one version of
    one area's drawing in one projection). The arrays are shared: never change them in place."""
    if projected is None or shapely.get_num_coordinates(projected) < DRAWN_ONCE_FROM:
        return to_xy_arrays([area], projection, None if projected is None else [projected])
    return _DRAWN.of(projected, lambda shape: to_xy_arrays([area], projection, [shape]))


def make_drawn(areas: np.ndarray, shapes: np.ndarray, projection: MapProjection) -> None:
    """What the screen makes of the large ones among densified ``areas`` (None where not an area) and their
    projected ``shapes``, made now, on the worker thread that densified them, so that the GUI thread finds it made
    when it draws them again: their drawn arrays (`drawn_xy`) and where a label goes beside them
    (`labels.beside_area`)."""
    for area, shape in zip(areas, shapes, strict=True):
        if area is not None and shape is not None and shapely.get_num_coordinates(shape) >= DRAWN_ONCE_FROM:
            drawn_xy(area, shape, projection)
            beside_area(shape)


def areas_at_pixel_size(geometries: np.ndarray, projection: MapProjection, pixel: float) -> np.ndarray:
    """`densify.densify_all` of an object array of geometries for one image whose pixel spans ``pixel`` map units:
    (multi)polygons of over VECTORISED_ABOVE vertices with only the detail that pixel shows (`area_at_pixel_size`),
    the rest as densify_all makes them."""
    types = shapely.get_type_id(geometries)
    large = np.isin(types, (_POLYGON, _MULTIPOLYGON)) & (shapely.get_num_coordinates(geometries) > VECTORISED_ABOVE)
    out = geometries.copy()
    if (~large).any():
        out[~large] = densify_all(geometries[~large], projection)
    for i in np.flatnonzero(large).tolist():
        out[i] = area_at_pixel_size(geometries[i], projection, pixel)
    return out


def area_at_pixel_size(area: BaseGeometry, projection: MapProjection, pixel: float) -> BaseGeometry:
    """A (multi)polygon without the vertices a pixel of ``pixel`` map units cannot show, densified where a segment's
    geodesic strays from its straight drawing: drawn within 0.4 pixel of `densify.densified_area` of it. An
    area the map cuts (a seam, a horizon, beyond its latitudes) is densified whole, as densified_area does."""
    polygons = shapely.get_parts(area)
    rings, ring_owner = shapely.get_rings(polygons, return_index=True)
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    starts = np.flatnonzero(np.diff(ring, prepend=-1))
    lon, lat = unwrap_parts(coords[:, 0], starts), coords[:, 1]
    if not len(lon) or not drawn_as_projected(lon, lat, ring, len(rings), projection).all():
        return densified_area(area, projection)
    x, y = (np.asarray(v, dtype=float) for v in projection.forward(lon, lat))
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        return densified_area(area, projection)
    kept = _kept(x, y, ring, len(rings), pixel * DROPPED_PX)
    lon, lat, x, y, ring = lon[kept], lat[kept], x[kept], y[kept], ring[kept]
    segment = np.flatnonzero(ring[:-1] == ring[1:])
    curved = segment[~_straight(lon, lat, x, y, segment, projection, pixel * STRAY_PX)]
    if len(curved):
        ends = np.stack([np.column_stack([lon[curved], lat[curved]]),
                         np.column_stack([lon[curved + 1], lat[curved + 1]])], axis=1)
        dense = densify_lines(shapely.linestrings(ends), MAX_SEGMENT_KM,
                              max_added=max(DENSIFY_BUDGET, len(coords)), projection=projection)
        added, of = shapely.get_coordinates(dense, return_index=True)
        inner = (np.diff(of, prepend=-1) == 0) & (np.diff(of, append=len(dense)) == 0)  # not a line's ends
        after = curved[of[inner]]  # the vertex each added one follows
        order = np.argsort(np.concatenate([np.arange(len(lon)), after + 0.5]), kind="stable")
        lon = np.concatenate([lon, added[inner, 0]])[order]
        lat = np.concatenate([lat, added[inner, 1]])[order]
        ring = np.concatenate([ring, ring[after]])[order]
    made = shapely.polygons(shapely.linearrings(np.column_stack([lon, lat]), indices=ring), indices=ring_owner)
    return shapely.multipolygons(made) if shapely.get_type_id(area) == _MULTIPOLYGON else made[0]


def stand_in(area: BaseGeometry, vertices: int) -> BaseGeometry:
    """A (multi)polygon of at most about ``vertices`` vertices drawn for ``area`` until it is densified whole (off
    the GUI thread): every n-th vertex of each ring (with its first and last; every vertex of a ring of fewer than
    8). A million-vertex outline's picture at any zoom that shows it whole, in a few ms for a single ring: no pass
    over its vertices but the copy of their coordinates."""
    if shapely.get_type_id(area) == _POLYGON and shapely.get_num_interior_rings(area) == 0:
        coords = shapely.get_coordinates(area)  # one ring: no copy of it made first
        every = max(1, -(-len(coords) // max(1, vertices)))
        if every == 1 or len(coords) < 8:
            return area
        return shapely.Polygon(np.concatenate([coords[:-1:every], coords[-1:]]))
    polygons = shapely.get_parts(area)
    rings, ring_owner = shapely.get_rings(polygons, return_index=True)
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    every = max(1, -(-len(coords) // max(1, vertices)))
    if every == 1:
        return area
    counts = np.bincount(ring, minlength=len(rings))
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    within = np.arange(len(coords)) - first[ring]
    kept = (within % every == 0) | (within == counts[ring] - 1) | (counts[ring] < 8)
    kept |= (np.bincount(ring[kept], minlength=len(rings)) < 4)[ring]
    made = shapely.polygons(shapely.linearrings(coords[kept], indices=ring[kept]), indices=ring_owner)
    return shapely.multipolygons(made) if shapely.get_type_id(area) == _MULTIPOLYGON else made[0]


def _kept(x: np.ndarray, y: np.ndarray, ring: np.ndarray, rings: int, tolerance: float) -> np.ndarray:
    """The vertices `pixel_detail.kept_vertices` keeps of the rings (every vertex of a ring left with fewer than
    four, which would not be a ring)."""
    slot = np.arange(len(x)) + ring  # one NaN between rings
    gapped_x, gapped_y = np.full(len(x) + rings - 1, np.nan), np.full(len(x) + rings - 1, np.nan)
    gapped_x[slot], gapped_y[slot] = x, y
    kept = kept_vertices(gapped_x, gapped_y, tolerance)[slot]
    kept |= (np.bincount(ring[kept], minlength=rings) < 4)[ring]
    return kept


def _straight(lon: np.ndarray, lat: np.ndarray, x: np.ndarray, y: np.ndarray, segment: np.ndarray,
              projection: MapProjection, reach: float) -> np.ndarray:
    """Whether each segment (from vertex ``segment`` to the next) is drawn straight within ``reach`` map units of
    its geodesic: its great-circle midpoint projects within that of the chord, and it is no longer than
    STRAIGHT_UP_TO_KM."""
    lam, phi = np.radians(lon), np.radians(lat)
    unit = np.stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])
    a, b = unit[:, segment], unit[:, segment + 1]
    middle = a + b
    apart = a - b
    km = 2 * EARTH_RADIUS_KM * np.arcsin(np.clip(np.sqrt((apart * apart).sum(axis=0)) / 2, 0.0, 1.0))
    mid_lon = np.degrees(np.arctan2(middle[1], middle[0]))
    mid_lon += 360.0 * np.round((lon[segment] + (lon[segment + 1] - lon[segment]) / 2 - mid_lon) / 360.0)
    mid_lat = np.degrees(np.arctan2(middle[2], np.hypot(middle[0], middle[1])))
    mx, my = (np.asarray(v, dtype=float) for v in projection.forward(mid_lon, mid_lat))
    dx, dy = x[segment + 1] - x[segment], y[segment + 1] - y[segment]
    chord = np.hypot(dx, dy)
    with np.errstate(invalid="ignore", divide="ignore"):
        stray = np.where(chord > 0, np.abs((mx - x[segment]) * dy - (my - y[segment]) * dx) / chord,
                         np.hypot(mx - x[segment], my - y[segment]))
    return (stray <= reach) & (km <= STRAIGHT_UP_TO_KM)
