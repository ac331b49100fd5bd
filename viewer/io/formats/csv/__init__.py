"""CSV: rows with lon/lat or WKT columns as a layer; written with one row per feature, formula-guarded."""

from __future__ import annotations

from pathlib import Path

from viewer.io.progress import Progress
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem


def read(path: Path, progress: Progress, shown_as: str) -> tuple[Bundle, list[Problem]]:
    from viewer.io.formats.csv.reader import read_csv

    return read_csv(path, progress, shown_as=shown_as)


def write(bundle: Bundle, path: Path, progress: Progress) -> None:
    from viewer.io.formats.csv.writer import write_csv

    write_csv(bundle, path, progress)
