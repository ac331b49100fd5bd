"""Write an event bundle back as GeoJSON, keeping every member and property it was read with."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping

from viewer.io.atomic import atomic_writer, write_bytes_atomic
from viewer.io.unpaired import json_utf8
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.claim import Claim
from viewer.model.document import Document
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature

# allow_nan=False: never write Infinity or NaN, which no JSON reader (launchmap's included) accepts
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=1, allow_nan=False)
# Files no person reads (the autosave's copies) are written without indenting, by msgspec (the reader's parser
# already): indenting takes json's pure-Python encoder (a million points' copy: ~20 s of CPU); json's C encoder
# without took ~3 s, msgspec (and orjson, measured) ~0.3 s, the same text but for exponents (1e300, not 1e+300).
_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
FEATURES_AT_ONCE = 2_000  # features encoded per piece written
_POINT = 0


def write_bundle(bundle: Bundle, path: str | Path, compact: bool = False) -> None:
    """Write atomically: a failure part-way leaves the previous file intact.

    The text is what `json.dumps(bundle_to_dict(bundle), indent=1)` gives, written a few thousand features at a
    time: a million features' dicts made at once held ~1 GB (the autosave of an edited catalogue grew the window's
    memory by gigabytes), and reading their properties made every row's dict for good (`Feature.properties_copy`).
    ``compact``: the same data without indenting or spaces, as `json.dumps(..., separators=(",", ":"))` gives.
    """
    head = bundle_to_dict(bundle, with_features=False)
    if list(head)[-1] != "features":  # a foreign member named "features" came first: not written apart
        text = (_COMPACT if compact else _ENCODER).encode(bundle_to_dict(bundle)) + "\n"
        write_bytes_atomic(path, json_utf8(text))
        return
    if compact:
        _write_compact(bundle, head, path)
        return
    features = iter(bundle.features.values())  # a plain layer's made a few thousand at a time, none kept
    opening = _ENCODER.encode(head)  # ... "features": []\n} (a list of none: written as "[]")
    with atomic_writer(path) as handle:
        if not bundle.features:
            handle.write(json_utf8(opening + "\n"))
            return
        handle.write(json_utf8(opening[:-len("]\n}")]))
        separator = "\n"
        while piece := list(islice(features, FEATURES_AT_ONCE)):
            pieces = [separator + _indented(_ENCODER.encode(feature_to_dict(piece[0])))]
            pieces += [",\n" + _indented(_ENCODER.encode(feature_to_dict(feature))) for feature in piece[1:]]
            separator = ",\n"
            handle.write(json_utf8("".join(pieces)))
        handle.write(b"\n ]\n}\n")


def _write_compact(bundle: Bundle, head: dict[str, Any], path: str | Path) -> None:
    """`write_bundle` without indenting: each piece of features encoded in one call of the C encoder."""
    opening = _COMPACT.encode(head)  # ...,"features":[]}
    features = iter(bundle.features.values())
    with atomic_writer(path) as handle:
        handle.write(json_utf8(opening[: -len("]}")]))
        separator = b""
        while piece := list(islice(features, FEATURES_AT_ONCE)):
            encoded = _compact_json(features_to_dicts(piece))
            handle.write(separator + encoded[1:-1])
            separator = b","
        handle.write(b"]}\n")


def _compact_json(value: Any) -> bytes:
    """``value`` as compact JSON (UTF-8), as `_COMPACT` writes it, except that NaN and infinities (a GeoPackage's
    REAL cell may hold one) are written null, where json refuses them: an autosave keeps the rest."""
    import msgspec  # here: the window's first frame imports this module, not msgspec (~10 ms)

    try:
        return msgspec.json.encode(value)
    except (TypeError, UnicodeEncodeError):  # a value JSON has no form for (json's message, as the indented writer
        return json_utf8(_COMPACT.encode(value))  # gives), or a lone surrogate (`viewer.io.unpaired`)


def features_to_dicts(features: list[Feature]) -> list[dict[str, Any]]:
    """`feature_to_dict` of each feature; the plain 2-D points among them (most of a large catalogue) have their
    coordinates read in one call (shapely's mapping() of each took ~40% of writing them)."""
    geometries = np.array([None if f.source_geometry is not None else f.geometry for f in features], dtype=object)
    point = (shapely.get_type_id(geometries) == _POINT) & ~shapely.is_empty(geometries) & ~shapely.has_z(geometries)
    given: list[dict[str, Any] | None] = [None] * len(features)
    chosen = np.flatnonzero(point)
    if len(chosen):
        coords = shapely.get_coordinates(geometries[chosen]).tolist()
        for at, xy in zip(chosen.tolist(), coords, strict=True):
            given[at] = {"type": "Point", "coordinates": xy}
    return [feature_to_dict(f, g) for f, g in zip(features, given, strict=True)]


def _indented(text: str) -> str:
    """A feature's JSON as it stands in the features list of a bundle indented by one (two spaces deeper): no line
    break is inside a string (JSON escapes them)."""
    return "  " + text.replace("\n", "\n  ")


def bundle_to_dict(bundle: Bundle, with_features: bool = True) -> dict[str, Any]:
    header = dict(bundle.extra.get("launchmap") or {})
    header["version"] = bundle.version
    result: dict[str, Any] = {"type": "FeatureCollection", "launchmap": header}
    result.update({k: v for k, v in bundle.extra.items() if k != "launchmap"})
    result["documents"] = [document_to_dict(d) for d in bundle.documents.values()]
    result["events"] = [event_to_dict(e) for e in bundle.events.values()]
    result["features"] = [feature_to_dict(f) for f in bundle.features.values()] if with_features else []
    return result


def document_to_dict(document: Document) -> dict[str, Any]:
    result: dict[str, Any] = {"id": document.id}
    for key in ("title", "published", "publisher", "path", "sha256"):
        value = getattr(document, key)
        if value is not None:
            result[key] = value
    if document.text_inline:
        result["text"] = document.text
    result.update(document.extra)
    return result


def event_to_dict(event: LaunchEvent) -> dict[str, Any]:
    result: dict[str, Any] = {"id": event.id}
    for key in ("name", "time", "vehicle", "outcome", "site"):
        value = getattr(event, key)
        if value is not None and value != "":
            result[key] = value
    if event.claims:
        result["claims"] = [claim_to_dict(c) for c in event.claims]
    result.update(event.extra)
    return result


def feature_to_dict(feature: Feature, geometry_dict: dict[str, Any] | None = None) -> dict[str, Any]:
    """``geometry_dict``: the GeoJSON of its geometry, when known already."""
    geometry: Any
    if geometry_dict is not None:
        geometry = geometry_dict
    elif feature.geometry is None:
        geometry = None
    elif feature.source_geometry is not None:
        geometry = feature.source_geometry  # exactly as read: keeps its own foreign members
    else:
        geometry = _plain(mapping(feature.geometry))
    properties = feature.properties_copy()  # a plain layer's row read, not made its dict for good
    if feature.citations:
        properties["citations"] = [citation_to_dict(c) for c in feature.citations]
    if feature.claims:
        properties["claims"] = [claim_to_dict(c) for c in feature.claims]
    extra = feature.extra
    result: dict[str, Any] = {"type": "Feature", "id": extra.get("id", feature.id)}
    if extra:
        result.update({k: v for k, v in extra.items() if k != "id"})
    result["geometry"] = geometry
    result["properties"] = properties
    return result


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    result: dict[str, Any] = {"property": claim.property, "value": claim.value}
    if claim.by:
        result["by"] = claim.by
    if claim.citations:
        result["citations"] = [citation_to_dict(c) for c in claim.citations]
    if claim.reference:
        result["reference"] = claim.reference
    result.update(claim.extra)
    return result


def citation_to_dict(citation: Citation) -> dict[str, Any]:
    """The selectors as they now stand: a re-anchored citation is written with its new offsets."""
    result: dict[str, Any] = {
        "document": citation.document,
        "start": citation.start,
        "end": citation.end,
        "exact": citation.exact,
    }
    if citation.prefix:
        result["prefix"] = citation.prefix
    if citation.suffix:
        result["suffix"] = citation.suffix
    result.update(citation.extra)
    return result


def _plain(value: Any) -> Any:
    """shapely's mapping() gives tuples; GeoJSON wants lists."""
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value
