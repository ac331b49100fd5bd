"""What the pointer does on the map: hovering a feature (its halo and tooltip), clicking to select, measuring and
picking points."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QToolTip

from viewer.geo.picking import FeatureIndex, nearest_vertex
from viewer.model.kinds import certainty_note, kind_title
from viewer.qt.panels.widgets import shown_text_of, tooltip_html
from viewer.wording import counted

if TYPE_CHECKING:
    import pyqtgraph as pg
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from viewer.geo.crs import MapProjection
    from viewer.geo.projected import ProjectedFeatures
    from viewer.model.feature import Feature
    from viewer.model.selection import Selection
    from viewer.model.workspace import Workspace
    from viewer.qt.map.decorations import Decorations
    from viewer.qt.map.highlight import HighlightLayer
    from viewer.qt.map.painting import RenderContext

PICK_TOLERANCE_PX = 7


class Pointer:
    """The canvas's pointer methods (MapCanvas inherits them; kept apart so the canvas file stays one job)."""

    if TYPE_CHECKING:  # what the canvas provides
        workspace: Workspace
        selection: Selection | None
        view: pg.ViewBox
        context: RenderContext
        decorations: Decorations
        highlight: HighlightLayer
        measuring: bool
        picking_points: bool
        _cache: ProjectedFeatures
        _index: FeatureIndex
        _hovered: str | None
        cursor_moved: SignalInstance
        measured: SignalInstance
        map_clicked: SignalInstance

        @property
        def projection(self) -> MapProjection: ...
        def map_units_per_pixel(self) -> float: ...
        def viewport(self) -> QWidget: ...
        def mapFromScene(self, point: QPointF): ...
        def setCursor(self, cursor) -> None: ...

    @property
    def hovered_feature(self) -> str | None:
        """The feature under the pointer, whose tooltip shows."""
        return self._hovered

    def features_at(self, x: float, y: float) -> list[str]:
        """Ids of the visible features at map position (x, y), best first."""
        tolerance = PICK_TOLERANCE_PX * self.context.scale * self.map_units_per_pixel()
        return [str(i) for i in self._index.pick(x, y, tolerance)]

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        point = self.view.mapSceneToView(scene_pos)
        lon, lat = self.projection.inverse(point.x(), point.y())
        self.cursor_moved.emit(float(lon), float(lat))
        found = self.features_at(point.x(), point.y())
        hovered = found[0] if found else None
        if hovered != self._hovered and self.selection is not None:
            self._hovered = hovered
            self.highlight.show_hovered(self.workspace.feature(hovered) if hovered else None, self._cache)
            self._show_tooltip(hovered, scene_pos)

    def _show_tooltip(self, feature_id: str | None, scene_pos: QPointF) -> None:
        feature = self.workspace.feature(feature_id) if feature_id else None
        if feature is None:
            QToolTip.hideText()
            return
        global_pos = self.viewport().mapToGlobal(self.mapFromScene(scene_pos))
        # a file's label, shown as its characters and cut: Qt renders a tooltip that looks like HTML as HTML
        QToolTip.showText(global_pos, tooltip_html(shown_text_of(self.tooltip_text(feature))), cast("QWidget", self))

    def tooltip_text(self, feature: Feature) -> str:
        """What hovering a feature says: its label, kind, launch, how sure its position is and who reports it."""
        event = self.workspace.event(feature.event)
        kind = kind_title(feature.kind)
        # the kind once: "Danger zone 1 (1st stage, Yellow Sea)" says it already, and a nameless feature is its kind
        lines = [feature.label] if kind.casefold() in feature.label.casefold() else [feature.label, kind]
        lines = [line for line in lines if line]
        if event is not None:
            lines.append(f"{event.name} ({event.date_label})")
        note = certainty_note(feature.properties)
        note = note[0].upper() + note[1:]
        cited = len(feature.all_citations)
        lines.append(f"{note} · {counted(cited, 'passage')}" if cited else note)
        return "\n".join(lines)

    def _mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.double():
            return
        if event.isAccepted() and event.acceptedItem is self.decorations:  # the legend took it
            return
        point = self.view.mapSceneToView(event.scenePos())
        if self.picking_points:
            lon, lat = self.projection.inverse(point.x(), point.y())
            self.map_clicked.emit(float(lon), float(lat))
            event.accept()
            return
        if self.measuring:
            lon, lat = self.projection.inverse(point.x(), point.y())
            self.add_measure_point(float(lon), float(lat))
            event.accept()
            return
        found = self.features_at(point.x(), point.y())
        selection = self.selection
        if selection is None:
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if found:
                selection.toggle(found[0])
        else:
            selection.select(found[:1])
        event.accept()

    # -- measuring and picking points -------------------------------------------------------------
    def set_measuring(self, on: bool) -> None:
        """In measuring mode clicks add vertices to a geodesic path instead of selecting; the path stays on the
        map (and in exports and the session) after measuring stops, until a new one starts or they are cleared."""
        if on and not self.measuring:
            self.workspace.overlays.start_measurement()
        elif not on and self.measuring:
            self.workspace.overlays.end_measurement()
        self.measuring = on
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def add_measure_point(self, lon: float, lat: float) -> None:
        """Extend the measurement being made (a session item: the workspace's overlays) by a point."""
        self.measured.emit(self.workspace.overlays.extend_measurement(lon, lat).length_km())

    @property
    def measure_points(self) -> list[tuple[float, float]]:
        """The points of the measurement being made (or the last one made)."""
        measurements = self.workspace.overlays.measurements
        return list(measurements[-1].points) if measurements else []

    def set_picking_points(self, on: bool) -> None:
        """While on, clicks report positions (map_clicked) instead of selecting."""
        self.picking_points = on
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)

    def nearest_vertex(self, feature_id: str, lon: float, lat: float) -> int | None:
        """Index of the feature's vertex (outer ring for polygons) within picking distance of lon/lat."""
        feature = self.workspace.feature(feature_id)
        if feature is None or feature.geometry is None:
            return None
        tolerance = 2 * PICK_TOLERANCE_PX * self.context.scale * self.map_units_per_pixel()
        return nearest_vertex(feature.geometry, self.projection, lon, lat, tolerance)
