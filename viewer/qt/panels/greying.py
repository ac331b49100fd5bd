"""Rows below an unticked row of the layer tree drawn grey, as QGIS greys a hidden group's layers: a sub-folder keeps
its own tick (ticking its folder again shows it as it was) but reads as hidden while its folder is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem

GREY = "#9A9A9A"  # the text of a row hidden by an unticked row above it
OWN_LOOK_ROLE = Qt.ItemDataRole.UserRole + 8  # a greyed cell's own foreground, given back when it is shown again
NO_LOOK = "none"  # (a cell that had no foreground of its own)


def grey_below(parent: QStandardItem, greyed: bool = False) -> None:
    """Grey every row under ``parent`` that an unticked row above it hides (``greyed``: ``parent`` is hidden so);
    give the others back their own look."""
    for number in range(parent.rowCount()):
        first = parent.child(number, 0)
        for column in range(parent.columnCount()):
            cell = parent.child(number, column)
            if cell is not None:
                _grey(cell, greyed)
        if first is not None:
            grey_below(first, greyed or unticked(first))


def hidden_above(item: QStandardItem) -> bool:
    """Whether a row above ``item`` is unticked (the rows made later under it, when opened, are greyed alike)."""
    parent = item.parent()
    while parent is not None:
        if unticked(parent):
            return True
        parent = parent.parent()
    return False


def unticked(item: QStandardItem) -> bool:
    return item.isCheckable() and item.checkState() != Qt.CheckState.Checked


def _grey(cell: QStandardItem, greyed: bool) -> None:
    kept = cell.data(OWN_LOOK_ROLE)
    if greyed and kept is None:
        own = cell.data(Qt.ItemDataRole.ForegroundRole)
        cell.setData(NO_LOOK if own is None else own, OWN_LOOK_ROLE)
        cell.setForeground(QBrush(QColor(GREY)))
    elif not greyed and kept is not None:
        cell.setData(None if kept == NO_LOOK else kept, Qt.ItemDataRole.ForegroundRole)
        cell.setData(None, OWN_LOOK_ROLE)
