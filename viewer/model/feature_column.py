"""A table's features as a column: each row a feature held (an object) or a row of a plain layer's `LayerRun`,
made when asked for, so that a table of a million rows holds no million `Feature`s."""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from viewer.model.feature import Feature
    from viewer.model.layer_run import LayerRun

CHUNK = 4096  # features made at a time by a pass over many


class FeatureColumn(Sequence["Feature"]):
    """The features of some rows, as numpy's object arrays are read: ``column[i]`` is a feature, ``column[rows]``
    (row numbers, a mask or a slice) the column of those rows, `tolist` the features as a list.

    ``sources`` are object arrays of features or `LayerRun`s; ``source`` says each row's (None: all the first) and
    ``row`` its row there (None: row i is row i)."""

    __slots__ = ("row", "source", "sources")

    def __init__(self, sources: list[Any], source: np.ndarray | None, row: np.ndarray | None):
        self.sources, self.source, self.row = sources, source, row

    @classmethod
    def of_objects(cls, features: np.ndarray) -> FeatureColumn:
        """A column of features held as objects (an object array)."""
        return cls([features], None, None)

    @classmethod
    def of_run(cls, run: LayerRun, rows: np.ndarray) -> FeatureColumn:
        """A column of a run's ``rows``, made when asked for."""
        return cls([run], None, np.asarray(rows, dtype=np.int32))

    @classmethod
    def concatenated(cls, columns: Sequence[FeatureColumn]) -> FeatureColumn:
        if len(columns) == 1:
            return columns[0]
        sources: list[Any] = []
        numbers: dict[int, int] = {}
        source_parts, row_parts = [], []
        for column in columns:
            remap = np.array([numbers.setdefault(id(s), len(numbers)) for s in column.sources], dtype=np.int16)
            for s in column.sources:
                if numbers[id(s)] == len(sources):
                    sources.append(s)
            source_parts.append(remap[column._sources()] if len(remap) else column._sources())
            row_parts.append(column._rows())
        if not columns:
            return cls([np.zeros(0, dtype=object)], None, None)
        source = np.concatenate(source_parts)
        return cls(sources, None if len(sources) == 1 else source, np.concatenate(row_parts))

    def _sources(self) -> np.ndarray:
        return np.zeros(len(self), dtype=np.int16) if self.source is None else self.source

    def _rows(self) -> np.ndarray:
        if self.row is not None:
            return self.row
        return np.arange(len(self.sources[0]), dtype=np.int32)

    def __len__(self) -> int:
        if self.row is not None:
            return len(self.row)
        return len(self.sources[0])

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int | np.integer):
            if index < 0:
                index += len(self)
            source = self.sources[0 if self.source is None else self.source[index]]
            row = int(index if self.row is None else self.row[index])
            return source[row] if isinstance(source, np.ndarray) else source.feature(row)
        if self.row is None and self.source is None and isinstance(self.sources[0], np.ndarray):
            return FeatureColumn([self.sources[0][index]], None, None)  # objects: numpy takes them
        return FeatureColumn(self.sources, None if self.source is None else self.source[index], self._rows()[index])

    def objects(self) -> np.ndarray:
        """Every row's feature as an object array (made now where they are rows of a run)."""
        if self.row is None and self.source is None and isinstance(self.sources[0], np.ndarray):
            return self.sources[0]
        result = np.empty(len(self), dtype=object)
        rows = self._rows()
        for number, source in enumerate(self.sources):
            at = slice(None) if self.source is None else np.flatnonzero(self.source == number)
            if isinstance(source, np.ndarray):
                result[at] = source[rows[at]]
            else:
                made = source.features(rows[at])
                result[at] = np.fromiter(made, dtype=object, count=len(made))
        return result

    def tolist(self) -> list[Feature]:
        return self.objects().tolist()

    def __iter__(self) -> Iterator[Feature]:
        if self.row is None and self.source is None and isinstance(self.sources[0], np.ndarray):
            return iter(self.sources[0])
        return (feature for start in range(0, len(self), CHUNK) for feature in self[start:start + CHUNK].tolist())

    def held(self) -> np.ndarray:
        """A boolean mask of the rows whose feature is an object already (held, or a run's row changed since read):
        the only ones that can hold anything not in their layer's columns (citations, claims)."""
        result = np.zeros(len(self), dtype=bool)
        rows = self._rows()
        for number, source in enumerate(self.sources):
            at = np.ones(len(self), dtype=bool) if self.source is None else self.source == number
            if isinstance(source, np.ndarray):
                result |= at
            elif source.kept():
                result |= at & np.isin(rows, np.fromiter(source.kept(), dtype=np.int64))
        return result

    def property_cells(self, key: str) -> list[Any]:
        """Each row's ``key`` property (None where it has none), read from a run's column where it has one, without
        making its features (a changed row's from its feature)."""
        result = np.empty(len(self), dtype=object)
        rows = self._rows()
        for number, source in enumerate(self.sources):
            at = np.arange(len(self)) if self.source is None else np.flatnonzero(self.source == number)
            if isinstance(source, np.ndarray):
                result[at] = [feature.properties.get(key) for feature in source[rows[at]].tolist()]
                continue
            cells = source.columns.by_name.get(key)
            kept = source.kept()
            if not kept:  # a layer as read: its column's cells, or none (the usual: no such column)
                if cells is not None:
                    result[at] = [cells[row] for row in rows[at].tolist()]
                continue
            for position, row in zip(at.tolist(), rows[at].tolist(), strict=True):
                result[position] = kept[row].properties.get(key) if row in kept else \
                    None if cells is None else cells[row]
        return result.tolist()

    def cells_of(self, keys: tuple[str, ...]) -> list[tuple[Any, ...] | None]:
        """Each row's values of ``keys`` (a tuple), None for a row that has none of them: a run's from its columns
        (all None at once when it has none of them), a held feature's only when its properties name one (a set
        test per feature, not a lookup per key)."""
        result: list[tuple[Any, ...] | None] = [None] * len(self)
        wanted = frozenset(keys)
        rows = self._rows()
        for number, source in enumerate(self.sources):
            at = np.arange(len(self)) if self.source is None else np.flatnonzero(self.source == number)
            if isinstance(source, np.ndarray):
                held = source[rows[at]].tolist()
                plain = np.fromiter(map(wanted.isdisjoint, map(operator.attrgetter("properties"), held)), dtype=bool,
                                    count=len(held))  # at C speed: a million features' keys in ~0.1 s
                for number_in in np.flatnonzero(~plain).tolist():
                    properties = held[number_in].properties
                    result[int(at[number_in])] = tuple(properties.get(key) for key in keys)
                continue
            columns = [source.columns.by_name.get(key) for key in keys]
            kept = source.kept()
            if not kept and all(column is None for column in columns):
                continue
            for position, row in zip(at.tolist(), rows[at].tolist(), strict=True):
                if row in kept:
                    properties = kept[row].properties
                    cells = tuple(properties.get(key) for key in keys)
                else:
                    cells = tuple(None if column is None else column[row] for column in columns)
                if any(cell is not None for cell in cells):
                    result[position] = cells
        return result

    def name_layer(self, layer: str | None) -> None:
        """Give every feature of these rows source layer ``layer`` (`Feature.layer`): a run's rows get it when made."""
        rows = self._rows()
        for number, source in enumerate(self.sources):
            at = slice(None) if self.source is None else np.flatnonzero(self.source == number)
            if isinstance(source, np.ndarray):
                for feature in source[rows[at]].tolist():
                    feature.layer = layer
            else:
                source.layer = layer
                kept = source.kept()
                for row in rows[at].tolist() if kept else ():
                    if row in kept:
                        kept[row].layer = layer


def same_features(first: Sequence[Feature], second: Sequence[Feature]) -> bool | None:
    """Whether two columns are the same features, row for row, when that can be told from their sources and row
    numbers (a run's row is one feature however often it is made, or kept once changed); None when it cannot (then
    compare the features themselves)."""
    if not (isinstance(first, FeatureColumn) and isinstance(second, FeatureColumn)):
        return None
    if len(first) != len(second):
        return False
    if len(first.sources) == len(second.sources) and all(map(operator.is_, first.sources, second.sources)):
        return bool(np.array_equal(first._sources(), second._sources())
                    and np.array_equal(first._rows(), second._rows()))
    # Other lists of sources (a file opened or closed beside: the workspace's table made again): each row's source
    # told by identity. A layer's features compared one by one made all 400,000 of a plain layer's.
    numbers = {id(source): number for number, source in enumerate(second.sources)}
    remap = np.array([numbers.get(id(source), -1) for source in first.sources], dtype=np.int32)
    sources = remap[first._sources()]
    if (sources < 0).any():
        return None
    return bool(np.array_equal(sources, second._sources()) and np.array_equal(first._rows(), second._rows()))
