"""A FeatureCollection is read feature by feature as it is parsed: the same bundle and the same problems, in the
same order, as reading the parsed file whole; a file that gives its documents after its features is read whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLE, small_bundle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fuzz_bundle_reader import PLACES, changed, json_values

from viewer.io.bundle.writer import bundle_to_dict
from viewer.io.formats.geojson import reader as geojson_reader
from viewer.io.formats.geojson.reader import read_geojson
from viewer.model.problem import BundleError
from viewer.resources import sample_bundle

BAD = Path(__file__).parents[2] / "data" / "bad" / "geojson"


def outcome(path: Path) -> tuple:
    try:
        bundle, problems = read_geojson(path)
    except BundleError as error:
        return ("error", [str(p) for p in error.problems])
    return ("bundle", bundle_to_dict(bundle), [str(p) for p in problems])


def both_ways(path: Path, monkeypatch) -> tuple[tuple, tuple]:
    streamed = outcome(path)
    with monkeypatch.context() as patch:
        patch.setattr(geojson_reader._Streaming, "start", lambda self, root: False)
        whole = outcome(path)
    return streamed, whole


@pytest.mark.parametrize("path", [sample_bundle(), *sorted(BAD.glob("*.geojson"))], ids=lambda p: p.name)
def test_streamed_equals_whole(path, monkeypatch):
    streamed, whole = both_ways(path, monkeypatch)
    assert streamed == whole


def test_a_plain_collection_with_events_and_citations(tmp_path, monkeypatch):
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [124 + i / 10, 39]},
                 "properties": {"name": f"site {i}", "event": f"ev-{i % 3}", "citations": [{"x": 1}]}}
                for i in range(7)] + [{"type": "Feature", "id": "dup", "geometry": None, "properties": {"event": 5}},
                                      {"type": "Feature", "id": "dup", "geometry": None, "properties": None}, 3]
    path = tmp_path / "plain.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features, "bbox": [1, 2, 3, 4]}))
    streamed, whole = both_ways(path, monkeypatch)
    assert streamed == whole
    assert streamed[0] == "error"  # duplicate id and a feature that is a number


def test_documents_after_the_features_are_still_read(tmp_path, monkeypatch, make_bundle):
    data = small_bundle()
    reordered = {"type": data["type"], "features": data["features"], "launchmap": data["launchmap"],
                 "documents": data["documents"], "events": data["events"]}
    path = make_bundle(reordered)
    streamed, whole = both_ways(path, monkeypatch)
    assert streamed == whole
    assert streamed[0] == "bundle"
    assert streamed[2] == []


@given(data=json_values, where=st.sampled_from(PLACES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_mutated_bundles_read_the_same_streamed_or_whole(data, where, tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("mutated")
    (folder / "article.txt").write_text(ARTICLE)
    path = folder / "bundle.geojson"
    path.write_text(json.dumps(changed(where, data, False, None)))
    streamed, whole = both_ways(path, monkeypatch)
    assert streamed == whole
