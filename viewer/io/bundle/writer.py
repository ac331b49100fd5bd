"""Write an event bundle back as GeoJSON, keeping every member and property it was read with."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path
from typing import Any

from shapely.geometry import mapping

from viewer.io.atomic import atomic_writer, write_text_atomic
from viewer.model.bundle import Bundle
from viewer.model.citation import Citation
from viewer.model.claim import Claim
from viewer.model.document import Document
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature

# allow_nan=False: never write Infinity or NaN, which no JSON reader (launchmap's included) accepts
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=1, allow_nan=False)
FEATURES_AT_ONCE = 2_000  # features encoded per piece written


def write_bundle(bundle: Bundle, path: str | Path) -> None:
    """Write atomically: a failure part-way leaves the previous file intact.

    The text is what `json.dumps(bundle_to_dict(bundle), indent=1)` gives, written a few thousand features at a
    time: a million features' dicts made at once held ~1 GB (the autosave of an edited catalogue grew the window's
    memory by gigabytes), and reading their properties made every row's dict for good (`Feature.properties_copy`).
    """
    head = bundle_to_dict(bundle, with_features=False)
    if list(head)[-1] != "features":  # a foreign member named "features" came first: not written apart
        text = _ENCODER.encode(bundle_to_dict(bundle)) + "\n"
        write_text_atomic(path, text)
        return
    features = iter(bundle.features.values())  # a plain layer's made a few thousand at a time, none kept
    opening = _ENCODER.encode(head)  # ... "features": []\n} (a list of none: written as "[]")
    with atomic_writer(path) as handle:
        if not bundle.features:
            handle.write((opening + "\n").encode("utf-8"))
            return
        handle.write(opening[:-len("]\n}")].encode("utf-8"))
        separator = "\n"
        while piece := list(islice(features, FEATURES_AT_ONCE)):
            pieces = [separator + _indented(_ENCODER.encode(feature_to_dict(piece[0])))]
            pieces += [",\n" + _indented(_ENCODER.encode(feature_to_dict(feature))) for feature in piece[1:]]
            separator = ",\n"
            handle.write("".join(pieces).encode("utf-8"))
        handle.write(b"\n ]\n}\n")


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


def feature_to_dict(feature: Feature) -> dict[str, Any]:
    if feature.geometry is None:
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
    result: dict[str, Any] = {"type": "Feature", "id": feature.extra.get("id", feature.id)}
    result.update({k: v for k, v in feature.extra.items() if k != "id"})
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
