"""The basemap drawn under everything: land, country borders and the graticule, detail chosen by zoom (the strokes
come from viewer.qt.draw.basemap, which the headless export shares)."""

from __future__ import annotations

from viewer.geo.basemap import Basemap
from viewer.geo.crs import MapProjection
from viewer.geo.scale import GraticuleLine
from viewer.qt.draw.basemap import BasemapStrokes, graticule_strokes
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer


class BasemapLayer(PathLayer):
    """Land with its coastline, then land borders; keeps one built path set per (projection, level)."""

    def __init__(self, context: RenderContext, basemap: Basemap):
        super().__init__(context)
        self.basemap = basemap
        self.projection: MapProjection | None = None
        self.level: int | None = None
        self._strokes_of = BasemapStrokes(basemap)

    @property
    def fixed_level(self) -> int | None:
        """When set, used at every zoom (benchmarks, full-detail exports)."""
        return self._strokes_of.fixed_level

    @fixed_level.setter
    def fixed_level(self, level: int | None) -> None:
        self._strokes_of.fixed_level = level

    def set_view(self, projection: MapProjection, metres_per_pixel: float) -> None:
        """Draw at the coarsest level whose simplification stays under a pixel at this zoom."""
        level = self._strokes_of.level_for(metres_per_pixel)
        if projection is self.projection and level == self.level:
            return
        same_projection = projection is self.projection
        self.projection, self.level = projection, level
        self.set_strokes(self._strokes_of.strokes(projection, level), same_look=same_projection)  # another level


class GraticuleLayer(PathLayer):
    def set_lines(self, lines: list[GraticuleLine], projection: MapProjection) -> None:
        self.set_strokes(graticule_strokes(lines, projection))
