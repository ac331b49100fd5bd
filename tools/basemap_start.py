"""Store in the basemap what every start of the window computed the same way: the countries' label points and the
coarser levels projected for the default projection (the first view is drawn in it, whatever the data).

Run by tools/build_basemap.py after it writes the levels, or alone on the shipped file:
`python tools/basemap_start.py [GPKG]` (again whenever the densifying, projecting or label point code changes:
tests/qt/test_basemap_start.py compares the stored tables with what that code computes now).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout: the viewer's own code computes what is stored

from viewer.geo.basemap import COUNTRY_POINTS, LINEWORK, PROJECTED, load_basemap  # noqa: E402
from viewer.geo.crs import DEFAULT_REGION, regional  # noqa: E402
from viewer.geo.drawable import linework_lonlat, to_xy_arrays  # noqa: E402
from viewer.geo.labels import country_points  # noqa: E402
from viewer.qt.draw.basemap import densified  # noqa: E402

OUT = ROOT / "resources" / "basemap" / "basemap.gpkg"
# Level 1 is what a start shows at 1366x768 to 1920x1080 for the sample, the default region and data of a
# similar extent; 2 and 3 for wider data. Level 0 (full detail, ~2.3 MB projected) is left to be projected when
# a start's data is that small.
STORED_LEVELS = (1, 2, 3)
LAST_CHANGE = "2000-01-01T00:00:00.000Z"  # as the layers' (build_basemap.py): rebuilds stay byte-identical


def store(path: Path) -> None:
    """(Re)write the start-up tables of the basemap at ``path``."""
    basemap = load_basemap(path)
    coarsest = basemap[max(basemap.levels)]
    points = country_points(coarsest.country_names, list(coarsest.countries))
    srs = regional(DEFAULT_REGION).crs.srs
    projection = regional(DEFAULT_REGION)
    projected = []
    for level in STORED_LEVELS:
        data = basemap[level]
        land_x, land_y = to_xy_arrays(densified(data.land), projection)
        border_x, border_y = to_xy_arrays(list(data.borders), projection)
        projected.append((srs, level, *(np.asarray(a, dtype="<f8").tobytes() for a in (land_x, land_y, border_x,
                                                                                          border_y))))
        print(f"{PROJECTED} level {level}: {len(land_x) + len(border_x)} vertices")
    linework = []
    for level in basemap.levels:
        data = basemap[level]
        for kind, geometries in (("land", densified(data.land)), ("borders", list(data.borders))):
            lon, lat, part = linework_lonlat(geometries)
            starts = np.flatnonzero(np.diff(part, prepend=-1))
            linework.append((level, kind, *(np.asarray(a, dtype="<f8").tobytes() for a in (lon, lat)),
                             np.asarray(starts, dtype="<i4").tobytes()))
            print(f"{LINEWORK} level {level} {kind}: {len(lon)} vertices")
    with closing(sqlite3.connect(path)) as db, db:
        for table in (COUNTRY_POINTS, PROJECTED, LINEWORK):
            db.execute(f'DROP TABLE IF EXISTS "{table}"')
        db.execute(f'CREATE TABLE "{COUNTRY_POINTS}" (fid INTEGER PRIMARY KEY NOT NULL, '
                   "name TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL, km2 REAL NOT NULL)")
        db.executemany(f'INSERT INTO "{COUNTRY_POINTS}" (name, lon, lat, km2) VALUES (?, ?, ?, ?)', points)
        db.execute(f'CREATE TABLE "{PROJECTED}" (fid INTEGER PRIMARY KEY NOT NULL, srs TEXT NOT NULL, '
                   "level INTEGER NOT NULL, land_x BLOB NOT NULL, land_y BLOB NOT NULL, border_x BLOB NOT NULL, "
                   "border_y BLOB NOT NULL)")
        db.executemany(f'INSERT INTO "{PROJECTED}" (srs, level, land_x, land_y, border_x, border_y) '
                       "VALUES (?, ?, ?, ?, ?, ?)", projected)
        db.execute(f'CREATE TABLE "{LINEWORK}" (fid INTEGER PRIMARY KEY NOT NULL, level INTEGER NOT NULL, '
                   "kind TEXT NOT NULL, lon BLOB NOT NULL, lat BLOB NOT NULL, starts BLOB NOT NULL)")
        db.executemany(f'INSERT INTO "{LINEWORK}" (level, kind, lon, lat, starts) VALUES (?, ?, ?, ?, ?)', linework)
        # Attribute tables of the GeoPackage (OGC 12-128r18, 2.4): listed in gpkg_contents, no geometry.
        notes = {COUNTRY_POINTS: "Label point (pole of inaccessibility) of each country of the coarsest level",
                 PROJECTED: "Levels projected for the default map projection, little-endian float64 x, y",
                 LINEWORK: "Each level's densified land and borders as lon/lat linework (little-endian float64), "
                           "longitudes unwrapped within each part, and each part's first vertex (int32)"}
        # An upsert keeps a row's place when the tables are stored again: the same file from the same levels.
        db.executemany("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
                       "VALUES (?, 'attributes', ?, ?, ?) ON CONFLICT (table_name) DO UPDATE SET "
                       "description = excluded.description, last_change = excluded.last_change",
                       [(t, t, note, LAST_CHANGE) for t, note in notes.items()])
    with closing(sqlite3.connect(path)) as db:
        db.execute("VACUUM")
    print(f"{COUNTRY_POINTS}: {len(points)} countries; {path} now {path.stat().st_size / 1e6:.2f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gpkg", type=Path, nargs="?", default=OUT)
    store(parser.parse_args(argv).gpkg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
