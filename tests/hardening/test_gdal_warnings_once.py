"""A GDAL warning about the file is one line, said once: GDAL repeats it each time the file is opened (listing
the layers, counting them, reading each batch), and each time it was reported again."""

from __future__ import annotations

import sqlite3

import geopandas as gpd
import shapely

from viewer.io.load import open_path


def test_an_unknown_srs_id_is_reported_once(tmp_path):
    path = tmp_path / "sites.gpkg"
    gpd.GeoDataFrame({"label": ["a", "b"]}, geometry=[shapely.Point(124, 39), shapely.Point(125, 39)],
                     crs=4326).to_file(path, layer="sites")
    with sqlite3.connect(path) as connection:
        for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            connection.execute(f'DROP TRIGGER "{trigger}"')
        connection.execute("UPDATE gpkg_geometry_columns SET srs_id = 99999")
        connection.execute("UPDATE gpkg_contents SET srs_id = 99999")
    bundle, problems = open_path(path)
    assert len(bundle.features) == 2
    gdal = [str(p) for p in problems if "GDAL" in p.message]
    assert gdal == [f"{path}: warning: GDAL: unable to read srs_id '99999' from gpkg_spatial_ref_sys"]
