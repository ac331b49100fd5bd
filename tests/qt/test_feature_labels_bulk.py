"""Bulk data is not labelled feature by feature: a launch's catalogue-sized group, or a file's layer of that size, is
left to its symbols; other files' features are named by their name property."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.crs import regional
from viewer.geo.labels import COUNTRY
from viewer.geo.projected import ProjectedFeatures
from viewer.model.bundle import Bundle
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
from viewer.model.feature_table import columns_of
from viewer.qt.map.feature_labels import BULK_FEATURES, LAUNCH_GROUP_LABELLED, feature_labels

SITE_2016 = "2016-02-07-kms4/launch-site"


def test_a_launchs_catalogue_of_impacts_is_not_labelled_point_by_point(sample_workspace):
    count = max(BULK_FEATURES, LAUNCH_GROUP_LABELLED) + 1
    event = LaunchEvent(id="survey", name="Survey", time="2031-01-01T00:00:00+00:00")
    impacts = {f"impact-{i}": Feature(f"impact-{i}", shapely.Point(125 + i * 1e-3, 30),
                                      {"kind": "impact_point", "event": "survey", "label": f"impact {i}"})
               for i in range(count)}
    sample_workspace.add(Bundle(events={"survey": event}, features=impacts))
    shown = list(sample_workspace.content.features.values())
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    cache.prepare(shown)
    labels, marks = feature_labels(sample_workspace, shown, cache, {})
    named = {label.feature for label in labels}
    assert not any(name and name.startswith("impact-") for name in named)
    assert SITE_2016 in named  # the briefing's own launches are still named
    assert len(marks.points) < count  # nor are the catalogue's points obstacles for every label


def _layer(name, count, properties=lambda i: {"name": f"buoy {i}"}):
    features = {f"{name}-{i}": Feature(f"{name}-{i}", shapely.Point(126 + i * 1e-4, 27), properties(i))
                for i in range(count)}
    return Bundle(extra={"name": name}, features=features)


def _labels(workspace):
    shown = list(workspace.content.features.values())
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    cache.prepare(shown)
    return feature_labels(workspace, shown, cache, {})


def test_other_files_points_are_named_by_their_name_and_a_bulk_layer_is_not(sample_workspace):
    """A CSV of places showed dots only (no label from its name column); a layer of a million points must not try
    to label them one by one either."""
    sample_workspace.add(_layer("ports", 3))
    sample_workspace.add(_layer("unnamed", 2, lambda i: {"depth": i}))  # no name: its id is no label
    labels, _ = _labels(sample_workspace)
    texts = {label.text for label in labels}
    assert {"buoy 0", "buoy 1", "buoy 2"} <= texts
    assert not any(label.feature.startswith("unnamed") for label in labels)
    assert SITE_2016 in {label.feature for label in labels}

    sample_workspace.add(_layer("survey", max(BULK_FEATURES, LAUNCH_GROUP_LABELLED) + 1))
    labels, marks = _labels(sample_workspace)
    named = {label.feature for label in labels}
    assert not any(name.startswith("survey") for name in named)
    assert {"ports-0", "ports-1", "ports-2", SITE_2016} <= named  # a small layer beside it is still named
    assert len(marks.points) < BULK_FEATURES


def test_other_files_lines_and_areas_are_named_along_and_beside_them(sample_workspace):
    sample_workspace.add(Bundle(extra={"name": "tracks"}, features={
        "a": Feature("a", shapely.LineString([(125, 30), (128, 27)]), {"name": "Track A"}),
        "z": Feature("z", shapely.Polygon([(126, 22), (129, 22), (129, 24), (126, 24)]), {"title": "  Zone\nZ  "}),
        "long": Feature("long", shapely.Point(127, 25), {"label": "x" * 300})}))
    labels = {label.feature: label for label in _labels(sample_workspace)[0]}
    assert labels["a"].path  # along the line, as a launch's name along its path
    assert labels["a"].text == "Track A"
    assert labels["z"].text == "Zone Z"
    assert len(labels["z"].anchors) == 4  # beside the area
    assert len(labels["long"].text) <= 40
    assert labels["long"].text.endswith("…")
    priorities = {label.priority for key, label in labels.items() if key in ("a", "z", "long")}
    launch = {label.priority for key, label in labels.items() if key == SITE_2016}
    assert max(launch) < min(priorities) < COUNTRY  # after the launches, before the basemap's countries


def test_rows_of_the_bundles_table_are_labelled_as_a_list_of_the_same_features(sample_workspace):
    """The canvas passes the shown features as rows of their bundle's table, which labelling reads instead of
    making a table of its own: the same labels and marks, and a hidden launch's catalogue counts for nothing."""
    sample_workspace.add(_layer("ports", 3))
    sample_workspace.add(_layer("survey", max(BULK_FEATURES, LAUNCH_GROUP_LABELLED) + 1))
    table = sample_workspace.content.table
    shown = table.rows(~table.layer.isin({"ports"}) | (np.arange(len(table)) % 2 == 0))  # some ports hidden
    assert columns_of(shown) is not None
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    cache.prepare(shown)
    by_rows, marks = feature_labels(sample_workspace, shown, cache, {})
    by_list, list_marks = feature_labels(sample_workspace, list(shown), cache, {})
    assert [label.feature for label in by_rows] == [label.feature for label in by_list]
    assert {label.feature for label in by_rows} & {"ports-0", "ports-1", "ports-2"} == {
        f.id for f in shown if f.id.startswith("ports")}
    np.testing.assert_array_equal(marks.points, list_marks.points)
