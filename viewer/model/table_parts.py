"""A merged table's files (`FeatureTable.parts`): what is worked out over all the rows of one file's table is kept
with that table (`FeatureTable.kept`) and joined for the tables made of it, so a file opened beside a large layer is
not worked out over the large layer's rows again (its looks, the legend's counts, the layer tree's groups)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from viewer.model.table_rows import every_row

if TYPE_CHECKING:
    from viewer.model.feature_table import FeatureTable

Result = TypeVar("Result")


def pieces(table: FeatureTable, rows: np.ndarray | None, key: str,
           make: Callable[[FeatureTable, np.ndarray], Result]) -> list[tuple[int, Result]]:
    """(first row, ``make(part, its rows)``) of each table ``table`` is made of (down to those made of no others)
    holding some of ``rows`` (row numbers, ascending; None: all), in order; a part all of whose rows are asked for
    gives what it keeps under ``key`` (made over all its rows once). Rows not ascending: ``make`` of the table's rows
    as given."""
    split = _split(table, rows)
    if split is None:
        if rows is None or every_row(rows, len(table)):
            return [(0, table.kept(key, lambda: make(table, np.arange(len(table)))))]
        return [(0, make(table, rows))]
    found: list[tuple[int, Result]] = []
    for part, local, start in split:
        found += [(start + first, result) for first, result in pieces(part, local, key, make)]
    return found


def _split(table: FeatureTable, rows: np.ndarray | None) -> list[tuple[FeatureTable, np.ndarray | None, int]] | None:
    """(part, its rows among ``rows`` counted from its first, or None for all of them, the row it starts at) of each
    part holding some; None for a table of no parts, or rows not ascending."""
    if not table.parts:
        return None
    starts = table.starts
    if rows is None:
        return [(part, None, int(start)) for part, start in zip(table.parts, starts.tolist(), strict=False)]
    rows = np.asarray(rows, dtype=np.intp)
    if len(rows) > 1 and not bool((rows[1:] > rows[:-1]).all()):
        return None
    bounds = np.searchsorted(rows, starts).tolist()
    # (as many rows as the part has, ascending and within it: all of its rows, in order, told without a pass)
    return [(part, None if bounds[at + 1] - bounds[at] == len(part) else
             rows[bounds[at]:bounds[at + 1]] - int(starts[at]), int(starts[at]))
            for at, part in enumerate(table.parts) if bounds[at + 1] > bounds[at]]


def joined_codes(found: list[tuple[int, tuple[np.ndarray, list[Any]]]]) -> tuple[np.ndarray, list[Any]]:
    """Codes into values met in order (each piece's values in the order first met in it, every one met), joined as
    codes into the values of all, in the order first met: what the same coding of all the rows gives."""
    if len(found) == 1:
        return found[0][1]
    index: dict[Any, int] = {}
    joined = []
    for _, (codes, values) in found:
        remap = np.fromiter((index.setdefault(value, len(index)) for value in values), dtype=np.int32,
                            count=len(values))
        joined.append(remap[codes] if len(values) else codes)
    return (np.concatenate(joined) if joined else np.zeros(0, dtype=np.int32)), list(index)


def grouped(table: FeatureTable, name: str, rows: np.ndarray) -> dict[Any, np.ndarray]:
    """`FeatureTable.groups` of the table's column ``name`` (kind, event or layer) and ``rows``: each file's groups
    of all its rows kept with its table (32-bit rows, read-only), joined."""
    found = pieces(table, rows, f"groups {name}", partial(_grouped, name=name))
    if len(found) == 1 and found[0][0] == 0:
        return found[0][1]
    joined: dict[Any, list[np.ndarray]] = {}
    for first, groups in found:
        for value, members in groups.items():
            joined.setdefault(value, []).append(np.add(members, first, dtype=np.intp))
    position = {value: at for at, value in enumerate(getattr(table, name).values)}  # in the column's order
    return {value: np.concatenate(parts) if len(parts) > 1 else parts[0]
            for value, parts in sorted(joined.items(), key=lambda item: position.get(item[0], len(position)))}


def _grouped(table: FeatureTable, rows: np.ndarray, name: str) -> dict[Any, np.ndarray]:
    groups = table.grouped_afresh(getattr(table, name), rows)
    for value, members in groups.items():
        groups[value] = members = members.astype(np.int32) if len(table) < 1 << 31 else members
        members.flags.writeable = False
    return groups


def values_met(table: FeatureTable, key: str, rows: np.ndarray) -> list[Any]:
    """The values of the table's coded column ``key`` (`FeatureTable.coded`) among ``rows``, in the order first met:
    each file's of all its rows kept with its table, joined."""
    found = pieces(table, rows, f"met {key}", partial(_met, key=key))
    return list(dict.fromkeys(value for _, values in found for value in values)) if len(found) > 1 else \
        list(found[0][1]) if found else []


def _met(table: FeatureTable, rows: np.ndarray, key: str) -> tuple[Any, ...]:
    column = table.coded(key)
    codes = column.codes[np.asarray(rows, dtype=np.intp)]
    if not len(codes):
        return ()
    firsts = np.sort(np.unique(codes, return_index=True)[1])
    return tuple(column.values[code] for code in codes[firsts].tolist())
