"""Features' geometries and objects as arrays, read from their bundle's table's columns when they are rows of it (as
the canvas passes them), else from the features one by one."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

import numpy as np

from viewer.model.feature import Feature
from viewer.model.feature_table import FeatureColumn, columns_of
from viewer.model.table_rows import every_row

_get_geometry = attrgetter("geometry")


def geometries_of(features: Iterable[Feature]) -> np.ndarray:
    """The features' geometries as an object array: read from their bundle's table when they are rows of it, as the
    canvas passes them (a million features' attributes took ~0.15 s a pass)."""
    found = columns_of(features) if isinstance(features, list) else None
    if found is not None:
        table, rows = found
        # (the table's own array when every row: never changed)
        return table.geometries if every_row(rows, len(table)) else table.geometries[rows]
    features = features if isinstance(features, list | tuple) else list(features)
    return np.fromiter(map(_get_geometry, features), dtype=object, count=len(features))


def objects_of(features: list[Feature] | tuple[Feature, ...]) -> np.ndarray | FeatureColumn:
    """The features as an object array, or their table's column when they are rows of one (no pass over them, no
    feature made: a plain layer's are made when read)."""
    found = columns_of(features) if isinstance(features, list) else None
    if found is not None:
        table, rows = found
        return table.features if every_row(rows, len(table)) else table.features[rows]
    return np.fromiter(features, dtype=object, count=len(features))
