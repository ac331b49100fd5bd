"""A visual's record of what it drew tells a repeat request from a change, for any feature's geometry or look."""

from __future__ import annotations

import shapely

from viewer.geo.crs import regional
from viewer.geo.projected import ProjectedFeatures
from viewer.model.feature import Feature
from viewer.qt.draw.features import Shown


def points(count: int = 50) -> list[Feature]:
    return [Feature(f"p{i}", shapely.Point(120 + i * 0.1, 30), {"kind": "impact_point", "event": "e1"})
            for i in range(count)]


def test_the_same_features_are_unchanged_and_any_change_is_seen():
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    features = points()
    shown = Shown("impact_point", features, cache, {"e1": "#FF0000"})
    assert Shown("impact_point", list(features), cache, {"e1": "#FF0000"}).same_as(shown)
    assert not Shown("impact_point", features, cache, {"e1": "#00FF00"}).same_as(shown)
    assert not Shown("impact_point", features[::-1], cache, {"e1": "#FF0000"}).same_as(shown)
    assert not Shown("impact_point", features[:-1], cache, {"e1": "#FF0000"}).same_as(shown)
    assert not Shown("impact_point", features, cache.reprojected(cache.projection), {"e1": "#FF0000"}).same_as(shown)

    features[20].properties["certainty"] = "approximate"
    assert not Shown("impact_point", features, cache, {"e1": "#FF0000"}).same_as(shown)
    features[20].properties.pop("certainty")
    assert Shown("impact_point", features, cache, {"e1": "#FF0000"}).same_as(shown)

    features[30].geometry = shapely.Point(125, 31)
    assert not Shown("impact_point", features, cache, {"e1": "#FF0000"}).same_as(shown)
