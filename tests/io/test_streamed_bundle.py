"""A bundle is written a few features at a time, as the whole-dict dump wrote it, without making rows' dicts."""

from __future__ import annotations

import json

import pytest
from shapely.geometry import LineString, Point

from viewer.io.bundle import writer
from viewer.io.bundle.writer import bundle_to_dict, write_bundle
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature, features_of_rows
from viewer.model.feature_rows import LayerColumns
from viewer.resources import sample_bundle


def as_one_dump(bundle: Bundle) -> str:
    return json.dumps(bundle_to_dict(bundle), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def plain_layer(count: int) -> Bundle:
    columns = LayerColumns(["name", "note"], [[f"place {i}" for i in range(count)],
                                              ["ünïcode \"quoted\"\nline" if i % 3 else None for i in range(count)]])
    features = features_of_rows([f"p{i}" for i in range(count)], [Point(i, i / 2) for i in range(count)], columns)
    bundle = Bundle(features={f.id: f for f in features}, extra={"name": "catalogue"})
    bundle.features["p1"].properties["name"] = "edited"  # one row with its own dict, as after an edit
    bundle.features["extra"] = Feature("extra", LineString([(0, 0), (1, 1)]), {"kind": "flight_path"})
    return bundle


@pytest.mark.parametrize("at_once", [1, 2, 2_000])
def test_written_as_the_whole_dump(tmp_path, monkeypatch, at_once):
    monkeypatch.setattr(writer, "FEATURES_AT_ONCE", at_once)
    from viewer.io.load import open_path

    for bundle in (plain_layer(7), open_path(sample_bundle())[0], Bundle()):
        path = tmp_path / "written.geojson"
        write_bundle(bundle, path)
        assert path.read_text(encoding="utf-8") == as_one_dump(bundle)


def test_writing_makes_no_rows_dict(tmp_path):
    bundle = plain_layer(50)
    write_bundle(bundle, tmp_path / "written.geojson")
    made = [f.id for f in bundle.features.values() if f._properties is not None]
    assert made == ["p1", "extra"]  # the edited row and the feature with its own; none made by writing


def test_a_foreign_features_member_first_is_still_written_whole(tmp_path):
    bundle = plain_layer(3)
    bundle.extra = {"features": "ignored: the features are the bundle's", "name": "x"}
    path = tmp_path / "written.geojson"
    write_bundle(bundle, path)
    assert path.read_text(encoding="utf-8") == as_one_dump(bundle)
