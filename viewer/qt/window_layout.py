"""The main window's docks and layout: where the panels go, the first run's sizes, and where the map is drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QWidget

if TYPE_CHECKING:
    from viewer.model.workspace import Workspace
    from viewer.qt.map.canvas import MapCanvas

MAP_RECT_KEY = "window/map_rect"
EVENTS_WIDTH, SOURCE_WIDTH = 0.25, 0.27  # of the window's width, at first run
DOCK_SEPARATOR_PX = 6


class DockLayout(QMainWindow):
    """The docks of `MainWindow` and its layout (a part of it: MainWindow inherits it)."""

    workspace: Workspace
    canvas: MapCanvas
    built: bool
    docks: dict[str, QDockWidget]
    _place: QWidget  # holds the map's place until the canvas comes
    _dock_sizes_due: bool
    opens_maximised = False  # a first run: no geometry of its own to restore

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")  # saveState needs stable names
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock
        return dock

    def _add_source_panels(self) -> None:
        """The source and details panels, one above the other on the right: who says so, and what exactly."""
        from viewer.qt.panels.details_panel import DetailsPanel
        from viewer.qt.panels.source_panel import SourcePanel

        self.source = SourcePanel(self.workspace)
        self.details = DetailsPanel(self.workspace)
        source = self._dock("source", "Source text", self.source, Qt.DockWidgetArea.RightDockWidgetArea)
        details = self._dock("details", "Details", self.details, Qt.DockWidgetArea.RightDockWidgetArea)
        self.splitDockWidget(source, details, Qt.Orientation.Vertical)
        # The right column runs the full height, so the timeline does not squeeze the details at 1366x768.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            # Qt fits a geometry saved on a larger screen into this one's available area.
        else:  # first run: the whole screen, as desktop GIS tools open; start-up shows it maximised
            self.setGeometry(self.screen().availableGeometry())
            self.opens_maximised = True

    def _restore_layout(self) -> None:
        state = QSettings().value("window/state")
        if state is not None:
            self.restoreState(state)
        else:
            self.tabifyDockWidget(self.docks["events"], self.docks["search"])
            self.tabifyDockWidget(self.docks["events"], self.docks["bookmarks"])
            self.docks["events"].raise_()
            for tabs in self.findChildren(QTabBar):  # dock tabs read "Search", "Bookmarks", not "Se…"
                tabs.setElideMode(Qt.TextElideMode.ElideNone)
                tabs.setExpanding(False)
            self._dock_sizes_due = True
            QTimer.singleShot(0, self._default_dock_sizes)  # sizes hold only once the window is laid out

    def lay_out(self, map_rect: QRect | None = None) -> None:
        """Lay the shown window out now, first-run dock sizes included, rather than in the event loop: the map
        then has its size before its first view is framed and drawn. ``map_rect``: where the first frame drew
        the map; first-run dock sizes put the canvas there (the docks' minimum sizes permitting)."""
        first_run = self._dock_sizes_due
        self._default_dock_sizes()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if first_run and map_rect is not None and self.map_rect() != map_rect:
            got = self.map_rect()
            horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
            self.resizeDocks([self.docks["events"], self.docks["source"]],
                             [self.docks["events"].width() + map_rect.left() - got.left(),
                              self.docks["source"].width() + got.right() - map_rect.right()], horizontal)
            self.resizeDocks([self.docks["timeline"]],
                             [self.docks["timeline"].height() + got.bottom() - map_rect.bottom()], vertical)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def lay_out_bars(self) -> None:
        """Lay the window out before it is shown (its bars, before `build`): `map_rect` is then where the map goes."""
        layout = self.layout()
        if layout is not None:
            layout.activate()

    def map_rect(self) -> QRect:
        """Where the map is drawn, in this window's coordinates."""
        viewport = self.canvas.viewport() if self.built else self._place
        return QRect(viewport.mapTo(self, QPoint(0, 0)), viewport.size())

    def _default_dock_sizes(self) -> None:
        """The map keeps about half the width: the tree a fifth, the article and details the rest."""
        if not self._dock_sizes_due:
            return
        self._dock_sizes_due = False
        width, height = self.width(), self.height()
        self.resizeDocks([self.docks["events"], self.docks["source"]],
                         [round(width * EVENTS_WIDTH), round(width * SOURCE_WIDTH)], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["source"], self.docks["details"]], [round(height * 0.55), round(height * 0.45)],
                         Qt.Orientation.Vertical)
        self.resizeDocks([self.docks["timeline"]], [_timeline_height(height)], Qt.Orientation.Vertical)

    def first_run_map_rect(self) -> QRect:
        """Where the first-run dock sizes put the map (before the docks are built: the bars are in place)."""
        place, width = self.map_rect(), self.width()
        # The separator between a dock and the map: Fusion's (lay_out sizes the docks to put the map exactly here,
        # whatever the style's; asking the style would create QStyle's Python enums first).
        gap = DOCK_SEPARATOR_PX
        left, right = round(width * EVENTS_WIDTH) + gap, width - round(width * SOURCE_WIDTH) - gap
        bottom = place.bottom() + 1 - _timeline_height(self.height()) - gap
        return QRect(left, place.top(), right - left, bottom - place.top())

    def save_layout(self) -> None:
        """The window's geometry, docks and map rect, for the next start (on closing a built window)."""
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.remember_map_rect()

    def remember_map_rect(self) -> None:
        """Where the map is in a window of this size, for the next start's first frame (viewer.qt.first_frame)."""
        rect = self.map_rect()
        QSettings().setValue(MAP_RECT_KEY, [rect.x(), rect.y(), rect.width(), rect.height(),
                                            self.width(), self.height()])


def _timeline_height(window_height: int) -> int:
    """The timeline's first-run height: at least its own minimum with its title (138 px with the default fonts),
    or the map would not be where `first_run_map_rect` says."""
    return max(140, round(window_height * 0.16))
