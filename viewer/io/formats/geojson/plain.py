"""A plain FeatureCollection (no launchmap members) made a layer: file-scoped ids, labels, the events its
features name; whole (`prepare_plain`) or one feature at a time as it is parsed (`crs_of`, `prepare_feature`)."""

from __future__ import annotations

from typing import Any

from viewer.io.formats.display_names import display_name
from viewer.io.formats.geojson.legacy_crs import Reproject, crs_of
from viewer.model.problem import Problem, Severity

BUNDLE_MEMBERS = ("launchmap", "documents", "events")


def is_plain(root: Any) -> bool:
    return isinstance(root, dict) and root.get("type") == "FeatureCollection" and isinstance(
        root.get("features"), list) and not any(key in root for key in BUNDLE_MEMBERS)


def prepare_plain(root: dict, name: str, file: str) -> list[Problem]:
    """Make a plain FeatureCollection a layer: file-scoped ids, labels, the events its features name.

    Citations and claims need the bundle's documents; a plain file has none, so those properties are
    kept under another name rather than failing the whole file.
    """
    reproject, notes = crs_of(root, file)
    events: dict[str, None] = {}
    renamed: set[str] = set()
    for index, raw in enumerate(root["features"]):
        event = prepare_feature(raw, index, name, renamed, reproject)
        if event is not None:
            events[event] = None
    if events:
        root["events"] = [{"id": event, "name": event} for event in events]
    return notes + renamed_notes(renamed, file)


def prepare_feature(raw: Any, index: int, name: str, renamed: set[str],
                    reproject: Reproject | None = None) -> str | None:
    """Give one feature of a plain file its id and label, its coordinates in lon/lat (``reproject``, from
    `crs_of`), and put aside citations and claims (their names go into ``renamed``); returns the id of the
    event it names, if any."""
    if not isinstance(raw, dict):
        return None  # the reader reports it
    if reproject is not None:
        reproject(raw)
    if raw.get("id") is None:
        raw["id"] = f"{name}#{index}"
    properties = raw.get("properties")
    if not isinstance(properties, dict):
        return None
    if "label" not in properties:
        label = display_name(properties)
        if label:
            properties["label"] = label
    for key in ("citations", "claims"):
        if key in properties:
            properties[f"source_{key}"] = properties.pop(key)
            renamed.add(key)
    event = properties.get("event")
    if isinstance(event, str | int | float) and not isinstance(event, bool):
        properties["event"] = str(event)
        return str(event)
    return None


def renamed_notes(renamed: set[str], file: str) -> list[Problem]:
    return [Problem(file, "features", f"'{key}' need the documents of an event bundle and this file has none; "
                                      f"kept as property 'source_{key}'", Severity.WARNING) for key in sorted(renamed)]
