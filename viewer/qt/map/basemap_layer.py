"""The basemap drawn under everything: land, country borders and the graticule, detail chosen by zoom."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.basemap import Basemap
from viewer.geo.crs import MapProjection
from viewer.geo.drawable import to_xy_arrays
from viewer.geo.geodesic import densify
from viewer.geo.scale import GraticuleLine
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer, Stroke, xy_path, xy_stroke
from viewer.symbology import BORDER, COAST, GRATICULE, LAND

METRES_PER_DEGREE = 111_320.0
DENSIFY_KM = 50.0
# No lon/lat step of d degrees spans more than 112 * d km on the WGS84 ellipsoid (a degree of latitude is at
# most 111.7 km, at the poles; of longitude 111.3 km, at the equator), so no geodesic between its ends does.
KM_PER_DEGREE_AT_MOST = 112.0


class BasemapLayer(PathLayer):
    """Land with its coastline, then land borders; keeps one built path set per (projection, level)."""

    def __init__(self, context: RenderContext, basemap: Basemap):
        super().__init__(context)
        self.basemap = basemap
        self.projection: MapProjection | None = None
        self.level: int | None = None
        self.fixed_level: int | None = None  # when set, used at every zoom (benchmarks, full-detail exports)
        self._built: dict[tuple[str, int], list[Stroke]] = {}
        self._land: dict[int, list] = {}  # densified land by level: the same in every projection

    def set_view(self, projection: MapProjection, metres_per_pixel: float) -> None:
        """Draw at the coarsest level whose simplification stays under a pixel at this zoom."""
        level = self.fixed_level if self.fixed_level is not None else \
            self.basemap.level_for(metres_per_pixel / METRES_PER_DEGREE)
        if projection is self.projection and level == self.level:
            return
        same_projection = projection is self.projection
        if not same_projection:
            self._built.clear()
        self.projection, self.level = projection, level
        key = (projection.crs.srs, level)
        if key not in self._built:
            self._built[key] = self._strokes_for(projection, level)
        self.set_strokes(self._built[key], same_look=same_projection)  # another level: the same map

    def _strokes_for(self, projection: MapProjection, level: int) -> list[Stroke]:
        data = self.basemap[level]
        if level not in self._land:
            self._land[level] = _densified(data.land)
        land_x, land_y = to_xy_arrays(self._land[level], projection)
        border_x, border_y = to_xy_arrays(list(data.borders), projection)
        return [
            xy_stroke(land_x, land_y, COAST, 0.7, fill=LAND, fill_alpha=255),
            xy_stroke(border_x, border_y, BORDER, 0.9, dash=(4, 2)),
        ]


def _densified(land: np.ndarray) -> list:
    """Long straight edges made by clipping to the basemap's box become curves in a conic: densify them.

    Only the few polygons with a step that may be longer than DENSIFY_KM need it; the others, thousands of
    short coastline steps, come back from densify unchanged, so they are found with one bound on all steps.
    """
    xy, owner = shapely.get_coordinates(land, return_index=True)
    step = np.hypot(*np.diff(xy, axis=0).T) * KM_PER_DEGREE_AT_MOST
    long = np.zeros(len(land), dtype=bool)
    long[owner[1:][(owner[1:] == owner[:-1]) & (step > DENSIFY_KM)]] = True
    densified = list(land)
    for i in np.flatnonzero(long):
        densified[i] = densify(land[i], DENSIFY_KM)
    return densified


class GraticuleLayer(PathLayer):
    def set_lines(self, lines: list[GraticuleLine], projection: MapProjection) -> None:
        x, y = to_xy_arrays([line.line for line in lines], projection)
        self.set_strokes([Stroke(xy_path(x, y), GRATICULE, 0.6, alpha=170)])
