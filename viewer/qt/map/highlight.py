"""The glow under selected and hovered features, drawn beneath the feature layers: a selection's is outlined dark, with
a dark core under a feature whose own colour is near the glow's (`selection_look`); only a canvas with a selection
draws one (the screen, a presentation), never an export's."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import shapely

from viewer.geo.drawable import to_xy_arrays
from viewer.geo.projected import ProjectedFeatures
from viewer.model.feature import Feature
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer, xy_stroke
from viewer.qt.map.selection_look import needs_core
from viewer.qt.map.symbol_layer import SymbolLayer, Symbols
from viewer.symbology import HOVER, SELECTION, SELECTION_EDGE

GLOW, EDGE, CORE = 9.0, 2.0, 5.0  # px: the glow's width, its outline's on each side, the core's width
POINT_GLOW, POINT_CORE = 30.0, 16.0  # px: a point's glow disc, and its core


class HighlightLayer(pg.GraphicsObject):
    """Two looks: selection (yellow) and hover (cyan); each a path for lines/areas and rings for points."""

    def __init__(self, context: RenderContext):
        super().__init__()
        self.context = context
        self.selected = PathLayer(context)
        self.selected_points = SymbolLayer(context)
        self.hover = PathLayer(context)
        self.hover_points = SymbolLayer(context)
        for child in (self.selected, self.selected_points, self.hover, self.hover_points):
            child.setParentItem(self)
        self.selected_ids: list[str] = []

    def show_selected(self, features: list[Feature], cache: ProjectedFeatures,
                      colours: dict[str, str] | None = None) -> None:
        """Glow under ``features``; ``colours`` (the launches' and layers') tell which are drawn near its yellow."""
        self.selected_ids = [f.id for f in features]
        cored = [f for f in features if needs_core(f, colours or {})]
        self._show(features, cache, SELECTION, self.selected, self.selected_points, edge=True, cored=cored)

    def show_hovered(self, feature: Feature | None, cache: ProjectedFeatures) -> None:
        self._show([feature] if feature else [], cache, HOVER, self.hover, self.hover_points)

    def _show(self, features: list[Feature], cache: ProjectedFeatures, colour: str, paths: PathLayer,
              points: SymbolLayer, edge: bool = False, cored: list[Feature] | None = None) -> None:
        lines_x, lines_y, spots = _shapes(features, cache)
        core_x, core_y, core_spots = _shapes(cored or [], cache)
        strokes = []
        if len(lines_x):
            if edge:
                strokes.append(xy_stroke(lines_x, lines_y, SELECTION_EDGE, GLOW + 2 * EDGE, alpha=200))
            strokes.append(xy_stroke(lines_x, lines_y, colour, GLOW, alpha=255 if edge else 200))
        if len(core_x):
            strokes.append(xy_stroke(core_x, core_y, SELECTION_EDGE, CORE, alpha=230))
        paths.set_strokes(strokes)
        symbols = []
        if len(spots):
            symbols.append(Symbols(spots[:, 0], spots[:, 1], "circle", POINT_GLOW, colour,
                                   outline=SELECTION_EDGE if edge else colour, outline_width=EDGE if edge else 0,
                                   alpha=220 if edge else 170))
        if len(core_spots):
            symbols.append(Symbols(core_spots[:, 0], core_spots[:, 1], "circle", POINT_CORE, SELECTION_EDGE,
                                   outline=SELECTION_EDGE, outline_width=0, alpha=230))
        points.set_symbols(symbols)

    def boundingRect(self):
        return pg.QtCore.QRectF()

    def paint(self, painter, *args) -> None:
        pass


def _shapes(features: list[Feature], cache: ProjectedFeatures) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The NaN-separated map x and y of the features' lines and areas, and their points' positions (n by 2)."""
    drawn = [f for f in features if f.geometry is not None]
    shaped = [f for f in drawn if shapely.get_dimensions(f.geometry) > 0]
    # the cache's projected vertices where they are drawn as they are (a million-vertex area projected afresh on
    # every hover froze the window), and a stroke drawn at pixel size (`Stroke.at_pixel_size`)
    x, y = to_xy_arrays([cache.densified(f) for f in shaped], cache.projection, [cache.projected(f) for f in shaped])
    spots = [cache.projected(f) for f in drawn if shapely.get_dimensions(f.geometry) == 0]
    coords = np.array([(p.x, p.y) for g in spots for p in _points(g)], dtype=float).reshape(-1, 2)
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float), coords


def _points(geometry):
    return [geometry] if geometry.geom_type == "Point" else list(geometry.geoms)
