"""GeoPackage: a bundle goes out with its documents, events, claims and citations and comes back the same;
any other GeoPackage opens layer by layer."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess

import geopandas as gpd
import pyogrio
import pytest
import shapely
from shared_data import small_bundle

from viewer.io.bundle.writer import bundle_to_dict
from viewer.io.formats.gpkg.reader import read_gpkg
from viewer.io.formats.gpkg.writer import write_gpkg
from viewer.io.load import open_path
from viewer.model.citation import AnchorStatus
from viewer.model.problem import BundleError
from viewer.resources import sample_bundle


def editable(path) -> sqlite3.Connection:
    """A connection that can update a GeoPackage as QGIS does: GDAL's spatial-index triggers call ST_ functions."""
    db = sqlite3.connect(path)

    def geometry(blob):
        flags = blob[3]
        envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]
        return shapely.from_wkb(bytes(blob[8 + envelope:]))

    db.create_function("ST_IsEmpty", 1, lambda blob: int(blob is None or geometry(blob).is_empty))
    for name, index in (("ST_MinX", 0), ("ST_MinY", 1), ("ST_MaxX", 2), ("ST_MaxY", 3)):
        db.create_function(name, 1, lambda blob, i=index: geometry(blob).bounds[i])
    return db


def as_text(bundle) -> str:
    return json.dumps(bundle_to_dict(bundle), ensure_ascii=False, indent=1)


def test_sample_bundle_round_trips_exactly(tmp_path):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.gpkg"
    write_gpkg(bundle, path)
    again, problems = open_path(path)
    assert problems == []
    assert as_text(again) == as_text(bundle)  # every member, in order, with the same numbers
    assert again.features.keys() == bundle.features.keys()
    for feature_id, feature in bundle.features.items():
        assert again.features[feature_id].geometry.equals_exact(feature.geometry, 0)
        assert again.citations_for(feature_id) == bundle.citations_for(feature_id)
    assert {c.status for f in again.features.values() for c in f.all_citations} == {AnchorStatus.ANCHORED}
    for document_id, document in bundle.documents.items():
        assert again.documents[document_id].text == document.text
        assert again.documents[document_id].text_inline == document.text_inline


def test_odd_content_round_trips(make_bundle, tmp_path):
    data = small_bundle()
    data["crs_note"] = {"datum": "WGS84"}
    document = data["documents"][0]
    document.pop("path")
    document["text"] = "Line one\r\nNUL\x00here, 북한 위성 발사\n" + "the Sohae station"
    document["note"] = [1, 2]
    data["features"][0]["properties"]["citations"][0].update(start=len(document["text"]) - 17,
                                                             end=len(document["text"]), prefix="", suffix="")
    data["features"][1]["properties"]["citations"] = []
    data["features"][0]["properties"]["depth_m"] = 12.5
    data["features"][0]["properties"]["kind"] = 7  # not a string: stays in the JSON, not the kind column
    data["features"][0]["bbox"] = [124.705, 39.66, 124.705, 39.66]
    data["features"][0]["geometry"]["note"] = "geometry foreign member"
    data["features"].append({"type": "Feature", "id": 42, "geometry": None, "properties": {"label": None}})
    data["features"].append({"type": "Feature", "id": "empty", "properties": {},
                             "geometry": {"type": "GeometryCollection", "geometries": []}})
    data["events"][0]["claims"] = [{"property": "outcome", "value": {"stage": 2}, "by": "KCNA", "reference": "S[9]"}]
    bundle, _ = open_path(make_bundle(data))
    path = tmp_path / "odd.gpkg"
    write_gpkg(bundle, path)
    again, _ = open_path(path)
    assert as_text(again) == as_text(bundle)
    assert again.documents["doc-a"].text == document["text"]


def test_opens_as_geopackage_layers_and_tables(tmp_path):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.gpkg"
    write_gpkg(bundle, path)
    layers = {name: kind for name, kind in pyogrio.list_layers(path)}
    assert layers == {"features": "Unknown", "documents": None, "events": None, "claims": None, "citations": None,
                      "launchmap": None}
    frame = gpd.read_file(path, layer="features")
    assert frame.crs.to_epsg() == 4326
    assert len(frame) == len(bundle.features)
    site = frame[frame.feature_id == "2016-02-07-kms4/launch-site"].iloc[0]
    assert (site.kind, site.label) == ("launch_site", bundle.features["2016-02-07-kms4/launch-site"].label)
    citations = gpd.read_file(path, layer="citations")
    assert len(citations) == sum(len(f.all_citations) for f in bundle.features.values()) + sum(
        len(c.citations) for e in bundle.events.values() for c in e.claims)
    if shutil.which("ogrinfo"):  # GDAL's own tool, when installed
        listing = subprocess.run(["ogrinfo", "-ro", "-so", str(path)], capture_output=True, text=True, check=True)
        assert "features (Unknown" in listing.stdout or "features" in listing.stdout


def test_edits_in_a_gis_survive_and_bad_edits_are_named(tmp_path):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.gpkg"
    write_gpkg(bundle, path)
    with editable(path) as db:  # what editing the attribute table in QGIS does
        db.execute("UPDATE features SET label = 'Sohae (edited)' WHERE feature_id = '2016-02-07-kms4/launch-site'")
        db.execute("UPDATE citations SET exact = 'words no article has' WHERE fid = 1")
    again, problems = open_path(path)
    assert again.features["2016-02-07-kms4/launch-site"].label == "Sohae (edited)"
    orphaned = [p for p in problems if "orphaned citation" in p.message]
    assert len(orphaned) == 1
    assert orphaned[0].where.startswith("layer ")
    with editable(path) as db:
        db.execute("UPDATE features SET properties = '{not json' WHERE fid = 3")
    with pytest.raises(BundleError, match=r"launches\.gpkg:layer features, fid 3: column 'properties' is not JSON"):
        open_path(path)


@pytest.fixture
def other_gpkg(tmp_path):
    """A GeoPackage from another tool: points in lon/lat, lines in UTM zone 52N, a plain table."""
    path = tmp_path / "survey.gpkg"
    sites = gpd.GeoDataFrame({"name": ["Sohae", "Musudan-ri"], "kind": ["launch_site", "launch_site"]},
                             geometry=[shapely.Point(124.705, 39.66), shapely.Point(129.666, 40.856)], crs=4326)
    sites.to_file(path, layer="sites", driver="GPKG")
    utm = gpd.GeoDataFrame({"name": ["coast"], "length_km": [12.5]},
                           geometry=[shapely.LineString([(500000, 4400000), (510000, 4410000)])], crs=32652)
    utm.to_file(path, layer="coast lines", driver="GPKG")
    pyogrio.write_dataframe(gpd.pd.DataFrame({"source": ["survey 2024"]}), path, layer="notes", driver="GPKG",
                            append=True)
    return path


def test_every_layer_of_another_geopackage_opens(other_gpkg):
    bundle, problems = read_gpkg(other_gpkg)
    assert len(bundle.features) == 3
    sohae = next(f for f in bundle.features.values() if f.label == "Sohae")
    assert sohae.kind == "launch_site"
    assert sohae.properties["layer"] == "sites"
    assert sohae.id == "survey.gpkg#sites/1"
    coast = next(f for f in bundle.features.values() if f.label == "coast")
    lon, lat = coast.geometry.coords[0]
    assert lon == pytest.approx(129.0, abs=1e-6)  # 500 km east is zone 52's central meridian
    assert lat == pytest.approx(39.75, abs=0.01)
    # the reprojection is said, as for a GeoJSON in another projection (it was silent), once for the layer
    assert sorted(str(p) for p in problems) == [
        f"{other_gpkg}:layer coast lines: warning: coordinates given in WGS 84 / UTM zone 52N (EPSG:32652); "
        "reprojected to WGS84 lon/lat",
        f"{other_gpkg}:layer notes: warning: a table without geometry; not shown on the map"]


def test_bad_features_in_another_geopackage_are_named_by_layer_and_fid(tmp_path):
    path = tmp_path / "zones.gpkg"
    zones = gpd.GeoDataFrame(
        {"name": ["bow tie", "pacific", "swapped"]},
        geometry=[shapely.Polygon([(124, 30), (126, 32), (126, 30), (124, 32)]),
                  shapely.LineString([(170, 40), (-170, 42)]), shapely.Point(124.705, 39.66)], crs=4326)
    zones.to_file(path, layer="zones", driver="GPKG")
    _, problems = read_gpkg(path)
    lines = [str(p) for p in problems]
    assert f"{path}:layer zones, fid 1: warning: invalid Polygon repaired (Self-intersection[125 31])" in lines
    assert any(line.startswith(f"{path}:layer zones, fid 2: warning: crosses the antimeridian") for line in lines)
    with editable(path) as db:  # a point GDAL wrote, moved out of range behind its back
        blob = db.execute("SELECT geom FROM zones WHERE fid = 3").fetchone()[0]
        header = len(blob) - 21  # GeoPackage header, then the WKB point
        wkb = shapely.to_wkb(shapely.Point(124.705, 95.0))
        db.execute("UPDATE zones SET geom = ? WHERE fid = 3", (blob[:header] + wkb,))
    with pytest.raises(BundleError, match=r"zones\.gpkg:layer zones, fid 3: latitude 95 out of range"):
        read_gpkg(path)


def test_write_replaces_atomically_and_leaves_nothing_behind(tmp_path, monkeypatch):
    from viewer.io.formats.gpkg import writer as gpkg_export

    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.gpkg"
    write_gpkg(bundle, path)
    before = path.read_bytes()

    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(gpkg_export, "_tables", broken)  # fails after the features layer was written
    with pytest.raises(OSError, match=r"launches\.gpkg: cannot write the GeoPackage \(GDAL: disk full\); the "
                                      r"previous file is left as it was"):
        write_gpkg(bundle, path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["launches.gpkg"]


def test_a_bundle_larger_than_one_encoding_batch_comes_back_the_same(tmp_path):
    from viewer.io.formats.gpkg import writer
    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

    bundle = Bundle()
    count = writer._JSON_BATCH + 7
    for i in range(count):
        properties = {"kind": "reference_place", "label": f"place {i}", "rank": i, "note": "é\x00" if i == count - 1
                      else None, "nested": {"a": [i, 1.5]}}
        bundle.features[f"f{i}"] = Feature(f"f{i}", shapely.Point(120 + i / count, 30), properties,
                                           extra={"id": i} if i % 3 == 0 else None)
    write_gpkg(bundle, tmp_path / "many.gpkg")
    again, _ = read_gpkg(tmp_path / "many.gpkg")
    assert bundle_to_dict(again)["features"] == bundle_to_dict(bundle)["features"]


def test_properties_the_columns_hold_are_not_written_twice_and_come_back_in_order(tmp_path):
    from viewer.model.bundle import Bundle
    from viewer.model.feature import Feature

    cases = {
        "shown": {"kind": "reference_place", "label": "a", "certainty": "reported"},  # columns say it all
        "none": {},
        "reordered": {"label": "b", "kind": "reference_place"},
        "null": {"kind": "reference_place", "label": None},
        "number": {"kind": "reference_place", "label": 7},
        "more": {"kind": "reference_place", "depth_m": 3},
    }
    bundle = Bundle()
    for name, properties in cases.items():
        bundle.features[name] = Feature(name, shapely.Point(125, 39), dict(properties))
    path = tmp_path / "columns.gpkg"
    write_gpkg(bundle, path)
    with sqlite3.connect(path) as db:
        stored = dict(db.execute("SELECT feature_id, properties FROM features").fetchall())
    assert stored["shown"] is None
    assert stored["none"] is None
    assert all(stored[name] is not None for name in ("reordered", "null", "number", "more"))
    again, _ = read_gpkg(path)
    for name, properties in cases.items():
        assert list(again.features[name].properties.items()) == list(properties.items())
