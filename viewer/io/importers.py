"""Open any file launchmap reads as a new bundle: chosen by what the file is, then by its suffix."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from viewer.io.csv_io import read_csv
from viewer.io.geojson_import import read_geojson
from viewer.io.gpkg_io import read_gpkg
from viewer.io.kml_io import read_kml, read_kmz
from viewer.io.layer_bundle import errors_first
from viewer.io.progress import Progress, no_progress
from viewer.model.bundle import Bundle
from viewer.model.problem import BundleError, Problem

Reader = Callable[..., tuple[Bundle, list[Problem]]]

READERS: dict[str, Reader] = {
    "geojson": read_geojson, "gpkg": read_gpkg, "kml": read_kml, "kmz": read_kmz, "csv": read_csv,
}
SUFFIXES = {
    ".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".kml": "kml", ".kmz": "kmz",
    ".csv": "csv", ".tsv": "csv", ".txt": "csv",
}
# For QFileDialog: every format first, then each on its own.
OPEN_FILTER = ";;".join([
    "All supported files (*.geojson *.json *.gpkg *.kml *.kmz *.csv *.tsv)",
    "Event bundles and GeoJSON (*.geojson *.json)",
    "GeoPackage (*.gpkg)",
    "KML and KMZ (*.kml *.kmz)",
    "CSV with lon/lat or WKT columns (*.csv *.tsv *.txt)",
    "All files (*)",
])


def import_file(path: str | Path, progress: Progress = no_progress,
                shown_as: str | None = None) -> tuple[Bundle, list[Problem]]:
    """A new bundle holding the file's features, and its warnings.

    Raises BundleError (``FILE:WHERE: message``) when it cannot be read, and Cancelled when ``progress``
    does; it never touches anything already open, so a failed import loses nothing.
    """
    path = Path(path)
    file = shown_as or str(path)
    try:
        with _bulk_load():
            return READERS[format_of(path, file)](path, progress, shown_as=file)
    except BundleError as error:
        raise BundleError(errors_first(error.problems)) from None


def format_of(path: Path, shown_as: str | None = None) -> str:
    """The format by content where it is unmistakable (SQLite, zip), else by suffix, else by first byte."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError as error:
        raise BundleError([Problem(shown_as or str(path), "", f"cannot read: {error.strerror or error}")]) from None
    if head.startswith(b"SQLite format 3\x00"):
        return "gpkg"
    if head.startswith(b"PK\x03\x04"):
        return "kmz"
    by_suffix = SUFFIXES.get(path.suffix.lower())
    if by_suffix is not None:
        return by_suffix
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return {b"{": "geojson", b"[": "geojson", b"<": "kml"}.get(start, "csv")


_loads = 0
_loads_lock = threading.Lock()
_gc_was_enabled = True


@contextlib.contextmanager
def _bulk_load() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading: a load makes millions of objects that all live
    on, and each collection would walk them again (a 100,000-feature file loads three times faster)."""
    global _loads, _gc_was_enabled
    with _loads_lock:
        if _loads == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _loads += 1
    try:
        yield
    finally:
        with _loads_lock:
            _loads -= 1
            if _loads == 0 and _gc_was_enabled:
                gc.enable()
