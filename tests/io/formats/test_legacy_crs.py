"""A GeoJSON file whose (2008-style) ``crs`` member names another projection, as GDAL writes for projected data,
opens with its coordinates reprojected to lon/lat and a warning that says so, as QGIS reads it."""

from __future__ import annotations

import json

import pyproj
import pytest

from viewer import cli
from viewer.io.load import open_path

PLACES = [(124.705, 39.66), (127.68, 26.21), (125.3, 24.8)]  # Sohae, Naha, Miyako (lon, lat)


def _projected_file(tmp_path, epsg: int, name: str = "projected.geojson"):
    to_projected = pyproj.Transformer.from_crs(4326, epsg, always_xy=True)
    xy = [list(to_projected.transform(lon, lat)) for lon, lat in PLACES]
    data = {"type": "FeatureCollection", "name": "tracks",
            "crs": {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{epsg}"}},
            "features": [
                {"type": "Feature", "properties": {"name": "Track"},
                 "geometry": {"type": "LineString", "coordinates": [[*p, 120.0] for p in xy]}},
                {"type": "Feature", "properties": {"name": "Naha"},
                 "geometry": {"type": "Point", "coordinates": xy[1]}},
                {"type": "Feature", "properties": {"name": "Box"}, "geometry": {"type": "GeometryCollection",
                 "geometries": [{"type": "Polygon", "coordinates": [[xy[0], xy[1], xy[2], xy[0]]]}]}},
            ]}
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("epsg", [3857, 32652])  # web mercator; UTM zone 52N
@pytest.mark.parametrize("indent", [None, 1])  # read as one document, or streamed feature by feature
def test_a_file_in_another_projection_opens_in_lon_lat_with_a_warning(tmp_path, epsg, indent):
    path = _projected_file(tmp_path, epsg)
    if indent:
        path.write_text(json.dumps(json.loads(path.read_text()), indent=indent), encoding="utf-8")
    bundle, problems = open_path(path)
    features = {f.label: f for f in bundle.features.values()}
    line = features["Track"].geometry
    assert [tuple(round(v, 6) for v in c[:2]) for c in line.coords] == PLACES
    assert next(iter(line.coords))[2] == 120.0  # a height is kept as given
    naha = features["Naha"].geometry
    assert (round(naha.x, 6), round(naha.y, 6)) == PLACES[1]
    box = features["Box"].geometry
    assert box.bounds == pytest.approx((124.705, 24.8, 127.68, 39.66), abs=1e-6)
    assert [p.where for p in problems] == ["crs"]
    assert f"EPSG::{epsg}" in problems[0].message
    assert "reprojected to WGS84 lon/lat" in problems[0].message


def test_validate_passes_a_projected_file_and_says_it_was_reprojected(tmp_path, capsys):
    path = _projected_file(tmp_path, 3857)
    assert cli.main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"{path}:crs: warning: coordinates given in WGS 84 / Pseudo-Mercator (urn:ogc:def:crs:EPSG::3857); "
        "reprojected to WGS84 lon/lat")
