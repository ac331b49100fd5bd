"""The basemap's strokes — land with its coastline, land borders — at the level of detail a zoom needs, and the
graticule's; the window's basemap layer and the headless export draw the same."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.basemap import Basemap
from viewer.geo.crs import MapProjection
from viewer.geo.drawable import linework_xy, to_xy_arrays, unwrap_parts
from viewer.geo.geodesic import GEOD
from viewer.geo.horizon import has_horizon
from viewer.geo.scale import GraticuleLine
from viewer.qt.draw.paths import Stroke, xy_stroke
from viewer.qt.draw.qpath import xy_path
from viewer.symbology import BORDER, COAST, GRATICULE, LAND

METRES_PER_DEGREE = 111_320.0
DENSIFY_KM = 50.0
# No lon/lat step of d degrees spans more than 112 * d km on the WGS84 ellipsoid (a degree of latitude is at
# most 111.7 km, at the poles; of longitude 111.3 km, at the equator), so no geodesic between its ends does.
KM_PER_DEGREE_AT_MOST = 112.0


class BasemapStrokes:
    """The strokes of one basemap, kept per (projection, level): another image of the same view reuses them."""

    def __init__(self, basemap: Basemap):
        self.basemap = basemap
        self.fixed_level: int | None = None  # when set, used at every zoom (benchmarks, full-detail exports)
        self._built: dict[tuple[str, int], list[Stroke]] = {}
        self._land: dict[int, list] = {}  # densified land by level: the same in every projection

    def level_for(self, metres_per_pixel: float) -> int:
        """The coarsest level whose simplification stays under a pixel at this zoom."""
        if self.fixed_level is not None:
            return self.fixed_level
        return self.basemap.level_for(metres_per_pixel / METRES_PER_DEGREE)

    def strokes(self, projection: MapProjection, level: int) -> list[Stroke]:
        key = (projection.srs, level)
        if any(srs != key[0] for srs, _ in self._built):
            self._built.clear()  # another projection: the last one's paths are not drawn again soon
        if key not in self._built:
            self._built[key] = level_strokes(self.basemap, self._land, projection, level)
        return self._built[key]


def level_strokes(basemap: Basemap, land: dict[int, list], projection: MapProjection, level: int) -> list[Stroke]:
    """A level's `basemap_strokes` in a projection: from the vertices the basemap stores projected (the default
    projection's coarser levels, computed by the same code when the file was built), or from the linework it stores
    (the same in every projection but a globe, which shows a hemisphere), or computed from its land (densified once
    per level into ``land``, the same in every projection) and borders."""
    stored = basemap.projected(level, projection.srs)
    if stored is not None:
        return _strokes(*stored)
    linework = None if has_horizon(projection) else basemap.linework(level)
    if linework is not None:
        return _strokes(*linework_xy(*linework[0], projection), *linework_xy(*linework[1], projection))
    if level not in land:
        land[level] = densified(basemap[level].land)
    return basemap_strokes(land[level], basemap[level].borders, projection)


def basemap_strokes(land: list, borders, projection: MapProjection) -> list[Stroke]:
    """Land (densified, see `densified`) filled with its coastline, then the borders dashed."""
    land_x, land_y = to_xy_arrays(land, projection)
    border_x, border_y = to_xy_arrays(list(borders), projection)
    return _strokes(land_x, land_y, border_x, border_y)


def _strokes(land_x: np.ndarray, land_y: np.ndarray, border_x: np.ndarray, border_y: np.ndarray) -> list[Stroke]:
    return [
        xy_stroke(land_x, land_y, COAST, 0.7, fill=LAND, fill_alpha=255),
        xy_stroke(border_x, border_y, BORDER, 0.9, dash=(4, 2)),
    ]


def graticule_strokes(lines: list[GraticuleLine], projection: MapProjection) -> list[Stroke]:
    x, y = to_xy_arrays([line.line for line in lines], projection)
    return [Stroke(xy_path(x, y), GRATICULE, 0.6, alpha=170)]


def densified(land: np.ndarray) -> list:
    """Long straight edges made by clipping to the basemap's box become curves in a conic: densify them.

    The same vertices as `densify` gives polygon by polygon (to 1e-9°), in a few vectorised calls: only edges
    that may be longer than DENSIFY_KM (one bound on all steps) are measured on the ellipsoid, and the points
    along the long ones are placed all at once (per polygon, the coarse levels took 0.1-0.2 s).
    """
    if not len(land):
        return []
    rings, polygon_of = shapely.get_rings(land, return_index=True)
    xy, ring_of = shapely.get_coordinates(rings, return_index=True)
    inside = np.flatnonzero(ring_of[1:] == ring_of[:-1])  # edges: vertex i to i + 1 of one ring
    step = np.hypot(*(xy[inside + 1] - xy[inside]).T) * KM_PER_DEGREE_AT_MOST
    edges = inside[step > DENSIFY_KM]
    azimuth, _, metres = GEOD.inv(xy[edges, 0], xy[edges, 1], xy[edges + 1, 0], xy[edges + 1, 1])
    long = metres > DENSIFY_KM * 1000.0
    edges, azimuth, metres = edges[long], np.asarray(azimuth)[long], np.asarray(metres)[long]
    pieces = np.maximum(1, np.ceil(metres / (DENSIFY_KM * 1000.0))).astype(int)
    added = np.zeros(len(xy), dtype=int)
    added[edges] = pieces - 1  # points inserted after each vertex
    edge = np.repeat(np.arange(len(edges)), pieces - 1)
    k = np.arange(len(edge)) - np.repeat(np.cumsum(pieces - 1) - (pieces - 1), pieces - 1) + 1
    lon, lat, _ = GEOD.fwd(xy[edges[edge], 0], xy[edges[edge], 1], azimuth[edge], metres[edge] * k / pieces[edge])
    at = np.cumsum(added + 1) - added - 1  # where each old vertex goes
    out = np.empty((len(xy) + added.sum(), 2))
    out[at] = xy
    new = np.ones(len(out), dtype=bool)
    new[at] = False
    out[new] = np.column_stack([lon, lat])
    out_ring = np.repeat(ring_of, added + 1)
    # densify keeps longitudes continuous along a polygon it touched; elsewhere that changes nothing (no step
    # over 180° is short in the bound above)
    touched = np.zeros(len(land), dtype=bool)
    touched[polygon_of[ring_of[inside[step > DENSIFY_KM]]]] = True
    keep = touched[polygon_of[out_ring]]
    starts = np.flatnonzero(np.diff(out_ring, prepend=-1))
    out[:, 0] = np.where(keep, unwrap_parts(out[:, 0], starts), out[:, 0])
    new_rings = shapely.linearrings(out, indices=out_ring)
    densified = shapely.polygons(new_rings, indices=polygon_of)
    return [new if touched[i] else old for i, (old, new) in enumerate(zip(land, densified, strict=True))]
