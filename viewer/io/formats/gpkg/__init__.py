"""GeoPackage: launchmap's own tables come back as the same bundle, any other layer as a plain layer.

The reader and writer are imported when used: they bring pyogrio, which brings pandas (half a second).
"""

from __future__ import annotations

from pathlib import Path

from viewer.io.progress import Progress
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem


def read(path: Path, progress: Progress, shown_as: str) -> tuple[Bundle, list[Problem]]:
    from viewer.io.formats.gpkg.reader import read_gpkg

    return read_gpkg(path, progress, shown_as=shown_as)


def write(bundle: Bundle, path: Path, progress: Progress) -> None:
    from viewer.io.formats.gpkg.writer import write_gpkg

    write_gpkg(bundle, path, progress)
