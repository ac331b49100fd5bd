"""A map drawn without a scene graph: the basemap, graticule, features, labels, annotations, overlays and
decorations of a (Workspace, MapView) pair painted in the window canvas's order onto any QPaintDevice.

The headless export (image, SVG, PDF, deck) draws through it without loading pyqtgraph or QtWidgets; the window's
canvas draws the same layers through its pyqtgraph items, which call the same drawing code
(tests/qt/test_scene_free_export.py compares the two images pixel by pixel).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF

from viewer.geo.basemap import Basemap
from viewer.geo.crs import MapProjection
from viewer.geo.earth_outline import earth_outline, globe_disc
from viewer.geo.gazetteer import Place
from viewer.geo.picking import FeatureIndex
from viewer.geo.projected import ProjectedFeatures
from viewer.geo.scale import graticule_lines, ground_distance_per_map_unit, nice_graticule_step
from viewer.model.feature import Feature
from viewer.model.kinds import by_kind, kind_names, kind_style
from viewer.model.overlays import RangeRings
from viewer.model.view import MapView, launch_features
from viewer.model.workspace import Workspace
from viewer.qt.draw.basemap import BasemapStrokes, graticule_strokes
from viewer.qt.draw.decorations import DecorationPainter
from viewer.qt.draw.frame import ScreenFrame
from viewer.qt.draw.labels import LabelPainter, device_boxes
from viewer.qt.draw.layers import FeatureLayer
from viewer.qt.draw.legend import legend_entries
from viewer.qt.draw.overlay_data import OverlayData
from viewer.qt.draw.overlays import overlay_drawing
from viewer.qt.draw.paths import Stroke, paint_strokes
from viewer.qt.draw.style import RenderContext, stamps_pay
from viewer.qt.map.feature_labels import map_labels
from viewer.symbology import COAST, PAGE, SEA

MapRect = tuple[float, float, float, float]


class MapScene:
    """Everything one map image draws, kept between images of the same workspace (paths, labels' stamps)."""

    def __init__(self, workspace: Workspace, basemap: Basemap, places: list[Place] | None = None,
                 map_view: MapView | None = None, pixel: float | None = None):
        """``pixel``: the map units a pixel of the one image to draw spans, when known (`ProjectedFeatures`)."""
        self.workspace = workspace
        self.map_view = map_view or MapView()
        self.places = places or []
        self.context = RenderContext()
        self.frame = ScreenFrame(self.context)
        self.basemap = BasemapStrokes(basemap)
        self.basemap_strokes: list[Stroke] = []
        self.graticule: list[Stroke] = []
        # The canvas's order: the registry's, except that wide translucent bands (overflight) go under every line.
        names = kind_names()
        first_line = min((i for i, k in enumerate(names) if kind_style(k).geometry == "line"), default=0)
        kinds = sorted(names, key=lambda k: first_line - 0.5 if _is_band(k) else names.index(k))
        self.layers = {kind: FeatureLayer(kind, self.context) for kind in kinds}
        self.labels = LabelPainter(self.context)
        self.overlay_strokes: list[Stroke] = []  # their labels go to the one label engine (self.labels), first
        self.decorations = DecorationPainter(self.map_view, self.frame)
        self.decorations.label_boxes = lambda: [shape for _, shape in self.labels.placed_shapes]
        self.decorations.overlay_data = OverlayData(self.frame, lambda: (self.overlay_strokes, [
            mark for layer in self.layers.values() if layer.annotations for mark in layer.marks]))
        self._cache = ProjectedFeatures(self.map_view.projection, pixel=pixel)
        self._index = FeatureIndex([], [])
        self._keep: Callable[[Feature], bool] | None = None
        # Called between layers while painting: an export on a worker thread raises Cancelled from it to stop.
        self.checkpoint: Callable[[], None] | None = None
        self.map_view.filters_changed.connect(self.refresh)
        self.map_view.colours_changed.connect(self.refresh)
        self.map_view.projection_changed.connect(self._projection_changed)
        workspace.bundles_changed.connect(self.refresh)
        workspace.overlays.changed.connect(self._overlays_changed)
        self.refresh()

    def close(self) -> None:
        """Stop following the workspace and the view (the workspace outlives an export's scene)."""
        self.workspace.bundles_changed.disconnect(self.refresh)
        self.workspace.overlays.changed.disconnect(self._overlays_changed)
        self.map_view.filters_changed.disconnect(self.refresh)
        self.map_view.colours_changed.disconnect(self.refresh)
        self.map_view.projection_changed.disconnect(self._projection_changed)

    # -- what is shown -------------------------------------------------------------------------------
    @property
    def projection(self) -> MapProjection:
        return self.map_view.projection

    def visible_features(self) -> list[Feature]:
        return self.map_view.visible_features(self.workspace.content)

    def refresh(self) -> None:
        """Rebuild the feature layers and labels from the workspace (as the canvas does on a change of filters)."""
        visible = self.visible_features()
        self._cache.prepare(visible)
        self._cache.keep_only(self.workspace.content.table.geometries)  # a closed file's rows let go, as on screen
        colours = self.map_view.colours(*self.workspace.colour_keys())
        self._set_layers([f for f in visible if self._keep(f)] if self._keep is not None else visible, colours)
        self._index = self._cache.index(visible)
        self.frame.data_count = self._index.count_in_rect  # as the canvas: a count, not a list of ids
        self.frame.legend_rows = legend_entries(self.workspace, visible, colours)
        labels, marks, places = map_labels(self.workspace, visible, self._cache, colours, self.places,
                                           self.basemap.basemap, self.projection)
        self.labels.set_feature_labels(labels, marks)
        self.labels.set_labels(places, globe_disc(self.projection))

    def draw_only(self, keep: Callable[[Feature], bool] | None) -> None:
        """Draw the visible features ``keep`` accepts, or all of them when None (an SVG export draws one kind at a
        time, each as its own group)."""
        self._keep = keep
        visible = [f for f in self.visible_features() if keep is None or keep(f)]
        self._set_layers(visible, self.map_view.colours(*self.workspace.colour_keys()))

    def _set_layers(self, features: list[Feature], colours: dict[str, str]) -> None:
        groups = by_kind(features, self.layers)
        for kind, layer in self.layers.items():
            layer.content = self.workspace.content
            layer.set_features(groups[kind], self._cache, colours)

    def _projection_changed(self, *_) -> None:
        self._cache = self._cache.reprojected(self.projection)
        self.refresh()

    def show_range_rings(self, lon: float, lat: float, radii_km: list[float], label: str = "") -> None:
        """Rings around (lon, lat), replacing any; no radii clears them."""
        self.workspace.overlays.set_rings([RangeRings((lon, lat), tuple(sorted(radii_km)), label)] if radii_km else [])

    def _overlays_changed(self) -> None:
        self.overlay_strokes, labels = overlay_drawing(self.projection, self.workspace.overlays)
        self.labels.set_overlay_labels(labels)

    # -- the view --------------------------------------------------------------------------------------
    def show(self, view: MapView, frame: MapRect, width: int, height: int) -> None:
        """Show ``view`` with ``frame`` fitted to ``width`` x ``height`` pixels, as the canvas's view box fits it:
        the frame's centre kept, the shorter side widened to the image's aspect."""
        self.map_view.show_as(view, frame)
        rect = fitted(frame, width, height)
        self.map_view.set_frame(rect)
        self.frame.set_view(QRectF(rect[0], rect[1], rect[2] - rect[0], rect[3] - rect[1]),
                            QRectF(0, 0, width, height))
        self.decorations.fit_to_viewport()
        self.basemap_strokes = self.basemap.strokes(self.projection, self.basemap.level_for(self.metres_per_pixel()))
        extent = self.map_view.frame_extent()
        span = max(extent[2] - extent[0], extent[3] - extent[1])
        self.frame.graticule = graticule_lines(_padded(extent), nice_graticule_step(span))
        self.graticule = graticule_strokes(self.frame.graticule, self.projection)
        self._overlays_changed()  # in this projection (rings are cached per projection)

    def fit_detail(self) -> None:
        """Before drawing the image shown: a cache made for pixels a third coarser or more than its pixels is made
        afresh without `pixel` (every area densified whole)."""
        made = self._cache.pixel
        if made is not None and self.map_units_per_pixel() < 0.75 * made:
            self._cache = ProjectedFeatures(self.projection)
            self.refresh()

    def view_rect(self) -> QRectF:
        return QRectF(self.frame.view_rect)

    def map_units_per_pixel(self) -> float:
        return self.frame.units_per_pixel()

    def map_to_pixel(self, x: float, y: float) -> QPointF:
        return self.frame.map_to_pixel(x, y)

    def metres_per_pixel(self) -> float:
        return self.map_units_per_pixel() * self.metres_per_map_unit() / self.context.scale

    def metres_per_map_unit(self) -> float:
        """Ground metres per map unit at the view centre (1 where the projection cannot say)."""
        centre = self.frame.view_rect.center()
        try:
            per_unit = ground_distance_per_map_unit(self.projection, centre.x(), centre.y())
        except (ValueError, ZeroDivisionError):
            return 1.0
        return per_unit if math.isfinite(per_unit) and per_unit > 0 else 1.0

    # -- framing (as the canvas's Framing) ------------------------------------------------------------
    def room_frame(self, rect: MapRect, min_span: float = 0.0) -> MapRect | None:
        """The frame showing a map rect as large as it goes clear of every decoration (None: no room)."""
        self.decorations.fit_to_viewport()
        try:
            return self.decorations.frame_for(rect, min_span)
        except ValueError:
            return None

    def data_frame(self, min_size_km: float = 0.0, overlays: bool = False, launch: bool = False) -> MapRect | None:
        """The frame for every shown feature clear of the decorations (export, a launch's frame); with
        ``overlays``, the measurements and range rings as drawn too; with ``launch``, the launches' features only
        (`launch_features`: other files' layers are context)."""
        shown = self.visible_features()
        bounds = _union(self._cache.bounds(launch_features(shown) if launch else shown),
                        self.overlay_bounds() if overlays else None)
        if bounds is None:
            return None
        return self.room_frame(bounds, min_size_km * 1000 / self.metres_per_map_unit() if min_size_km else 0.0)

    def overlay_bounds(self) -> MapRect | None:
        """The map rect the measurements and range rings are drawn over in this projection (None: nothing)."""
        rects = [stroke.path.boundingRect() for stroke in self.overlay_strokes if not stroke.path.isEmpty()]
        bounds = None
        for rect in rects:
            bounds = _union(bounds, (rect.left(), rect.top(), rect.right(), rect.bottom()))
        return bounds

    def _earth_edge(self) -> QPainterPath | None:
        """The earth's outline in map units (`earth_outline`), None where the whole map is the earth."""
        view = self.frame.view_rect
        outline = earth_outline(self.projection, (view.left(), view.right()))
        if outline is None:
            return None
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in outline.exterior.coords]))
        path.closeSubpath()
        return path

    # -- drawing -----------------------------------------------------------------------------------------
    def paint(self, painter: QPainter, layers: frozenset[str] | None = None, sea: bool = True) -> None:
        """Draw the map over the frame's pixels; ``layers``: only these of "basemap", "features", "labels",
        "annotations", "overlays", "decorations" (an SVG's groups), all when None; ``sea``: fill the background."""
        def shown(name: str) -> bool:
            return layers is None or name in layers

        pixels = self.frame.pixels
        painter.save()
        try:
            self._paint_layers(painter, shown, pixels, sea)
        finally:
            painter.restore()  # also when a checkpoint stops the drawing

    def _paint_layers(self, painter: QPainter, shown: Callable[[str], bool], pixels: QRectF, sea: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)  # as a QGraphicsView paints
        to_device = self.frame.to_device()
        edge = self._earth_edge() if sea else None
        if sea and edge is None:
            painter.fillRect(pixels, QColor(SEA))
        elif edge is not None:  # beyond the globe's horizon, or past a pole, is no place: the page, not sea
            painter.fillRect(pixels, QColor(PAGE))
            painter.save()
            painter.setClipRect(pixels)
            painter.setTransform(to_device, combine=True)
            painter.fillPath(edge, QColor(SEA))
            painter.restore()
        painter.setClipRect(pixels)
        bounds = (pixels.left(), pixels.top(), pixels.right(), pixels.bottom())
        stamp = stamps_pay(painter, self.context)

        def on_map(draw: Callable[[], None]) -> None:
            if self.checkpoint is not None:
                self.checkpoint()
            painter.save()
            painter.setTransform(to_device, combine=True)
            draw()
            painter.restore()

        if shown("basemap"):
            on_map(lambda: paint_strokes(painter, self.context, self.basemap_strokes))
            on_map(lambda: paint_strokes(painter, self.context, self.graticule))
        if edge is not None:  # the earth's edge outlined, as Google Earth and QGIS's globe show it
            pen = QPen(QColor(COAST), self.context.px(1.2))
            pen.setCosmetic(True)

            def outline() -> None:
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(edge)

            on_map(outline)
        annotations = [layer for layer in self.layers.values() if layer.annotations]
        if shown("features"):
            for layer in self.layers.values():
                if not layer.annotations:
                    on_map(functools.partial(layer.paint, painter))
        self.labels.others_shown = self.map_view.decorations.labels  # measurements and rings are labelled anyway
        if shown("labels") and self.labels.every_label:
            fixed = device_boxes(list(self.decorations.layout().boxes.values()), painter.transform())
            on_map(lambda: self.labels.paint(painter, bounds, fixed, stamp))
        elif shown("labels"):  # none drawn: the graticule's labels give way to none of an earlier image
            self.labels.placed, self.labels.placed_shapes = [], []
        if shown("annotations"):
            for layer in annotations:
                on_map(functools.partial(layer.paint, painter))
        if shown("overlays"):
            on_map(lambda: paint_strokes(painter, self.context, self.overlay_strokes))
        if shown("decorations") and pixels.width() >= 50 and pixels.height() >= 50:
            self.decorations.paint(painter)


def fitted(frame: MapRect, width: int, height: int) -> MapRect:
    """``frame`` widened about its centre to the aspect of ``width`` x ``height`` pixels (pyqtgraph's ViewBox with
    its aspect locked does the same, so the window and an export of one frame show the same rect)."""
    xmin, ymin, xmax, ymax = frame
    tw, th = xmax - xmin, ymax - ymin
    if th == 0 or width == 0 or height == 0:
        return frame
    view_ratio = width / height
    if tw / th > view_ratio:
        dy = 0.5 * (tw / view_ratio - th)
        return (xmin, ymin - dy, xmax, ymax + dy)
    dx = 0.5 * (th * view_ratio - tw)
    return (xmin - dx, ymin, xmax + dx, ymax)


def _is_band(kind: str) -> bool:
    style = kind_style(kind)
    return style.geometry == "line" and style.fill_alpha > 0


def _padded(extent, degrees: float = 5.0):
    west, south, east, north = extent
    return (max(-180.0, west - degrees), max(-89.0, south - degrees), min(180.0, east + degrees),
            min(89.0, north + degrees))


def _union(a: MapRect | None, b: MapRect | None) -> MapRect | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])
