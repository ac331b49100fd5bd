"""The main window's menus and what only they start: exports of the image, briefing and map, presentation, help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar

from viewer.qt.map.keys import ZOOM_FACTOR
from viewer.qt.shell import add_action
from viewer.qt.window_files import WindowFiles

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from viewer.model.view import MapView
    from viewer.model.workspace import Workspace
    from viewer.qt.map.canvas import MapCanvas
    from viewer.qt.map_tools import MapTools
    from viewer.qt.marks_controller import MarksController
    from viewer.qt.panels.bookmarks_panel import BookmarksPanel
    from viewer.qt.panels.search_panel import SearchPanel
    from viewer.qt.panels.timeline import Timeline
    from viewer.qt.review import ReviewController
    from viewer.qt.session_controller import SessionController
    from viewer.qt.shell import Shell


class WindowMenus(WindowFiles):
    """The menus of `MainWindow` (a part of it: MainWindow inherits it), over the files' actions they offer.
    Dialogs, exports, presentation and help are imported when first used: the window's start does not need them."""

    workspace: Workspace
    map_view: MapView
    canvas: MapCanvas
    shell: Shell
    session: SessionController
    review: ReviewController
    tools: MapTools
    marks: MarksController
    timeline: Timeline
    search: SearchPanel
    bookmarks_panel: BookmarksPanel
    docks: dict[str, QDockWidget]
    _menus: dict[str, QMenu]
    _toolbar: QToolBar

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
        self._action(view_menu, "Zoom &in", lambda: self.canvas.view.scaleBy((1 / ZOOM_FACTOR, 1 / ZOOM_FACTOR)),
                     QKeySequence.StandardKey.ZoomIn)
        self._action(view_menu, "Zoom &out", lambda: self.canvas.view.scaleBy((ZOOM_FACTOR, ZOOM_FACTOR)),
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

        panels_menu = view_menu.addMenu("Pan&els")  # the docks: seventeen entries left no letter for some
        for dock in self.docks.values():
            panels_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        self._action(view_menu, "&Find…", self._find, QKeySequence.StandardKey.Find)
        # as slide software has it: F5 from the beginning, Shift+F5 from the bookmark selected in the panel
        self._action(view_menu, "Present from the &beginning", lambda: self.present(0), "F5")
        self._action(view_menu, "Present from &selected bookmark",
                     lambda: self.present(max(0, self.bookmarks_panel.current_index())), "Shift+F5")
        self._action(view_menu, "Pre&vious launch", lambda: self.timeline.step(-1), "Alt+Left")
        self._action(view_menu, "&Next launch", lambda: self.timeline.step(1), "Alt+Right")
        self._action(view_menu, "&All launches", self.timeline.show_all, "Alt+Home")

        help_menu = self._menus["help"]
        self._action(help_menu, "&First steps", self._first_steps, "F1")
        self._action(help_menu, "&Keyboard shortcuts", self._shortcuts, "Ctrl+/")
        self._action(help_menu, "&About launchmap", self._about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        return add_action(menu, text, slot, shortcut)

    def _find(self) -> None:
        self.docks["search"].show()
        self.docks["search"].raise_()
        self.search.focus()

    def present(self, start: int = 0) -> None:
        """Full-screen presentation of the bookmarks from ``start``; without bookmarks, of each launch (as the deck)."""
        if not len(self.session.bookmarks) and not self.workspace.content.events:
            self.statusBar().showMessage("Nothing to present: add a bookmark (Bookmarks panel) or open launches", 8000)
            return
        from viewer.qt.presentation import present

        present(self.workspace, list(self.session.bookmarks), start, parent=self,
                basemap=self.canvas.basemap_layer.basemap, places=self.canvas.places)

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

    def _first_steps(self) -> None:
        from viewer.qt.help import show_first_steps

        show_first_steps(self)

    def _shortcuts(self) -> None:
        from viewer.qt.help import show_shortcuts

        show_shortcuts(self)

    def _about(self) -> None:
        from viewer import __version__  # read when asked for (viewer/__init__.py)

        QMessageBox.about(
            self,
            "About launchmap",
            f"launchmap {__version__}\n\nA map of missile and space launches that shows who reports what.\n\n"
            "Basemap: Natural Earth (public domain), via the world-atlas package.\n"
            "Sample articles and reference facts: see data/ and the bundle's derivations.",
        )
