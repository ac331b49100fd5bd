"""KML and KMZ: placemarks as features, their descriptions as the documents they cite; one writer for both
(the suffix picks zipped or not)."""

from __future__ import annotations

from pathlib import Path

from viewer.io.progress import Progress
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem


def read_plain(path: Path, progress: Progress, shown_as: str) -> tuple[Bundle, list[Problem]]:
    from viewer.io.formats.kml.reader import read_kml

    return read_kml(path, progress, shown_as=shown_as)


def read_zipped(path: Path, progress: Progress, shown_as: str) -> tuple[Bundle, list[Problem]]:
    from viewer.io.formats.kml.reader import read_kmz

    return read_kmz(path, progress, shown_as=shown_as)


def write(bundle: Bundle, path: Path, progress: Progress) -> None:
    from viewer.io.formats.kml.writer import write_kml

    write_kml(bundle, path, progress)
