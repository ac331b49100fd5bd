"""GeoJSON: event bundles as they are, plain FeatureCollections, Features and geometries as layers."""

from __future__ import annotations

from pathlib import Path

from viewer.io.progress import Progress
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem


def read(path: Path, progress: Progress, shown_as: str) -> tuple[Bundle, list[Problem]]:
    from viewer.io.formats.geojson.reader import read_geojson

    return read_geojson(path, progress, shown_as=shown_as)


def write(bundle: Bundle, path: Path, progress: Progress) -> None:
    from viewer.io.formats.geojson.writer import write_geojson

    write_geojson(bundle, path, progress)
