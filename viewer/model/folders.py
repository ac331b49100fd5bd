"""A file's folders (a KML's, as Google Earth shows them): each feature's folder path is its ``folder`` property
(``Document / Sites / Old pads``), which the layer tree shows as nested groups and `Filters` hides by.

The names are joined with " / "; a "/" within a name is written "//" (`folder_key`), so that no name changes the
tree: a folder named "Routes / 2023" is one folder, ``Routes // 2023``, not "2023" inside "Routes". Every "/" a name
holds is doubled, so the separator is the only lone "/" between spaces and reading a path back is exact."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from viewer.model.feature_table import FeatureTable

FOLDER = "folder"
SEPARATOR = " / "
SLASH, WRITTEN_SLASH = "/", "//"  # a "/" within a folder's name, and as the path writes it


def folder_path(folder: object) -> tuple[str, ...]:
    """A feature's folder path as its folders' names, outermost first; () for none. The inverse of `folder_key`."""
    if not isinstance(folder, str) or not folder:
        return ()
    return tuple(name.replace(WRITTEN_SLASH, SLASH) for name in folder.split(SEPARATOR))


def folder_key(path: tuple[str, ...] | list[str]) -> str:
    """The folder path written as a feature's ``folder`` property: the names joined with " / ", each "/" within a
    name doubled."""
    return SEPARATOR.join(name.replace(SLASH, WRITTEN_SLASH) for name in path)


def in_hidden_folder(layer: str, folder: object, hidden: frozenset[tuple[str, str]]) -> bool:
    """Whether a feature of ``layer`` in ``folder`` lies in one of the ``hidden`` folders or below one."""
    path = folder_path(folder)
    return any((layer, folder_key(path[:depth])) in hidden for depth in range(1, len(path) + 1))


def by_folder(table: FeatureTable, rows: np.ndarray) -> dict[tuple[str, ...], np.ndarray] | None:
    """The ``rows`` (of ``table``) in each folder path, paths in the order first met; None when none is in one.
    From the table's coded folder column (read once per table), so a file opened beside a large layer reads no
    large layer's features again."""
    column = table.coded(FOLDER)
    paths: dict[tuple[str, ...], int] = {}
    path_of_value = np.fromiter((paths.setdefault(folder_path(folder), len(paths)) for folder in column.values),
                                dtype=np.intp, count=len(column.values))
    if not len(rows) or list(paths) in ([], [()]):  # no feature of the table is in a folder
        return None
    rows = np.asarray(rows, dtype=np.intp)
    path_of = path_of_value[column.codes[rows]]
    if () in paths and (path_of == paths[()]).all():  # none of these rows is
        return None
    met = np.unique(path_of, return_index=True)[1]
    listed = list(paths)
    return {listed[code]: rows[path_of == code] for code in path_of[np.sort(met)].tolist()}


def hidden_rows(table: FeatureTable, loose: np.ndarray, hidden: frozenset[tuple[str, str]]) -> np.ndarray:
    """A mask of the ``loose`` rows (belonging to no launch) in a hidden folder: only the layers with one are read."""
    rows = np.flatnonzero(loose & table.layer.isin({layer for layer, _ in hidden}))
    result = np.zeros(len(table), dtype=bool)
    for layer, members in (table.groups(table.layer, rows) if len(rows) else {}).items():
        for path, inside in (by_folder(table, members) or {}).items():
            if in_hidden_folder(layer, folder_key(path), hidden):
                result[inside] = True
    return result
