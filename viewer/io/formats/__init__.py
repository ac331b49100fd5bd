"""The formats launchmap reads and writes, one entry each: name, description, suffixes, reader, writer.

Adding a format is one `Format` in `FORMATS`; the open and export dialogs' filters, the loader's choice of
reader (`viewer.io.load`) and `convert`'s choice of writer all come from this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from viewer.io.formats import csv, geojson, gpkg, kml, vector
from viewer.io.progress import Progress
from viewer.model.bundle import Bundle
from viewer.model.problem import Problem

# reader(path, progress, shown_as) -> (bundle, warnings); raises BundleError ("FILE:WHERE: message") or Cancelled
Reader = Callable[[Path, Progress, str], tuple[Bundle, list[Problem]]]
# writer(bundle, path, progress): writes atomically; raises OSError or BundleError
Writer = Callable[[Bundle, Path, Progress], None]


@dataclass(frozen=True)
class Format:
    """One file format. ``suffixes`` are read (the first is its usual one); ``writes`` are the suffixes it writes.

    ``magic`` is how its files begin, recognised whatever their name; ``starts`` the first non-blank byte
    that tells it apart when the suffix says nothing.
    """

    name: str
    description: str
    suffixes: tuple[str, ...]
    reader: Reader
    writer: Writer | None = None
    writes: tuple[str, ...] = ()
    magic: bytes = b""
    starts: tuple[bytes, ...] = ()

    @property
    def patterns(self) -> str:
        return " ".join(f"*{suffix}" for suffix in self.suffixes)


FORMATS: tuple[Format, ...] = (
    Format("geojson", "Event bundles and GeoJSON", (".geojson", ".json"), geojson.read, geojson.write,
           writes=(".geojson", ".json"), starts=(b"{", b"[")),
    Format("gpkg", "GeoPackage", (".gpkg",), gpkg.read, gpkg.write, writes=(".gpkg",),
           magic=b"SQLite format 3\x00"),
    Format("kml", "KML", (".kml",), kml.read_plain, kml.write, writes=(".kml",), starts=(b"<",)),
    Format("kmz", "KMZ", (".kmz",), kml.read_zipped, kml.write, writes=(".kmz",),
           magic=b"PK\x03\x04"),
    Format("csv", "CSV with lon/lat or WKT columns", (".csv", ".tsv", ".txt"), csv.read, csv.write,
           writes=(".csv",)),
    Format("shp", "ESRI Shapefile", (".shp", ".zip"), vector.read, magic=b"PK\x03\x04"),
    Format("gpx", "GPS eXchange Format", (".gpx",), vector.read),
    Format("fgb", "FlatGeobuf", (".fgb",), vector.read),
    Format("gml", "Geography Markup Language", (".gml",), vector.read),
)
FALLBACK = "csv"  # a file with no telling suffix or first byte is tried as a table of rows


def format_named(name: str) -> Format:
    return next(f for f in FORMATS if f.name == name)


def by_suffix(suffix: str) -> Format | None:
    """The format that reads files ending in ``suffix`` (with its dot, any case)."""
    return next((f for f in FORMATS if suffix.lower() in f.suffixes), None)


def writer_for(path: str | Path) -> Format | None:
    """The format that writes ``path``, chosen by its suffix; None when launchmap writes no such file."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS if f.writer is not None and suffix in f.writes), None)


def write_suffixes() -> list[str]:
    return sorted(suffix for f in FORMATS if f.writer is not None for suffix in f.writes)


def by_content(head: bytes, suffix: str) -> Format:
    """The format of a file that begins with ``head``: by content where it is unmistakable (SQLite, zip),
    else by suffix, else by its first byte, else `FALLBACK`."""
    named = by_suffix(suffix)
    if named is not None and named.magic and head.startswith(named.magic):  # a zip: a KMZ, or a zipped Shapefile
        return named
    for candidate in FORMATS:
        if candidate.magic and head.startswith(candidate.magic):
            return candidate
    if named is not None:
        return named
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return next((f for f in FORMATS if start and start in f.starts), format_named(FALLBACK))


def open_filter(*others: tuple[str, str]) -> str:
    """For a file dialog that opens: every format first (the default choice), then each on its own, then ``others``
    (description, patterns) such as sessions, then all files."""
    every = " ".join([f.patterns for f in FORMATS] + [patterns for _, patterns in others])
    return ";;".join([f"All supported files ({every})", *(f"{f.description} ({f.patterns})" for f in FORMATS),
                      *(f"{description} ({patterns})" for description, patterns in others), "All files (*)"])


def export_filter(first: str = "gpkg") -> str:
    """For a file dialog that saves data: each format launchmap writes, the one named ``first`` first."""
    written = sorted((f for f in FORMATS if f.writer is not None), key=lambda f: f.name != first)
    return ";;".join(f"{f.description} ({' '.join('*' + s for s in f.writes)})" for f in written)
