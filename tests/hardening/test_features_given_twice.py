"""A FeatureCollection that gives "features" twice is read as every JSON reader reads it, and as its warning
says: the last list counts. Streamed feature by feature, launchmap read the first one while saying the last was
used, so a sender could show launchmap other features than the GIS tools the same file was opened in."""

from __future__ import annotations

import json

import pytest

from viewer.io.load import open_path


def point(feature_id: str, lon: float) -> str:
    return json.dumps({"type": "Feature", "id": feature_id, "geometry": {"type": "Point", "coordinates": [lon, 38]},
                       "properties": {"label": feature_id}})


@pytest.mark.parametrize("padding", [0, 20_000], ids=["small", "over a megabyte"])
@pytest.mark.parametrize("last", [["z", "y"], []], ids=["another list", "an empty list"])
def test_the_last_features_member_counts(tmp_path, padding, last):
    first = [point(f"first-{i}", 124 + i / padding if padding else 124) for i in range(max(padding, 1))]
    second = [point(name, 125) for name in last]
    path = tmp_path / "twice.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [' + ",\n".join(first) + '],\n "features": ['
                    + ",\n".join(second) + "]}")
    assert json.loads(path.read_text())["features"] == [json.loads(s) for s in second]
    bundle, problems = open_path(path)
    assert list(bundle.features) == last
    assert [p.message for p in problems if "appears twice" in p.message] == [
        "key 'features' appears twice in one object; the last value is used"]


def test_documents_given_again_after_the_features_count_too(tmp_path):
    document = {"id": "d", "title": "first", "text": "A Hwasong launch"}
    feature = json.loads(point("a", 124))
    feature["properties"]["citations"] = [{"document": "d", "start": 2, "end": 9, "exact": "Hwasong"}]
    path = tmp_path / "documents_twice.geojson"
    path.write_text('{"type": "FeatureCollection", "documents": ' + json.dumps([document]) + ', "features": ['
                    + json.dumps(feature) + '], "documents": '
                    + json.dumps([{"id": "d", "title": "last", "text": "xx Hwasong"}]) + "}")
    bundle, _ = open_path(path)
    assert bundle.documents["d"].title == "last"
    assert bundle.features["a"].citations[0].start == 3  # re-anchored in the text that counts
