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


@pytest.mark.parametrize("at_once", [1, 2, 2_000])
def test_a_compact_copy_holds_what_the_indented_file_holds(tmp_path, monkeypatch, at_once):
    """The autosave's copies are written without indenting (json's pure-Python encoder took ~20 s of CPU for a
    million points): the same data as the indented file, feature for feature, 3-D points, other geometries, geometry
    as read, no geometry, foreign members, big integers and text of every kind included."""
    monkeypatch.setattr(writer, "FEATURES_AT_ONCE", at_once)
    from viewer.io.load import open_path

    odd = plain_layer(7)
    odd.features["z"] = Feature("z", Point(1.5, 2.25, 30.0), {"big": 2**70, "text": "\u2028\x07\"日本\\"})
    odd.features["none"] = Feature("none", None, {"tiny": 5e-324, "huge": 1e300})
    odd.features["as read"] = Feature("as read", Point(3, 4), {}, extra={"id": 17, "when": "now"},
                                      source_geometry={"type": "Point", "coordinates": [3, 4], "note": "kept"})
    for bundle in (odd, open_path(sample_bundle())[0], Bundle()):
        indented, compact = tmp_path / "indented.geojson", tmp_path / "compact.geojson"
        write_bundle(bundle, indented)
        write_bundle(bundle, compact, compact=True)
        text = compact.read_text(encoding="utf-8")
        assert json.loads(text) == json.loads(indented.read_text(encoding="utf-8"))
        assert "\n" not in text.rstrip("\n")
        assert len(text) < indented.stat().st_size


def test_a_compact_copy_writes_a_nan_cell_as_null(tmp_path):
    """json refuses NaN (the indented writer fails); the autosave's copy keeps the rest and writes the cell null."""
    bundle = Bundle(features={"p": Feature("p", Point(1, 2), {"depth": float("nan"), "name": "p"})})
    write_bundle(bundle, tmp_path / "copy.geojson", compact=True)
    written = json.loads((tmp_path / "copy.geojson").read_text(encoding="utf-8"))
    assert written["features"][0]["properties"] == {"depth": None, "name": "p"}
