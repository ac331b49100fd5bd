"""The basemap's strokes — land with its coastline, land borders — at the level of detail a zoom needs, and the
graticule's; the window's basemap layer and the headless export draw the same."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.basemap import Basemap
from viewer.geo.crs import MapProjection
from viewer.geo.drawable import to_xy_arrays
from viewer.geo.geodesic import densify
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
        key = (projection.crs.srs, level)
        if any(srs != key[0] for srs, _ in self._built):
            self._built.clear()  # another projection: the last one's paths are not drawn again soon
        if key not in self._built:
            if level not in self._land:
                self._land[level] = densified(self.basemap[level].land)
            self._built[key] = basemap_strokes(self._land[level], self.basemap[level].borders, projection)
        return self._built[key]


def basemap_strokes(land: list, borders, projection: MapProjection) -> list[Stroke]:
    """Land (densified, see `densified`) filled with its coastline, then the borders dashed."""
    land_x, land_y = to_xy_arrays(land, projection)
    border_x, border_y = to_xy_arrays(list(borders), projection)
    return [
        xy_stroke(land_x, land_y, COAST, 0.7, fill=LAND, fill_alpha=255),
        xy_stroke(border_x, border_y, BORDER, 0.9, dash=(4, 2)),
    ]


def graticule_strokes(lines: list[GraticuleLine], projection: MapProjection) -> list[Stroke]:
    x, y = to_xy_arrays([line.line for line in lines], projection)
    return [Stroke(xy_path(x, y), GRATICULE, 0.6, alpha=170)]


def densified(land: np.ndarray) -> list:
    """Long straight edges made by clipping to the basemap's box become curves in a conic: densify them.

    Only the few polygons with a step that may be longer than DENSIFY_KM need it; the others, thousands of
    short coastline steps, come back from densify unchanged, so they are found with one bound on all steps.
    """
    xy, owner = shapely.get_coordinates(land, return_index=True)
    step = np.hypot(*np.diff(xy, axis=0).T) * KM_PER_DEGREE_AT_MOST
    long = np.zeros(len(land), dtype=bool)
    long[owner[1:][(owner[1:] == owner[:-1]) & (step > DENSIFY_KM)]] = True
    result = list(land)
    for i in np.flatnonzero(long):
        result[i] = densify(land[i], DENSIFY_KM)
    return result
