"""Annotations as bundle features: checked on reading (an unknown style is an error naming the feature), made
and edited by undoable edits, and typed positions refused when they are off the globe or too few."""

from __future__ import annotations

import copy

import pytest
from shapely.geometry import Point
from shared_data import small_bundle

from viewer.io import read_bundle
from viewer.model.annotation import problems_of, shown_text
from viewer.model.edits import AddFeature, EditError, EditProperties
from viewer.model.new_feature import geometry_of, new_feature
from viewer.model.problem import BundleError


def with_annotation(**properties) -> dict:
    data = small_bundle()
    data["features"].append({"type": "Feature", "id": "note-1",
                             "geometry": properties.pop("geometry", {"type": "Point", "coordinates": [128.0, 33.0]}),
                             "properties": {"kind": "annotation", **properties}})
    return data


@pytest.mark.parametrize(("properties", "where", "message"), [
    ({"style": "banner", "text": "x"}, "features[2].properties.style", "unknown annotation style 'banner'"),
    ({"style": "banner", "text": "x",
      "geometry": {"type": "Polygon", "coordinates": [[[1, 1], [2, 1], [2, 2], [1, 1]]]}},
     "features[2].properties.style", "unknown annotation style 'banner'"),
    ({"style": "text"}, "features[2].properties.text", "needs a non-empty 'text'"),
    ({"style": "text", "text": "  "}, "features[2].properties.text", "needs a non-empty 'text'"),
    ({"style": "callout", "text": "x", "anchor": [200, 10]}, "features[2].properties.anchor", "within ±180"),
    ({"style": "callout", "text": "x", "anchor": "Sohae"}, "features[2].properties.anchor", "a position"),
    ({"style": "arrow", "text": "x"}, "features[2].properties.anchor", "an arrow needs an 'anchor'"),
    ({"style": "text", "text": "x", "color": "red"}, "features[2].properties.color", "a colour"),
    ({"style": "text", "text": "x", "size": 500}, "features[2].properties.size", "from 4 to 72"),
    ({"style": "text", "text": "x", "geometry": {"type": "LineString", "coordinates": [[1, 1], [2, 2]]}},
     "features[2].geometry", "a text annotation is a Point"),
])
def test_bad_annotations_are_errors_naming_the_feature(make_bundle, properties, where, message):
    path = make_bundle(with_annotation(**properties))
    with pytest.raises(BundleError) as caught:
        read_bundle(path)
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:{where}: annotation 'note-1': ")
    assert message in lines[0]


def test_good_annotations_read_and_other_gis_see_a_point(make_bundle):
    data = with_annotation(style="arrow", text="Debris", anchor=[124.705, 39.66], color="#C2185B", size=12)
    bundle, problems = read_bundle(make_bundle(data))
    assert problems == []
    note = bundle.features["note-1"]
    assert note.geometry.geom_type == "Point"
    assert shown_text(note, bundle) == "Debris"
    box = with_annotation(style="box", text="Zone", geometry={
        "type": "Polygon", "coordinates": [[[122, 20], [126, 20], [126, 23], [122, 23], [122, 20]]]})
    assert read_bundle(make_bundle(box, name="box.geojson"))[1] == []


def test_a_callout_citing_a_passage_needs_no_text_and_quotes_it(make_bundle):
    data = with_annotation(style="callout", anchor=[124.705, 39.66])
    data["features"][-1]["properties"]["citations"] = copy.deepcopy(data["features"][0]["properties"]["citations"])
    bundle, problems = read_bundle(make_bundle(data))
    assert problems == []
    exact = bundle.features["note-1"].citations[0].exact
    assert shown_text(bundle.features["note-1"], bundle) == f"\u201c{exact}\u201d \u2014 Test article"


def test_other_kinds_are_not_checked_as_annotations():
    assert problems_of({"kind": "launch_site", "style": "banner"}) == []


def test_add_feature_and_edit_properties_undo(make_bundle):
    bundle, _ = read_bundle(make_bundle())
    note = new_feature(Point(128, 33), "annotation", style="text", text="Debris fell here", event="ev-1")
    add = AddFeature(note)
    add.apply(bundle)
    assert bundle.features[note.id].properties["certainty"] == "reported"
    edit = EditProperties(note.id, {"text": "Debris fell here, per Japan", "color": "#C2185B", "label": None})
    edit.apply(bundle)
    assert note.properties["text"] == "Debris fell here, per Japan"
    edit.revert(bundle)
    assert note.properties["text"] == "Debris fell here"
    assert "color" not in note.properties
    add.revert(bundle)
    assert note.id not in bundle.features
    with pytest.raises(EditError, match="unknown annotation style"):
        AddFeature(new_feature(Point(1, 1), "annotation", style="banner", text="x")).apply(bundle)
    with pytest.raises(EditError, match="no event 'ev-9'"):
        EditProperties("f-site", {"event": "ev-9"}).apply(bundle)
    with pytest.raises(EditError, match="non-empty 'text'"):
        AddFeature(new_feature(Point(1, 1), "annotation", style="text")).apply(bundle)


@pytest.mark.parametrize(("shape", "positions", "message"), [
    ("point", [(124.0, 91.0)], "latitude 91 is beyond ±90"),
    ("point", [(181.0, 33.0)], "longitude 181 is beyond ±180"),
    ("point", [(1.0, 1.0), (2.0, 2.0)], "a point is one position, not 2"),
    ("line", [(1.0, 1.0), (1.0, 1.0)], "at least two distinct"),
    ("area", [(1.0, 1.0), (2.0, 2.0), (1.0, 1.0)], "at least three distinct corners, not 2"),
    ("area", [(0.0, 0.0), (1.0, 1.0), (1.0, 0.0), (0.0, 1.0)], "crosses itself"),
])
def test_typed_geometries_are_refused_when_they_make_no_shape(shape, positions, message):
    with pytest.raises(ValueError, match=message):
        geometry_of(shape, positions)


def test_an_area_closes_itself():
    area = geometry_of("area", [(124.0, 33.0), (125.0, 33.0), (125.0, 34.0)])
    assert area.geom_type == "Polygon"
    corners = list(area.exterior.coords)
    assert corners[0] == corners[-1]
