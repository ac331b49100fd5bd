"""Map tools: the measuring mode (shown while on, Esc leaves), range rings, projections, and the map's right-click
menu (what is here, copy coordinates, measure from here, rings here)."""

from __future__ import annotations

import math
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMenu, QToolBar

from viewer.geo.crs import PROJECTIONS, azimuthal_equidistant, format_lat, format_lon
from viewer.geo.geodesic import inverse
from viewer.geo.rings import drawn_ring
from viewer.model.kinds import kind_title
from viewer.model.workspace import Workspace
from viewer.qt import plain_box
from viewer.qt.map.canvas import MapCanvas
from viewer.qt.shell import Shell, add_action, no_mnemonic, with_mnemonic

AEQD_EDGE_M = 20_037_508.0  # the antipode, at the rim of an azimuthal equidistant map
MAX_RING_KM = 20000.0
MODE_STYLE = "background: #FFD400; color: #1A1A1A; padding: 1px 8px; font-weight: bold;"


class MapTools(QObject):
    """Tools acting on the canvas. While measuring, clicks add points instead of selecting: the cursor is a cross,
    the status bar says so in a yellow badge, the toolbar button is down, and Esc (or M) leaves.

    Signals:
        modes_left(): Esc was pressed: tools that pick points on the map (adding marks, moving) stop too.
    """

    modes_left = Signal()

    def __init__(self, workspace: Workspace, canvas: MapCanvas, shell: Shell):
        super().__init__(canvas)
        self.workspace = workspace
        self.canvas = canvas
        self.shell = shell
        self.mode_badge = QLabel("")
        self.mode_badge.setStyleSheet(MODE_STYLE)
        self.mode_badge.hide()
        self.measure_action = QAction("&Measure distance", canvas)
        self.measure_action.setCheckable(True)
        self.measure_action.setShortcut(QKeySequence("M"))
        self.measure_action.setToolTip("Measure geodesic distance and bearing: click points on the map (M, Esc leaves)")
        self.measure_action.toggled.connect(self.set_measuring)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), canvas)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.leave_modes)
        canvas.measured.connect(self._measured)
        canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        canvas.customContextMenuRequested.connect(self.context_menu)

    # -- menus and toolbar -------------------------------------------------------------------------
    def add_actions(self, tools_menu: QMenu, projection_menu: QMenu, toolbar: QToolBar) -> None:
        tools_menu.addAction(self.measure_action)
        add_action(tools_menu, "&Range rings around selection…", self.rings_around_selection, "R")
        add_action(tools_menu, "&Clear rings and measurements", self.clear_rings)
        toolbar.addAction(self.measure_action)
        group = QActionGroup(projection_menu)
        centred = ("Azimuthal equidistant on selected &site",
                   "Range rings &view (azimuthal equidistant on the rings' centre)")
        taken = {text[text.index("&") + 1].lower() for text in centred}  # the presets' letters are others
        for key, preset in PROJECTIONS.items():
            action = add_action(projection_menu, with_mnemonic(preset.title, taken),
                                lambda _=False, k=key: self.set_projection(k))
            action.setCheckable(True)
            action.setChecked(key == "regional")
            group.addAction(action)
        add_action(projection_menu, centred[0], self.centre_on_selection)
        add_action(projection_menu, centred[1], self.range_rings_view)

    # -- measuring ---------------------------------------------------------------------------------
    def set_measuring(self, on: bool) -> None:
        if self.measure_action.isChecked() != on:
            self.measure_action.setChecked(on)  # toggled() calls back here
            return
        self.canvas.set_measuring(on)
        self.mode_badge.setText("MEASURING — click points · Esc leaves")
        self.mode_badge.setVisible(on)
        self.shell.status("Measuring: click points on the map; Esc or M to stop" if on else "", 8000)

    def measure_from(self, lon: float, lat: float) -> None:
        self.set_measuring(True)
        self.canvas.add_measure_point(lon, lat)

    def leave_modes(self) -> None:
        """Esc: leave measuring or point picking (placing marks, moving a vertex)."""
        self.modes_left.emit()
        if self.canvas.picking_points:
            self.canvas.set_picking_points(False)
        self.set_measuring(False)
        self.shell.clear_status()

    def _measured(self, km: float) -> None:
        points = self.canvas.measure_points
        if len(points) < 2:
            self.shell.status("Measuring: click the next point", 0)
            return
        (lon1, lat1), (lon2, lat2) = points[0], points[1]
        bearing = float(inverse(lon1, lat1, lon2, lat2)[1]) % 360
        self.shell.status(f"Geodesic distance: {km:,.1f} km · initial bearing {bearing:.0f}°", 0)

    # -- range rings -------------------------------------------------------------------------------
    def rings_around_selection(self) -> None:
        chosen = self._selected_centre("Select a launch site (or any feature) first")
        if chosen is not None:
            self.ask_rings(*chosen)

    def _selected_centre(self, otherwise: str) -> tuple[float, float, str] | None:
        """The selected feature's centre (lon, lat) and label; None, and ``otherwise`` said, when there is none."""
        feature = self.workspace.feature(self.workspace.selection.current or "")
        if feature is None or feature.geometry is None:
            self.shell.status(otherwise, 5000)
            return None
        centre = feature.geometry.centroid
        return centre.x, centre.y, feature.label

    def ask_rings(self, lon: float, lat: float, around: str) -> None:
        text, ok = plain_box.text(self.shell.parent, "Range rings", f"Radii in km around {around}:",
                                  "500, 1000, 2000")
        if not ok:
            return
        radii = parse_radii(text)
        if radii is None:
            self.shell.status(f"Range rings: {text!r} is not a list of distances in km (e.g. 500, 1000)", 8000)
            return
        self.canvas.show_range_rings(lon, lat, radii, around)
        beyond = [r for r in radii if drawn_ring(self.canvas.projection, lon, lat, r).far_side]
        if beyond:
            self.shell.status(f"{beyond[0]:,.0f} km lies beyond the globe's horizon: drawn seen through the earth "
                              "(faint). View ▸ Projection ▸ Range rings view shows every ring as a true circle",
                              15000)

    def clear_rings(self) -> None:
        """Remove the range rings and measurements (session items, kept on the map and in exports until then)."""
        self.workspace.overlays.clear()

    # -- projections -------------------------------------------------------------------------------
    def set_projection(self, key: str) -> None:
        self.canvas.set_projection(PROJECTIONS[key].build(self.canvas.data_extent()))

    def centre_on_selection(self) -> None:
        chosen = self._selected_centre("Select a launch site first")
        if chosen is not None:
            self.canvas.set_projection(azimuthal_equidistant(*chosen))

    def range_rings_view(self) -> None:
        """The azimuthal equidistant on the range rings' centre, where every ring is a true circle, framed to show
        the largest ring whole."""
        rings = self.workspace.overlays.rings
        if not rings:
            self.shell.status("Draw range rings first (Tools ▸ Range rings around selection, R)", 5000)
            return
        (lon, lat), largest = rings[0].centre, min(max(rings[0].radii_km) * 1000.0 * 1.08, AEQD_EDGE_M)
        self.canvas.set_projection(azimuthal_equidistant(lon, lat, rings[0].label), keep_view=False)
        self.canvas.frame_rect((-largest, -largest, largest, largest))

    # -- the right-click menu ----------------------------------------------------------------------
    def context_menu(self, at: QPoint, show: bool = True) -> QMenu | None:
        """What is here: the position (copy it), the features under the pointer (select one), measure from here,
        range rings here, at viewport pixel ``at``. Returns the menu (popped up when ``show``)."""
        point = self.canvas.pixel_to_map(at.x(), at.y())
        lon, lat = (float(v) for v in self.canvas.projection.inverse(point.x(), point.y()))
        if not (math.isfinite(lon) and math.isfinite(lat)):
            return None
        menu = QMenu(self.canvas)
        where = f"{format_lat(round(lat, 4))}  {format_lon(round(lon, 4))}"
        title = menu.addAction(where)
        title.setEnabled(False)
        menu.addAction("Copy coordinates", lambda: QGuiApplication.clipboard().setText(f"{lat:.5f}, {lon:.5f}"))
        found = self.canvas.features_at(point.x(), point.y())
        if found:
            menu.addSeparator()
            for feature_id in found[:8]:
                feature = self.workspace.feature(feature_id)
                if feature is not None:
                    event = self.workspace.event(feature.event)
                    launch = f" ({event.date_label})" if event is not None and event.day else ""
                    menu.addAction(no_mnemonic(f"{kind_title(feature.kind)}: {feature.label}{launch}"),
                                   partial(self.workspace.selection.select, [feature_id]))
        menu.addSeparator()
        menu.addAction("Measure from here", lambda: self.measure_from(lon, lat))
        menu.addAction("Range rings here…", lambda: self.ask_rings(lon, lat, where))
        if show:
            menu.popup(self.canvas.viewport().mapToGlobal(at))
        return menu


def parse_radii(text: str) -> list[float] | None:
    """'500, 1000; 2000' → [500.0, 1000.0, 2000.0]; None when a part is not a distance within 0 to 20,000 km."""
    try:
        radii = [float(part) for part in text.replace(";", ",").split(",") if part.strip()]
    except ValueError:
        return None
    if not radii or not all(0 < r <= MAX_RING_KM for r in radii):
        return None
    return radii
