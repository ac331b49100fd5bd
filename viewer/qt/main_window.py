"""The main window: the map in the middle, the panels docked around it, menus, and the status bar with the cursor's
position. Its docks and layout (window_layout), files (window_files) and menus (window_menus) are parts it inherits."""

from __future__ import annotations

import math
from contextlib import ExitStack
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar, QWidget

from viewer.geo.basemap import load_basemap
from viewer.geo.crs import format_lat, format_lon
from viewer.geo.gazetteer import load_places
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.shell import Shell, give_letters
from viewer.qt.window_files import OPEN_FILTER
from viewer.qt.window_layout import MAP_RECT_KEY, DockLayout
from viewer.qt.window_menus import WindowMenus

if TYPE_CHECKING:
    from viewer.geo.basemap import Basemap
    from viewer.geo.gazetteer import Place
    from viewer.qt.map.canvas import MapCanvas

__all__ = ["MAP_RECT_KEY", "OPEN_FILTER", "MainWindow"]
MIN_MAP_SIZE = QSize(320, 200)  # the smallest map the window lays out: room for a legend beside the data


class MainWindow(DockLayout, WindowMenus):
    """Built in two steps: the window with its empty bars (cheap: no pyqtgraph), then `build` adds the canvas,
    panels and menus. Start-up (viewer.qt.app) shows the window and its first frame between the two."""

    def __init__(self, workspace: Workspace | None = None, *, deferred: bool = False):
        super().__init__()
        self._dock_sizes_due = False
        self.built = False
        self.setWindowTitle("launchmap")
        self.workspace = workspace or Workspace()
        self.map_view = MapView()
        self._add_bars()
        self._restore_geometry()
        if not deferred:
            self.build()

    def _add_bars(self) -> None:
        """The menu bar's menus, the map toolbar and the status bar, empty until `build` fills them: the window
        has its final frame around the map from the start, so the first frame is drawn where the canvas goes."""
        bar = self.menuBar()
        titles = {"file": "&File", "edit": "&Edit", "view": "&View", "tools": "&Tools", "help": "&Help"}
        self._menus = {name: bar.addMenu(title) for name, title in titles.items()}
        self._toolbar = self.addToolBar("Map tools")
        self._toolbar.setObjectName("toolbar-map")
        self._toolbar.setMinimumHeight(_filled_height(self._toolbar))  # as tall empty as with its buttons
        self.statusBar()
        self._place = QWidget()  # holds the map's place until the canvas comes
        self.setCentralWidget(self._place)

    def build(self, basemap: Basemap | None = None, places: list[Place] | None = None,
              hold: ExitStack | None = None) -> None:
        """The canvas, panels, controllers and menus (imported here: pyqtgraph and the panels are most of
        start-up's imports, and the first frame needs none of them). ``hold``: the canvas's basemap waits until it
        closes to choose its level (start-up lays the window out first: not a level for each size meanwhile)."""
        from viewer.qt.map.canvas import MapCanvas
        from viewer.qt.map_tools import MapTools
        from viewer.qt.marks_controller import MarksController
        from viewer.qt.panels.bookmarks_panel import BookmarksPanel
        from viewer.qt.panels.event_tree import EventTree
        from viewer.qt.panels.search_panel import SearchPanel
        from viewer.qt.panels.timeline import Timeline
        from viewer.qt.panels.widgets import NoteButton
        from viewer.qt.review import ReviewController
        from viewer.qt.session_controller import SessionController

        self.canvas: MapCanvas = MapCanvas(self.workspace, basemap or load_basemap(),
                                           load_places() if places is None else places, self, map_view=self.map_view)
        if hold is not None:
            hold.enter_context(self.canvas.basemap_deferred())
        self.shell = Shell(self, self.statusBar(), self.open_files)
        self.canvas.setMinimumSize(MIN_MAP_SIZE)  # in a small window the panels give up room, not the map
        self.setCentralWidget(self.canvas)
        self.setAcceptDrops(True)
        self._position = QLabel()
        self._crs = QLabel()
        self.statusBar().addPermanentWidget(self._position)
        self.statusBar().addPermanentWidget(self._crs)
        self.canvas.cursor_moved.connect(self._show_position)
        self.map_view.projection_changed.connect(self._projection_changed)
        self.workspace.bundles_changed.connect(self._name_after_bundles)  # a recovered copy takes its file's name
        self._crs.setText(self.canvas.projection.name)
        self.tree = EventTree(self.workspace, self.map_view)
        self.tree.zoom_requested.connect(self.canvas.zoom_to_features)
        self.timeline = Timeline(self.workspace, self.map_view)
        self.timeline.frame_requested.connect(self.canvas.zoom_to_features)
        self.search = SearchPanel(self.workspace, map_view=self.map_view)
        self.docks: dict[str, QDockWidget] = {}
        self._dock("events", "Events", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("search", "Search", self.search, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("timeline", "Timeline", self.timeline, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._add_source_panels()
        self.review = ReviewController(self.workspace, self.canvas, self.source.selected_span, self.shell,
                                       self.tree.current_launch)
        self.session = SessionController(self.workspace, self.map_view, self.canvas, self.shell)
        self.session.save_bundles = self.review.save_edited  # closing offers to save edited bundles too
        self.tools = MapTools(self.workspace, self.canvas, self.shell)
        self.marks = MarksController(self.workspace, self.map_view, self.canvas, self.review, self.shell)
        self.tools.modes_left.connect(self.marks.cancel)
        self.tools.modes_left.connect(self.review.cancel_move)
        self.statusBar().insertPermanentWidget(0, self.tools.mode_badge)  # a message does not hide it
        self.file_notes = NoteButton()  # what opening files found (a reprojection), kept until clicked away
        self.statusBar().insertPermanentWidget(0, self.file_notes)
        self.bookmarks_panel = BookmarksPanel(self.session.bookmarks, self.session.capture, self.session.show)
        self.bookmarks_panel.present_requested.connect(self.present)
        self._dock("bookmarks", "Bookmarks", self.bookmarks_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._build_menus()
        give_letters(self.menuBar())  # every entry of every menu a letter of its own for Alt
        self._toolbar.setMinimumHeight(0)
        if self.isVisible():
            # Docks added to a window already shown (after the first frame) are shown by a queued call: made now,
            # or restoreState would size them as hidden ones.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        self._restore_layout()
        self.built = True

    def keyPressEvent(self, event) -> None:
        if self.built and event.key() == Qt.Key.Key_Escape and (self.canvas.picking_points or self.canvas.measuring):
            self.tools.leave_modes()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.built:  # closed before its docks were built, it has no layout worth keeping
            self.save_layout()
        super().closeEvent(event)

    def _projection_changed(self, projection) -> None:
        self._crs.setText(projection.name)

    def _show_position(self, lon: float, lat: float) -> None:
        if math.isfinite(lon) and math.isfinite(lat) and abs(lat) <= 90:
            self._position.setText(f"{format_lat(round(lat, 3))}  {format_lon(round(lon, 3))}")
        else:
            self._position.setText("")


def _filled_height(toolbar: QToolBar) -> int:
    """The toolbar's height with a button in it."""
    probe = toolbar.addAction("Measure")
    height = toolbar.sizeHint().height()
    toolbar.removeAction(probe)
    probe.deleteLater()
    return height

