"""Turn a plain layer (CSV rows, KML placemarks, GeoPackage layers) into a bundle: ids, labels, checks, limits."""

from __future__ import annotations

import sys
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.geo.geometry_check import GeometryError, check_lonlat, needs_one_by_one, repaired
from viewer.io.bundle.geometries import check_altitudes
from viewer.io.files import FileRefused, regular_size
from viewer.io.formats.antimeridian import Vertices, antimeridian_warnings, crossings
from viewer.io.formats.display_names import display_name, display_names
from viewer.model.bundle import Bundle
from viewer.model.bundle_features import RowFeatures
from viewer.model.event import LaunchEvent, parse_time
from viewer.model.feature import Feature, features_of_rows
from viewer.model.feature_rows import LayerColumns
from viewer.model.kinds import kind_names
from viewer.model.problem import BundleError, Problem, Severity

# ~1-2 KB each in memory: two million features is a few GB, the most a desktop session should hold.
MAX_FEATURES = 2_000_000
MAX_ERRORS = 50  # enough to fix a file by; reading stops there so a broken huge file ends quickly
SHARED_VALUES = ("kind", "certainty", "event", "layer")  # property values many features have in common


class Places(Sequence[str]):
    """Where each feature was read, in the order the features were added: given one by one, or as a run
    (a GeoPackage batch's ``layer NAME, fid N``) made into text only when a message names it."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._runs: list[Sequence[str]] = []
        self._size = 0

    def append(self, where: str) -> None:
        if not self._runs or not isinstance(self._runs[-1], list):
            self._starts.append(self._size)
            self._runs.append([])
        self._runs[-1].append(where)  # type: ignore[attr-defined]
        self._size += 1

    def extend(self, run: Sequence[str]) -> None:
        if len(run):
            self._starts.append(self._size)
            self._runs.append(run)
            self._size += len(run)

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index):
        if not 0 <= index < self._size:
            raise IndexError(index)
        run = bisect_right(self._starts, index) - 1
        return self._runs[run][index - self._starts[run]]


def refuse_large_file(path: Path, shown_as: str, limit: int, what: str = "file") -> int:
    """The size of the regular file at ``path``; raises BundleError, before reading a byte, when it is above
    ``limit``, empty, or not a regular file (a FIFO, a device, a directory)."""
    try:
        size = regular_size(path, limit, what)
    except FileRefused as error:
        raise BundleError([Problem(shown_as, "", str(error))]) from None
    if size == 0:
        raise BundleError([Problem(shown_as, "1", "empty file")])
    return size


class LayerBuilder:
    """Collects features read from a file with their places, and the problems found on the way.

    Features get ids unique to the file (a second file's row 2 must not clash with this one's), a
    ``label`` from a name-like property when they have none, and a stub event for each event they name.
    """

    def __init__(self, path: Path, shown_as: str):
        self.bundle = Bundle(path=path)
        self.file = shown_as
        self.prefix = path.name
        self.problems: list[Problem] = []
        self.places = Places()  # where each feature of the bundle was read, in order, for later warnings
        self.taken: set[str] = set()  # ids handed out, until their features are added
        self.errors = 0
        self._unknown_kinds: set[str] = set()
        # The antimeridian check of the first features, done on their batches' geometry arrays as they came.
        self._crossings_checked = 0
        self._in_runs = 0  # features added by add_rows, whose ids come from their fids
        self._crossings: list[tuple[str, str]] = []

    # -- problems --------------------------------------------------------------------------------
    def error(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message))
        self.errors += 1
        if self.errors >= MAX_ERRORS:
            self.problems.append(Problem(self.file, where, f"{MAX_ERRORS} errors; stopped reading"))
            raise BundleError(errors_first(self.problems))

    def warn(self, where: str, message: str) -> None:
        self.problems.append(Problem(self.file, where, message, Severity.WARNING))

    # -- contents --------------------------------------------------------------------------------
    def unique_id(self, wanted: str | None, fallback: str) -> str:
        """``wanted`` when it is free, else the file-scoped ``fallback`` (made unique with a suffix); reserved."""
        features = self.bundle.features
        if wanted and wanted not in self.taken and wanted not in features:
            self.taken.add(wanted)
            return wanted
        candidate, n = f"{self.prefix}#{fallback}", 2
        while candidate in self.taken or candidate in features:
            candidate, n = f"{self.prefix}#{fallback}-{n}", n + 1
        self.taken.add(candidate)
        return candidate

    def checked(self, where: str, geometry: BaseGeometry | None) -> tuple[bool, BaseGeometry | None]:
        """(usable, geometry): lon/lat in range and valid, repaired with a warning where it can be."""
        if geometry is None:
            return True, None
        try:
            check_lonlat(geometry)
            check_altitudes(geometry)
            result = repaired(geometry)
        except GeometryError as error:
            self.error(where, str(error))
            return False, None
        if result.repair:
            self.warn(where, result.repair)
        return True, result.geometry

    def add(self, where: str, feature: Feature) -> None:
        """Add a feature whose geometry has been checked."""
        self._add([where], 0, feature)
        self.places.append(where)

    def add_rows(self, places: Sequence[str], scope: str, fids: np.ndarray, columns: LayerColumns,
                 geometries: np.ndarray, vertices: Vertices | None = None) -> None:
        """Add a plain layer's batch whose geometries, labels and kinds have been checked (`check_kinds`), read at
        ``places`` (one each, made into text only for a message): its rows are kept as columns, each `Feature` made
        when asked for (`RowFeatures`). Ids are ``file#`` + ``scope`` + fid; ``fids`` are the layer's primary key,
        so those ids cannot clash with each other nor with other layers' (each scope ends in ``/``), only with ids
        given one by one, looked for only when there are any. The antimeridian check looks at ``geometries`` now
        (at their ``vertices``, when `checked_vertices` gave them)."""
        features = self.bundle.features
        if len(features) + len(fids) > MAX_FEATURES:  # one by one, for the message at the right place
            ids = [f"{self.prefix}#{scope}{fid}" for fid in fids.tolist()]
            for index, feature in enumerate(features_of_rows(ids, geometries.tolist(), columns)):
                self._add(places, index, feature)
        if self._crossings_checked == len(features):
            self._crossings += [(places[index], message) for index, message in crossings(geometries, vertices)]
            self._crossings_checked += len(fids)
        prefix = f"{self.prefix}#{scope}"
        explicit: list[str] | None = None
        if self.taken or len(features) > self._in_runs:
            ids = [f"{prefix}{fid}" for fid in fids.tolist()]
            if not (self.taken.isdisjoint(ids) and not any(map(features.__contains__, ids))):
                explicit = [self.unique_id(None, f"{scope}{fid}") for fid in fids.tolist()]
                self.taken.difference_update(explicit)
        if not isinstance(features, RowFeatures):
            features = self.bundle.features = RowFeatures(features)
        if explicit is None:
            features.add_rows(columns, geometries, prefix, fids=fids)
        else:
            features.add_rows(columns, geometries, ids=explicit)
        self._in_runs += len(fids)
        self.places.extend(places)

    def add_run(self, places: Sequence[str], ids: list[str], names: list[str], columns: list[list[Any]],
                geometries: np.ndarray) -> None:
        """Add rows read as columns (a CSV's: null cells are no property), whose geometries have been checked and whose
        ids `unique_id` gave, as `add` adds each: a label from its display name, shared texts held once, a warning for
        each unknown kind at its place; kept as columns, each `Feature` made when asked for (`RowFeatures`)."""
        features = self.bundle.features
        if len(features) + len(ids) > MAX_FEATURES:  # one by one, for the message at the right place
            for index, feature in enumerate(features_of_rows(ids, geometries.tolist(), LayerColumns(names, columns))):
                self._add(places, index, feature)
        column = dict(zip(names, columns, strict=True))
        labels = column.get("label")
        firsts = display_names(names, columns) if labels is None or None in labels else None
        if firsts is not None:
            if labels is None:
                names.append("label")
                columns.append(firsts)
            else:
                labels[:] = [first if label is None else label for label, first in zip(labels, firsts, strict=True)]
        for key in SHARED_VALUES:
            if key in column:
                column[key][:] = shared_column(column[key])
        for row, kind in enumerate(column.get("kind", ())):
            if kind not in (None, "") and kind not in kind_names() and str(kind) not in self._unknown_kinds:
                self._unknown_kinds.add(str(kind))
                where = places[row]
                self.warn(f"{where}.kind" if where.startswith(("features", "layer")) else where,
                          f"unknown kind {kind!r}; drawn as a reference place")
        if self._crossings_checked == len(features):
            self._crossings += [(places[index], message) for index, message in crossings(geometries)]
            self._crossings_checked += len(ids)
        if not isinstance(features, RowFeatures):
            features = self.bundle.features = RowFeatures(features)
        features.add_rows(LayerColumns(names, columns, len(ids)), geometries, ids=ids)
        self.taken.difference_update(ids)
        self.places.extend(places)

    def check_kinds(self, kinds: list[Any], places: Sequence[str]) -> None:
        """Warn once about each kind launchmap does not know, at the first feature (of ``places``) that has it."""
        known = set(kind_names())
        # the distinct kinds at C speed (a loop over the rows took ~4 ms for 100,000); the first row of each, in one
        # pass, only when one is unknown (kinds.index per kind was quadratic)
        if all(kind in known or kind in (None, "") for kind in dict.fromkeys(kinds)):
            return
        first: dict[Any, int] = {}
        for row, kind in enumerate(kinds):
            first.setdefault(kind, row)
        for kind, row in first.items():
            if kind not in known and kind not in (None, "") and str(kind) not in self._unknown_kinds:
                self._unknown_kinds.add(str(kind))
                self.warn(f"{places[row]}.kind", f"unknown kind {kind!r}; drawn as a reference place")

    def _add(self, places: Sequence[str], index: int, feature: Feature) -> None:
        if len(self.bundle.features) >= MAX_FEATURES:
            self.problems.append(Problem(self.file, places[index],
                                        f"more than {MAX_FEATURES:,} features; split the file"))
            raise BundleError(self.problems)
        properties = feature.properties
        if "label" not in properties:
            name = display_name(properties)
            if name:
                properties["label"] = name
        for key in SHARED_VALUES:  # held once, not once per feature
            value = properties.get(key)
            if value.__class__ is str:
                properties[key] = sys.intern(value)
        kind = properties.get("kind")
        if kind not in (None, "") and kind not in kind_names() and str(kind) not in self._unknown_kinds:
            self._unknown_kinds.add(str(kind))
            where = places[index]
            self.warn(f"{where}.kind" if where.startswith(("features", "layer")) else where,
                      f"unknown kind {kind!r}; drawn as a reference place")
        self.bundle.features[feature.id] = feature
        self.taken.discard(feature.id)

    def add_event(self, event_id: Any, name: Any = None, time: Any = None) -> str:
        """The id of the event named ``event_id``, created from what the file says about it if new."""
        event_id = str(event_id)
        if event_id not in self.bundle.events:
            event = LaunchEvent(id=event_id, name=str(name) if name else event_id)
            if isinstance(time, str) and time.strip():
                try:
                    parse_time(time.strip())
                    event.time = time.strip()
                except ValueError:
                    pass  # the time stays a plain property of the features; the event is undated
            self.bundle.events[event_id] = event
        return event_id

    def finish(self) -> tuple[Bundle, list[Problem]]:
        """The bundle and its warnings; raises BundleError when any error was found."""
        self.problems.sort(key=_line_first)  # rows are checked in two passes; report them in file order
        if self.errors:
            raise BundleError(errors_first(self.problems))
        later = antimeridian_warnings(list(self.bundle.features.values()), self.places, self._crossings_checked) \
            if len(self.bundle.features) > self._crossings_checked else []
        for where, message in self._crossings + later:
            self.warn(where, message)
        return self.bundle, self.problems


def shared_column(values: list[Any]) -> list[Any]:
    """A column's cells with each text held once, not once per row (a layer's kinds, its events)."""
    intern = sys.intern
    return [intern(v) if v.__class__ is str else v for v in values]


def reprojected(crs_name: str, given: str) -> str:
    """What a file read in another projection is told: the same words for every format."""
    return f"coordinates given in {crs_name} ({given}); reprojected to WGS84 lon/lat"


def errors_first(problems: list[Problem]) -> list[Problem]:
    """Errors, then warnings, each in file order: a BundleError's message is its first problem."""
    return sorted(problems, key=lambda p: not p.is_error)


def _line_first(problem: Problem) -> int:
    """Sort key: the line a problem is on (``12`` or ``12:5``); -1 for problems about the whole file."""
    digits = problem.where.split(":")[0]
    return int(digits) if digits.isdigit() else -1


def checked_many(builder: LayerBuilder, geometries: np.ndarray, places: Sequence[str]) -> np.ndarray:
    """Vectorised `LayerBuilder.checked` for a whole layer; unusable geometries come back as None."""
    return checked_vertices(builder, geometries, places)[0]


def checked_vertices(builder: LayerBuilder, geometries: np.ndarray,
                     places: Sequence[str]) -> tuple[np.ndarray, Vertices | None]:
    """`checked_many`, and the vertices it read of the geometries it returns (for `crossings`), or None when it
    changed any (a repair, a geometry refused)."""
    result = np.array(geometries, dtype=object, copy=True)
    present = np.flatnonzero(~shapely.is_missing(result))
    if not len(present):
        return result, None
    given = result[present]
    xy, owner = shapely.get_coordinates(given, return_index=True)
    lon, lat = xy[:, 0], xy[:, 1]
    bad = ~(np.isfinite(lon) & np.isfinite(lat)) | (np.abs(lon) > 180) | (np.abs(lat) > 90)
    with_z = np.flatnonzero(shapely.has_z(given))  # 2-D geometries have no z to check (few have one)
    suspects = set(present[np.unique(owner[bad])].tolist())
    if len(with_z):
        z, z_owner = shapely.get_coordinates(given[with_z], include_z=True, return_index=True)
        suspects.update(present[with_z[np.unique(z_owner[~np.isfinite(z[:, 2])])]].tolist())
    suspects.update(present[needs_one_by_one(given)].tolist())
    for index in sorted(suspects):  # the few bad ones get the one-by-one check and its messages
        usable, geometry = builder.checked(places[index], result[index])
        result[index] = geometry if usable else None
    return result, None if suspects else Vertices(xy, present[owner])
