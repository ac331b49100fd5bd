"""A plain layer's rows kept as columns (ids, geometries, cells), each row's `Feature` made only when asked for."""

from __future__ import annotations

import copy
import weakref
from collections.abc import Iterator
from itertools import repeat
from typing import Any

import numpy as np

from viewer.model.feature import Feature
from viewer.model.feature_rows import LayerColumns

CHUNK = 4096  # rows made at a time when many are read in turn: a pass over a million keeps a few thousand


_MEMBERS = [slot for slot in Feature.__slots__ if slot not in ("__weakref__", "_home")]


class RowFeature(Feature):
    """A feature of a plain layer made from its `LayerRun` when asked for, and let go when no longer used: a layer of
    a million points holds no million objects. The first change to it (any attribute set but ``layer``, which the
    workspace gives, or its properties dict made, which is what edits change) keeps it in its run for good, so an
    edit is never lost and every later lookup returns it."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        home = self._home
        if home is not None and name != "layer":
            object.__setattr__(self, "_home", None)
            home.keep(self._row, self)

    def __copy__(self) -> Feature:
        """A plain `Feature` with the same members (a copy is no row of the layer: changing it keeps nothing)."""
        twin = Feature.__new__(Feature)
        for slot in _MEMBERS:
            object.__setattr__(twin, slot, getattr(self, slot))
        twin._home = None
        return twin

    def __deepcopy__(self, memo: dict) -> Feature:
        twin = Feature.__new__(Feature)
        memo[id(self)] = twin
        for slot in _MEMBERS:
            object.__setattr__(twin, slot, copy.deepcopy(getattr(self, slot), memo))
        twin._home = None
        return twin

    def __reduce__(self) -> Any:
        return self.__copy__().__reduce_ex__(2)


def _row_features(run: LayerRun, ids: list[str], geometries: list[Any], layers: list[Any],
                  rows: list[int]) -> list[Feature]:
    unset = repeat(None)
    made = list(map(Feature, ids, geometries, unset, unset, unset, unset, unset, layers, repeat(run.columns), rows))
    for feature in made:  # set before the class changes: RowFeature keeps itself on any later change
        feature._home = run
        feature.__class__ = RowFeature
    return made


class LayerRun:
    """Rows of one plain layer (all its batches, in order): its cells (`LayerColumns`), its geometries (an object
    array) and its ids, either ``prefix`` + fid (a GeoPackage layer's ``file#layer/fid``, made when asked) or a list.

    A feature is made from its row when asked for (`feature`); one changed since is kept (`keep`) and returned from
    then on; a removed row is left out (`drop`). ``layer`` is the source layer the workspace gives its features that
    belong to no launch (`Feature.layer`)."""

    __slots__ = ("_dropped", "_fid_parts", "_fids", "_geometries", "_geometry_parts", "_ids", "_index", "_kept",
                 "_made", "_order", "columns", "layer", "prefix", "size")

    def __init__(self, columns: LayerColumns, geometries: np.ndarray, prefix: str = "",
                 fids: np.ndarray | None = None, ids: list[str] | None = None):
        if (fids is None) == (ids is None):
            raise ValueError("a run's ids are fids (with a prefix) or a list, one of the two")
        self.columns, self.prefix, self.layer = columns, prefix, None
        self.size = columns.size
        self._geometry_parts: list[np.ndarray] = [geometries]
        self._geometries: np.ndarray | None = None
        self._fid_parts: list[np.ndarray] | None = None if fids is None else [np.asarray(fids, dtype=np.int64)]
        self._fids: np.ndarray | None = None
        self._ids = ids
        self._index: dict[str, int] | None = None
        self._order: np.ndarray | None = None  # the fids' sort order, when they are not ascending
        self._kept: dict[int, Feature] = {}
        # Rows asked for one by one (a lookup by id) and still in use: asked again, the same feature.
        self._made: weakref.WeakValueDictionary[int, Feature] = weakref.WeakValueDictionary()
        self._dropped: set[int] = set()

    def extend(self, columns: LayerColumns, geometries: np.ndarray, prefix: str = "",
               fids: np.ndarray | None = None, ids: list[str] | None = None) -> bool:
        """Add the next batch of the same layer after its rows; False (nothing added) when it cannot join them (other
        columns, or ids of another form)."""
        if (fids is None) != (self._ids is not None) or prefix != self.prefix or self._kept or self._dropped or \
                not self.columns.extend(columns):
            return False
        self.size = self.columns.size
        self._geometry_parts.append(geometries)
        self._geometries = self._fids = self._order = self._index = None
        if fids is not None:
            self._fid_parts.append(np.asarray(fids, dtype=np.int64))  # type: ignore[union-attr]
        else:
            self._ids.extend(ids)  # type: ignore[union-attr,arg-type]
        return True

    def copy(self) -> LayerRun:
        """The same rows with their changes (kept and removed rows) held apart: what is read is shared."""
        twin = LayerRun.__new__(LayerRun)
        for slot in LayerRun.__slots__:
            setattr(twin, slot, getattr(self, slot))
        twin._geometry_parts, twin._fid_parts = [self.geometries], None if self._fids is None and \
            self._fid_parts is None else [self.fids]  # type: ignore[list-item]
        twin._ids = None if self._ids is None else list(self._ids)
        twin._kept, twin._dropped, twin._made = dict(self._kept), set(self._dropped), weakref.WeakValueDictionary()
        return twin

    # -- columns ---------------------------------------------------------------------------------
    @property
    def geometries(self) -> np.ndarray:
        """Each row's geometry as read (an object array; an edited feature holds its own)."""
        if self._geometries is None:
            parts = self._geometry_parts
            self._geometries = parts[0] if len(parts) == 1 else np.concatenate(parts)
            self._geometry_parts = [self._geometries]
        return self._geometries

    @property
    def fids(self) -> np.ndarray | None:
        if self._fids is None and self._fid_parts is not None:
            parts = self._fid_parts
            self._fids = parts[0] if len(parts) == 1 else np.concatenate(parts)
            self._fid_parts = [self._fids]
        return self._fids

    def id_at(self, row: int) -> str:
        return self._ids[row] if self._ids is not None else f"{self.prefix}{int(self.fids[row])}"  # type: ignore[index]

    def ids(self, rows: np.ndarray) -> list[str]:
        if self._ids is not None:
            return [self._ids[row] for row in rows.tolist()]
        return list(map(self.prefix.__add__, map(str, self.fids[rows].tolist())))  # type: ignore[index]

    def row_of(self, key: Any) -> int:
        """The row whose id is ``key`` (removed or not), or -1."""
        if self._ids is not None:
            if self._index is None:
                self._index = {key: row for row, key in enumerate(self._ids)}
            return self._index.get(key, -1)
        prefix = self.prefix
        if key.__class__ is not str or not key.startswith(prefix):
            return -1
        tail = key[len(prefix):]
        try:
            fid = int(tail)
        except ValueError:
            return -1
        if str(fid) != tail:  # '007', '+7', ' 7': not an id made from fid 7
            return -1
        fids = self.fids
        assert fids is not None
        if self._order is None and len(fids) > 1 and not bool((fids[1:] > fids[:-1]).all()):
            self._order = np.argsort(fids, kind="stable")
        ordered = fids if self._order is None else fids[self._order]
        at = int(np.searchsorted(ordered, fid))
        if at >= len(ordered) or int(ordered[at]) != fid:
            return -1
        return at if self._order is None else int(self._order[at])

    def has(self, row: int) -> bool:
        return row >= 0 and row not in self._dropped

    # -- features --------------------------------------------------------------------------------
    def feature(self, row: int) -> Feature:
        """The row's feature: the one kept since a change, else a new one made from its cells."""
        kept = self._kept.get(row)
        if kept is None:
            kept = self._made.get(row)
        if kept is None:
            kept = self._made[row] = self.features(np.array([row]))[0]
        return kept

    def features(self, rows: np.ndarray) -> list[Feature]:
        """The features of ``rows`` (row numbers, in order), made now but those kept."""
        rows = np.asarray(rows, dtype=np.intp)
        events = self.columns.event
        layer = self.layer
        listed = rows.tolist()
        layers = [None if events[row] else layer for row in listed] if layer is not None else [None] * len(listed)
        made = _row_features(self, self.ids(rows), self.geometries[rows].tolist(), layers, listed)
        for held in (self._made, self._kept):  # the features of these rows in use or kept: the same objects
            if held:
                made = [held.get(row, feature) for row, feature in zip(listed, made, strict=True)]
        return made

    def each(self) -> Iterator[Feature]:
        """Its features in order, removed ones left out, made a few thousand at a time."""
        rows = self.rows()
        for start in range(0, len(rows), CHUNK):
            yield from self.features(rows[start:start + CHUNK])

    def rows(self) -> np.ndarray:
        """Its row numbers, removed ones left out."""
        rows = np.arange(self.size)
        if self._dropped:
            rows = np.delete(rows, sorted(self._dropped))
        return rows

    def keep(self, row: int, feature: Feature) -> None:
        """Hold ``feature`` as the row's from now on (a changed feature, or one put in its place); a removed row stays
        removed (a feature taken out of the layer and changed later is no row of it)."""
        if row not in self._dropped:
            self._kept[row] = feature

    def drop(self, row: int) -> None:
        self._dropped.add(row)
        self._kept.pop(row, None)
        self._made.pop(row, None)

    def kept(self) -> dict[int, Feature]:
        """The rows held as features (changed since made), by row number."""
        return self._kept

    def __len__(self) -> int:
        return self.size - len(self._dropped)
