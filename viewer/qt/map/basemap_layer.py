"""The basemap drawn under everything: land, country borders and the graticule, detail chosen by zoom (the strokes
come from viewer.qt.draw.basemap, which the headless export shares); finer levels are built off the GUI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter, QTransform

from viewer.geo.basemap import Basemap
from viewer.geo.crs import Extent, MapProjection
from viewer.geo.scale import GraticuleLine, graticule_lines
from viewer.qt.draw.basemap import BasemapStrokes, graticule_strokes, level_strokes
from viewer.qt.draw.paths import TILE_ABOVE, Stroke
from viewer.qt.draw.tiles import PathTiles
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer
from viewer.qt.map.render_jobs import JobSignals
from viewer.symbology import SEA

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
        self._levels = BasemapStrokes(basemap)  # the level a zoom needs; the export's own strokes and caches
        self._built: dict[tuple[str, int], list[Stroke]] = {}
        self._land: dict[int, list] = {}  # densified land by level: the same in every projection
        self._wanted: int | None = None  # the level the view asks for, being built in the background
        self._untiled: list[Stroke] | None = None  # shown, its land drawn whole until its tiles are cut
        self._build: LevelBuild | None = None
        self._signals = JobSignals()
        self._signals.finished.connect(self._level_built)
        self._screen.background = QColor(SEA)  # the bottom layer, on the view's sea: its image is opaque

    @property
    def fixed_level(self) -> int | None:
        """When set, used at every zoom (benchmarks, full-detail exports)."""
        return self._levels.fixed_level

    @fixed_level.setter
    def fixed_level(self, level: int | None) -> None:
        self._levels.fixed_level = level

    @property
    def building(self) -> bool:
        """Whether a level is being built (or its tiles cut) on a worker thread now."""
        return self._build is not None

    def set_view(self, projection: MapProjection, metres_per_pixel: float, background: bool = False) -> None:
        """Draw at the coarsest level whose simplification stays under a pixel at this zoom.

        `background`: a level not built yet is built on a worker thread if a level of this projection is shown
        meanwhile; without it (exports) the level is built before this returns."""
        level = self._levels.level_for(metres_per_pixel)
        if projection is not self.projection:
            self._built.clear()
            self._wanted = self._untiled = None
        elif level == self.level:
            self._wanted = None
            return
        key = (projection.srs, level)
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
        self.set_strokes(self._built[(projection.srs, level)], same_look=same_projection)  # another level

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
            self._built[(build.projection.srs, build.level)] = build.strokes
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
        return level_strokes(self.basemap, self._land, projection, level)


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


class GraticuleLayer(PathLayer):
    """The graticule's lines, drawn for a margin around the view: a pan within it keeps them, and their image on
    screen, instead of projecting new lines at every step."""

    def __init__(self, context: RenderContext):
        super().__init__(context)
        self._drawn: tuple[MapProjection, float, Extent] | None = None  # projection, step, extent drawn
        self.lines: list[GraticuleLine] = []  # the lines drawn

    def set_lines(self, lines: list[GraticuleLine], projection: MapProjection, same_step: bool = False,
                  same_projection: bool = False) -> None:
        """`same_step`: the lines shown, over another extent: drawn again where they were, so the image of the
        screen is kept and only what pans into view is drawn with the new lines. `same_projection`: lines at
        another step are the graticule at another detail (a zoom), not a change of what the map shows."""
        self._drawn, self.lines = None, lines
        self.set_strokes(graticule_strokes(lines, projection), keep_image=same_step,
                         same_look=same_projection and not same_step)

    def cover(self, extent: Extent, step: float, projection: MapProjection) -> None:
        """Lines every `step` degrees over at least `extent` (west, south, east, north)."""
        same_step = False
        if self._drawn is not None:
            shown, shown_step, (west, south, east, north) = self._drawn
            if (shown is projection and shown_step == step and west <= extent[0] and south <= extent[1]
                    and east >= extent[2] and north >= extent[3]):
                return
            same_step = shown is projection and shown_step == step
        wide = extent
        if extent[0] <= extent[2]:  # not across 180°: a margin of half the view each way
            margin = max(extent[2] - extent[0], extent[3] - extent[1]) / 2
            wide = (max(-180.0, extent[0] - margin), max(-89.0, extent[1] - margin),
                    min(180.0, extent[2] + margin), min(89.0, extent[3] + margin))
        self.set_lines(graticule_lines(wide, step), projection, same_step,
                       self._drawn is not None and self._drawn[0] is projection)
        self._drawn = (projection, step, wide) if wide is not extent else None
