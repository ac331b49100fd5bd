"""The shipped offline basemap: land, countries and land borders in lon/lat at several levels of detail.

Built by tools/build_basemap.py; each level is read from the GeoPackage the first time it is asked for.
A GeoPackage is an SQLite database, so it is read with sqlite3: pyogrio would import pandas and geopandas.
What every start computed the same way is stored with it (tools/basemap_start.py): the countries' label points,
the coarser levels projected for the map's default projection, which the first view of a start is drawn in, and every
level's linework ready to be projected (the same in every projection).
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np
import shapely

from viewer.resources import asset

KINDS = ("land", "countries", "borders")
ANTIMERIDIAN_INSIDE = 180.0 - 1e-6  # degrees: about 0.1 m
COUNTRY_POINTS = "country_points"  # (name, lon, lat, km2): viewer.geo.labels.country_points of the coarsest level
PROJECTED = "projected_levels"  # (srs, level, land_x, land_y, border_x, border_y): a level's strokes' vertices
LINEWORK = "level_linework"  # (level, kind, lon, lat, starts): viewer.geo.drawable.linework_lonlat of a level's
# densified land (kind 'land') or borders ('borders'); starts: where each part begins


class Linework(NamedTuple):
    """Vertices as `viewer.geo.drawable.linework_lonlat` gives them: lon (unwrapped within each part), lat, and the
    part each belongs to (0, 1, ...)."""

    lon: np.ndarray
    lat: np.ndarray
    part: np.ndarray


class ProjectedLevel(NamedTuple):
    """A level's land (densified) and borders in one projection: NaN-separated x and y, as drawn."""

    land_x: np.ndarray
    land_y: np.ndarray
    border_x: np.ndarray
    border_y: np.ndarray


@dataclass(frozen=True)
class BasemapLevel:
    """One level of detail; geometry arrays are numpy object arrays of shapely geometries (lon, lat)."""

    level: int
    tolerance: float  # degrees: the most any line was moved by simplification
    land: np.ndarray  # Polygons, one per island or continent part
    countries: np.ndarray  # (Multi)Polygons, parallel to country_names
    country_names: tuple[str, ...]
    borders: np.ndarray  # MultiLineStrings, parallel to border_pairs
    border_pairs: tuple[tuple[str, str], ...]


class Basemap:
    """Levels of detail of the basemap; level 0 is full detail, higher levels are coarser."""

    def __init__(self, path: Path, tolerances: dict[int, float], tables: frozenset[str] = frozenset()) -> None:
        self.path = path
        self._tolerances = dict(sorted(tolerances.items()))
        self._loaded: dict[int, BasemapLevel] = {}
        self._tables = tables  # which of the stored start-up tables the file has

    @property
    def levels(self) -> tuple[int, ...]:
        return tuple(self._tolerances)

    def tolerance(self, level: int) -> float:
        return self._tolerances[level]

    def level_for(self, degrees_per_pixel: float) -> int:
        """The coarsest level whose simplification error stays under one pixel.

        For a projected view pass metres per pixel / 111_320 (a degree of latitude in metres).
        """
        fitting = [lvl for lvl, tol in self._tolerances.items() if tol <= degrees_per_pixel]
        return max(fitting, default=min(self._tolerances))

    def __getitem__(self, level: int) -> BasemapLevel:
        if level not in self._tolerances:
            raise KeyError(f"{self.path}: no basemap level {level}; levels are {self.levels}")
        if level not in self._loaded:
            self._loaded[level] = self._read(level)
        return self._loaded[level]

    def country_points(self) -> tuple[tuple[str, float, float, float], ...] | None:
        """(name, lon, lat, km²) per country, as `viewer.geo.labels.country_points` finds them on the coarsest
        level (computed when the file was built: ~30 ms of every start); None if the file does not have them."""
        if COUNTRY_POINTS not in self._tables:
            return None
        with closing(_connect(self.path)) as db:
            rows = db.execute(f'SELECT name, lon, lat, km2 FROM "{COUNTRY_POINTS}" ORDER BY rowid').fetchall()
        return tuple((str(name), float(lon), float(lat), float(km2)) for name, lon, lat, km2 in rows)

    def projected(self, level: int, srs: str) -> ProjectedLevel | None:
        """The level's land and borders projected in the CRS ``srs`` (its PROJ string), if the file has them (the
        default projection's coarser levels: projecting one took ~60 ms of every start); None otherwise."""
        if PROJECTED not in self._tables:
            return None
        with closing(_connect(self.path)) as db:
            row = db.execute(f'SELECT land_x, land_y, border_x, border_y FROM "{PROJECTED}" WHERE srs = ? AND '
                             "level = ?", (srs, level)).fetchone()
        if row is None:
            return None
        # Copied: arrays over the row's bytes would be read-only.
        return ProjectedLevel(*(np.frombuffer(blob, dtype="<f8").astype(float) for blob in row))

    def linework(self, level: int) -> tuple[Linework, Linework] | None:
        """The level's densified land and its borders as `Linework` (land, borders), if the file has them
        (reading a level and densifying its land took 40-60 ms of each export outside the default projection);
        None otherwise."""
        if LINEWORK not in self._tables:
            return None
        with closing(_connect(self.path)) as db:
            rows = {kind: (lon, lat, starts) for kind, lon, lat, starts in
                    db.execute(f'SELECT kind, lon, lat, starts FROM "{LINEWORK}" WHERE level = ?', (level,))}
        if set(rows) != {"land", "borders"}:
            return None
        return _linework(*rows["land"]), _linework(*rows["borders"])

    def _read(self, level: int) -> BasemapLevel:
        with closing(_connect(self.path)) as db:
            land, _ = _read_layer(db, f"land_{level}", ())
            countries, (names,) = _read_layer(db, f"countries_{level}", ("name",))
            borders, (a, b) = _read_layer(db, f"borders_{level}", ("a", "b"))
        return BasemapLevel(
            level=level,
            tolerance=self._tolerances[level],
            land=land,
            countries=countries,
            country_names=tuple(names),
            borders=borders,
            border_pairs=tuple(zip(a, b, strict=True)),
        )


def load_basemap(path: Path | str | None = None) -> Basemap:
    """Open the basemap (the shipped one unless `path` is given); levels load lazily on first use.

    Raises FileNotFoundError if there is no file and ValueError if it is no GeoPackage or lacks a basemap layer.
    """
    path = Path(path) if path is not None else asset("resources", "basemap", "basemap.gpkg")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: basemap file not found")
    try:
        with closing(_connect(path)) as db:
            present = {name for (name,) in db.execute("SELECT table_name FROM gpkg_contents")}
            if "levels" not in present:
                raise ValueError(f"{path}: not a launchmap basemap (no 'levels' table)")
            levels = {int(n): float(t) for n, t in db.execute('SELECT level, tolerance_deg FROM "levels"')}
    except sqlite3.DatabaseError as error:  # not SQLite, or SQLite without GeoPackage tables
        raise ValueError(f"{path}: not a GeoPackage basemap ({error})") from None
    missing = sorted(f"{k}_{lvl}" for lvl in levels for k in KINDS if f"{k}_{lvl}" not in present)
    if missing:
        raise ValueError(f"{path}: basemap layers missing: {', '.join(missing)}")
    return Basemap(path, levels, frozenset(present & {COUNTRY_POINTS, PROJECTED, LINEWORK}))


def _linework(lon: bytes, lat: bytes, starts: bytes) -> Linework:
    first = np.frombuffer(starts, dtype="<i4").astype(np.intp)
    count = len(lon) // 8
    part = np.repeat(np.arange(len(first), dtype=np.intp), np.diff(np.append(first, count)))
    # Copied: arrays over the row's bytes would be read-only.
    return Linework(np.frombuffer(lon, dtype="<f8").astype(float), np.frombuffer(lat, dtype="<f8").astype(float),
                    part)


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _read_layer(db: sqlite3.Connection, table: str, columns: tuple[str, ...]) -> tuple[np.ndarray, list[list]]:
    """The geometries (shapely, in feature id order) and the named attribute columns of a feature table."""
    (geometry_column,) = db.execute(
        "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
    selected = ", ".join(_quoted(c) for c in (geometry_column, *columns))
    rows = db.execute(f"SELECT {selected} FROM {_quoted(table)} ORDER BY rowid").fetchall()
    blobs = [row[0] for row in rows]
    geometries = shapely.from_wkb([None if blob is None else _wkb(blob) for blob in blobs])
    return _off_the_antimeridian(geometries), [[row[i] for row in rows] for i in range(1, len(columns) + 1)]


def _off_the_antimeridian(geometries: np.ndarray) -> np.ndarray:
    """Vertices on ±180° moved a hair inside: a piece of land that ends on 180° then stays on its own side of a
    map cut there, instead of reaching across the whole map to the other edge."""
    def inside(xy: np.ndarray) -> np.ndarray:
        xy[:, 0] = np.clip(xy[:, 0], -ANTIMERIDIAN_INSIDE, ANTIMERIDIAN_INSIDE)
        return xy

    bounds = shapely.bounds(geometries)
    touching = np.flatnonzero((bounds[:, 0] < -ANTIMERIDIAN_INSIDE) | (bounds[:, 2] > ANTIMERIDIAN_INSIDE))
    if len(touching):
        geometries = geometries.copy()
        geometries[touching] = shapely.transform(geometries[touching], inside)
    return geometries


# Bytes of the envelope after the 8-byte header, by the envelope code in bits 1-3 of the flags byte:
# none, xy, xyz, xym, xyzm (OGC GeoPackage 1.3, 2.1.3.1.1 "GeoPackageBinaryHeader").
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _wkb(blob: bytes) -> bytes:
    """The WKB geometry of a GeoPackage geometry blob: magic 'GP', version, flags, srs_id (int32), envelope."""
    if blob[:2] != b"GP" or len(blob) < 8:
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    if flags & 0b0010_0000:
        raise ValueError("extended GeoPackage geometry blobs are not supported")
    envelope = _ENVELOPE_BYTES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise ValueError(f"invalid envelope code in GeoPackage geometry flags {flags:#04x}")
    return blob[8 + envelope:]


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
