"""The main window: the map in the middle, menus, and the status bar with the cursor's position."""

from __future__ import annotations

import math
from contextlib import ExitStack
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabBar,
    QToolBar,
    QWidget,
)

from viewer import __version__
from viewer.geo.basemap import load_basemap
from viewer.geo.crs import format_lat, format_lon
from viewer.geo.gazetteer import load_places
from viewer.io.formats import export_filter, open_filter
from viewer.io.load import open_path
from viewer.io.progress import Cancelled
from viewer.io.session import SESSION_SUFFIX
from viewer.model.problem import BundleError
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.shell import Shell, add_action
from viewer.qt.workers import run_with_progress

if TYPE_CHECKING:
    from viewer.geo.basemap import Basemap
    from viewer.geo.gazetteer import Place
    from viewer.model.bundle import Bundle
    from viewer.model.problem import Problem
    from viewer.qt.map.canvas import MapCanvas

OPEN_FILTER = open_filter(("launchmap sessions", f"*{SESSION_SUFFIX}"))  # "All supported files" comes first
EXPORT_FILTER = export_filter()
RECENT_FILES = 10
MAP_RECT_KEY = "window/map_rect"
EVENTS_WIDTH, SOURCE_WIDTH = 0.25, 0.27  # of the window's width, at first run
DOCK_SEPARATOR_PX = 6
MIN_MAP_SIZE = QSize(320, 200)  # the smallest map the window lays out: room for a legend beside the data


class MainWindow(QMainWindow):
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
        self._crs.setText(self.canvas.projection.name)
        self.tree = EventTree(self.workspace, self.map_view)
        self.tree.zoom_requested.connect(self.canvas.zoom_to_features)
        self.timeline = Timeline(self.workspace, self.map_view)
        self.timeline.frame_requested.connect(self.canvas.zoom_to_features)
        self.search = SearchPanel(self.workspace)
        self.docks: dict[str, QDockWidget] = {}
        self._dock("events", "Events", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("search", "Search", self.search, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("timeline", "Timeline", self.timeline, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._add_source_panels()
        self.review = ReviewController(self.workspace, self.canvas, self.source.selected_span, self.shell)
        self.session = SessionController(self.workspace, self.map_view, self.canvas, self.shell)
        self.tools = MapTools(self.workspace, self.canvas, self.shell)
        self.marks = MarksController(self.workspace, self.map_view, self.canvas, self.review, self.shell)
        self.tools.modes_left.connect(self.marks.cancel)
        self.tools.modes_left.connect(self.review.cancel_move)
        self.statusBar().insertPermanentWidget(0, self.tools.mode_badge)  # a message does not hide it
        self.bookmarks_panel = BookmarksPanel(self.session.bookmarks, self.session.capture, self.session.show)
        self.bookmarks_panel.present_requested.connect(self.present)
        self._dock("bookmarks", "Bookmarks", self.bookmarks_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._build_menus()
        self._toolbar.setMinimumHeight(0)
        if self.isVisible():
            # Docks added to a window already shown (after the first frame) are shown by a queued call: made now,
            # or restoreState would size them as hidden ones.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)
        self._restore_layout()
        self.built = True

    # -- docks and layout ------------------------------------------------------------------------
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
        else:  # first run: most of the screen, whatever its size
            screen = self.screen().availableGeometry()
            self.resize(min(1680, round(screen.width() * 0.94)), min(1050, round(screen.height() * 0.92)))

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

    def keyPressEvent(self, event) -> None:
        if self.built and event.key() == Qt.Key.Key_Escape and (self.canvas.picking_points or self.canvas.measuring):
            self.tools.leave_modes()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:
        if self.built:  # closed before its docks were built, it has no layout worth keeping
            settings = QSettings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.setValue("window/state", self.saveState())
            self.remember_map_rect()
        super().closeEvent(event)

    def remember_map_rect(self) -> None:
        """Where the map is in a window of this size, for the next start's first frame (viewer.qt.first_frame)."""
        rect = self.map_rect()
        QSettings().setValue(MAP_RECT_KEY, [rect.x(), rect.y(), rect.width(), rect.height(),
                                            self.width(), self.height()])

    # -- files -----------------------------------------------------------------------------------
    def open_files(self, paths: list[str]) -> None:
        """Open bundles and other geodata (GeoJSON, GeoPackage, KML/KMZ, CSV) and session files.

        Each file loads off the GUI thread behind a progress dialog; a bad file is reported in one line and
        skipped, and everything already open stays.
        """
        for path in paths:
            if Path(path).suffix.lower() == SESSION_SUFFIX:
                self.session.open_session(path)
                continue
            try:
                bundle, problems = run_with_progress(self, f"Opening {Path(path).name}",
                                                     partial(_open, path))
                self.workspace.add(bundle)
            except Cancelled:
                self.statusBar().showMessage(f"Opening {Path(path).name} cancelled; nothing was changed", 8000)
                continue
            except BundleError as error:
                more = len(error.problems) - 1
                self._report(f"{error}" + (f" (and {more} more)" if more > 0 else ""))
                continue
            except (OSError, ValueError) as error:
                self._report(str(error))
                continue
            self._opened(path, problems)
        self._name_after_bundles()

    def adopt(self, opened: list[tuple[str, Bundle, list[Problem]]]) -> None:
        """Add bundles read before the window was built (start-up reads small files first), as `open_files` would
        have opened them."""
        for path, bundle, problems in opened:
            self.workspace.add(bundle)
            self._opened(path, problems)
        self._name_after_bundles()

    def _opened(self, path: str, problems: list[Problem]) -> None:
        self._remember_recent(path)
        errors = [p for p in problems if p.is_error]
        if problems:
            self.statusBar().showMessage(
                f"{Path(path).name}: {len(errors)} error(s), {len(problems) - len(errors)} warning(s) — "
                f"first: {problems[0]}", 15000)
        else:
            self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)

    def _name_after_bundles(self) -> None:
        self.setWindowTitle(" · ".join(b.name for b in self.workspace.bundles) + " — launchmap")

    def _remember_recent(self, path: str) -> None:
        settings = QSettings()
        recent = [p for p in (settings.value("files/recent") or []) if p != str(Path(path).resolve())]
        settings.setValue("files/recent", [str(Path(path).resolve()), *recent][:RECENT_FILES])

    def _fill_recent_files(self) -> None:
        self._recent_files_menu.clear()
        for path in QSettings().value("files/recent") or []:
            self._recent_files_menu.addAction(path, partial(self.open_files, [path]))
        self._recent_files_menu.setEnabled(not self._recent_files_menu.isEmpty())

    def _export_data(self) -> None:
        """File ▸ Export data: everything open as GeoJSON, GeoPackage, KML/KMZ or CSV."""
        from viewer.io.convert import export_bundle

        name, _ = QFileDialog.getSaveFileName(self, "Export data", "launches.gpkg", EXPORT_FILTER)
        if not name:
            return
        try:
            run_with_progress(self, "Exporting", lambda progress: export_bundle(self.workspace.content, name, progress))
        except Cancelled:
            return
        except (OSError, ValueError, BundleError) as error:
            self._report(f"{name}: {error}")
            return
        self.statusBar().showMessage(f"Exported {name}", 8000)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.open_files([url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()])

    def _report(self, message: str) -> None:
        self.statusBar().showMessage(message, 20000)
        QMessageBox.warning(self, "launchmap", message)

    def _open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open", "", OPEN_FILTER)
        if paths:
            self.open_files(paths)

    def present(self, start: int = 0) -> None:
        """Full-screen presentation of the bookmarks from ``start``; without bookmarks, of each launch (as the deck)."""
        if not len(self.session.bookmarks) and not self.workspace.content.events:
            self.statusBar().showMessage("Nothing to present: add a bookmark (Bookmarks panel) or open launches", 8000)
            return
        from viewer.qt.presentation import present

        present(self.workspace, list(self.session.bookmarks), start, parent=self,
                basemap=self.canvas.basemap_layer.basemap, places=self.canvas.places)

    # Dialogs, exports and help are imported when first used: the first paint of the window does not need them.
    def _export_briefing(self) -> None:
        from viewer.qt.export_dialog import ask_and_export_briefing

        ask_and_export_briefing(self.workspace, list(self.session.bookmarks), self.shell)

    def _copy_map(self) -> None:
        from viewer.qt.clipboard import copy_map

        copy_map(self.workspace, self.map_view, self.canvas.viewport().width(), self.canvas.viewport().height())
        self.statusBar().showMessage("Map copied to the clipboard", 5000)

    def _export_dialog(self) -> None:
        from viewer.qt.export_dialog import ask_and_export_image

        viewport = self.canvas.viewport()
        ask_and_export_image(self.workspace, self.map_view, self.shell, (viewport.width(), viewport.height()))

    # -- menus -----------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        from viewer.qt.map.legend_menu import LegendMenu

        file_menu = self._menus["file"]
        self._action(file_menu, "&Open…", self._open_dialog, QKeySequence.StandardKey.Open)
        self._recent_files_menu = file_menu.addMenu("Open &recent")
        self._recent_files_menu.aboutToShow.connect(self._fill_recent_files)
        self._fill_recent_files()
        self._action(file_menu, "&Export image…", self._export_dialog, "Ctrl+E")
        self._action(file_menu, "Export &briefing…", self._export_briefing, "Ctrl+B")
        self._action(file_menu, "Export &data…", self._export_data, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self.session.add_actions(file_menu)
        file_menu.addSeparator()
        edit_menu = self._menus["edit"]
        self.review.add_actions(edit_menu, file_menu)
        self._action(edit_menu, "&Copy map", self._copy_map, "Ctrl+Shift+C")
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        view_menu = self._menus["view"]
        self._action(view_menu, "Zoom &in", lambda: self.canvas.view.scaleBy((0.5, 0.5)),
                     QKeySequence.StandardKey.ZoomIn)
        self._action(view_menu, "Zoom &out", lambda: self.canvas.view.scaleBy((2.0, 2.0)),
                     QKeySequence.StandardKey.ZoomOut)
        self._action(view_menu, "Zoom to &data", self.canvas.zoom_to_data, "Ctrl+0")
        self._action(view_menu, "Zoom to &selection", lambda: self.canvas.zoom_to_features(
            list(self.workspace.selection.features)), "Ctrl+Shift+0")
        self.legend_menu = LegendMenu(view_menu.addMenu("&Legend"), self.map_view)
        projection_menu = view_menu.addMenu("&Projection")
        tools_menu = self._menus["tools"]
        toolbar = self._toolbar
        self.tools.add_actions(tools_menu, projection_menu, toolbar)
        self.marks.add_actions(tools_menu)

        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        self._action(view_menu, "&Find…", self._find, QKeySequence.StandardKey.Find)
        self._action(view_menu, "&Present bookmarks", lambda: self.present(0), "F5")
        self._action(view_menu, "Previous launch", lambda: self.timeline.step(-1), "Alt+Left")
        self._action(view_menu, "Next launch", lambda: self.timeline.step(1), "Alt+Right")
        self._action(view_menu, "All launches", self.timeline.show_all, "Alt+Home")

        help_menu = self._menus["help"]
        self._action(help_menu, "&First steps", self._first_steps, "F1")
        self._action(help_menu, "&Keyboard shortcuts", self._shortcuts, "Ctrl+/")
        self._action(help_menu, "&About launchmap", self._about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        return add_action(menu, text, slot, shortcut)

    def _projection_changed(self, projection) -> None:
        self._crs.setText(projection.name)

    def _find(self) -> None:
        self.docks["search"].show()
        self.docks["search"].raise_()
        self.search.focus()

    def _show_position(self, lon: float, lat: float) -> None:
        if math.isfinite(lon) and math.isfinite(lat) and abs(lat) <= 90:
            self._position.setText(f"{format_lat(round(lat, 3))}  {format_lon(round(lon, 3))}")
        else:
            self._position.setText("")

    def _first_steps(self) -> None:
        from viewer.qt.help import show_first_steps

        show_first_steps(self)

    def _shortcuts(self) -> None:
        from viewer.qt.help import show_shortcuts

        show_shortcuts(self)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About launchmap",
            f"launchmap {__version__}\n\nA map of missile and space launches that shows who reports what.\n\n"
            "Basemap: Natural Earth (public domain), via the world-atlas package.\n"
            "Sample articles and reference facts: see data/ and the bundle's derivations.",
        )


def _timeline_height(window_height: int) -> int:
    """The timeline's first-run height: at least its own minimum with its title (138 px with the default fonts),
    or the map would not be where `first_run_map_rect` says."""
    return max(140, round(window_height * 0.16))


def _filled_height(toolbar: QToolBar) -> int:
    """The toolbar's height with a button in it."""
    probe = toolbar.addAction("Measure")
    height = toolbar.sizeHint().height()
    toolbar.removeAction(probe)
    probe.deleteLater()
    return height


def _open(path: str, progress) -> tuple:
    """The loading job for one file (run off the GUI thread)."""
    return open_path(path, progress)
