"""The cells of the ``features`` layer of a GeoPackage launchmap writes, a column at a time: features held as objects
read one by one (`map` over them), a plain layer's rows (`LayerRun`) read from its columns, making no `Feature`.

Columns: ``feature_id``, the shown properties (`FEATURE_COLUMNS`), ``properties`` (JSON of what the columns do not
hold, null when they hold it all), and each row's ``extra`` (foreign members, a geometry as written)."""

from __future__ import annotations

from collections.abc import Mapping
from itertools import chain, repeat
from operator import attrgetter
from types import NoneType
from typing import Any

import numpy as np

from viewer.io.formats.gpkg.columns import FEATURE_COLUMNS, KEPT_AS
from viewer.io.formats.gpkg.json_cells import json_each
from viewer.model.bundle_features import RowFeatures
from viewer.model.feature import Feature
from viewer.model.json_rows import JsonColumns
from viewer.model.layer_run import LayerRun

# Each order of keys the columns alone give back (the shown ones present, in column order).
SHOWN_ORDERS = {tuple(k for i, k in enumerate(FEATURE_COLUMNS) if mask >> i & 1)
                for mask in range(2 ** len(FEATURE_COLUMNS))}
JSON_BATCH = 10_000  # features whose properties are encoded in one call
NAMES = ("feature_id", *FEATURE_COLUMNS, "properties", "extra")


class Part:
    """Some rows' cells: ``columns`` (all but ``extra``, in `NAMES` order) and ``extras``; ``fitting``: every shown
    cell was seen to fit a GeoPackage text column."""

    def __init__(self, columns: list[list[Any]], extras: list[dict[str, Any] | None], fitting: bool):
        self.columns, self.extras, self.fitting = columns, extras, fitting


def feature_cells(features: Mapping[str, Feature]) -> Part:
    """The cells of every feature, in order."""
    if not isinstance(features, RowFeatures):
        return _of_features(list(features.values()))
    parts = [_of_run(segment) if isinstance(segment, LayerRun) else _of_features(list(segment.values()))
             for segment in features.segments()]
    if len(parts) == 1:
        return parts[0]
    columns: list[list[Any]] = [list(chain.from_iterable(part.columns[at] for part in parts))
                                for at in range(len(NAMES) - 1)]
    return Part(columns, list(chain.from_iterable(part.extras for part in parts)), all(p.fitting for p in parts))


def _of_features(features: list[Feature]) -> Part:
    """The cells of features held as objects, a column at a time (`map` over them, not a Python loop per feature):
    a million rows of lists and dicts cost as much memory again as the bundle."""
    properties = list(map(attrgetter("properties"), features))
    columns = [list(map(attrgetter("id"), features))]
    # The usual layer: every property a text. One join both checks that (TypeError otherwise) and gives the text
    # whose ASCII-ness says that every cell fits a GeoPackage text column; then nothing is checked cell by cell.
    try:
        texts = "".join(chain.from_iterable(map(dict.values, properties)))
        all_text, plain = True, texts.isascii() and "\x00" not in texts
        del texts
    except TypeError:
        all_text = plain = False
    for key in FEATURE_COLUMNS:
        cells = list(map(dict.get, properties, repeat(key)))
        if not all_text and set(map(type, cells)) - {str, NoneType}:  # a number or list: the JSON holds it
            cells = [cell if isinstance(cell, str) else None for cell in cells]
        columns.append(cells)
    # The ``properties`` JSON holds what the columns do not; a shown property stays in it as null, holding its
    # place so the order comes back as it was. Left null when the columns say it all (the reader makes the
    # same dict from them: the shown keys in column order, text values).
    orders = list(map(tuple, properties))
    rows = [] if set(orders) <= SHOWN_ORDERS else \
        [row for row, keys in enumerate(orders) if keys not in SHOWN_ORDERS]
    del orders
    if not all_text:
        rows = sorted({*rows, *(row for row, values in enumerate(properties)
                                if not all(v.__class__ is str for v in values.values()))})
    columns.append(_rests(len(features), rows, properties.__getitem__))
    extras: list[dict[str, Any] | None] = list(map(attrgetter("extra_if_any"), features))
    for row, source in enumerate(map(attrgetter("source_geometry"), features)):
        if source is not None and (set(source) - {"type", "coordinates", "geometries"} or _beyond_xyz(source)):
            # Foreign members have no place in WKB; nor has a 4th number per position (RFC 7946 allows it): a
            # layer of mixed types cannot be declared XYZM through pyogrio, so GDAL would drop M. Other GIS tools
            # read X, Y, Z; launchmap reads the positions back whole from here.
            extras[row] = {**(extras[row] or {}), f"{KEPT_AS}geometry": source}
    return Part(columns, extras, plain)


def _of_run(run: LayerRun) -> Part:
    """The cells of a plain layer's rows (removed ones left out) from its columns; a row changed since read (kept)
    from its feature. No `Feature` is made, and a row's properties dict only where the JSON needs it."""
    rows = run.rows()
    listed = rows.tolist()
    layer = run.columns
    whole = len(listed) == layer.size
    names = layer.names
    optional: frozenset[str] | None = layer.optional if isinstance(layer, JsonColumns) else None
    columns: list[list[Any]] = [run.ids(rows)]
    for key in FEATURE_COLUMNS:
        cells = layer.by_name.get(key)
        if cells is None:
            columns.append([None] * len(listed))
            continue
        cells = list(cells) if whole else [cells[row] for row in listed]
        if set(map(type, cells)) - {str, NoneType}:  # a number or list: the JSON holds it
            cells = [cell if isinstance(cell, str) else None for cell in cells]
        columns.append(cells)
    # A row's properties are its cells in column order: non-null ones (a GeoPackage's), or all but null optional
    # ones (a GeoJSON's, whose nulls are values). The columns alone give them back when every name is a shown one
    # in column order (so is any row's subset of them) and every value is a text.
    texts_only = tuple(names) in SHOWN_ORDERS
    needed = np.zeros(len(listed), dtype=bool) if texts_only else np.ones(len(listed), dtype=bool)
    if texts_only:
        for name, cells in zip(names, layer.columns, strict=True):
            keep_null = optional is not None and name not in optional
            not_text = [not (cell.__class__ is str or (cell is None and not keep_null)) for cell in
                        (cells if whole else [cells[row] for row in listed])]
            needed |= np.array(not_text, dtype=bool)
    needing = np.flatnonzero(needed).tolist()
    columns.append(_rests(len(listed), needing, lambda at: layer.row(listed[at])))
    extras: list[dict[str, Any] | None] = [None] * len(listed)
    kept = run.kept()
    if kept:
        changed = sorted(kept)
        held = _of_features([kept[row] for row in changed])
        for at, position in enumerate(np.searchsorted(rows, changed).tolist()):
            for column, cells in zip(columns, held.columns, strict=True):
                column[position] = cells[at]
            extras[position] = held.extras[at]
    return Part(columns, extras, False)


def _rests(count: int, rows: list[int], properties_of: Any) -> list[Any]:
    """The ``properties`` JSON of ``rows`` (``properties_of(row)`` their dicts), null for the others; encoded a batch
    at a time, each row's dict let go once encoded."""
    rests: list[Any] = [None] * count
    for start in range(0, len(rows), JSON_BATCH):
        batch = rows[start:start + JSON_BATCH]
        shown = [{k: None if k in FEATURE_COLUMNS and isinstance(v, str) else v for k, v in properties_of(row).items()}
                 for row in batch]
        for row, text in zip(batch, json_each(shown), strict=True):
            rests[row] = text
    return rests


def _beyond_xyz(source: dict[str, Any]) -> bool:
    """Whether a GeoJSON geometry as read has a position of more than three numbers."""
    stack: list[Any] = [source.get("coordinates"), *(g for g in source.get("geometries") or () if isinstance(g, dict))]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend((value.get("coordinates"), *(value.get("geometries") or ())))
        elif isinstance(value, list) and value:
            if not isinstance(value[0], list):
                if len(value) > 3:
                    return True
            else:
                stack.extend(value)
    return False
