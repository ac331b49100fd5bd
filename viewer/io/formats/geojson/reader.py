"""Open any GeoJSON file: an event bundle as it is, a plain FeatureCollection, Feature or geometry as a layer."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer.geo.geometry_check import GEOMETRY_TYPES
from viewer.io.bundle.json_stream import GivenTwice, StartAgain, load_geojson
from viewer.io.bundle.reader import BundleParser
from viewer.io.formats.antimeridian import crossings
from viewer.io.formats.geojson.legacy_crs import Reproject, crs_of
from viewer.io.formats.geojson.plain import (
    BUNDLE_MEMBERS,
    is_plain,
    prepare_feature,
    prepare_plain,
    renamed_notes,
)
from viewer.io.formats.geojson.plain_rows import BATCH, read_rows
from viewer.io.progress import Progress, no_progress, stages
from viewer.model.bundle import Bundle
from viewer.model.bundle_features import geometries_of
from viewer.model.problem import BundleError, Problem, Severity

# Members the features depend on: a file that gives one after its features is read again, whole.
_NEEDED_FIRST = {"type", "launchmap", "documents", "events", "crs"}


def read_geojson(path: str | Path, progress: Progress = no_progress,
                 shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """The file as a bundle, with its warnings; raises BundleError naming the place when it cannot be opened.

    A FeatureCollection is read feature by feature as it is parsed (`_Streaming`), so the parsed JSON of the
    whole file is never held at once; the rest (a bare Feature or geometry, a file that gives its documents
    after its features) is parsed whole, then read.
    """
    path = Path(path)
    file = shown_as or str(path)
    notes: list[Problem] = []  # keys given twice, found while parsing
    parsing, reading = stages(progress, (1, 3))
    streaming = _Streaming(path, file, progress, parsing)
    try:
        try:
            root = load_geojson(path, file, streaming.progress, notes, sink=streaming)
        except StartAgain:  # the quick parse found something to report, after some features: the exact way
            streaming = _Streaming(path, file, progress, parsing)
            root = load_geojson(path, file, streaming.progress, notes, sink=streaming, quick=False)
    except GivenTwice:  # what was streamed may be a member's first value; the last counts: parsed whole
        notes = []
        root = load_geojson(path, file, parsing, notes)
    else:
        if streaming.bundle is not None:
            late = set(root) - streaming.keys_before - {"features"}
            if not late & _NEEDED_FIRST:
                return streaming.finish(root, late, notes)
            notes = []
            root = load_geojson(path, file, parsing, notes)
    root, inside = _as_collection(root)
    notes += prepare_plain(root, path.name, file) if is_plain(root) else []
    if isinstance(root, dict) and isinstance(root.get("features"), list):
        root["features"] = _Reporting(root["features"], reading)
    reader = BundleParser(path, file)
    try:
        bundle = reader.read(root)
    except BundleError as error:
        raise BundleError(notes + [_relocated(p, inside) for p in error.problems]) from None
    problems = notes + [_relocated(p, inside) for p in reader.problems]
    return bundle, problems + _crossing(bundle, file, inside)


_CROSSINGS_CHUNK = 50_000  # geometries looked at at once: the coordinates of a whole large file are many


def _crossing(bundle: Bundle, file: str, inside: str | None) -> list[Problem]:
    """A warning for each feature crossing the antimeridian, read from the geometries (no feature made)."""
    geometries = geometries_of(bundle.features)
    places = _Places(inside, len(geometries))
    return [Problem(file, places[start + index], message, Severity.WARNING)
            for start in range(0, len(geometries), _CROSSINGS_CHUNK)
            for index, message in crossings(geometries[start:start + _CROSSINGS_CHUNK])]


class _Places(Sequence[str]):
    """``features[i]`` for each feature (or ``inside`` for a bare one), made only for those that are named."""

    def __init__(self, inside: str | None, size: int):
        self.inside, self.size = inside, size

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, index):
        return self.inside if self.inside is not None else f"features[{index}]"


class _Streaming:
    """Reads a FeatureCollection's features into a bundle as the JSON parser hands them over, a batch at a time into
    columns (`read_rows`), or one by one where a batch has something to say (a bundle's citations and claims, say).

    ``progress`` is the one the parser reports to: the parsing stage of the bar until the features begin,
    then the whole bar, since parsing them is reading them.
    """

    def __init__(self, path: Path, file: str, whole: Progress, parsing: Progress):
        self.parser = BundleParser(path, file)
        self.name, self.file = path.name, file
        self.whole, self.parsing = whole, parsing
        self.bundle: Bundle | None = None
        self.plain = False
        self.keys_before: set[str] = set()
        self.renamed: set[str] = set()
        self.reproject: Reproject | None = None
        self.crs_notes: list[Problem] = []
        self.waiting: list[Any] = []  # a plain file's features not read yet, from the ``first_waiting``-th
        self.first_waiting = 0
        self.ids: set[str] = set()  # of the features read so far, for a plain file

    def progress(self, done: int, total: int) -> None:
        (self.parsing if self.bundle is None else self.whole)(done, total)

    def start(self, root: dict) -> bool:
        """Called with the members before "features": True to be handed the features, False to leave them."""
        if root.get("type") != "FeatureCollection":
            return False  # parsed whole, and refused with the usual message
        self.plain = not any(key in root for key in BUNDLE_MEMBERS)
        if self.plain:
            self.reproject, self.crs_notes = crs_of(root, self.file)
        self.keys_before = set(root)
        self.bundle = self.parser.begin(root)
        return True

    def feature(self, index: int, raw: Any) -> None:
        if self.reproject is not None:
            self.reproject(raw)
        if not self.waiting:
            self.first_waiting = index
        self.waiting.append(raw)
        if len(self.waiting) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Read the waiting features: as columns, or one by one when they have something to say."""
        assert self.bundle is not None
        raws, first = self.waiting, self.first_waiting
        self.waiting = []
        if not raws or read_rows(self.parser, self.bundle, self.name, first, raws, self.add_event,
                                   self.ids, plain=self.plain):
            return
        for offset, raw in enumerate(raws):
            event = prepare_feature(raw, first + offset, self.name, self.renamed) if self.plain else None
            if event is not None:
                self.add_event(event)
            self.one(first + offset, raw)
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str | int | float) and not isinstance(raw_id, bool):
                self.ids.add(str(raw_id))  # read or refused, no later feature may have it

    def add_event(self, event: str) -> None:
        """A stub for an event a plain file's feature names, unless there is one."""
        assert self.bundle is not None
        parser = self.parser
        if event not in parser.named["events"]:
            where, stub = f"events[{len(parser.events)}]", {"id": event, "name": event}
            parser.events.append((where, stub))
            parser.named["events"].add(event)
            parser.add(self.bundle.events, parser.read_event(where, stub), where)

    def one(self, index: int, raw: Any) -> None:
        assert self.bundle is not None
        parser = self.parser
        parser.feature(self.bundle, index, raw)
        if isinstance(raw, dict) and raw.get("id") is not None and str(raw["id"]) not in self.bundle.features:
            parser.named["features"].add(str(raw["id"]))  # read or not, a site may name it: no second problem

    def finish(self, root: dict, late: set[str], notes: list[Problem]) -> tuple[Bundle, list[Problem]]:
        assert self.bundle is not None
        self.flush()
        notes = notes + self.crs_notes + renamed_notes(self.renamed, self.file)
        self.bundle.extra.update({key: root[key] for key in root if key in late})
        try:
            bundle = self.parser.finish(self.bundle)
        except BundleError as error:
            raise BundleError(notes + error.problems) from None
        return bundle, notes + self.parser.problems + _crossing(bundle, self.file, None)


def _as_collection(root: Any) -> tuple[Any, str | None]:
    """A bare Feature or geometry wrapped as a collection, and the place of the original inside it."""
    kind = root.get("type") if isinstance(root, dict) and isinstance(root.get("type"), str) else None
    if kind == "Feature":
        return {"type": "FeatureCollection", "features": [root]}, ""
    if kind in GEOMETRY_TYPES:
        return {"type": "FeatureCollection",
                "features": [{"type": "Feature", "geometry": root, "properties": {}}]}, "geometry"
    return root, None


def _relocated(problem: Problem, inside: str | None) -> Problem:
    """A problem's place as the file has it: ``features[0].properties`` is ``properties`` in a bare Feature."""
    if inside is None or not problem.where.startswith("features[0]"):
        return problem
    rest = problem.where.removeprefix("features[0]").lstrip(".")
    if inside == "geometry":
        rest = rest.removeprefix("geometry").lstrip(".")
    return Problem(problem.file, rest or "", problem.message, problem.severity)


class _Reporting(list):
    """The features list the bundle reader walks: a quick pass for ids, then the slow one that reads each
    feature. Each walk reports progress; the first gets a twentieth of the bar."""

    def __init__(self, items: list, progress: Progress):
        super().__init__(items)
        self.progress = progress
        self.walks = 0

    def __iter__(self):
        count = len(self)
        total, base, weight = 20 * count, (0 if self.walks == 0 else count), (1 if self.walks == 0 else 19)
        self.walks += 1
        for index, item in enumerate(super().__iter__()):
            if index % 2000 == 0:
                self.progress(min(base + weight * index, total), total)
            yield item
        self.progress(min(base + weight * count, total), total)
