"""A file's folders in the layer tree, nested as Google Earth shows a KML's: each folder a checkable row (ticking
it shows or hides its features and its sub-folders'), its features grouped by kind inside it."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem

from viewer.model.feature_table import FeatureTable
from viewer.model.folders import by_folder, folder_key
from viewer.qt.panels.swatches import drawn_colours, swatch_icon
from viewer.symbology import NO_EVENT_COLOUR, chosen_layers
from viewer.wording import counted

FOLDER_ROLE = Qt.ItemDataRole.UserRole + 7  # [layer, folder path] on a file's folder rows
AddKinds = Callable[[QStandardItem, np.ndarray, str], None]  # (row, members, folder path): its kind groups


def add_folders(parent: QStandardItem, layer: str, members: np.ndarray, table: FeatureTable, passages: np.ndarray,
                make_row: Callable[..., list[QStandardItem]], add_kinds: AddKinds, colours: dict[str, str]) -> bool:
    """Add the folders of a file's ``layer`` under its row, each with its features' kind groups; the features in
    no folder get theirs under the row itself. False (nothing added) when no feature is in a folder."""
    folders = by_folder(table, members)
    if folders is None:
        return False
    rows: dict[tuple[str, ...], list[QStandardItem]] = {}
    items: dict[tuple[str, ...], QStandardItem] = {(): parent}
    for path in folders:
        for depth in range(1, len(path) + 1):
            at = path[:depth]
            if at not in items:
                row = make_row(at[-1], "", "")
                row[0].setCheckable(True)
                row[0].setData([layer, folder_key(at)], FOLDER_ROLE)
                row[0].setToolTip(f"Folder {folder_key(at)}: show or hide its features")
                items[at[:-1]].appendRow(row)
                rows[at], items[at] = row, row[0]
    for path, inside in folders.items():
        add_kinds(items[path], inside, folder_key(path))
    for at, row in rows.items():
        within = np.concatenate([inside for path, inside in folders.items() if path[:len(at)] == at])
        row[1].setText(f"{len(within):,}")
        row[1].setToolTip(counted(len(within), "feature"))
        row[2].setText(f"{int(passages[within].sum()):,}")
        drawn = drawn_colours(table, within, colours.get(layer, NO_EVENT_COLOUR), layer in chosen_layers(colours))
        row[0].setIcon(swatch_icon(drawn))  # the colours its features are drawn in
    return True


def folder_of(item: QStandardItem) -> tuple[str, str] | None:
    """The (layer, folder path) of a folder row; None for any other row."""
    data = item.data(FOLDER_ROLE)
    return (str(data[0]), str(data[1])) if isinstance(data, list | tuple) and len(data) == 2 else None
