"""Making features in the window: annotations (text, callout, arrow, box) and points, lines and areas by clicks on
the map, features from typed coordinates, and Go to. Every addition is one undoable edit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from viewer.model.annotation import ANNOTATION, shown_text
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.edits import AddFeature
from viewer.model.feature import Feature
from viewer.model.new_feature import SHAPE_KIND, geometry_of, new_feature, position_label
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt import plain_box
from viewer.qt.dialogs.coordinates_dialog import CoordinatesDialog
from viewer.qt.dialogs.property_sheet import PropertySheet
from viewer.qt.map.path_layer import PathLayer, xy_stroke
from viewer.qt.shell import Shell, add_action

if TYPE_CHECKING:
    from viewer.qt.map.canvas import MapCanvas
    from viewer.qt.review import ReviewController

USER_LAYER = "My features"  # the layer of what the user adds outside any launch
SKETCH_COLOUR = "#C2185B"
# Clicks each tool takes: a fixed number, or None for "until Enter" (lines and areas).
CLICKS = {"text": 1, "callout": 2, "arrow": 2, "box": 2, "point": 1, "line": None, "area": None}
ASK = {
    "text": ["Click where the words go"],
    "callout": ["Click (or drag from) the place the callout points at", "Click where the callout goes"],
    "arrow": ["Click (or drag from) where the words go", "Click the place the arrow points at"],
    "box": ["Click (or drag from) one corner of the box", "Click the opposite corner"],
    "point": ["Click the point"],
    "line": ["Click the line's vertices; Enter finishes, Esc cancels"],
    "area": ["Click the area's corners; Enter finishes, Esc cancels"],
}


class MarksController:
    """The Tools menu's Add entries and Go to, over the canvas's clicks (while a tool is active, clicks place
    vertices instead of selecting)."""

    def __init__(self, workspace: Workspace, map_view: MapView, canvas: MapCanvas, review: ReviewController,
                 shell: Shell):
        self.workspace, self.map_view, self.canvas, self.review, self.shell = workspace, map_view, canvas, review, shell
        self.tool: str | None = None
        self.clicks: list[tuple[float, float]] = []
        self.sketch = PathLayer(canvas.context)
        self.sketch.setZValue(70)
        canvas.view.addItem(self.sketch, ignoreBounds=True)
        canvas.map_clicked.connect(self._clicked)
        canvas.map_dragged.connect(self._dragged)
        self.finish_action: QAction | None = None

    # -- tools -------------------------------------------------------------------------------------
    def start(self, tool: str) -> None:
        """Begin placing an annotation (text, callout, arrow, box) or a point, line or area."""
        self.tool, self.clicks = tool, []
        self.canvas.set_picking_points(True)
        self._draw_sketch()
        if self.finish_action is not None:
            self.finish_action.setEnabled(CLICKS[tool] is None)
        self.shell.status(ASK[tool][0] + " (Esc cancels)", 0)

    def cancel(self) -> None:
        self.tool, self.clicks = None, []
        self.canvas.set_picking_points(False)
        self._draw_sketch()
        if self.finish_action is not None:
            self.finish_action.setEnabled(False)
        self.shell.clear_status()

    def _clicked(self, lon: float, lat: float) -> None:
        if self.tool is None:
            return
        self.clicks.append((lon, lat))
        self._draw_sketch()
        wanted = CLICKS[self.tool]
        if wanted is not None and len(self.clicks) >= wanted:
            self.finish()
        elif wanted is not None:
            self.shell.status(ASK[self.tool][len(self.clicks)] + " (Esc cancels)", 0)

    def _dragged(self, lon1: float, lat1: float, lon2: float, lat2: float) -> None:
        """A box from corner to corner, an arrow from its words to what it points at, a callout from what it points
        at to where it sits: one drag instead of two clicks."""
        if self.tool in ("box", "arrow", "callout") and not self.clicks:
            self.clicks = [(lon1, lat1), (lon2, lat2)]
            self.finish()

    def finish(self) -> Feature | None:
        """Make the feature from the clicks so far and ask for its properties; None when cancelled or refused."""
        tool, clicks = self.tool, list(self.clicks)
        self.cancel()
        if tool is None:
            return None
        try:
            geometry, extra = self._shape(tool, clicks)
        except ValueError as error:
            self.shell.status(f"Nothing added: {error}", 10000)
            return None
        kind = ANNOTATION if tool in ("text", "callout", "arrow", "box") else SHAPE_KIND[tool]
        feature = new_feature(geometry, kind, event=self._current_event(), **extra)
        if tool == "callout":
            self._quote_selection(feature)
        return self.add(feature, ask=True)

    def _quote_selection(self, feature: Feature) -> None:
        """A callout made while words are selected in the source text quotes them (its words are the quote)."""
        span = self.review.selected_span()
        document = self.workspace.document(span.document) if span is not None else None
        if span is None or document is None or document.text is None:
            return
        feature.citations = [Citation.of_span(span.document, document.text, span.start, span.end)]
        feature.properties.pop("text", None)

    def _shape(self, tool: str, clicks: list[tuple[float, float]]) -> tuple[BaseGeometry, dict]:
        if tool == "text":
            return Point(clicks[0]), {"style": "text", "text": "Note"}
        if tool == "callout":
            return Point(clicks[1]), {"style": "callout", "anchor": list(clicks[0]), "text": "Note"}
        if tool == "arrow":
            return Point(clicks[0]), {"style": "arrow", "anchor": list(clicks[1]), "text": "Note"}
        if tool == "box":
            (x1, y1), (x2, y2) = clicks
            if x1 == x2 or y1 == y2:
                raise ValueError("the box's corners must differ in latitude and longitude")
            box = Polygon([(x1, y1), (x2, y1), (x2, y2), (x1, y2)])
            return box.normalize(), {"style": "box", "text": "Note"}
        return geometry_of(tool, clicks), {}

    def add(self, feature: Feature, ask: bool = False) -> Feature | None:
        """Add a feature (after its property sheet, when ``ask``) through the undo stack and select it."""
        if ask:
            sheet = PropertySheet(feature.properties, self.workspace.content, "New feature", self.shell.parent,
                                  new=True)
            if sheet.exec() != QDialog.DialogCode.Accepted:
                return None
            feature.properties = {k: v for k, v in sheet.values().items() if v is not None}
        if feature.kind == ANNOTATION and not feature.properties.get("label"):  # named by its words in the tree
            words = " ".join(shown_text(feature, self.workspace.content).split())
            feature.properties["label"] = words if len(words) <= 40 else words[:39].rstrip() + "\u2026"
        bundle = self._bundle_for(feature.event)
        if not self.review.run_on(bundle, AddFeature(feature)):
            return None
        self.workspace.selection.select([feature.id])
        where = bundle.name if bundle.path is not None else bundle.layer_name
        self.shell.status(f"Added {feature.label} to {where}; Ctrl+S saves it", 8000)
        return feature

    def add_from_coordinates(self) -> Feature | None:
        dialog = CoordinatesDialog(self.workspace.content, self.shell.parent, self._current_event())
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.geometry_ is None:
            return None
        values = dialog.properties()
        feature = new_feature(dialog.geometry_, values.pop("kind"), **values,
                              derivation="typed coordinates")
        return self.add(feature)

    def go_to(self, text: str | None = None) -> tuple[float, float] | None:
        """Centre the map on a typed position (the same forms as Add from coordinates), keeping the scale."""
        from viewer.qt.dialogs.coordinates_dialog import HINT, parse_lines

        if text is None:
            text, ok = plain_box.text(self.shell.parent, "Go to", HINT.replace("One position per line (a "
                                      "polygon: one corner per line), e.g.", "A position, e.g."))
            if not ok:
                return None
        try:
            positions = parse_lines(text)
            if len(positions) != 1:
                raise ValueError(f"{text.strip()!r}: one position, not {len(positions)}")
            geometry_of("point", positions)
        except ValueError as error:
            self.shell.status(f"Go to: {error}", 15000)
            return None
        lon, lat = positions[0]
        x, y = self.map_view.projection.forward(lon, lat)
        frame = self.map_view.frame
        if frame is None or not (np.isfinite(x) and np.isfinite(y)):
            self.map_view.fit((lon - 5, lat - 5, lon + 5, lat + 5))
        else:
            half_w, half_h = (frame[2] - frame[0]) / 2, (frame[3] - frame[1]) / 2
            self.map_view.set_frame((x - half_w, y - half_h, x + half_w, y + half_h))
        self.shell.status(f"Centred on {position_label(lon, lat)}", 8000)
        return lon, lat

    # -- helpers -----------------------------------------------------------------------------------
    def _current_event(self) -> str | None:
        """The launch a new feature belongs to unless the user says otherwise: the selected feature's, else the one
        launch the map is narrowed to (the timeline's window on it), else none."""
        feature = self.workspace.feature(self.workspace.selection.current or "")
        if feature is not None:
            return feature.event
        filters = self.map_view.filters
        if filters.time_window is None and filters.only_events is None:
            return None  # every launch is shown: the user has not picked one
        content = self.workspace.content
        shown = {f.event for f in self.map_view.visible_features(content) if f.event}
        return shown.pop() if len(shown) == 1 else None

    def _bundle_for(self, event: str | None) -> Bundle:
        """The open bundle holding ``event``. A feature of no launch goes to the user's own layer: "My features"
        (as QGIS's scratch layer or Google Earth's My Places), else a bundle of the user's that launchmap wrote
        (saved in place); it went into the first file opened, a CSV or KML the user had only looked at, or the
        sample. "My features" is a new unsaved bundle until saved, then that file."""
        from viewer.qt.dialogs.save_target import is_the_sample, written_by_launchmap

        for bundle in self.workspace.bundles:
            if event is not None and event in bundle.events:
                return bundle
        if event is not None and self.workspace.bundles:  # a launch no open file holds
            return self.workspace.bundles[0]
        bundles = self.workspace.bundles
        for bundle in [*(b for b in bundles if b.extra.get("name") == USER_LAYER and "launchmap" in b.extra),
                       *(b for b in bundles if written_by_launchmap(b) and not is_the_sample(b))]:
            return bundle
        bundle = Bundle(extra={"launchmap": {"version": 1}, "name": USER_LAYER})
        bundle.modified = True
        self.workspace.add(bundle)
        return bundle

    def _draw_sketch(self) -> None:
        if not self.clicks:
            self.sketch.set_strokes([])
            return
        lon, lat = np.array(self.clicks, dtype=float).T
        x, y = self.canvas.projection.forward(lon, lat)
        closed = self.tool in ("area", "box") and len(self.clicks) > 2
        xs, ys = (np.append(x, x[0]), np.append(y, y[0])) if closed else (np.asarray(x), np.asarray(y))
        self.sketch.set_strokes([xy_stroke(xs, ys, SKETCH_COLOUR, 2.0, dash=(3, 2))] if len(self.clicks) > 1 else
                                [xy_stroke(np.repeat(xs, 2), np.repeat(ys, 2), SKETCH_COLOUR, 8.0)])

    def add_actions(self, tools_menu: QMenu) -> None:
        """Single keys like the other map tools (M, R): Ctrl+Alt chords lock the screen or open a terminal on
        common Linux desktops."""
        tools_menu.addSeparator()
        annotation_menu = tools_menu.addMenu("Add &annotation")
        for text, tool, key in (("&Text", "text", "T"), ("&Callout", "callout", "C"),
                                ("&Arrow", "arrow", "A"), ("&Box", "box", "B")):
            add_action(annotation_menu, text, lambda _=False, t=tool: self.start(t), key)
        add_action(tools_menu, "Add &point", lambda: self.start("point"), "P")
        add_action(tools_menu, "Add &line", lambda: self.start("line"), "L")
        add_action(tools_menu, "Add ar&ea", lambda: self.start("area"), "Shift+A")
        self.finish_action = add_action(tools_menu, "&Finish line or area", self.finish, "Return")
        self.finish_action.setEnabled(False)
        add_action(tools_menu, "Add from &coordinates…", self.add_from_coordinates, "Ctrl+Shift+G")
        add_action(tools_menu, "&Go to…", lambda: self.go_to(), "Ctrl+G")
