"""The layer tree's model and rows: a group whose features are not listed yet says it has children and lists them when
opened; a file's names are cut to what a row and a tooltip show."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from viewer.qt.panels.widgets import tooltip_html

PENDING_ROLE = Qt.ItemDataRole.UserRole + 6  # key of a group whose features are listed when it is first opened
SHOWN_UP_TO = 500  # characters of a name a row shows (a file may hold a label of megabytes)
TIP_UP_TO = 2_000  # characters of a tooltip


class TreeModel(QStandardItemModel):
    """The tree's rows; a group whose features are not listed yet (its key in ``pending``) says it has children, and
    ``fetch`` lists them when the view asks (on opening it)."""

    def __init__(self, parent: QTreeView, fetch: Callable[[int], None]):
        super().__init__(parent)
        self.pending: set[int] = set()
        self._fetch = fetch

    def _pending_key(self, parent: QModelIndex | QPersistentModelIndex) -> int | None:
        if not self.pending or not parent.isValid():  # the usual case answered without asking the item
            return None
        key = parent.data(PENDING_ROLE)
        return key if key in self.pending else None

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self._pending_key(parent) is not None or super().hasChildren(parent)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return self._pending_key(parent) is not None or super().canFetchMore(parent)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        key = self._pending_key(parent)
        if key is not None:
            self._fetch(key)


def row(*texts: str) -> list[QStandardItem]:
    # A file's names are cut: Qt shapes a row's whole text to elide it, at every repaint (60 MB: minutes each)
    items = [QStandardItem(cut(text, SHOWN_UP_TO)) for text in texts]
    for item in items:
        item.setEditable(False)
    return items


def cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def tip(text: str) -> str:
    """A tooltip of a file's text, shown as the characters it holds (Qt renders one that looks like HTML as HTML)."""
    return tooltip_html(cut(text, TIP_UP_TO))
