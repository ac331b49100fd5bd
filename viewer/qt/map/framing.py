"""How the map is framed, and its scale: every framing (zoom to data, a launch, a saved view, a slide) fits a map rect
as large as it goes in the room the decorations leave; a selection made elsewhere pans into view only when wholly
off screen."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF

from viewer.geo.scale import ground_distance_per_map_unit

if TYPE_CHECKING:

    import pyqtgraph as pg
    from PySide6.QtWidgets import QWidget

    from viewer.geo.crs import Extent, MapProjection
    from viewer.geo.projected import ProjectedFeatures
    from viewer.model.feature import Feature
    from viewer.model.view import MapView
    from viewer.qt.map.decorations import Decorations
    from viewer.qt.map.frame import ScreenFrame
    from viewer.qt.map.painting import RenderContext

MapRect = tuple[float, float, float, float]

MIN_FRAME_KM = 400.0  # the least a frame of data shows (a point's surroundings), as View ▸ Zoom to data shows it


def _at_least(rect: tuple[float, float, float, float], span: float) -> tuple[float, float, float, float]:
    """``rect`` widened about its centre to ``span`` in each direction it is narrower in (a point's rect has none)."""
    xmin, ymin, xmax, ymax = rect
    if xmax - xmin < span:
        xmin, xmax = (xmin + xmax - span) / 2, (xmin + xmax + span) / 2
    if ymax - ymin < span:
        ymin, ymax = (ymin + ymax - span) / 2, (ymin + ymax + span) / 2
    return xmin, ymin, xmax, ymax


class Framing:
    """The canvas's framing methods (MapCanvas inherits them; kept apart so the canvas file stays one job)."""

    if TYPE_CHECKING:  # what the canvas provides
        map_view: MapView
        view: pg.ViewBox
        frame: ScreenFrame
        context: RenderContext
        decorations: Decorations
        _cache: ProjectedFeatures

        @property
        def projection(self) -> MapProjection: ...
        def visible_features(self) -> list[Feature]: ...
        def data_extent(self) -> Extent: ...
        def show_frame(self, frame: MapRect) -> None: ...
        def viewport(self) -> QWidget: ...
        def _bounds_of(self, feature_ids: list[str]) -> MapRect | None: ...

    def zoom_to_extent(self, extent: Extent, margin: float = 0.0) -> None:
        """Fit a lon/lat extent (west, south, east, north) to the view, clear of the decorations."""
        xmin, ymin, xmax, ymax = self.projection.project_extent(extent)
        dx, dy = (xmax - xmin) * margin, (ymax - ymin) * margin
        # points all at one place have no extent: shown at least MIN_FRAME_KM across, as Zoom to data shows them
        self.frame_rect(_at_least((xmin - dx, ymin - dy, xmax + dx, ymax + dy), self._min_span(MIN_FRAME_KM)))

    def frame_extent(self, extent: Extent) -> None:
        """Frame a lon/lat extent as a saved view or a slide asks: as large as it goes in the room left free."""
        self.frame_rect(self.projection.project_extent(extent))

    def zoom_to_data(self) -> None:
        """Every shown feature as large as it goes in the room the decorations leave (View ▸ Zoom to data)."""
        bounds = self._cache.bounds(self.visible_features())
        if bounds is None:
            self.zoom_to_extent(self.data_extent())
        else:
            self.frame_rect(bounds, min_span=self._min_span(400.0))

    def zoom_to_features(self, feature_ids: list[str], min_size_km: float = 400.0) -> None:
        """Frame features (a launch's whole extent: site, path, zones, impact points), clear of the decorations."""
        bounds = self._bounds_of(feature_ids)
        if bounds is not None:
            self.frame_rect(bounds, min_span=self._min_span(min_size_km))

    def frame_rect(self, rect: tuple[float, float, float, float], min_span: float = 0.0) -> None:
        """Show a map rect (xmin, ymin, xmax, ymax) as large as it goes clear of every decoration."""
        frame = self.room_frame(rect, min_span) or rect  # a view too small for its decorations: fit it plainly
        self.map_view.set_frame(frame)
        self.show_frame(frame)

    def room_frame(self, rect: tuple[float, float, float, float],
                   min_span: float = 0.0) -> tuple[float, float, float, float] | None:
        """The frame that shows a map rect as large as it goes clear of every decoration at this canvas's size
        (None when the decorations leave no room); the one computation every framing uses."""
        self.frame.set_view(self.view.viewRect(), QRectF(self.viewport().rect()))
        self.decorations.fit_to_viewport()
        try:
            return self.decorations.frame_for(rect, min_span)
        except ValueError:
            return None

    def data_frame(self, min_size_km: float = 0.0) -> tuple[float, float, float, float] | None:
        """The frame for every shown feature clear of the decorations (export, a launch's frame)."""
        bounds = self._cache.bounds(self.visible_features())
        if bounds is None:
            return None
        return self.room_frame(bounds, self._min_span(min_size_km) if min_size_km else 0.0)

    # -- the view's scale -------------------------------------------------------------------------
    def map_units_per_pixel(self) -> float:
        rect = self.view.viewRect()
        width = max(1.0, self.view.width())
        return rect.width() / width

    def metres_per_pixel(self) -> float:
        """Ground metres per screen pixel at the view centre (what level of detail depends on)."""
        return self.map_units_per_pixel() * self.metres_per_map_unit() / self.context.scale

    def metres_per_map_unit(self) -> float:
        """Ground metres per map unit at the view centre (1 where the projection cannot say)."""
        centre = self.view.viewRect().center()
        try:
            per_unit = ground_distance_per_map_unit(self.projection, centre.x(), centre.y())
        except (ValueError, ZeroDivisionError):
            return 1.0
        return per_unit if math.isfinite(per_unit) and per_unit > 0 else 1.0

    def _min_span(self, km: float) -> float:
        """``km`` in map units at the view's centre (metres in most projections)."""
        return km * 1000 / self.metres_per_map_unit()

    def _bring_into_view(self, feature_ids: list[str]) -> None:
        """Pan (or zoom out) only when the features are wholly off screen: a selection that can be seen, such as one
        made by clicking the map, never moves the view."""
        bounds = self._bounds_of(feature_ids)
        if bounds is None:
            return
        xmin, ymin, xmax, ymax = bounds
        rect = self.view.viewRect()
        if xmax >= rect.left() and xmin <= rect.right() and ymax >= rect.top() and ymin <= rect.bottom():
            return
        if xmax - xmin > rect.width() or ymax - ymin > rect.height():
            self.zoom_to_features(feature_ids)
        else:
            dx, dy = (xmin + xmax) / 2 - rect.center().x(), (ymin + ymax) / 2 - rect.center().y()
            self.map_view.set_frame((rect.left() + dx, rect.top() + dy, rect.right() + dx, rect.bottom() + dy))

