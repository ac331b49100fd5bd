"""Bulk data is not labelled feature by feature: a launch's catalogue-sized group is left to its symbols."""

from __future__ import annotations

import shapely

from viewer.geo.crs import regional
from viewer.geo.projected import ProjectedFeatures
from viewer.model.bundle import Bundle
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature
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
