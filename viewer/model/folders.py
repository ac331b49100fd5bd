"""A file's folders (a KML's, as Google Earth shows them): each feature's folder path is its ``folder`` property
(``Document / Sites / Old pads``), which the layer tree shows as nested groups and `Filters` hides by."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from viewer.model.feature_table import FeatureTable

FOLDER = "folder"
SEPARATOR = " / "


def folder_path(folder: object) -> tuple[str, ...]:
    """A feature's folder path as its folders, outermost first; () for none."""
    return tuple(folder.split(SEPARATOR)) if isinstance(folder, str) and folder else ()


def folder_key(path: tuple[str, ...]) -> str:
    return SEPARATOR.join(path)


def in_hidden_folder(layer: str, folder: object, hidden: frozenset[tuple[str, str]]) -> bool:
    """Whether a feature of ``layer`` in ``folder`` lies in one of the ``hidden`` folders or below one."""
    path = folder_path(folder)
    return any((layer, folder_key(path[:depth])) in hidden for depth in range(1, len(path) + 1))


def by_folder(table: FeatureTable, rows: np.ndarray) -> dict[tuple[str, ...], np.ndarray] | None:
    """The ``rows`` (of ``table``) in each folder path, paths in the order first met; None when none is in one."""
    if not len(rows):
        return None
    cells = table.features[np.asarray(rows, dtype=np.intp)]
    folders = cells.property_cells(FOLDER) if hasattr(cells, "property_cells") else \
        [feature.properties.get(FOLDER) for feature in cells]
    if not any(isinstance(folder, str) and folder for folder in folders):
        return None
    groups: dict[tuple[str, ...], list[int]] = {}
    for row, folder in zip(np.asarray(rows).tolist(), folders, strict=True):
        groups.setdefault(folder_path(folder), []).append(row)
    return {path: np.array(members, dtype=np.intp) for path, members in groups.items()}


def hidden_rows(table: FeatureTable, loose: np.ndarray, hidden: frozenset[tuple[str, str]]) -> np.ndarray:
    """A mask of the ``loose`` rows (belonging to no launch) in a hidden folder: only the layers with one are read."""
    rows = np.flatnonzero(loose & table.layer.isin({layer for layer, _ in hidden}))
    result = np.zeros(len(table), dtype=bool)
    for layer, members in (table.groups(table.layer, rows) if len(rows) else {}).items():
        for path, inside in (by_folder(table, members) or {}).items():
            if in_hidden_folder(layer, folder_key(path), hidden):
                result[inside] = True
    return result
