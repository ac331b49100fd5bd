"""Any GeoJSON opens: bundles as they are, plain collections, Features and geometries as layers; loading
reports progress, can be cancelled, and parses exactly as json.loads."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shared_data import small_bundle

from viewer.io.bundle.json_stream import _Parser, load_geojson
from viewer.io.formats.geojson.reader import read_geojson
from viewer.io.load import format_of, open_path
from viewer.io.progress import Cancelled
from viewer.model.problem import BundleError
from viewer.model.workspace import Workspace
from viewer.resources import sample_bundle


def write_json(tmp_path, name: str, data) -> object:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def plain_collection() -> dict:
    return {"type": "FeatureCollection", "name": "survey", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [124.705, 39.66]},
         "properties": {"name": "Sohae", "event": 2016, "citations": ["Smith 2016, p. 4"]}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [129.666, 40.856]},
         "properties": {"NAME": "Musudan-ri", "kind": "launch_site"}},
    ]}


def test_plain_collection_becomes_a_layer(tmp_path):
    bundle, problems = open_path(write_json(tmp_path, "survey.geojson", plain_collection()))
    assert list(bundle.features) == ["survey.geojson#0", "survey.geojson#1"]
    sohae, musudan = bundle.features.values()
    assert (sohae.label, sohae.kind, sohae.event) == ("Sohae", "point", "2016")
    assert musudan.label == "Musudan-ri"
    assert bundle.events["2016"].name == "2016"
    assert sohae.citations == []
    assert sohae.properties["source_citations"] == ["Smith 2016, p. 4"]
    assert [p.message for p in problems] == [
        "'citations' need the documents of an event bundle and this file has none; kept as property "
        "'source_citations'"]


def test_two_plain_files_and_the_sample_open_together(tmp_path):
    workspace = Workspace()
    for path in (sample_bundle(), write_json(tmp_path, "a.geojson", plain_collection()),
                 write_json(tmp_path, "b.geojson", plain_collection())):
        workspace.add(open_path(path)[0])
    assert len(workspace.content.features) == 31 + 4


@pytest.mark.parametrize(("data", "where"), [
    ({"type": "Feature", "geometry": {"type": "Point", "coordinates": [124.705, 39.66]}, "properties": None},
     ":geometry"),
    ({"type": "Point", "coordinates": [124.705, 39.66]}, ""),  # the file is the geometry
])
def test_bare_feature_or_geometry_opens_and_reports_its_own_places(tmp_path, data, where):
    path = write_json(tmp_path, "bare.geojson", data)
    bundle, _ = open_path(path)
    assert len(bundle.features) == 1
    broken = json.loads(json.dumps(data).replace("39.66", "99.5"))
    with pytest.raises(BundleError) as raised:
        open_path(write_json(tmp_path, "broken.geojson", broken))
    assert str(raised.value) == (f"{tmp_path / 'broken.geojson'}{where}: latitude 99.5 out of range (-90..90) — "
                                 "are lon and lat swapped?")


def test_bundle_is_read_as_the_bundle_reader_reads_it(make_bundle):
    from viewer.io.bundle.reader import read_bundle
    from viewer.io.bundle.writer import bundle_to_dict

    path = make_bundle()
    assert bundle_to_dict(read_geojson(path)[0]) == bundle_to_dict(read_bundle(path)[0])


def test_progress_moves_forward_to_the_end(tmp_path):
    features = [{"type": "Feature", "id": i, "geometry": {"type": "Point", "coordinates": [120 + i / 1e4, 30]},
                 "properties": {}} for i in range(10_000)]
    path = write_json(tmp_path, "many.geojson", {"type": "FeatureCollection", "features": features})
    reports = []
    bundle, _ = open_path(path, lambda done, total: reports.append((done, total)))
    assert len(bundle.features) == 10_000
    fractions = [done / total for done, total in reports]
    assert fractions == sorted(fractions)
    assert len(set(fractions)) > 5
    assert fractions[-1] == 1.0


def test_cancelling_stops_the_load(tmp_path):
    features = [{"type": "Feature", "geometry": None, "properties": {}}] * 10_000
    path = write_json(tmp_path, "many.geojson", {"type": "FeatureCollection", "features": features})
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        open_path(path, progress)
    assert len(calls) == 3


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["type", "features", "x", "features "]), json_values),
       st.lists(json_values, max_size=6), st.sampled_from([None, 0, 2]), st.booleans())
def test_streamed_parse_equals_json_loads(root, features, indent, ascii_only):
    root = {**root, "features": features}
    text = json.dumps(root, indent=indent, ensure_ascii=ascii_only)
    assert _Parser("x", lambda done, total: None).parse(text) == json.loads(text)


def test_streamed_parse_falls_back_to_the_usual_messages(tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"a": 1},, {"b": 2}]}', encoding="utf-8")
    with pytest.raises(BundleError, match=r"bad\.geojson:1:53: invalid JSON: Expecting value"):
        load_geojson(path, str(path))


@pytest.mark.filterwarnings("ignore:.*non conformant file extension:RuntimeWarning")  # GDAL's, as intended
def test_format_is_recognised_by_content_before_suffix(tmp_path):
    from viewer.io.formats.gpkg.writer import write_gpkg
    from viewer.io.formats.kml.writer import write_kml

    bundle, _ = open_path(sample_bundle())
    write_gpkg(bundle, tmp_path / "really_a_geopackage.json")
    write_kml(bundle, tmp_path / "really_a.kmz")
    (tmp_path / "really_a.kmz").rename(tmp_path / "zipped.dat")
    (tmp_path / "layer.dat").write_text('{"type": "Point", "coordinates": [1, 2]}')
    assert format_of(tmp_path / "really_a_geopackage.json").name == "gpkg"
    assert format_of(tmp_path / "zipped.dat").name == "kmz"
    assert format_of(tmp_path / "layer.dat").name == "geojson"
    assert len(open_path(tmp_path / "really_a_geopackage.json")[0].features) == 31


def test_small_bundle_fixture_is_a_bundle():
    assert small_bundle()["launchmap"] == {"version": 1}
