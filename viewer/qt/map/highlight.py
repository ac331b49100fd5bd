"""The glow under selected and hovered features, drawn beneath the feature layers."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import shapely

from viewer.geo.drawable import to_xy_arrays
from viewer.geo.projected import ProjectedFeatures
from viewer.model.feature import Feature
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer, xy_stroke
from viewer.qt.map.symbol_layer import SymbolLayer, Symbols
from viewer.symbology import HOVER, SELECTION


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

    def show_selected(self, features: list[Feature], cache: ProjectedFeatures) -> None:
        self.selected_ids = [f.id for f in features]
        self._show(features, cache, SELECTION, self.selected, self.selected_points)

    def show_hovered(self, feature: Feature | None, cache: ProjectedFeatures) -> None:
        self._show([feature] if feature else [], cache, HOVER, self.hover, self.hover_points)

    def _show(self, features: list[Feature], cache: ProjectedFeatures, colour: str, paths: PathLayer,
              points: SymbolLayer) -> None:
        drawn = [f for f in features if f.geometry is not None]
        shaped = [f for f in drawn if shapely.get_dimensions(f.geometry) > 0]
        # the cache's projected vertices where they are drawn as they are (a million-vertex area projected afresh on
        # every hover froze the window), and a stroke drawn at pixel size (`Stroke.at_pixel_size`)
        x, y = to_xy_arrays([cache.densified(f) for f in shaped], cache.projection,
                            [cache.projected(f) for f in shaped])
        paths.set_strokes([xy_stroke(x, y, colour, 9, alpha=200)] if len(x) else [])
        spots = [cache.projected(f) for f in drawn if shapely.get_dimensions(f.geometry) == 0]
        coords = np.array([(p.x, p.y) for g in spots for p in _points(g)], dtype=float).reshape(-1, 2)
        points.set_symbols([Symbols(coords[:, 0], coords[:, 1], "circle", 30, colour, outline=colour,
                                    outline_width=0, alpha=170)] if len(coords) else [])

    def boundingRect(self):
        return pg.QtCore.QRectF()

    def paint(self, painter, *args) -> None:
        pass


def _points(geometry):
    return [geometry] if geometry.geom_type == "Point" else list(geometry.geoms)
