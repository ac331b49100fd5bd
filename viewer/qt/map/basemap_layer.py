"""The basemap drawn under everything: land, country borders and the graticule, detail chosen by zoom."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import shapely
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QPainter, QTransform

from viewer.geo.basemap import Basemap
from viewer.geo.crs import MapProjection
from viewer.geo.drawable import to_xy_arrays, unwrap_parts
from viewer.geo.geodesic import GEOD
from viewer.geo.scale import GraticuleLine
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import TILE_ABOVE, PathLayer, PathTiles, Stroke, xy_path, xy_stroke
from viewer.qt.map.render_jobs import JobSignals
from viewer.symbology import BORDER, COAST, GRATICULE, LAND

METRES_PER_DEGREE = 111_320.0
DENSIFY_KM = 50.0
# No lon/lat step of d degrees spans more than 112 * d km on the WGS84 ellipsoid (a degree of latitude is at
# most 111.7 km, at the poles; of longitude 111.3 km, at the equator), so no geodesic between its ends does.
KM_PER_DEGREE_AT_MOST = 112.0
# Levels are built on one long-lived Python thread, not in Qt's pool: PROJ crashed (a segfault in
# proj_crs_get_coordoperation) when pyproj ran on a pool thread that had run Python code for an earlier job.
_BUILDER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="basemap-levels")


class BasemapLayer(PathLayer):
    """Land with its coastline, then land borders; keeps one built path set per (projection, level).

    A level not built yet is built on the GUI thread when nothing of this projection is shown (the first view,
    a new projection, an export); otherwise (`background`: zooming on screen) a `LevelBuild` builds it on a
    worker thread while the level shown stays, drawn at its own detail, and replaces it once built. On screen,
    a level built on the GUI thread draws its land whole until its tiles are cut on the worker thread too.
    """

    def __init__(self, context: RenderContext, basemap: Basemap):
        super().__init__(context)
        self.basemap = basemap
        self.projection: MapProjection | None = None
        self.level: int | None = None
        self.fixed_level: int | None = None  # when set, used at every zoom (benchmarks, full-detail exports)
        self._built: dict[tuple[str, int], list[Stroke]] = {}
        self._land: dict[int, list] = {}  # densified land by level: the same in every projection
        self._wanted: int | None = None  # the level the view asks for, being built in the background
        self._untiled: list[Stroke] | None = None  # shown, its land drawn whole until its tiles are cut
        self._build: LevelBuild | None = None
        self._signals = JobSignals()
        self._signals.finished.connect(self._level_built)

    @property
    def building(self) -> bool:
        """Whether a level is being built (or its tiles cut) on a worker thread now."""
        return self._build is not None

    def set_view(self, projection: MapProjection, metres_per_pixel: float, background: bool = False) -> None:
        """Draw at the coarsest level whose simplification stays under a pixel at this zoom.

        `background`: a level not built yet is built on a worker thread if a level of this projection is shown
        meanwhile; without it (exports) the level is built before this returns."""
        level = self.fixed_level if self.fixed_level is not None else \
            self.basemap.level_for(metres_per_pixel / METRES_PER_DEGREE)
        if projection is not self.projection:
            self._built.clear()
            self._wanted = self._untiled = None
        elif level == self.level:
            self._wanted = None
            return
        key = (projection.crs.srs, level)
        if key not in self._built and background and projection is self.projection:
            self._wanted = level
            self._build_next()
            return
        if key not in self._built:
            strokes = self._built[key] = self._strokes_for(projection, level)
            if background:
                _draw_whole(strokes[0])
                self._untiled = strokes
        self._show(projection, level)
        self._build_next()

    def _show(self, projection: MapProjection, level: int) -> None:
        same_projection = projection is self.projection
        self.projection, self.level = projection, level
        self.set_strokes(self._built[(projection.crs.srs, level)], same_look=same_projection)  # another level

    def _build_next(self) -> None:
        """Start building the wanted level, or cutting the tiles of the one shown; one job at a time (the next
        starts when it is done)."""
        if self._build is not None or self.projection is None or self.level is None:
            return
        if self._wanted is not None:
            self._build = LevelBuild(self._strokes_for, self.projection, self._wanted, None, self._view())
        elif self._untiled is not None:
            self._build = LevelBuild(self._strokes_for, self.projection, self.level, self._untiled, self._view())
            self._untiled = None
        else:
            return
        _BUILDER.submit(self._build.run, self._signals)

    def _level_built(self, build: LevelBuild) -> None:
        self._build = None
        if build.error is not None:
            raise build.error
        if build.strokes is not None:
            build.strokes[0]._tiles["fill"] = build.tiles  # cut on the worker: from now on drawn tile by tile
            self.update()
        if build.projection is self.projection and build.strokes is not None:
            self._built[(build.projection.crs.srs, build.level)] = build.strokes
            if build.level == self._wanted:
                self._wanted = None
                self._show(build.projection, build.level)
        self._build_next()

    def _view(self) -> tuple[QTransform, QSize] | None:
        """This layer's transform to viewport pixels and the viewport's size, if it is in a view."""
        views = self.scene().views() if self.scene() is not None else []
        if not views:
            return None
        return self.deviceTransform(views[0].viewportTransform()), views[0].viewport().size()

    def _strokes_for(self, projection: MapProjection, level: int) -> list[Stroke]:
        """The land and border strokes of a level in a projection (thread-safe: plain data and QPainterPaths)."""
        data = self.basemap[level]
        land = self._land.get(level)
        if land is None:
            land = self._land[level] = _densified(data.land)
        land_x, land_y = to_xy_arrays(land, projection)
        border_x, border_y = to_xy_arrays(list(data.borders), projection)
        return [
            xy_stroke(land_x, land_y, COAST, 0.7, fill=LAND, fill_alpha=255),
            xy_stroke(border_x, border_y, BORDER, 0.9, dash=(4, 2)),
        ]


class LevelBuild:
    """On a worker thread: builds a level's strokes (unless given them) and cuts its land into tiles, the tiles the
    view needs first included (drawn once into a scratch image), so the GUI thread's next paints find them cut."""

    def __init__(self, build: Callable[[MapProjection, int], list[Stroke]], projection: MapProjection, level: int,
                 strokes: list[Stroke] | None, view: tuple[QTransform, QSize] | None):
        self.projection, self.level, self.strokes = projection, level, strokes
        self.tiles: PathTiles | None = None
        self.error: BaseException | None = None
        self._build, self._view = build, view

    def run(self, signals: JobSignals) -> None:
        try:
            strokes = self.strokes or self._build(self.projection, self.level)
            land = strokes[0]
            if land.xy is not None and len(land.xy[0]) > TILE_ABOVE:
                self.tiles = PathTiles.build(land.path, land.xy[0], land.xy[1], "fill")
            if self.tiles is not None and self._view is not None:
                transform, size = self._view
                scratch = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
                painter = QPainter(scratch)
                painter.setTransform(transform)
                self.tiles.draw(painter, 2.5)
                painter.end()
            self.strokes = strokes
        except BaseException as error:  # handed to the GUI thread, which raises it
            self.error = error
        with contextlib.suppress(RuntimeError):  # the layer was deleted meanwhile
            signals.finished.emit(self)


def _draw_whole(land: Stroke) -> None:
    """Draw the land as one path until its tiles are cut (at a level's first view, drawn whole it takes ~20 ms;
    cutting its tiles ~0.2-0.5 s, most of it GEOS repairing the rings the projection makes invalid)."""
    land._tiles["fill"] = None


def _densified(land: np.ndarray) -> list:
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


class GraticuleLayer(PathLayer):
    def set_lines(self, lines: list[GraticuleLine], projection: MapProjection) -> None:
        x, y = to_xy_arrays([line.line for line in lines], projection)
        self.set_strokes([Stroke(xy_path(x, y), GRATICULE, 0.6, alpha=170)])
