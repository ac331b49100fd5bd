"""Convert between the formats launchmap reads and writes: bundle GeoJSON, GeoPackage, KML/KMZ, CSV."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from viewer.io.bundle_writer import write_bundle
from viewer.io.csv_export import write_csv
from viewer.io.gpkg_export import write_gpkg
from viewer.io.importers import import_file
from viewer.io.kml_export import write_kml
from viewer.io.progress import Progress, no_progress, stages
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem

WRITERS = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".kml": "kml", ".kmz": "kml", ".csv": "csv"}


def export_bundle(bundle: Bundle, path: str | Path, progress: Progress = no_progress) -> None:
    """Write ``bundle`` in the format ``path``'s suffix names, atomically; raises ValueError for an unknown one."""
    path = Path(path)
    kind = WRITERS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"{path}: cannot write {path.suffix or 'files without a suffix'}; "
                         f"use one of {', '.join(sorted(WRITERS))}")
    if kind == "geojson":
        write_bundle(relocated(bundle, path.parent), path)
        progress(1, 1)
    elif kind == "gpkg":
        write_gpkg(bundle, path, progress)
    elif kind == "kml":
        write_kml(bundle, path, progress)
    else:
        write_csv(bundle, path, progress)


def convert(source: str | Path, target: str | Path, progress: Progress = no_progress) -> tuple[Bundle, list[Problem]]:
    """Read ``source`` in any format launchmap imports and write it as ``target``; returns what was read."""
    target = Path(target)
    if target.suffix.lower() not in WRITERS:
        export_bundle(Bundle(), target)  # raises the unknown-suffix message before any reading
    reading, writing = stages(progress, (3, 1))
    bundle, problems = import_file(source, reading)
    export_bundle(bundle, target, writing)
    return bundle, problems


def relocated(bundle: Bundle, folder: Path) -> Bundle:
    """The bundle as written into ``folder``: article paths made relative to it, or the text carried inline
    where the article file is not there to point at (it came from a GeoPackage or KML)."""
    documents = {}
    base = bundle.path.parent if bundle.path else None
    for key, document in bundle.documents.items():
        article = (base / document.path) if base is not None and document.path else None
        if document.text_inline:
            documents[key] = document
        elif article is not None and article.is_file() and document.text is not None:
            try:
                moved = os.path.relpath(article.resolve(), folder.resolve())
            except ValueError:  # another drive on Windows
                documents[key] = replace(document, text_inline=True)
                continue
            documents[key] = replace(document, path=Path(moved).as_posix())
        elif document.text is not None:
            documents[key] = replace(document, text_inline=True)
        else:
            documents[key] = document
    return replace(bundle, documents=documents)
