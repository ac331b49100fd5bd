"""A bundle's features as columns (kind, event, certainty, draft, layer, geometry type) of numpy codes, made in one
pass and kept until an edit: what the window's passes over every feature (filters, legend, tree, drawing) read."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter, methodcaller
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from viewer.model.feature_column import FeatureColumn, same_features
from viewer.model.table_rows import FeatureRows, columns_of, every_row

__all__ = ["Coded", "FeatureColumn", "FeatureRows", "FeatureTable", "columns_of", "combined", "same_features"]

if TYPE_CHECKING:
    from viewer.model.feature import Feature
    from viewer.model.feature_rows import LayerColumns
    from viewer.model.layer_run import LayerRun

DRAFT_PROPERTY = "draft"  # the property ingest sets on every feature it drafted
PAINT = "\0paint"  # `FeatureTable.coded`'s key of each row's own paint (no property is named so)
# shapely's geometry type ids (-1: no geometry) and the kind a feature of another tool (no kind) is drawn as.
KIND_OF_TYPE = {0: "point", 4: "point", 1: "line", 2: "line", 5: "line", 3: "area", 6: "area", -1: "reference_place"}


class Coded:
    """A column of values held as small integer codes into ``values`` (each distinct value once): filters, counts
    and groupings look at the few distinct values, then at the codes with numpy."""

    __slots__ = ("codes", "values")

    def __init__(self, values: list[Any], codes: np.ndarray):
        self.values, self.codes = values, codes

    @classmethod
    def of(cls, cells: Sequence[Any]) -> Coded:
        """The cells coded in the order each value is first met (at C speed: no Python loop per cell)."""
        first = cells[0] if len(cells) else None
        if isinstance(cells, list) and first.__hash__ is not None and cells[:64].count(first) == len(cells[:64]) \
                and cells.count(first) == len(cells):
            # One value throughout (a layer's kind or certainty): counting its cells took ~10 ms for a million
            # (~1 ms when they are one object) where building the dict of values took ~30 ms.
            return cls([first] if cells else [], np.zeros(len(cells), dtype=np.int32))
        try:
            values = list(dict.fromkeys(cells))
        except TypeError:  # an unhashable cell (a list in a file's property): coded by its text
            cells = [cell if cell.__hash__ is not None else str(cell) for cell in cells]
            values = list(dict.fromkeys(cells))
        if len(values) <= 1:  # a column of one value (a layer's kind, a file's layer): no lookup per cell
            return cls(values, np.zeros(len(cells), dtype=np.int32))
        index = {value: code for code, value in enumerate(values)}
        return cls(values, np.fromiter(map(index.__getitem__, cells), dtype=np.int32, count=len(cells)))

    @classmethod
    def concatenated(cls, parts: Sequence[Coded]) -> Coded:
        if len(parts) == 1:
            return parts[0]
        index: dict[Any, int] = {}
        pieces = []
        for part in parts:
            remap = np.fromiter((index.setdefault(value, len(index)) for value in part.values), dtype=np.int32,
                                count=len(part.values))
            if len(remap) == 1:  # one value throughout (a file's kind, launch, certainty): written, not looked up
                pieces.append(np.full(len(part.codes), remap[0], dtype=np.int32))
            elif (remap == np.arange(len(remap))).all():  # its codes are the same codes (a large file's layer)
                pieces.append(part.codes.astype(np.int32, copy=False))
            else:
                pieces.append(remap[part.codes])
        return cls(list(index), np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32))

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, row: int) -> Any:
        return self.values[self.codes[row]]

    def where(self, test: Callable[[Any], bool]) -> np.ndarray:
        """A boolean mask of the rows whose value passes ``test`` (called once per distinct value)."""
        passes = np.fromiter(map(bool, map(test, self.values)), dtype=bool, count=len(self.values))
        if len(passes) <= 1:  # one value (or none): no lookup per row
            return np.full(len(self.codes), bool(len(passes) and passes[0]))
        return passes[self.codes]

    def isin(self, wanted: Iterable[Any]) -> np.ndarray:
        wanted = wanted if isinstance(wanted, set | frozenset | dict) else set(wanted)
        return self.where(wanted.__contains__)

    def counts(self, mask: np.ndarray | None = None) -> dict[Any, int]:
        """How many rows (of ``mask``) hold each value, values in the order first met; absent values left out."""
        codes = self.codes if mask is None else self.codes[mask]
        counted = np.bincount(codes, minlength=len(self.values))
        return {self.values[code]: int(counted[code]) for code in np.flatnonzero(counted).tolist()}

    def mapped(self, change: Callable[[Any], Any]) -> Coded:
        """The column with each distinct value replaced by ``change(value)`` (equal results share one code)."""
        index: dict[Any, int] = {}
        remap = np.fromiter((index.setdefault(change(value), len(index)) for value in self.values), dtype=np.int32,
                            count=len(self.values))
        if len(self.values) <= 1:  # every code is 0 and stays 0: the codes are shared, not looked up per row
            return Coded(list(index), self.codes) if len(self.values) else self
        return Coded(list(index), remap[self.codes])


def combined(columns: Sequence[Coded], mask: np.ndarray | None = None) -> Coded:
    """The tuple of each row's values in ``columns`` (of the rows of ``mask``), coded: each distinct tuple once, in
    the order first met (what a drawing groups features by: their look)."""
    keys = np.zeros(len(columns[0]) if mask is None else int(np.count_nonzero(mask)) if mask.dtype == bool
                    else len(mask), dtype=np.int64)
    for column in columns:
        keys = keys * max(len(column.values), 1) + (column.codes if mask is None else column.codes[mask])
    if not len(keys):
        return Coded([], np.zeros(0, dtype=np.int32))
    possible = int(np.prod([max(len(column.values), 1) for column in columns]))
    if possible <= 1 << 20:  # count the few possible tuples rather than sort a million keys
        present = np.flatnonzero(np.bincount(keys, minlength=possible))
        first_of = np.full(possible, len(keys), dtype=np.int64)
        if len(present) == 1:
            first_of[present] = 0
        else:
            np.minimum.at(first_of, keys, np.arange(len(keys)))
        met = present[np.argsort(first_of[present], kind="stable")]  # keys in the order first met
        code = np.zeros(possible, dtype=np.int32)
        code[met] = np.arange(len(met), dtype=np.int32)
        firsts, codes = first_of[met].tolist(), code[keys]
    else:
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        order = np.argsort(first, kind="stable")  # codes in the order first met
        rank = np.empty(len(order), dtype=np.int32)
        rank[order] = np.arange(len(order), dtype=np.int32)
        firsts, codes = first[order].tolist(), rank[inverse.ravel()]
    values = [tuple(column.values[column.codes[row]] for column in columns)
              for row in (np.flatnonzero(mask)[firsts] if mask is not None and mask.dtype == bool
                          else np.asarray(mask)[firsts] if mask is not None else firsts)]
    return Coded(values, codes)


class FeatureTable:
    """One row per feature of a bundle, in the bundle's order: ``features`` and ``geometries`` (object arrays),
    ``geometry_type`` (shapely's type ids, -1 for none), and coded columns read as `Feature` reads them:
    ``kind`` (`Feature.kind`: a launchmap kind, else point/line/area by geometry), ``event`` (`Feature.event`),
    ``certainty`` (`Feature.certainty`), ``layer`` (`Feature.layer`), and ``draft`` (a bool array).

    Get it from `Bundle.table`, and do not keep it across an edit: it describes the features as they were when made
    (`current` says whether they still are).
    """

    __slots__ = ("_coded", "_coded_of", "_kept", "_passages", "_passages_of", "certainty", "draft", "event", "features",
                 "geometries", "geometry_type", "kind", "layer", "named", "parts", "sources", "starts")

    def __init__(self, features: FeatureColumn, geometries: np.ndarray, geometry_type: np.ndarray, kind: Coded,
                 event: Coded, certainty: Coded, layer: Coded, draft: np.ndarray):
        self.features, self.geometries, self.geometry_type = features, geometries, geometry_type
        self.kind, self.event, self.certainty, self.layer, self.draft = kind, event, certainty, layer, draft
        # (weak reference to a bundle, its version) of each bundle it was made from: weak, so that a bundle and its
        # table make no reference cycle, and a closed file's features are freed as soon as it is dropped, with no
        # walk of the cyclic collector (the loader freezes them out of its walks: `viewer.io.load`).
        self.sources: tuple[tuple[Callable[[], Any], int], ...] = ()
        self._passages: np.ndarray | None = None
        # the count of the tables it was made of (each counted once: a pass over a million features each time a
        # small file was opened beside them)
        self._passages_of: Callable[[], np.ndarray] | None = None
        # columns read from the features' properties, by key (`coded`), and how to make them from the tables it was
        # made of, each read once: the tree and the drawing ask again on every file opened beside a large layer
        self._coded: dict[str, Coded] = {}
        self._coded_of: Callable[[str], Coded] | None = None
        # the tables it joins (one per file of a merged bundle's) and the row each starts at, whose results worked
        # out over all their rows are kept with them (`kept`, `table_parts`): a file opened beside a large layer
        # joins the large layer's looks, counts and groups, not worked out over its rows again
        self.parts: tuple[FeatureTable, ...] = ()
        self.starts: np.ndarray = np.zeros(1, dtype=np.intp)
        self._kept: dict[str, Any] = {}
        self.named: str | None = None  # the layer `with_layer` last put its features of no launch in

    def kept(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()``, made once and kept with the table under ``key`` (a result over all its rows; dropped when its
        layer column changes, `with_layer`)."""
        found = self._kept.get(key)
        if found is None:
            found = self._kept[key] = make()
        return found

    def coded(self, key: str) -> Coded:
        """Each row's ``key`` property, coded (`PAINT`: its own paint), read once per table and from the tables it
        was made of."""
        found = self._coded.get(key)
        if found is None:
            found = self._coded[key] = self._coded_of(key) if self._coded_of is not None else self._read(key)
        return found

    def paints(self) -> Coded:
        """Each row's own paint (`feature_paint.paint_of`: a KML's styles, a GeoJSON's simplestyle), None where it has
        none; read once per table (a pass over held features' keys, a layer's style columns where it has any)."""
        return self.coded(PAINT)

    def _read(self, key: str) -> Coded:
        if key != PAINT:
            return Coded.of(self.features.property_cells(key))
        from viewer.model.feature_paint import STYLE_KEYS, paint_of

        coded = Coded.of(self.features.cells_of(STYLE_KEYS))
        return Coded([paint_of(dict(zip(STYLE_KEYS, cells, strict=True)).get)
                      if isinstance(cells, tuple) else None for cells in coded.values], coded.codes)

    @classmethod
    def of(cls, features: Iterable[Feature]) -> FeatureTable:
        """The table of ``features``: cells of a plain layer's features are coded from their batch's columns
        whole; features with their own properties dict are read one by one (a bundle's few, or a GeoJSON's).
        Rows of a current table (a `FeatureRows`, as the window passes the features shown) are that table's rows,
        taken from its columns without reading any feature."""
        picked = columns_of(features) if isinstance(features, FeatureRows) else None
        if picked is not None:
            return picked[0].taking(picked[1])
        items = np.fromiter(features, dtype=object) if not isinstance(features, Sequence) else \
            np.fromiter(features, dtype=object, count=len(features))
        count = len(items)
        geometries = np.fromiter(map(attrgetter("geometry"), items), dtype=object, count=count)
        raw: dict[str, list[Coded]] = {name: [] for name in ("kind", "event", "certainty", DRAFT_PROPERTY)}
        for start, stop, batch in _runs(items):
            if batch is None:
                properties = list(map(attrgetter("_properties"), items[start:stop]))
                for name, parts in raw.items():
                    parts.append(Coded.of(list(map(methodcaller("get", name), properties))))
                continue
            rows = np.fromiter(map(attrgetter("_row"), items[start:stop]), dtype=np.intp, count=stop - start)
            for name, parts in raw.items():
                parts.append(_taken(batch.coded(name), rows))
        kind, event, certainty, draft = (Coded.concatenated(parts) if parts else Coded([], np.zeros(0, dtype=np.int32))
                                         for parts in raw.values())
        layer = Coded.of(list(map(attrgetter("layer"), items)))
        return cls.of_cells(FeatureColumn.of_objects(items), geometries, kind, event, certainty, draft, layer)

    @classmethod
    def of_columns(cls, run: LayerRun, rows: np.ndarray) -> FeatureTable:
        """The table of a plain layer's ``rows`` as read (`LayerRun`), from its columns: no feature is made."""
        columns = run.columns
        every = every_row(rows, columns.size)  # looked at once, not once per column
        kind, event, certainty, draft = (_taken(columns.coded(name), rows, every)
                                         for name in ("kind", "event", "certainty", DRAFT_PROPERTY))
        loose = ~event.where(bool)
        layer = Coded([None, run.layer], loose.astype(np.int32)) if run.layer is not None and loose.any() else \
            Coded([None], np.zeros(len(rows), dtype=np.int32))
        geometries = run.geometries
        geometries = geometries if len(rows) == len(geometries) else geometries[rows]
        return cls.of_cells(FeatureColumn.of_run(run, rows), geometries, kind, event, certainty, draft, layer)

    @classmethod
    def of_cells(cls, features: FeatureColumn, geometries: np.ndarray, kind_cells: Coded, event: Coded,
                 certainty_cells: Coded, draft_cells: Coded, layer: Coded) -> FeatureTable:
        """The table of features whose properties' cells are these, read as `Feature` reads them."""
        count = len(geometries)
        geometry_type = shapely.get_type_id(geometries).astype(np.int8) if count else np.zeros(0, dtype=np.int8)
        # As Feature.kind and .certainty read them: a kind's or certainty's text, else what stands in for none.
        kind = kind_cells.mapped(lambda cell: (cell if cell.__class__ is str else str(cell)) if cell else None)
        no_kind = kind.where(lambda value: value is None)
        if no_kind.any():  # another tool's features: by geometry type
            values = list(kind.values)
            index = {value: code for code, value in enumerate(values)}
            by_type = np.zeros(9, dtype=np.int32)  # type ids -1..7, shifted by one
            for type_id in range(-1, 8):
                by_type[type_id + 1] = index.setdefault(KIND_OF_TYPE.get(type_id, "reference_place"), len(index))
            codes = kind.codes.copy()
            codes[no_kind] = by_type[geometry_type[no_kind].astype(np.intp) + 1]
            kind = _dropping_unused(Coded(list(index), codes))
        certainty = certainty_cells.mapped(lambda cell: (cell if cell.__class__ is str else str(cell))
                                           if cell else "reported")
        draft = draft_cells.where(bool)
        return cls(features, geometries, geometry_type, kind, event, certainty, layer, draft)

    @classmethod
    def concatenated(cls, tables: Sequence[FeatureTable]) -> FeatureTable:
        """One table of several tables' rows, in order (several bundles' features as one)."""
        if len(tables) == 1:  # a table of its own (its own sources), sharing the columns
            one = tables[0]
            table = cls(one.features, one.geometries, one.geometry_type, one.kind, one.event, one.certainty,
                        one.layer, one.draft)
            table._passages_of = one.passages  # the same rows: counted once for both
            table._coded_of = one.coded
            table.parts, table.starts = (one,), np.array([0, len(one)], dtype=np.intp)
            return table
        empty = np.zeros(0, dtype=object)
        features = FeatureColumn.concatenated([t.features for t in tables]) if tables else \
            FeatureColumn.of_objects(empty)

        def joined(arrays: list[np.ndarray], empty: np.ndarray) -> np.ndarray:
            return np.concatenate(arrays) if arrays else empty

        def coded(name: str) -> Coded:
            return Coded.concatenated([getattr(t, name) for t in tables]) if tables else \
                Coded([], np.zeros(0, dtype=np.int32))

        table = cls(features, joined([t.geometries for t in tables], empty),
                    joined([t.geometry_type for t in tables], np.zeros(0, dtype=np.int8)), coded("kind"),
                    coded("event"), coded("certainty"), coded("layer"),
                    joined([t.draft for t in tables], np.zeros(0, dtype=bool)))
        parts = list(tables)
        table.parts = tuple(parts)
        table.starts = np.cumsum([0, *map(len, parts)]).astype(np.intp)
        table._passages_of = lambda: joined([t.passages() for t in parts], np.zeros(0, dtype=np.int32))
        table._coded_of = lambda key: Coded.concatenated([t.coded(key) for t in parts]) if parts else \
            Coded([], np.zeros(0, dtype=np.int32))
        return table

    def taking(self, rows: np.ndarray) -> FeatureTable:
        """A table of its ``rows`` (row numbers, in the order given), current as long as this one is."""
        if len(rows) == len(self) and (rows == np.arange(len(rows))).all():
            return self
        def taken(column: Coded) -> Coded:
            return Coded(column.values, column.codes[rows])

        table = FeatureTable(self.features[rows], self.geometries[rows], self.geometry_type[rows], taken(self.kind),
                             taken(self.event), taken(self.certainty), taken(self.layer), self.draft[rows])
        table.sources = self.sources
        table._passages_of = lambda: self.passages()[rows]
        table._coded_of = lambda key: taken(self.coded(key))
        return table

    def with_layer(self, layer: str | None, rows: np.ndarray) -> None:
        """Say that the features of ``rows`` (a mask) were put in source layer ``layer`` (`Feature.layer`), the
        others in none: the table stays current. What was kept over its rows (`kept`) is dropped, and so are its parts:
        their layer columns are no longer its own."""
        if not rows.any() and self.layer.values == [None] and len(self.layer) == len(rows):
            return  # none in a layer, as before (a launch's file, at every add): what is kept stays
        self._kept, self.named = {}, layer
        self.parts, self.starts = (), np.zeros(1, dtype=np.intp)
        self.layer = Coded([None, layer], rows.astype(np.int32)) if rows.any() else \
            Coded([None], np.zeros(len(rows), dtype=np.int32))

    def __len__(self) -> int:
        return len(self.features)

    @property
    def current(self) -> bool:
        """Whether none of the bundles it was made from changed since (`Bundle.features_changed`)."""
        return all(getattr(bundle(), "version_of_features", None) == version for bundle, version in self.sources)

    def passages(self) -> np.ndarray:
        """How many passages cite each feature (`Feature.all_citations`), made on first use: most features of a
        plain layer hold no citation container at all, and only those that do are counted one by one."""
        if self._passages is None and self._passages_of is not None:
            self._passages = self._passages_of()
        if self._passages is None:
            count = len(self.features)
            held = np.zeros(count, dtype=bool)
            objects = np.flatnonzero(self.features.held())  # a plain layer's rows as read cite nothing
            features = self.features[objects].objects()
            for slot in ("_citations", "_claims"):  # None unless the feature was given some (Feature's slots)
                held[objects] |= np.fromiter(map(attrgetter(slot), features), dtype=object, count=len(features)) \
                    != None  # noqa: E711
            passages = np.zeros(count, dtype=np.int32)
            cited = np.flatnonzero(held)
            passages[cited] = [len(feature.all_citations) for feature in self.features[cited].tolist()]
            self._passages = passages
        return self._passages

    def groups(self, column: Coded, rows: np.ndarray | None = None) -> dict[Any, np.ndarray]:
        """The row numbers (of ``rows``, else all) of each value of ``column`` met among them, in row order. Of its
        own kind, launch or layer column, each file's groups are kept with its table and joined (`table_parts`)."""
        rows = np.arange(len(self.features)) if rows is None else rows
        name = "kind" if column is self.kind else "event" if column is self.event else \
            "layer" if column is self.layer else None
        if name is not None:
            from viewer.model.table_parts import grouped

            return grouped(self, name, rows)
        return self.grouped_afresh(column, rows)

    def grouped_afresh(self, column: Coded, rows: np.ndarray) -> dict[Any, np.ndarray]:
        """`groups` of ``rows``, worked out over them."""
        codes = column.codes[rows]
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(column.values) + 1)).tolist()
        return {column.values[code]: rows[order[bounds[code]:bounds[code + 1]]]
                for code in range(len(column.values)) if bounds[code + 1] > bounds[code]}

    def colour_keys(self) -> Coded:
        """What gives each feature its colour: its launch, else its source layer, else '' (`MapView.colours`)."""
        return combined([self.event, self.layer]).mapped(lambda pair: pair[0] or pair[1] or "")

    def ids(self, rows: np.ndarray) -> list[str]:
        """The ids of ``rows`` (row numbers), in order, read without making a plain layer's features (its ids are a
        column of its run: a tree node's ids of a whole layer made every feature of it)."""
        column = self.features[np.asarray(rows, dtype=np.intp)]
        if not isinstance(column, FeatureColumn):
            return [feature.id for feature in column]
        ids = np.empty(len(column), dtype=object)
        at_rows = column.row if column.row is not None else np.arange(len(column))
        for number, source in enumerate(column.sources):
            at = slice(None) if column.source is None else np.flatnonzero(column.source == number)
            if isinstance(source, np.ndarray):
                ids[at] = [feature.id for feature in source[at_rows[at]].tolist()]
            else:
                ids[at] = source.ids(at_rows[at])
        return ids.tolist()

    def rows(self, mask: np.ndarray | None = None) -> list[Feature]:
        """The features of ``mask`` (a boolean mask or row numbers; None: all), in order, as `FeatureRows`."""
        if mask is None:
            return FeatureRows(self, np.arange(len(self.features)))
        return FeatureRows(self, np.flatnonzero(mask) if mask.dtype == bool else np.asarray(mask, dtype=np.intp))


def _runs(items: np.ndarray) -> list[tuple[int, int, LayerColumns | None]]:
    """(start, stop, batch) of each run of features read from the same plain-layer batch, or with properties of
    their own (batch None)."""
    count = len(items)
    if not count:
        return []
    batches = np.fromiter(map(attrgetter("_columns"), items), dtype=object, count=count)
    starts = [0, *(np.flatnonzero(batches[1:] != batches[:-1]) + 1).tolist()]  # by identity: no batch defines ==
    return [(start, stop, batches[start]) for start, stop in zip(starts, [*starts[1:], count], strict=True)]


def _taken(coded: Coded, rows: np.ndarray, every: bool | None = None) -> Coded:
    """The coded column's ``rows`` (all of them in order: the column itself); ``every``: whether they are, if known."""
    if every if every is not None else every_row(rows, len(coded)):
        return coded
    return Coded(coded.values, coded.codes[rows])


def _dropping_unused(coded: Coded) -> Coded:
    used = np.bincount(coded.codes, minlength=len(coded.values)) > 0
    if used.all():
        return coded
    remap = np.cumsum(used) - 1
    return Coded([value for value, kept in zip(coded.values, used.tolist(), strict=True) if kept],
                 remap[coded.codes].astype(np.int32))
