"""A point the user adds outside any launch goes to their own layer, "My features", not to an opened file's."""

from __future__ import annotations

from shapely.geometry import Point

from viewer.model.new_feature import new_feature


def test_a_point_of_no_launch_goes_to_my_features(window, tmp_path):
    csv = tmp_path / "sites.csv"
    csv.write_text("name,lon,lat\nSinpo,128.18,40.02\n", encoding="utf-8")
    for bundle in list(window.workspace.bundles):
        window.workspace.remove(bundle)
    window.open_files([str(csv)])
    window.workspace.selection.clear()
    first = window.marks.add(new_feature(Point(127.0, 26.0), "reference_place", label="Buoy A"))
    second = window.marks.add(new_feature(Point(127.5, 26.5), "reference_place", label="Buoy B"))
    assert first is not None
    assert second is not None
    assert first.layer == "My features"
    assert second.layer == "My features"
    assert window.workspace.layers() == ["sites", "My features"]
    assert "My features" in window.statusBar().currentMessage()
    csv_bundle = window.workspace.bundles[0]
    assert first.id not in csv_bundle.features


def test_a_point_of_no_launch_beside_the_sample_goes_to_my_features_not_the_sample(window):
    window.workspace.selection.clear()
    added = window.marks.add(new_feature(Point(127.0, 26.0), "reference_place", label="Buoy"))
    assert added is not None
    assert added.layer == "My features"
    assert all(added.id not in b.features for b in window.workspace.bundles if b.path is not None)
