"""Convert between the formats launchmap reads and writes: bundle GeoJSON, GeoPackage, KML/KMZ, CSV."""

from __future__ import annotations

from pathlib import Path

from viewer.io.formats import write_suffixes, writer_for
from viewer.io.load import open_path
from viewer.io.progress import Progress, no_progress, stages
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem


def export_bundle(bundle: Bundle, path: str | Path, progress: Progress = no_progress) -> None:
    """Write ``bundle`` in the format ``path``'s suffix names, atomically; raises ValueError for an unknown one."""
    path = Path(path)
    target = writer_for(path)
    if target is None or target.writer is None:
        raise ValueError(f"{path}: cannot write {path.suffix or 'files without a suffix'}; "
                         f"use one of {', '.join(write_suffixes())}")
    target.writer(bundle, path, progress)


def convert(source: str | Path, target: str | Path, progress: Progress = no_progress) -> tuple[Bundle, list[Problem]]:
    """Read ``source`` in any format launchmap reads and write it as ``target``; returns what was read."""
    target = Path(target)
    if writer_for(target) is None:
        export_bundle(Bundle(), target)  # raises the unknown-suffix message before any reading
    reading, writing = stages(progress, (3, 1))
    bundle, problems = open_path(source, reading)
    export_bundle(bundle, target, writing)
    return bundle, problems
