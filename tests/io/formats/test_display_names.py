"""Features from other tools are named by the field QGIS would show, in every format that reads them."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point

from viewer.io.formats.display_names import display_name, id_like, name_keys
from viewer.io.load import open_path


def labels(path) -> list[str]:
    bundle, _ = open_path(path)
    return [feature.label for feature in bundle.features.values()]


def test_name_fields_are_ranked_as_qgis_ranks_them_with_ids_last():
    assert name_keys(["ROUTE_ID", "NAME"]) == ["NAME"]
    assert name_keys(["NAME_EN", "typename", "Name"]) == ["Name", "NAME_EN", "typename"]
    assert name_keys(["designation", "nom", "title"]) == ["title", "nom", "designation"]
    assert name_keys(["name_id", "site_name"]) == ["site_name", "name_id"]
    assert name_keys(["event_name", "kind"]) == []  # launchmap's own members say something else
    assert [id_like(key) for key in ("OBJECTID", "ROUTE_ID", "routeId", "fid", "Valid", "Site")] == \
        [True, True, True, True, False, False]


def test_without_a_name_field_the_first_text_field_that_is_not_an_id():
    assert display_name({"OBJECTID": 1, "zone_id": "Z1", "status": "active"}) == "active"
    assert display_name({"OBJECTID": 1, "zone_id": "Z1"}) == "Z1"
    assert display_name({"count": "12", "height": 3.0}) is None  # a number names nothing
    assert display_name({"label": "own", "name": "other"}) == "own"


def test_geojson_lines_with_only_name_and_route_id(tmp_path):
    path = tmp_path / "routes.geojson"
    frame = gpd.GeoDataFrame({"ROUTE_ID": ["R-1", "R-2"], "NAME": ["Over Okinawa", "East route"]},
                             geometry=[LineString([(124.7, 39.7), (128, 24)]), LineString([(129, 40), (142, 40)])],
                             crs=4326)
    frame.to_file(path, driver="GeoJSON")
    assert labels(path) == ["Over Okinawa", "East route"]


@pytest.mark.parametrize("mixed", [False, True])  # True: the features' keys differ, read one by one
def test_geojson_without_name_fields_takes_its_first_text_field(tmp_path, mixed):
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [125 + i, 39]},
                 "properties": {"OBJECTID": i, "code_id": f"C{i}", "operator": f"Operator {i}"}} for i in range(2)]
    if mixed:
        features[1]["properties"] = {"operator": "Operator 1", "OBJECTID": 1}
    path = tmp_path / "sites.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    assert labels(path) == ["Operator 0", "Operator 1"]


def test_geopackage_in_utm_with_a_title_field(tmp_path):
    path = tmp_path / "sites.gpkg"
    frame = gpd.GeoDataFrame({"height": [3.0, 4.0], "title": ["Sohae", "Tonghae"]},
                             geometry=[Point(124.705, 39.66), Point(129.666, 40.856)], crs=4326).to_crs(32652)
    frame.to_file(path, driver="GPKG", layer="sites")
    assert labels(path) == ["Sohae", "Tonghae"]


def test_geopackage_without_name_fields_and_a_row_without_text(tmp_path):
    path = tmp_path / "zones.gpkg"
    frame = gpd.GeoDataFrame({"OBJECTID": [1, 2], "remark": ["closed to shipping", None]},
                             geometry=[Point(125, 33), Point(126, 34)], crs=4326)
    frame.to_file(path, driver="GPKG", layer="zones")
    bundle, _ = open_path(path)
    first, second = bundle.features.values()
    assert first.label == "closed to shipping"
    assert second.label == second.id  # nothing to name it by


@pytest.mark.parametrize("header", ["Site,Lat,Lon,Count", "Count,Lat,Lon,Site,Site_ID"])
def test_csv_is_named_by_its_first_text_column(tmp_path, header):
    names = header.split(",")
    cells = {"Site": "Sohae", "Lat": "39.66", "Lon": "124.7", "Count": "3", "Site_ID": "S1"}
    path = tmp_path / "sites.csv"
    path.write_text(header + "\n" + ",".join(cells[name] for name in names) + "\n")
    assert labels(path) == ["Sohae"]


def test_kml_placemark_without_a_name_is_named_by_its_extended_data(tmp_path):
    path = tmp_path / "places.kml"
    path.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>'
                    "<name>Sites</name><Placemark><ExtendedData><Data name=\"SITE_NAME\"><value>Sinpo</value></Data>"
                    "</ExtendedData><Point><coordinates>128.18,40.03</coordinates></Point></Placemark>"
                    "<Placemark><name>Sohae</name><Point><coordinates>124.7,39.66</coordinates></Point></Placemark>"
                    "</Folder></Document></kml>")
    assert labels(path) == ["Sinpo", "Sohae"]  # not the folder's name
