"""An event bundle's features are read into columns too, a batch at a time, where a batch has nothing to say (no
citations, claims, missing ids or unknown events): the bundle and every message are those of reading it feature by
feature, and reading launchmap's own GeoJSON of 100,000 lines costs about what the same lines in a plain GeoJSON do
(it cost ~1.3x, a `Feature` made per row)."""

from __future__ import annotations

import json

import pytest
from test_geojson_rows import CASES, _feature, read_both_ways

from viewer.io.formats.geojson import reader as geojson_reader
from viewer.model.bundle_features import RowFeatures

EVENTS = [{"id": "e", "name": "E", "site": "id-0"}, {"id": "ev-1", "name": "One"}]
BUNDLE_CASES = {
    **{name: features for name, features in CASES.items() if features is not None},
    "all with ids": [_feature(i, {"kind": "flight_path", "label": f"x{i}", "event": "e"}, id=f"id-{i}")
                     for i in range(9)],
    "an unknown event": [_feature(i, {"event": "nowhere" if i == 3 else "e"}, id=f"f{i}") for i in range(6)],
    "an id missing": [_feature(i, {"a": i}, **({} if i == 2 else {"id": f"f{i}"})) for i in range(5)],
    "a citation in one": [_feature(i, {"a": i, **({"citations": [{"document": "x"}]} if i == 4 else {})},
                                   id=f"f{i}") for i in range(8)],
}


def _write_bundle(folder, name, features):
    path = folder / f"{name.replace(' ', '_')}.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "launchmap": {"version": 1}, "documents": [],
                                "events": EVENTS, "features": features}))
    return path


@pytest.mark.parametrize("batch", [geojson_reader.BATCH, 3])
@pytest.mark.parametrize("name", list(BUNDLE_CASES))
def test_a_bundle_reads_as_it_does_feature_by_feature(tmp_path, monkeypatch, name, batch):
    path = _write_bundle(tmp_path, name, BUNDLE_CASES[name])
    as_rows, rows_problems, bundle, one_by_one, problems = read_both_ways(path, monkeypatch, batch)
    assert rows_problems == problems
    assert as_rows == one_by_one
    if name in ("ids given", "all with ids"):
        assert isinstance(bundle.features, RowFeatures)
        assert list(bundle.features.held()) == []
