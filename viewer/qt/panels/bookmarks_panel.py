"""The bookmarks panel: named views to create, rename, reorder, delete, show again and present."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from viewer.model.bookmark import Bookmark, BookmarkList
from viewer.qt.lifetime import follow


class BookmarksPanel(QWidget):
    """A list over the session's BookmarkList: it writes the list and follows its changes.

    ``capture(name)`` returns the current view as a bookmark; ``show(bookmark)`` shows one.
    Double-click or Enter shows a bookmark; F2 or a second click renames it in place; dragging reorders.

    Signals:
        present_requested(int): present the bookmarks full screen, starting at this index.
    """

    present_requested = Signal(int)

    def __init__(self, bookmarks: BookmarkList, capture: Callable[[str], Bookmark],
                 show: Callable[[Bookmark], None], default_name: Callable[[], str] | None = None, parent=None):
        super().__init__(parent)
        self.bookmarks = bookmarks
        self._capture, self._show = capture, show
        self._default_name = default_name or (lambda: f"View {len(self.bookmarks) + 1}")
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.list.setToolTip("Double-click to show a view; drag to reorder; F2 to rename")
        self.add_button = QPushButton("Add view")
        self.add_button.setToolTip("Bookmark what the map shows now: area, projection, launches, layers, selection")
        self.update_button = QPushButton("Update")
        self.update_button.setToolTip("Replace the selected bookmark with what the map shows now")
        self.rename_button = QPushButton("Rename")
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip("Move earlier in the briefing")
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip("Move later in the briefing")
        self.delete_button = QPushButton("Delete")
        self.present_button = QPushButton("Present ▶")  # names the step it starts from (`_enable`)
        # Two rows, so the panel fits a narrow dock beside the map.
        buttons = QGridLayout()
        for index, button in enumerate((self.add_button, self.update_button, self.rename_button, self.up_button,
                                        self.down_button, self.delete_button)):
            buttons.addWidget(button, index // 3, index % 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.present_button)

        self.add_button.clicked.connect(self.add_current)
        self.update_button.clicked.connect(self.update_selected)
        self.rename_button.clicked.connect(lambda: self._edit(self.current_index()))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.delete_button.clicked.connect(self.delete_selected)
        self.present_button.clicked.connect(lambda: self.present_requested.emit(max(0, self.current_index())))
        self.list.itemActivated.connect(lambda item: self.show_index(self.list.row(item)))
        self.list.itemChanged.connect(self._renamed)
        self.list.model().rowsMoved.connect(self._dragged)
        self.list.currentRowChanged.connect(lambda _: self._enable())
        follow(bookmarks.changed, self, self.rebuild)
        self.rebuild()

    # -- actions -----------------------------------------------------------------------------------
    def current_index(self) -> int:
        return self.list.currentRow()

    def add_current(self) -> int:
        """Bookmark the current view after the selected one (or at the end); returns its index."""
        name = self.bookmarks.unique_name(self._default_name())
        at = self.current_index() + 1 if self.current_index() >= 0 else None
        index = self.bookmarks.add(self._capture(name), at)
        self.list.setCurrentRow(index)
        return index

    def update_selected(self) -> None:
        index = self.current_index()
        if index >= 0:
            self.bookmarks.replace(index, self._capture(self.bookmarks[index].name))
            self.list.setCurrentRow(index)

    def move_selected(self, step: int) -> None:
        index = self.current_index()
        if index >= 0:
            to = max(0, min(len(self.bookmarks) - 1, index + step))
            self.bookmarks.move(index, to)
            self.list.setCurrentRow(to)

    def delete_selected(self) -> None:
        index = self.current_index()
        if index >= 0:
            self.bookmarks.remove(index)
            self.list.setCurrentRow(min(index, len(self.bookmarks) - 1))

    def show_index(self, index: int) -> None:
        if 0 <= index < len(self.bookmarks):
            self._show(self.bookmarks[index])

    # -- following the list ------------------------------------------------------------------------
    def rebuild(self) -> None:
        current = self.current_index()
        self.list.blockSignals(True)
        self.list.clear()
        for number, bookmark in enumerate(self.bookmarks, start=1):
            item = QListWidgetItem(bookmark.name)  # shown as plain text: names come from files
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(f"Step {number}: {bookmark.name}")
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))
        self._enable()

    def _renamed(self, item: QListWidgetItem) -> None:
        index, name = self.list.row(item), item.text().strip()
        if not name:  # an empty name is not a name: keep the old one
            self.rebuild()
            return
        if name != self.bookmarks[index].name:
            self.bookmarks.rename(index, name)

    def _dragged(self, _parent: QModelIndex, start: int, _end: int, _destination: QModelIndex, row: int) -> None:
        # Qt reports the row the item was dropped before, counted while the item was still in place
        to = row - 1 if row > start else row
        self.bookmarks.move(start, to)
        self.list.setCurrentRow(to)

    def _edit(self, index: int) -> None:
        if index >= 0:
            self.list.editItem(self.list.item(index))

    def _enable(self) -> None:
        chosen = self.current_index() >= 0
        for button in (self.update_button, self.rename_button, self.up_button, self.down_button,
                       self.delete_button):
            button.setEnabled(chosen)
        self.present_button.setEnabled(len(self.bookmarks) > 0)
        start = max(0, self.current_index())
        self.present_button.setText(f"Present from {start + 1} of {len(self.bookmarks)} ▶" if len(self.bookmarks) > 1
                                    else "Present ▶")
        name = self.bookmarks[start].name if start < len(self.bookmarks) else ""
        self.present_button.setToolTip(
            (f"Full screen from the selected bookmark, “{name}” (Shift+F5; F5 starts from the first). " if name
             else "Full screen, ") + "One bookmark per step: arrow keys, Page Up/Down; Esc leaves")
