"""Open any GeoJSON file: an event bundle as it is, a plain FeatureCollection, Feature or geometry as a layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from viewer.geo.geometry_check import GEOMETRY_TYPES
from viewer.io.bundle.json_stream import load_geojson
from viewer.io.bundle.reader import BundleParser
from viewer.io.formats.antimeridian import antimeridian_warnings
from viewer.io.formats.layer import LABEL_KEYS
from viewer.io.progress import Progress, no_progress, stages
from viewer.model.bundle import Bundle
from viewer.model.problem import BundleError, Problem, Severity

_BUNDLE_MEMBERS = ("launchmap", "documents", "events")
_WGS84 = ("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326")


def read_geojson(path: str | Path, progress: Progress = no_progress,
                 shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """The file as a bundle, with its warnings; raises BundleError naming the place when it cannot be opened."""
    path = Path(path)
    file = shown_as or str(path)
    parsing, reading = stages(progress, (1, 3))
    notes: list[Problem] = []  # keys given twice, found while parsing
    root = load_geojson(path, file, parsing, notes)
    root, inside = _as_collection(root)
    notes += _prepare_plain(root, path.name, file) if _is_plain(root) else []
    if isinstance(root, dict) and isinstance(root.get("features"), list):
        root["features"] = _Reporting(root["features"], reading)
    reader = BundleParser(path, file)
    try:
        bundle = reader.read(root)
    except BundleError as error:
        raise BundleError(notes + [_relocated(p, inside) for p in error.problems]) from None
    problems = notes + [_relocated(p, inside) for p in reader.problems]
    features = list(bundle.features.values())
    places = [inside if inside is not None else f"features[{i}]" for i in range(len(features))]
    problems += [Problem(file, where, message, Severity.WARNING)
                 for where, message in antimeridian_warnings(features, places)]
    return bundle, problems


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


def _is_plain(root: Any) -> bool:
    return isinstance(root, dict) and root.get("type") == "FeatureCollection" and isinstance(
        root.get("features"), list) and not any(key in root for key in _BUNDLE_MEMBERS)


def _prepare_plain(root: dict, name: str, file: str) -> list[Problem]:
    """Make a plain FeatureCollection a layer: file-scoped ids, labels, the events its features name.

    Citations and claims need the bundle's documents; a plain file has none, so those properties are
    kept under another name rather than failing the whole file.
    """
    notes: list[Problem] = []
    crs = root.get("crs")
    crs_name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if isinstance(crs_name, str) and crs_name not in _WGS84 and not crs_name.endswith(("CRS84", ":4326")):
        raise BundleError([Problem(file, "crs", f"coordinates are in {crs_name}, but GeoJSON is WGS84 lon/lat; "
                                                "reproject the file (e.g. ogr2ogr -t_srs EPSG:4326)")])
    events: dict[str, None] = {}
    renamed: set[str] = set()
    for index, raw in enumerate(root["features"]):
        if not isinstance(raw, dict):
            continue  # the reader reports it
        if raw.get("id") is None:
            raw["id"] = f"{name}#{index}"
        properties = raw.get("properties")
        if not isinstance(properties, dict):
            continue
        if "label" not in properties:
            label = next((properties[k] for k in LABEL_KEYS if isinstance(properties.get(k), str)), None)
            if label:
                properties["label"] = label
        event = properties.get("event")
        if isinstance(event, str | int | float) and not isinstance(event, bool):
            properties["event"] = str(event)
            events[str(event)] = None
        for key in ("citations", "claims"):
            if key in properties:
                properties[f"source_{key}"] = properties.pop(key)
                renamed.add(key)
    if events:
        root["events"] = [{"id": event, "name": event} for event in events]
    for key in sorted(renamed):
        notes.append(Problem(file, "features", f"'{key}' need the documents of an event bundle and this file has "
                                               f"none; kept as property 'source_{key}'", Severity.WARNING))
    return notes


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
