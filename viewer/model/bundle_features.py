"""A bundle's features by id when some are a plain layer's rows (`LayerRun`): a mapping that makes a row's `Feature`
when asked for, and a read-only one over several bundles' features."""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, Mapping, MutableMapping, ValuesView
from itertools import chain
from operator import attrgetter
from typing import Any

import numpy as np

from viewer.model.feature import Feature
from viewer.model.feature_column import FeatureColumn
from viewer.model.feature_rows import LayerColumns
from viewer.model.feature_table import FeatureTable
from viewer.model.layer_run import CHUNK, LayerRun


class _Values(ValuesView):
    def __iter__(self) -> Iterator[Feature]:
        return self._mapping.each()  # type: ignore[attr-defined]


class _Items(ItemsView):
    def __iter__(self) -> Iterator[tuple[str, Feature]]:
        return self._mapping.each_item()  # type: ignore[attr-defined]


class RowFeatures(MutableMapping[str, Feature]):
    """Features by id, as a dict holds them (in order; a new id goes last, a replaced one keeps its place), where
    runs of a plain layer's rows are kept as columns (`LayerRun`) and their features made when asked for: loading a
    million points makes no `Feature`. A feature changed after it was made is kept (see `RowFeature`); reading
    `values` makes each in turn and keeps none.

    Held as segments in order: dicts of features given one by one, and runs."""

    __slots__ = ("_segments",)

    def __init__(self, features: Mapping[str, Feature] | None = None):
        self._segments: list[dict[str, Feature] | LayerRun] = [dict(features)] if features else []

    def add_rows(self, columns: LayerColumns, geometries: np.ndarray, prefix: str = "",
                 fids: np.ndarray | None = None, ids: list[str] | None = None) -> None:
        """Add a plain layer's batch (ids ``prefix`` + fid, or ``ids``: none of them held yet), after the last batch
        of the same layer when it can join it."""
        last = self._segments[-1] if self._segments else None
        if not (isinstance(last, LayerRun) and last.extend(columns, geometries, prefix, fids, ids)):
            self._segments.append(LayerRun(columns, geometries, prefix, fids, ids))

    def copy(self) -> RowFeatures:
        """A mapping of the same features in containers of its own (a run's cells and geometries shared: they never
        change), made without making any feature."""
        twin = RowFeatures()
        twin._segments = [dict(segment) if isinstance(segment, dict) else segment.copy() for segment in self._segments]
        return twin

    def geometries(self) -> np.ndarray:
        """Every feature's geometry in order (an object array), a run's read from its geometry array: none is made."""
        parts = []
        for segment in self._segments:
            if isinstance(segment, dict):
                parts.append(np.fromiter(map(attrgetter("geometry"), segment.values()), dtype=object,
                                         count=len(segment)))
                continue
            rows = segment.rows()
            part = segment.geometries[rows]
            for row, feature in segment.kept().items():
                part[np.searchsorted(rows, row)] = feature.geometry
            parts.append(part)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=object)

    def held(self) -> Iterator[Feature]:
        """The features held as objects, in order: those given one by one and a run's rows changed since read (the only
        ones that can hold citations, claims, foreign members or a geometry as written)."""
        for segment in self._segments:
            if isinstance(segment, dict):
                yield from segment.values()
            else:
                kept = segment.kept()
                yield from (kept[row] for row in sorted(kept))

    def segments(self) -> list[dict[str, Feature] | LayerRun]:
        """What it holds, in order: dicts of features given one by one, and runs."""
        return list(self._segments)

    def runs(self) -> list[LayerRun]:
        return [segment for segment in self._segments if isinstance(segment, LayerRun)]

    def _find(self, key: Any) -> tuple[dict[str, Feature] | LayerRun, int] | None:
        for segment in self._segments:
            if isinstance(segment, dict):
                if key in segment:
                    return segment, 0
            else:
                row = segment.row_of(key)
                if segment.has(row):
                    return segment, row
        return None

    def __getitem__(self, key: str) -> Feature:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        segment, row = found
        return segment[key] if isinstance(segment, dict) else segment.feature(row)

    def __contains__(self, key: object) -> bool:
        return self._find(key) is not None

    def __setitem__(self, key: str, feature: Feature) -> None:
        feature._home = None  # held here from now on, whatever run it was made from
        found = self._find(key)
        if found is not None:
            segment, row = found
            if isinstance(segment, dict):
                segment[key] = feature
            else:
                segment.keep(row, feature)
            return
        last = self._segments[-1] if self._segments else None
        if not isinstance(last, dict):
            last = {}
            self._segments.append(last)
        last[key] = feature

    def __delitem__(self, key: str) -> None:
        found = self._find(key)
        if found is None:
            raise KeyError(key)
        segment, row = found
        if isinstance(segment, dict):
            del segment[key]
        else:
            segment.drop(row)

    def pop(self, key: str, *default: Any) -> Any:
        try:
            feature = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        feature._home = None  # no row of the layer any more: a later change keeps nothing there
        return feature

    def clear(self) -> None:
        self._segments = []

    def __iter__(self) -> Iterator[str]:
        for segment in self._segments:
            if isinstance(segment, dict):
                yield from segment
            else:
                yield from segment.ids(segment.rows())

    def __len__(self) -> int:
        return sum(map(len, self._segments))

    def each(self) -> Iterator[Feature]:
        """Every feature in order, a run's made a few thousand at a time and kept by none of this."""
        return chain.from_iterable(segment.values() if isinstance(segment, dict) else segment.each()
                                   for segment in self._segments)

    def each_item(self) -> Iterator[tuple[str, Feature]]:
        return chain.from_iterable(segment.items() if isinstance(segment, dict) else _run_items(segment)
                                   for segment in self._segments)

    def values(self) -> _Values:
        return _Values(self)

    def items(self) -> _Items:
        return _Items(self)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return len(self) == len(other) and all(key in other and other[key] == value for key, value in self.items())

    def __repr__(self) -> str:
        return f"RowFeatures({len(self)} features)"

    def table(self) -> FeatureTable:
        """The `FeatureTable` of its features in order: a run's rows read from its columns, not feature by feature."""
        parts = [FeatureTable.of(list(segment.values())) if isinstance(segment, dict) else table_of_run(segment)
                 for segment in self._segments]
        return FeatureTable.concatenated(parts) if parts else FeatureTable.of([])


def _run_items(run: LayerRun) -> Iterator[tuple[str, Feature]]:
    rows = run.rows()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start:start + CHUNK]
        yield from zip(run.ids(chunk), run.features(chunk), strict=True)


def table_of_run(run: LayerRun) -> FeatureTable:
    """The table of a run's rows (removed ones left out), from its columns; rows changed since read (kept) from their
    features."""
    rows = run.rows()
    kept = run.kept()
    if not kept:
        return FeatureTable.of_columns(run, rows)
    changed = np.fromiter(sorted(kept), dtype=np.intp, count=len(kept))
    as_read = rows[~np.isin(rows, changed)]
    whole = FeatureTable.concatenated([FeatureTable.of_columns(run, as_read),
                                       FeatureTable.of([kept[row] for row in changed.tolist()])])
    whole = whole.taking(np.argsort(np.concatenate([as_read, changed]), kind="stable"))
    # Its features stay the run's rows (a kept one is what its row gives): the same column as before the edit, so a
    # drawing of the same rows is known to show the same features (`same_features`) without reading them.
    whole.features = FeatureColumn.of_run(run, rows)
    return whole


class MergedFeatures(Mapping[str, Feature]):
    """Several bundles' features as one read-only mapping (the first holding an id wins), made of none of them."""

    __slots__ = ("_disjoint", "parts")

    def __init__(self, parts: list[Mapping[str, Feature]]):
        self.parts = parts
        self._disjoint: bool | None = None

    def __getitem__(self, key: str) -> Feature:
        for part in self.parts:
            if key in part:
                return part[key]
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return any(key in part for part in self.parts)

    def disjoint(self) -> bool:
        """Whether no two parts hold the same id (the workspace refuses a file whose ids clash)."""
        if self._disjoint is None:
            # each part's ids looked up in the larger parts after it: the largest's are never read (a small file
            # opened beside a 400,000-line layer read all its ids, ~1 s)
            parts = sorted(self.parts, key=len)
            self._disjoint = all(not any(key in later for key in part for later in parts[number + 1:])
                                 for number, part in enumerate(parts[:-1]))
        return self._disjoint

    def __iter__(self) -> Iterator[str]:
        if self.disjoint():
            return chain.from_iterable(self.parts)
        return iter(dict.fromkeys(chain.from_iterable(self.parts)))

    def __len__(self) -> int:
        return sum(map(len, self.parts)) if self.disjoint() else len(dict.fromkeys(chain.from_iterable(self.parts)))

    def each(self) -> Iterator[Feature]:
        return (feature for _, feature in self.each_item())

    def each_item(self) -> Iterator[tuple[str, Feature]]:
        if not self.disjoint():
            return ((key, self[key]) for key in self)
        return chain.from_iterable(part.items() for part in self.parts)

    def values(self) -> _Values:
        return _Values(self)

    def items(self) -> _Items:
        return _Items(self)

    def __repr__(self) -> str:
        return f"MergedFeatures({len(self)} features)"



def shared_ids(first: Mapping[str, Feature], second: Mapping[str, Feature]) -> set[str]:
    """The ids both hold: the smaller one's ids looked up in the larger (a plain layer's are made only to look)."""
    small, large = (first, second) if len(first) <= len(second) else (second, first)
    return {key for key in small if key in large}


def geometries_of(features: Mapping[str, Feature]) -> np.ndarray:
    """The features' geometries in order, as an object array (a plain layer's read from its runs, no feature made)."""
    if isinstance(features, RowFeatures):
        return features.geometries()
    return np.fromiter(map(attrgetter("geometry"), features.values()), dtype=object, count=len(features))


def copied(features: MutableMapping[str, Feature]) -> MutableMapping[str, Feature]:
    """The features in a container of their own (a dict's copy; a plain layer's rows without making them)."""
    return features.copy() if isinstance(features, RowFeatures) else dict(features)
