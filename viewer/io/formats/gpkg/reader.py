"""Import a GeoPackage: one written by launchmap comes back as the same bundle, every other layer as a plain layer."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from viewer.io.bundle.json_checks import CheckedDecoder, NonFinite, long_integer, non_finite_message, too_deep
from viewer.io.bundle.reader import BundleParser
from viewer.io.formats.display_names import display_names
from viewer.io.formats.gpkg import inspect
from viewer.io.formats.gpkg.batches import DamagedFeatures, layer_batches, read_batch
from viewer.io.formats.gpkg.columns import FEATURE_COLUMNS, KEPT_AS
from viewer.io.formats.gpkg.gdal_path import as_gdal_reads_it
from viewer.io.formats.gpkg.gdal_words import gdal_warnings, gdal_words
from viewer.io.formats.layer import (
    MAX_FEATURES,
    SHARED_VALUES,
    LayerBuilder,
    checked_vertices,
    refuse_large_file,
    reprojected,
    shared_column,
)
from viewer.io.progress import Progress, no_progress, stages
from viewer.model.bundle import Bundle
from viewer.model.feature_rows import LayerColumns
from viewer.model.problem import BundleError, Problem
from viewer.wording import visible_controls

BATCH = 50_000  # features per read: progress and cancelling between batches
LAUNCHMAP_TABLES = ("features", "documents", "events", "claims", "citations", "launchmap")
_PLACE = re.compile(r"^(features|documents|events)\[(\d+)\]\.?(.*)$")
_WGS84 = {"EPSG:4326", "OGC:CRS84"}
# GDAL warns on every read of a GeoPackage not named .gpkg; the loader recognises them by content on purpose.


def read_gpkg(path: str | Path, progress: Progress = no_progress,
              shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """Every layer of the GeoPackage in one bundle; raises BundleError naming the layer and fid."""
    path = Path(path)
    file = shown_as or visible_controls(str(path))
    refuse_large_file(path, file, 2**62, "GeoPackage")  # size is no measure here; the feature count below is
    builder = LayerBuilder(path, file)
    with as_gdal_reads_it(path) as source:  # the features keep the file's own name; GDAL reads it by another
        return _read_gpkg(source, file, builder, progress)


def _read_gpkg(path: Path, file: str, builder: LayerBuilder, progress: Progress) -> tuple[Bundle, list[Problem]]:
    import pyogrio

    try:
        skipped = inspect.views(path)
    except inspect.TooSlow as error:
        raise BundleError([Problem(file, "", f"not read: {error}")]) from None
    try:
        with gdal_warnings(builder, ""):
            layers = [(str(name), kind) for name, kind in pyogrio.list_layers(path) if str(name) not in skipped]
            counts = {name: int(pyogrio.read_info(path, layer=name)["features"]) for name, _ in layers}
    except RuntimeError as error:  # pyogrio's DataSourceError and friends
        raise BundleError([Problem(file, "", f"not a GeoPackage, or a damaged one ({gdal_words(error)})")]) from None
    for name in sorted(skipped):  # never counted nor read: a view is a query, which may run without end
        builder.warn(f"layer {name}", "a view (a stored query), not a table; not read")
    names = {name for name, _ in layers}
    ours = set(LAUNCHMAP_TABLES) <= names
    plain = [name for name, kind in layers if kind is not None and not (ours and name == "features")]
    total = sum(counts[name] for name in plain) + (counts["features"] if ours else 0)
    if total > MAX_FEATURES:
        raise BundleError([Problem(file, "", f"{total:,} features, more than the {MAX_FEATURES:,} launchmap holds; "
                                             "open fewer layers (ogr2ogr can split the file)")])
    parts = stages(progress, [counts.get("features", 0) + 1 if ours else 0] + [counts[n] + 1 for n in plain])
    _read_layers(path, file, layers, ours, plain, counts, parts, builder)
    return builder.finish()


def _read_layers(path: Path, file: str, layers: list[tuple[str, Any]], ours: bool, plain: list[str],
                 counts: dict[str, int], parts: list[Progress], builder: LayerBuilder) -> None:
    reading: tuple[str, ...] = LAUNCHMAP_TABLES if ours else ()  # the tables being read, for a message
    try:
        if ours:
            with gdal_warnings(builder, "layer features"):
                bundle, problems, places = _read_ours(path, file, parts[0])
            builder.bundle = bundle
            builder.problems.extend(problems)
            builder.places.extend(places[:len(bundle.features)])
        for name, stage in zip(plain, parts[1:], strict=True):
            reading = (name,)
            with gdal_warnings(builder, f"layer {name}"):
                read_plain_layer(path, name, counts[name], builder, stage)
        for name, kind in layers:
            if kind is None and not (ours and name in LAUNCHMAP_TABLES):
                builder.warn(f"layer {name}", "a table without geometry; not shown on the map")
    except RuntimeError as error:
        raise BundleError([Problem(file, "", f"cannot read the GeoPackage ({gdal_words(error)})")]) from None
    except UnicodeDecodeError:  # pyogrio decodes every text cell as UTF-8, strictly, and says nothing of where
        found = next(filter(None, (inspect.not_utf8(path, table) for table in reading)), None)
        where = f"layer {found[0]}, fid {found[1]}" if found else f"layer {reading[0]}" if len(reading) == 1 else ""
        column = f"column {found[2]!r} holds" if found else "a cell holds"
        raise BundleError([Problem(file, where, f"{column} text that is not UTF-8, which GeoPackage text must "
                                                "be")]) from None


# -- a GeoPackage written by gpkg.writer --------------------------------------------------------
def _read_ours(path: Path, file: str, progress: Progress) -> tuple[Bundle, list[Problem], list[str]]:
    """The tables rebuilt as bundle JSON and read by the bundle reader, which checks and anchors everything."""
    meta = {row["key"]: row["value"] for _, row in _rows(path, file, "launchmap")}
    header = _json_cell(meta.get("header"), file, "layer launchmap", "header") or {"version": 1}
    root: dict[str, Any] = {"type": "FeatureCollection", "launchmap": header}
    root.update(_json_cell(meta.get("extra"), file, "layer launchmap", "extra") or {})
    citations: dict[tuple[str, str, int | None], list[dict]] = {}
    for _, row in _rows(path, file, "citations"):
        cited = {k: row[k] for k in ("document", "start", "end", "exact", "prefix", "suffix") if row[k] is not None}
        for key in ("start", "end"):
            if isinstance(cited.get(key), float):
                cited[key] = int(cited[key])
        cited.update(row["extra"])
        of_claim = None if row["claim"] is None else int(row["claim"])
        citations.setdefault((row["owner"], row["owner_id"], of_claim), []).append(cited)
    claims: dict[tuple[str, str], list[dict]] = {}
    for _, row in _rows(path, file, "claims", ("value",)):
        claim = {"property": row["property"], "value": row["value"]}
        claim.update({k: row[k] for k in ("by", "reference") if row[k]})
        backing = citations.get((row["owner"], row["owner_id"], int(row["position"] or 0)))
        if backing:
            claim["citations"] = backing
        claim.update(row["extra"])
        claims.setdefault((row["owner"], row["owner_id"]), []).append(claim)
    documents: list[tuple[dict[str, Any], bool]] = []
    places: dict[str, list[str]] = {"documents": [], "events": [], "features": []}
    for fid, row in _rows(path, file, "documents"):
        document = {"id": row["document_id"], **{k: row[k] for k in ("title", "published", "publisher", "path",
                                                                     "sha256") if row[k] is not None}}
        if row["text"] is not None:
            document["text"] = row["text"]
        document.update(row["extra"])
        documents.append((document, bool(row["text_inline"])))
        places["documents"].append(f"layer documents, fid {fid}")
    root["documents"] = [document for document, _ in documents]
    root["events"] = []
    for fid, row in _rows(path, file, "events"):
        event = {"id": row["event_id"], **{k: row[k] for k in ("name", "time", "vehicle", "outcome", "site")
                                           if row[k] is not None}}
        if claims.get(("event", row["event_id"])):
            event["claims"] = claims[("event", row["event_id"])]
        event.update(row["extra"])
        root["events"].append(event)
        places["events"].append(f"layer events, fid {fid}")
    root["features"] = []
    for fid, row, geometry in _features(path, file, progress):
        properties = row["properties"] or {}
        properties.update({k: row[k] for k in FEATURE_COLUMNS if row[k] is not None})
        feature_id = row["feature_id"]
        if citations.get(("feature", feature_id, None)):
            properties["citations"] = citations[("feature", feature_id, None)]
        if claims.get(("feature", feature_id)):
            properties["claims"] = claims[("feature", feature_id)]
        extra = row["extra"]
        source = extra.pop(f"{KEPT_AS}geometry", None)
        root["features"].append({"type": "Feature", "id": extra.pop("id", feature_id), **extra,
                                 "geometry": source if source is not None else geometry, "properties": properties})
        places["features"].append(f"layer features, fid {fid}")
    reader = BundleParser(path, file)
    try:
        bundle = reader.read(root)
    except BundleError as error:
        raise BundleError([_in_layer(p, places) for p in error.problems]) from None
    for document, inline in documents:
        if document.get("id") in bundle.documents:
            bundle.documents[document["id"]].text_inline = inline
    return bundle, [_in_layer(p, places) for p in reader.problems], places["features"]


def _features(path: Path, file: str, progress: Progress):
    """(fid, row, GeoJSON geometry) of the features layer, in batches."""
    import pyogrio

    count = int(pyogrio.read_info(path, layer="features")["features"])
    for start in range(0, max(count, 1), BATCH):
        try:
            meta, fids, wkb, fields = read_batch(path, "features", start, max(min(BATCH, count - start), 1))
        except DamagedFeatures as error:
            raise BundleError([Problem(file, f"layer features, fid {fid}", f"geometry cannot be read ({error.message})")
                               for fid in error.fids] or [Problem(file, "layer features", error.message)]) from None
        missing = [int(fid) for fid, blob in zip(fids.tolist(), wkb, strict=True) if blob is None] if wkb is not None \
            else []
        damaged = inspect.unreadable(path, "features", missing)
        if damaged:
            raise BundleError([Problem(file, f"layer features, fid {fid}", "geometry cannot be read (a damaged "
                                                                            "geometry blob)") for fid in damaged])
        geometries = shapely.from_wkb(wkb) if wkb is not None else np.full(len(fids), None)
        texts = shapely.to_geojson(geometries)  # exact: shortest round-tripping decimals
        for fid, row, text in zip(fids.tolist(), _columns(meta, fields, len(fids)), texts, strict=True):
            geometry = None if text is None else json.loads(text)
            yield fid, _unkept(row, file, f"layer features, fid {fid}", ("properties",)), geometry
        progress(min(start + BATCH, count), count)


def _rows(path: Path, file: str, layer: str, json_columns: tuple[str, ...] = ()):
    from pyogrio.raw import read

    meta, fids, _, fields = read(path, layer=layer, return_fids=True, read_geometry=False, datetime_as_string=True)
    for fid, row in zip(fids.tolist(), _columns(meta, fields, len(fids)), strict=True):
        yield fid, _unkept(row, file, f"layer {layer}, fid {fid}", json_columns)


def _unkept(row: dict[str, Any], file: str, where: str, json_columns: tuple[str, ...]) -> dict[str, Any]:
    """The row with its JSON cells parsed, and cells kept in ``extra`` (text GeoPackage could not hold) put back."""
    for column in json_columns:
        row[column] = _json_cell(row.get(column), file, where, column)
    extra = _json_cell(row.get("extra"), file, where, "extra") or {}
    for column, value in (("properties", row.get("properties")), ("extra", extra)):
        if column in (*json_columns, "extra") and value is not None and not isinstance(value, dict):
            raise BundleError([Problem(file, where, f"column {column!r} must hold a JSON object")])
    for key in [k for k in extra if k.startswith(KEPT_AS) and k != f"{KEPT_AS}geometry"]:
        row[key.removeprefix(KEPT_AS)] = extra.pop(key)
    row["extra"] = extra
    return row


def _in_layer(problem: Problem, places: dict[str, list[str]]) -> Problem:
    match = _PLACE.match(problem.where)
    if not match or int(match.group(2)) >= len(places[match.group(1)]):
        return problem
    place = places[match.group(1)][int(match.group(2))]
    message = f"{match.group(3)}: {problem.message}" if match.group(3) else problem.message
    return Problem(problem.file, place, message, problem.severity)


# -- any other layer --------------------------------------------------------------------------------
def read_plain_layer(path: Path, layer: str, count: int, builder: LayerBuilder, progress: Progress,
                     sqlite: bool = True) -> None:
    """Add the features of a layer GDAL reads (any format; a GeoPackage's damaged blobs looked for when ``sqlite``),
    reprojected to lon/lat, named by their display names."""
    skipped: set[str] = set()
    for start, batch in layer_batches(path, layer, count, BATCH):
        if isinstance(batch, DamagedFeatures):
            for fid in batch.fids:
                builder.error(f"layer {layer}, fid {fid}", f"geometry cannot be read ({batch.message})")
            if not batch.fids:
                builder.error(f"layer {layer}", f"features {start + 1} to {start + BATCH}: {batch.message}")
            continue  # the file fails; its other batches are still checked, for their own messages
        meta, fids, geometries, fields = batch
        if geometries is None:  # a layer without a geometry column
            geometries = np.full(len(fids), None)
        else:
            missing = fids[shapely.is_missing(geometries)].tolist()  # no geometry, or one GDAL could not read
            for fid in inspect.unreadable(path, layer, missing) if sqlite else ():
                builder.error(f"layer {layer}, fid {fid}", "geometry cannot be read (a damaged geometry blob)")
        geometries = _to_lonlat(geometries, meta.get("crs"), layer, builder, said=start > 0)
        places = FidPlaces(layer, fids)
        geometries, vertices = checked_vertices(builder, geometries, places)
        _refuse_infinite(builder, meta, fields, places)
        names, columns = _column_lists(meta, fields, skipped, shared=False)
        _layer_columns(names, columns, layer, len(fids), builder, places)
        builder.add_rows(places, f"{layer}/", fids, LayerColumns(names, columns), geometries, vertices)
        progress(min(start + BATCH, count), count)
    for column in sorted(skipped):
        builder.warn(f"layer {layer}", f"column {column!r} holds binary data; left out")


def _refuse_infinite(builder: LayerBuilder, meta: dict, fields: list[np.ndarray], places: Sequence[str]) -> None:
    """An error for each cell holding ±infinity (SQLite stores it; no format launchmap writes can)."""
    for name, values in zip(meta["fields"], fields, strict=True):
        if values.dtype.kind == "f":
            for row in np.flatnonzero(np.isinf(values)).tolist():
                builder.error(places[row], f"column {str(name)!r}: {values[row]} is not a finite number")


def _to_lonlat(geometries: np.ndarray, crs: str | None, layer: str, builder: LayerBuilder,
               said: bool = False) -> np.ndarray:
    """The batch's geometries in lon/lat; the layer's first batch (not ``said``) says it was reprojected, in the
    words a GeoJSON in another projection gets (it was silent)."""
    if not crs or crs.upper() in _WGS84 or not len(geometries):
        return geometries
    from pyproj import CRS, Transformer
    from pyproj.exceptions import CRSError

    try:
        source = CRS.from_user_input(crs)
        transformer = Transformer.from_crs(source, "EPSG:4326", always_xy=True)
    except CRSError as error:
        builder.error(f"layer {layer}", f"cannot reproject from {crs} ({error})")
        return geometries
    if not said:
        builder.warn(f"layer {layer}", reprojected(source.name, crs))
    return shapely.transform(geometries, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))


class FidPlaces(Sequence[str]):
    """``layer NAME, fid N`` for each feature of a batch, made into text only when a message names one."""

    def __init__(self, layer: str, fids: np.ndarray):
        self.layer, self.fids = layer, fids

    def __len__(self) -> int:
        return len(self.fids)

    def __getitem__(self, index):
        return f"layer {self.layer}, fid {int(self.fids[index])}"


def _columns(meta: dict, fields: list[np.ndarray], count: int) -> list[dict[str, Any]]:
    """Each row as a dict of plain Python values: NaN is null, numpy scalars are ints and floats."""
    return _rows_of(*_column_lists(meta, fields), count)


def _column_lists(meta: dict, fields: list[np.ndarray], skipped: set[str] | None = None,
                  shared: bool = True) -> tuple[list[str], list[list[Any]]]:
    """The column names, and each column as a list of plain Python values (NaN is None); binary columns are
    left empty (their names go into ``skipped``). With ``shared``, the texts of `SHARED_VALUES` columns are held
    once each (worth it for rows made into dicts that outlive the columns, not for cells kept in them)."""
    names = [str(n) for n in meta["fields"]]
    types = [str(t) for t in meta.get("ogr_types") or [""] * len(names)]
    columns = []
    for name, kind, values in zip(names, types, fields, strict=True):
        if values.dtype.kind == "f":  # pyogrio reads an integer column with nulls as floats
            integer = kind.startswith("OFTInteger")
            columns.append([None if math.isnan(v) else int(v) if integer else v for v in values.tolist()])
        elif values.dtype.kind == "O" and any(isinstance(v, bytes) for v in values[:100]):
            if skipped is not None:
                skipped.add(name)
            columns.append([None] * len(values))
        else:
            columns.append(shared_column(values.tolist()) if shared and name in SHARED_VALUES else values.tolist())
    return names, columns


def _layer_columns(names: list[str], columns: list[list[Any]], layer: str, count: int, builder: LayerBuilder,
                   places: Sequence[str]) -> None:
    """Complete a plain layer's columns as `LayerBuilder.add` would each feature: ``layer``, a ``label`` from its
    display name (`display_names`), the events named (made stubs), a warning for each unknown kind."""
    if "layer" not in names:
        names.append("layer")
        columns.append([layer] * count)
    else:  # a null cell gets the layer's name, as a missing one does
        own = columns[names.index("layer")]
        own[:] = [layer if cell is None else cell for cell in own]
    labels = columns[names.index("label")] if "label" in names else None
    firsts = display_names(names, columns) if labels is None or None in labels else None
    if firsts is not None:
        if labels is None:
            names.append("label")
            columns.append(firsts)
        else:
            labels[:] = [first if label is None else label for label, first in zip(labels, firsts, strict=True)]
    column = dict(zip(names, columns, strict=True))
    events = column.get("event")
    for row, event in enumerate(events or ()):
        if isinstance(event, str | int) and event != "":
            events[row] = builder.add_event(event, column.get("event_name", [None] * count)[row],  # type: ignore[index]
                                            column.get("event_time", [None] * count)[row])
    if "kind" in column:
        builder.check_kinds(column["kind"], places)


def _rows_of(names: list[str], columns: list[list[Any]], count: int, no_nulls: bool = False) -> list[dict[str, Any]]:
    """Each row as a dict; with ``no_nulls``, null cells are left out of the row."""
    if not columns:
        return [{} for _ in range(count)]
    if no_nulls and any(None in column for column in columns):
        return [{name: cell for name, cell in zip(names, cells, strict=True) if cell is not None}
                for cells in zip(*columns, strict=True)]
    return list(map(dict, map(zip, repeat(names), zip(*columns, strict=True))))  # map: a third faster than a loop


def _json_cell(text: Any, file: str, where: str, column: str) -> Any:
    if text is None:
        return None
    try:
        return CheckedDecoder().decode(text)
    except NonFinite as error:
        raise BundleError([Problem(file, where, f"column {column!r}: {non_finite_message(error.token)}")]) from None
    except RecursionError:
        raise BundleError([Problem(file, where, f"column {column!r}: {too_deep(text)[1]}")]) from None
    except (TypeError, ValueError) as error:
        if isinstance(text, str) and (too_long := long_integer(text)) is not None:
            raise BundleError([Problem(file, where, f"column {column!r}: {too_long[1]}")]) from None
        raise BundleError([Problem(file, where, f"column {column!r} is not JSON ({error})")]) from None
