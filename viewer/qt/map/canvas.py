"""The map canvas: a pyqtgraph view of the basemap and the workspace's features in one projection."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtWidgets import QToolTip

from viewer.geo.basemap import Basemap
from viewer.geo.crs import DEFAULT_REGION, Extent, MapProjection
from viewer.geo.earth_outline import globe_disc
from viewer.geo.gazetteer import Place
from viewer.geo.picking import FeatureIndex
from viewer.geo.projected import ProjectedFeatures, geometries_of
from viewer.geo.scale import min_view_span, nice_graticule_step
from viewer.model.feature import Feature
from viewer.model.kinds import by_kind, kind_names, kind_style
from viewer.model.overlays import RangeRings
from viewer.model.selection import Selection
from viewer.model.view import MapView, ViewState
from viewer.model.workspace import Workspace
from viewer.qt.draw.labels import Label
from viewer.qt.lifetime import follow
from viewer.qt.map import long_lived
from viewer.qt.map.analysis_layer import AnalysisLayer
from viewer.qt.map.annotation_layer import AnnotationVisual
from viewer.qt.map.basemap_layer import BasemapLayer, GraticuleLayer
from viewer.qt.map.decorations import Decorations, OverlayData
from viewer.qt.map.drawings import cache_of
from viewer.qt.map.earth_edge import EarthEdge
from viewer.qt.map.feature_labels import map_labels
from viewer.qt.map.feature_visuals import AreaVisual, LineVisual, visual_for
from viewer.qt.map.frame import ScreenFrame
from viewer.qt.map.framing import Framing
from viewer.qt.map.highlight import HighlightLayer
from viewer.qt.map.keys import handle_map_key
from viewer.qt.map.label_layer import LabelLayer
from viewer.qt.map.legend import legend_entries
from viewer.qt.map.line_densifying import STRAIGHT_FIRST_ABOVE, LineDensifying
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.pointer import PICK_TOLERANCE_PX, Pointer
from viewer.qt.map.view_box import MapViewBox
from viewer.symbology import SEA

__all__ = ["PICK_TOLERANCE_PX", "MapCanvas"]


class MapCanvas(Framing, Pointer, pg.GraphicsView):
    """Shows a workspace as a MapView says; writes the user's pans and zooms back to the MapView, and clicks to the
    selection it is given (the workspace's shared one by default; an export's canvas has none, so draws no halo
    and no hover).

    Signals:
        cursor_moved(float, float): lon, lat under the mouse (NaN off the map).
        measured(float): the measured geodesic length in km, after each click of the measuring tool.
        map_clicked(float, float): lon, lat of a click while picking points (moving a vertex).
        map_dragged(float, float, float, float): lon, lat where a drag began and ended while picking points (a box
            or an arrow drawn by dragging); the map does not pan then.
    """

    cursor_moved = Signal(float, float)
    measured = Signal(float)
    map_clicked = Signal(float, float)
    map_dragged = Signal(float, float, float, float)

    def __init__(self, workspace: Workspace, basemap: Basemap, places: list[Place] | None = None, parent=None,
                 map_view: MapView | None = None, selection: Selection | bool | None = True):
        super().__init__(parent, background=SEA)
        self.workspace = workspace
        self.map_view = map_view or MapView()
        # True: the workspace's shared selection; a Selection of its own (a presentation); None: none (an export).
        self.selection: Selection | None = (workspace.selection if selection is True else
                                            selection if isinstance(selection, Selection) else None)
        self.context = RenderContext()
        self.frame = ScreenFrame(self.context)
        self.setRenderHints(self.renderHints())
        self.view = MapViewBox(self, lockAspect=True, enableMenu=False, defaultPadding=0.0)
        self.setCentralItem(self.view)
        # a large layer's lines are drawn straight at first and densified at rest, on a worker thread
        self._cache = ProjectedFeatures(self.projection, STRAIGHT_FIRST_ABOVE)
        self.densifying = LineDensifying(self, lambda: self._cache, self._drawing, self._lines_densified)
        self._index = FeatureIndex([], [])
        self._labelled_rows = np.empty(0, dtype=np.int64)  # the cache's rows of the features labelled or avoided
        self._places: list[Label] = []  # the basemap's labels, as last made
        self._hovered: str | None = None
        self._applying_frame = False
        self._basemap_deferred = False
        self.places = places or []
        # Once the data has changed and the event loop runs again, on screen: see long_lived.settle.
        self._settle_heap = QTimer(self)
        self._settle_heap.setSingleShot(True)
        self._settle_heap.setInterval(0)
        self._settle_heap.timeout.connect(self._heap_settled)
        self._heap_pending = False  # the data changed while the canvas was hidden: settle once it shows

        self.basemap_layer = BasemapLayer(self.context, basemap)
        self.graticule = GraticuleLayer(self.context)
        self.highlight = HighlightLayer(self.context)
        self.labels = LabelLayer(self.context)
        # In the registry's drawing order, except that wide translucent bands (overflight) go under every line,
        # so the paths they follow stay readable.
        names = kind_names()
        first_line = min((i for i, k in enumerate(names) if kind_style(k).geometry == "line"), default=0)
        kinds = sorted(names, key=lambda k: first_line - 0.5 if _is_band(k) else names.index(k))
        self.visuals = {kind: visual_for(kind, self.context) for kind in kinds}
        for z, item in enumerate([self.basemap_layer, self.graticule, self.highlight, *self.visuals.values()]):
            item.setZValue(z)
            self.view.addItem(item, ignoreBounds=True)
        self.earth_edge = EarthEdge()  # the page beyond the earth, over the basemap's sea, under the lines
        self.earth_edge.setZValue(0.5)
        self.view.addItem(self.earth_edge, ignoreBounds=True)
        self.labels.setZValue(50)
        self.view.addItem(self.labels, ignoreBounds=True)
        for visual in self.visuals.values():
            if isinstance(visual, AnnotationVisual):
                visual.setZValue(55)  # the user's own words over place names
        self.analysis = AnalysisLayer(self.context, self.labels)  # labelled by the one label engine
        self.analysis.setZValue(60)
        self.view.addItem(self.analysis, ignoreBounds=True)
        self.measuring = False
        self.picking_points = False
        self.decorations = Decorations(self.map_view, self.frame)
        self.scene().addItem(self.decorations)
        self.labels.decoration_boxes = lambda: list(self.decorations.layout().boxes.values())
        self.decorations.drawing.label_boxes = lambda: [shape for _, shape in self.labels.placed_shapes]
        self.decorations.drawing.gesture_from_image = lambda: self.view.snapshot.moving
        self.decorations.drawing.overlay_data = OverlayData(self.frame, lambda: (self.analysis.paths.strokes, [
            mark for visual in self.visuals.values() if isinstance(visual, AnnotationVisual) for mark in visual.marks]))

        self.view.sigRangeChanged.connect(self._range_changed)
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.scene().sigMouseMoved.connect(self.decorations.pointer_moved)  # a cut legend row's whole text
        self.scene().sigMouseClicked.connect(self._mouse_clicked)
        follow(workspace.bundles_changed, self, self.refresh)
        follow(self.map_view.filters_changed, self, self.refresh)
        follow(self.map_view.colours_changed, self, self.refresh)
        follow(self.map_view.projection_changed, self, self._projection_changed)
        follow(self.map_view.frame_changed, self, self._apply_frame)
        follow(self.map_view.decorations_changed, self, self._decorations_changed)
        follow(workspace.overlays.changed, self, self._overlays_changed)
        if self.selection is not None:
            follow(self.selection.changed, self, self._selection_changed)
        self._projection_changed()
        self._decorations_changed()  # a view may come with its options set (an export's)
        if self.map_view.frame is None:
            self.map_view.fit(DEFAULT_REGION)

    # -- what is shown ---------------------------------------------------------------------------
    @property
    def projection(self) -> MapProjection:
        return self.map_view.projection

    @property
    def event_colours(self) -> dict[str, str]:
        return self.map_view.colours(*self.workspace.colour_keys())

    def data_extent(self) -> Extent:
        """Lon/lat bounds of every feature, or the default region when there are none."""
        return self.workspace.extent() or DEFAULT_REGION

    def visible_features(self) -> list[Feature]:
        return self.map_view.visible_features(self.workspace.content)

    def refresh(self) -> None:
        """Rebuild the feature layers from the workspace (after loading or a change of filters)."""
        visible = self.visible_features()
        self._cache.prepare(visible)  # all at once: per feature, 100k features take seconds
        self._cache.keep_only(self.workspace.content.table.geometries)  # a closed file's rows let go
        self.densifying.soon()
        colours = self.event_colours
        self._draw(visible, colours)  # (the visible features found again took a pass over a million rows)
        self._index = self._cache.index(visible)
        self.frame.data_count = self._index.count_in_rect  # where decorations cover least data: every frame
        self.frame.legend_rows = legend_entries(self.workspace, visible, colours)
        self._label_features(visible, colours)
        self.labels.set_labels(self._places, globe_disc(self.projection))
        self._selection_changed()
        self.decorations.update()
        self._settle_heap.start()

    def _label_features(self, visible: list[Feature], colours: dict[str, str]) -> None:
        """Hand the label engine the features' labels and marks, and keep the cache's rows of the features they
        were made from (lines densified at rest move them only if one of those was drawn straight)."""
        considered: list[Feature] = []
        labels, marks, self._places = map_labels(self.workspace, visible, self._cache, colours, self.places,
                                                 self.basemap_layer.basemap, self.projection, considered)
        self._labelled_rows = self._cache.held_rows(geometries_of(considered))
        self.labels.set_feature_labels(labels, marks)

    def _lines_densified(self, taken: np.ndarray) -> None:
        """The cache took the densified lines of rows ``taken``: what draws, picks or labels those lines follows,
        from the rows each already holds (the line visuals', the picking index's), not from the visible features:
        taking them beside a million points held the event loop ~0.5 s (the visible features by kind, the labels'
        bulk rule). The labels are made again only if a line they were made from was taken; the points' visuals
        and grid, the legend and the heap stay."""
        for visual in self.visuals.values():
            if isinstance(visual, LineVisual | AreaVisual):  # (areas: drawn from a stand-in until densified whole)
                visual.follow_densified(taken)
        self._index = self._cache.reindexed(self._index)
        self.frame.data_count = self._index.count_in_rect
        if np.isin(self._labelled_rows, taken).any():
            self._label_features(self.visible_features(), self.event_colours)
            self.labels.set_labels(self._places)
        self._selection_changed()
        self.decorations.update()

    def _drawing(self) -> bool:
        """Whether the view moves or a feature layer is being drawn on a worker thread (densifying waits)."""
        return self.view.snapshot.moving or any(
            cache is not None and cache.drawing_in_background for cache in map(cache_of, self.visuals.values()))

    def _heap_settled(self) -> None:
        """After the data changed, on screen (an export's canvas never is): what is alive now is long-lived."""
        self._heap_pending = not self.isVisible()
        if self.isVisible() and not self.window().testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
            long_lived.settle()

    def draw_only(self, keep: Callable[[Feature], bool] | None) -> None:
        """Draw the visible features ``keep`` accepts, or all of them when None."""
        visible = self.visible_features() if keep is None else [f for f in self.visible_features() if keep(f)]
        self._draw(visible, self.event_colours)

    def _draw(self, visible: list[Feature], colours: dict[str, str]) -> None:
        groups = by_kind(visible, self.visuals)
        for kind, visual in self.visuals.items():
            if isinstance(visual, AnnotationVisual):  # a quote callout names its source
                visual.content = self.workspace.content
            visual.set_features(kind, groups[kind], self._cache, colours)

    def set_projection(self, projection: MapProjection, keep_view: bool = True) -> None:
        """Reproject every layer; the view keeps showing the same lon/lat area (or the default region)."""
        if keep_view:
            self.map_view.set_projection(projection)
        else:
            self.map_view.set_projection(projection, projection.project_extent(DEFAULT_REGION))

    def _projection_changed(self, *_) -> None:
        projection = self.projection
        self._limit_zoom(projection)
        self._cache = self._cache.reprojected(projection)
        self.earth_edge.follow(projection, self.view.viewRect())
        self._overlays_changed()
        self.refresh()
        self._apply_frame()

    def _limit_zoom(self, projection: MapProjection) -> None:
        """Zooming in stops at `min_view_span` (about ten metres across): it went on until the scale bar read
        '0 m' and the map was empty."""
        x, y = projection.forward(*((DEFAULT_REGION[0] + DEFAULT_REGION[2]) / 2, (DEFAULT_REGION[1] +
                                                                                  DEFAULT_REGION[3]) / 2))
        span = min_view_span(projection, float(x), float(y))
        if not span > 0:  # the region's centre off this map (a globe far away): its own centre
            span = min_view_span(projection, 0.0, 0.0)
        self.view.min_span = span if span > 0 else 0.0

    def _decorations_changed(self) -> None:
        self.labels.enabled = self.map_view.decorations.labels
        self.labels.place_afresh()  # the legend may have moved: labels keep clear of it
        self.decorations.update()

    def _apply_frame(self) -> None:
        """Show the MapView's frame, unless the frame is what this canvas just reported."""
        frame = self.map_view.frame
        if frame is None or self._applying_frame:
            return
        rect = self.view.viewRect()
        if (rect.left(), rect.top(), rect.right(), rect.bottom()) != frame:
            self.show_frame(frame)

    def show_state(self, state: ViewState) -> None:
        """Show a bookmark's view: its filters, projection and frame, fitted to this canvas's size. A view saved
        as an area (a launch, a slide) is fitted into the room the decorations leave."""
        frame = self.map_view.restore(state, self.workspace.content)
        exact = frame is not None and frame == state.map_rect
        if not exact and state.extent is not None:
            self.frame_extent(state.extent)
        elif frame is not None:
            self.show_frame(frame)

    def show_frame(self, frame: tuple[float, float, float, float]) -> None:
        """Fit a map rect (xmin, ymin, xmax, ymax) to the widget; the MapView then holds what is shown."""
        xmin, ymin, xmax, ymax = frame
        self.view.setRange(QRectF(xmin, ymin, xmax - xmin, ymax - ymin), padding=0)

    def _bounds_of(self, feature_ids: list[str]) -> tuple[float, float, float, float] | None:
        return self._cache.bounds(f for i in feature_ids if (f := self.workspace.feature(i)))

    def visible_extent_lonlat(self) -> Extent:
        return self.map_view.frame_extent()

    def map_to_pixel(self, x: float, y: float) -> QPointF:
        """Map coordinates to viewport pixels (fractional)."""
        return self.viewportTransform().map(self.view.mapViewToScene(QPointF(x, y)))

    def pixel_to_map(self, px: float, py: float) -> QPointF:
        scene = self.viewportTransform().inverted()[0].map(QPointF(px, py))
        return self.view.mapSceneToView(scene)

    def _selection_changed(self, *_) -> None:
        if self.selection is None:
            return
        content = self.workspace.content
        selected = [f for i in self.selection.features  # a filter hiding a selected feature hides its glow too
                    if (f := self.workspace.feature(i)) and self.map_view.is_visible(f, content)]
        self.labels.set_selected(frozenset(f.id for f in selected))
        self.highlight.show_selected(selected, self._cache)
        if selected:  # chosen in the text, the tree or a search while off screen: "where is that?"
            self._bring_into_view([f.id for f in selected])

    def show_range_rings(self, lon: float, lat: float, radii_km: list[float], label: str = "") -> None:
        """Rings around (lon, lat), replacing any; no radii clears them."""
        rings = [RangeRings((lon, lat), tuple(sorted(radii_km)), label)] if radii_km else []
        self.workspace.overlays.set_rings(rings)

    def _overlays_changed(self) -> None:
        self.analysis.redraw(self.projection, self.workspace.overlays)
        self.decorations.update()  # the auto legend avoids rings and measurements too

    # -- range changes ---------------------------------------------------------------------------
    def _range_changed(self, *_) -> None:
        rect = self.view.viewRect()
        self._applying_frame = True  # the frame shown is the MapView's frame: report it without applying it again
        try:
            self.map_view.set_frame((rect.left(), rect.top(), rect.right(), rect.bottom()))
        except ValueError:
            pass  # a view with no size yet
        finally:
            self._applying_frame = False
        self.frame.set_view(rect, QRectF(self.viewport().rect()))
        self.earth_edge.follow(self.projection, rect)
        self._basemap_to_view()
        extent = self.visible_extent_lonlat()
        span = max(extent[2] - extent[0], extent[3] - extent[1])
        step = nice_graticule_step(span)
        self.graticule.cover(_padded(extent), step, self.projection)
        # Labelled where they cross the frame: the lines drawn, over a margin round the view (lines beyond it cross
        # no edge), kept while a pan stays within it (making them afresh every frame cost ~1 ms of the view change).
        self.frame.graticule = self.graticule.lines
        self.decorations.update()

    @contextmanager
    def basemap_deferred(self) -> Iterator[None]:
        """Choose the basemap's level once, at the end: the window is shown, laid out and framed meanwhile."""
        self._basemap_deferred = True
        try:
            yield
        finally:
            self._basemap_deferred = False
            self._basemap_to_view()

    def _basemap_to_view(self) -> None:
        """The basemap's level of detail for the view shown; only once the canvas is shown, so that only the level
        its first view needs is built. On screen, finer levels are built on a worker thread while the level shown
        stays; an export's canvas (never on screen) builds them at once."""
        if self.isVisible() and not self._basemap_deferred:
            on_screen = not self.window().testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            self.basemap_layer.set_view(self.projection, self.metres_per_pixel(), background=on_screen)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._basemap_to_view()
        if self._heap_pending:
            self._settle_heap.start()

    def leaveEvent(self, event) -> None:
        """The pointer left the map: no feature is hovered any more (its halo and tooltip go)."""
        super().leaveEvent(event)
        if self._hovered is not None:
            self._hovered = None
            self.highlight.show_hovered(None, self._cache)
            QToolTip.hideText()

    def keyPressEvent(self, event) -> None:
        """The arrows pan, Page Up/Down and +/- zoom (viewer/qt/map/keys.py); other keys go to the scene."""
        if not handle_map_key(self.view, event):
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if hasattr(self, "decorations"):  # Qt resizes the view once before __init__ is through
            self.frame.set_view(self.view.viewRect(), QRectF(self.viewport().rect()))
            self.decorations.fit_to_viewport()


def _is_band(kind: str) -> bool:
    style = kind_style(kind)
    return style.geometry == "line" and style.fill_alpha > 0


def _padded(extent: Extent, degrees: float = 5.0) -> Extent:
    west, south, east, north = extent
    return (max(-180.0, west - degrees), max(-89.0, south - degrees), min(180.0, east + degrees),
            min(89.0, north + degrees))
