"""A FeatureCollection's features read a batch at a time into columns (`RowFeatures`): ids, a geometry array and the
properties' cells, each `Feature` made only when asked for, as a plain GeoPackage layer's are. A plain file's and an
event bundle's alike: launchmap's own GeoJSON of 100,000 lines made a `Feature` per row, ~1.3x the CPU of the same
lines in a plain file.

A batch goes this way only when every feature in it reads as the bundle reader would read it with nothing to report
but unknown kinds (said once each, as it does): Feature objects with no foreign members, a string id or none,
properties with the same keys in the same order (no citations, claims or annotations), geometries made with nothing
repaired, refused or kept as written (4-D positions, foreign members), no id given twice. Any other batch is read
feature by feature (`BundleParser.feature`), which says what is wrong where, exactly as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from itertools import repeat
from typing import Any

import numpy as np

from viewer.io.bundle import geometries
from viewer.io.bundle.reader import BundleParser
from viewer.io.formats.display_names import display_names
from viewer.io.formats.layer import shared_column
from viewer.model.annotation import ANNOTATION
from viewer.model.bundle import Bundle
from viewer.model.bundle_features import RowFeatures
from viewer.model.json_rows import JsonColumns
from viewer.model.kinds import CERTAINTIES, KIND_REGISTRY

BATCH = 5_000  # features read into columns at once; their parsed JSON is held until then (20,000: +26 MiB at 100k)
_FEATURE_KEYS = frozenset(("type", "id", "geometry", "properties"))
_SHARED = ("kind", "certainty", "event")  # texts many features have in common: held once each
_intern = sys.intern


class NotRows(Exception):
    """The batch has something the bundle reader would report or keep apart: read it feature by feature."""


def read_rows(parser: BundleParser, bundle: Bundle, name: str, first: int, raws: list[Any],
              add_event: Callable[[str], None], taken: set[str], plain: bool = True) -> bool:
    """Read ``raws`` (features ``first``… of the file, already given their coordinates in lon/lat) into ``bundle``'s
    features as columns; False, with nothing read, when the batch must be read feature by feature. ``taken`` holds
    the ids read so far, and gets these.

    A ``plain`` file's features are made a layer's (`prepare_feature`: a label from a name, an event named is made);
    an event bundle's (not ``plain``) are read as they are: each has an id, and names only the bundle's events."""
    try:
        ids, names, columns = _cells(raws, first, name, taken, plain)
        optional = _label(names, columns) if plain else frozenset()
        events = _events(names, columns) if plain else _known_events(names, columns, parser.named["events"])
        built = _geometries(raws)
    except NotRows:
        return False
    warnings = _kind_and_certainty(parser, names, columns, first)
    if warnings is None:
        return False
    parser.attach_geometries()  # features read one by one before these: their geometry problems in their place
    for where, message in warnings:
        parser.warn(where, message)
    for event in events:
        add_event(event)
    features = bundle.features
    if not isinstance(features, RowFeatures):
        features = bundle.features = RowFeatures(features)
    features.add_rows(JsonColumns(names, columns, optional, len(ids)), built, ids=ids)
    taken.update(ids)
    return True


def _cells(raws: list[Any], first: int, name: str, taken: set[str],
           plain: bool = True) -> tuple[list[str], list[str], list[list[Any]]]:
    """The ids, the property names (in order) and each property's cells (a column at a time: `map` over the
    features, not a Python loop per feature)."""
    count = len(raws)
    if not all(raw.__class__ is dict for raw in raws):
        raise NotRows
    get = dict.get
    if list(map(get, raws, repeat("type"))).count("Feature") != count \
            or not set().union(*map(dict.keys, raws)) <= _FEATURE_KEYS \
            or sum(map(dict.__contains__, raws, repeat("geometry"))) != count:
        raise NotRows
    ids: list[Any] = list(map(get, raws, repeat("id")))
    if None in ids:
        if not plain:
            raise NotRows  # a bundle's feature without an id is warned about, one by one
        ids = [f"{name}#{index}" if raw_id is None else raw_id for index, raw_id in enumerate(ids, start=first)]
    if set(map(type, ids)) != {str} or len(set(ids)) != count or not taken.isdisjoint(ids):
        raise NotRows  # a number is written back as one (Feature.extra); an id given twice is said where
    properties: list[Any] = list(map(get, raws, repeat("properties")))
    if None in properties:
        properties = [{} if cells is None else cells for cells in properties]
    if set(map(type, properties)) != {dict}:
        raise NotRows
    orders = set(map(tuple, properties))
    if len(orders) != 1:
        raise NotRows
    keys = orders.pop()
    if "citations" in keys or "claims" in keys:
        raise NotRows
    names = list(map(_intern, keys))
    columns = [list(cells) for cells in zip(*map(dict.values, properties), strict=True)] if names else []
    if "kind" in names and ANNOTATION in columns[names.index("kind")]:
        raise NotRows  # an annotation's members are checked one by one
    for key in _SHARED:
        if key in names:
            at = names.index(key)
            columns[at] = shared_column(columns[at])
    return ids, names, columns


def _label(names: list[str], columns: list[list[Any]]) -> frozenset[str]:
    """A ``label`` column from each row's display name (`display_names`) when there is none (as `prepare_feature` gives
    each feature); a row without one has no label (``optional``)."""
    if "label" in names:
        return frozenset()
    labels = display_names(names, columns)
    if labels is None:
        return frozenset()
    names.append("label")
    columns.append(labels)
    return frozenset(("label",))


def _events(names: list[str], columns: list[list[Any]]) -> list[str]:
    """The events the rows name, in order of first mention (a number made text, as `prepare_feature` does)."""
    if "event" not in names:
        return []
    cells = columns[names.index("event")]
    if not all(cell is None or cell.__class__ is str for cell in cells):
        for row, cell in enumerate(cells):
            if isinstance(cell, int | float) and not isinstance(cell, bool):
                cells[row] = _intern(str(cell))
            elif cell is not None and cell.__class__ is not str:
                raise NotRows  # refused where it is
    return [event for event in dict.fromkeys(cells) if event is not None]


def _known_events(names: list[str], columns: list[list[Any]], known: set[str]) -> list[str]:
    """None: a bundle's rows name only its own events (any other is refused where it is, one by one)."""
    if "event" in names:
        try:
            if not known.issuperset(cell for cell in columns[names.index("event")] if cell is not None):
                raise NotRows
        except TypeError:  # a list or an object: not hashable
            raise NotRows from None
    return []


def _geometries(raws: list[Any]) -> np.ndarray:
    """Each feature's geometry (None for a null one), made as the bundle reader makes them."""
    present = [index for index, raw in enumerate(raws) if raw["geometry"] is not None]
    result = np.full(len(raws), None, dtype=object)
    if not present:
        return result
    built = geometries.build([raws[index]["geometry"] for index in present])
    if built.errors or built.repairs or built.keep_source:
        raise NotRows
    made = np.empty(len(present), dtype=object)
    made[:] = built.geometries
    result[present] = made
    return result


def _kind_and_certainty(parser: BundleParser, names: list[str], columns: list[list[Any]],
                        first: int) -> list[tuple[str, str]] | None:
    """The warnings about unknown kinds (once each, as `BundleParser.check_properties` gives them); None when a row
    has an unknown certainty (warned about row by row)."""
    if "certainty" in names:
        known = set(CERTAINTIES)
        try:
            if not known.issuperset(cell for cell in columns[names.index("certainty")] if cell is not None):
                return None
        except TypeError:  # a list or an object: not hashable
            return None
    if "kind" not in names:
        return []
    warnings = []
    seen = parser.unknown_kinds
    for row, kind in enumerate(columns[names.index("kind")]):
        if kind is None or (kind.__class__ is str and kind in KIND_REGISTRY):
            continue
        if repr(kind) not in seen:
            seen.add(repr(kind))
            warnings.append((f"features[{first + row}].properties.kind",
                             f"unknown kind {kind!r}; drawn as a reference place"))
    return warnings
