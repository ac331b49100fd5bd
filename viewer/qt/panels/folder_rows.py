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
from viewer.qt.panels.tree_model import tip
from viewer.symbology import NO_EVENT_COLOUR, chosen_layers
from viewer.wording import counted

FOLDER_ROLE = Qt.ItemDataRole.UserRole + 7  # [layer, folder path] on a file's folder rows
AddKind = Callable[[QStandardItem, str, np.ndarray, str], None]  # (row, kind, members, folder path): a kind's group


def add_folders(parent: QStandardItem, layer: str, members: np.ndarray, table: FeatureTable, passages: np.ndarray,
                make_row: Callable[..., list[QStandardItem]], add_kind: AddKind, colours: dict[str, str]) -> bool:
    """Add the folders of a file's ``layer`` under its row, each with its features' kind groups; the features in
    no folder get theirs under the row itself. Within a folder its sub-folders and its own features' groups come in
    the file's order (each where its first feature is), as Google Earth lists a KML's: sub-folders came first.
    False (nothing added) when no feature is in a folder."""
    folders = by_folder(table, members)
    if folders is None:
        return False
    rows: dict[tuple[str, ...], list[QStandardItem]] = {}
    within: dict[tuple[str, ...], list[np.ndarray]] = {}  # each folder's features and its sub-folders'
    for path, inside in folders.items():
        for depth in range(1, len(path) + 1):
            at = path[:depth]
            within.setdefault(at, []).append(inside)
            if at not in rows:
                row = rows[at] = make_row(at[-1], "", "")
                row[0].setCheckable(True)
                row[0].setData([layer, folder_key(at)], FOLDER_ROLE)
                row[0].setToolTip(tip(f"Folder {' > '.join(at)}: show or hide its features"))
    # what each folder (and the file's row, ()) holds, by the file's row of its first feature
    # (first row, sub-folder's path, or kind and its features' rows)
    holds: dict[tuple[str, ...], list[tuple[int, tuple[str, ...], str, np.ndarray]]] = {}
    none = np.zeros(0, dtype=np.intp)
    for at, parts in within.items():
        holds.setdefault(at[:-1], []).append((min(int(part.min()) for part in parts), at, "", none))
    for path, inside in folders.items():
        for kind, group in table.groups(table.kind, inside).items():
            holds.setdefault(path, []).append((int(group.min()), path, kind, group))

    def fill(item: QStandardItem, path: tuple[str, ...]) -> None:
        for _, at, kind, group in sorted(holds.get(path, []), key=lambda entry: entry[0]):
            if kind:
                add_kind(item, kind, group, folder_key(path))
            else:
                item.appendRow(rows[at])
                fill(rows[at][0], at)

    fill(parent, ())
    for at, row in rows.items():
        inside = np.concatenate(within[at])
        row[1].setText(f"{len(inside):,}")
        row[1].setToolTip(counted(len(inside), "feature"))
        row[2].setText(f"{int(passages[inside].sum()):,}")
        drawn = drawn_colours(table, inside, colours.get(layer, NO_EVENT_COLOUR), layer in chosen_layers(colours))
        row[0].setIcon(swatch_icon(drawn))  # the colours its features are drawn in
    return True


def folder_of(item: QStandardItem) -> tuple[str, str] | None:
    """The (layer, folder path) of a folder row; None for any other row."""
    data = item.data(FOLDER_ROLE)
    return (str(data[0]), str(data[1])) if isinstance(data, list | tuple) and len(data) == 2 else None
