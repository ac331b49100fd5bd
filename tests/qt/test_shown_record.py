"""A visual's record of what it drew tells a repeat request from a change, for any feature's geometry or look."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.crs import regional
from viewer.geo.projected import ProjectedFeatures
from viewer.model.feature import Feature
from viewer.model.feature_table import FeatureRows, FeatureTable
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


def test_many_features_get_the_looks_one_by_one_gives():
    """Beyond TABLE_ABOVE features the looks come from a FeatureTable: the same codes and looks, in the same order."""
    from viewer.qt.draw import features as drawing

    looks = [{"event": "e1"}, {"event": "e2", "certainty": "approximate"}, {"draft": True}, {},
             {"event": "e1", "draft": True}, {"certainty": "derived"}]
    many = [Feature(f"f{i}", shapely.Point(120, 30), {"kind": "impact_point", **looks[(i * 7) % 5 + (i % 2)]})
            for i in range(drawing.TABLE_ABOVE + 500)]
    many[3].layer = "other.csv"
    codes, values = drawing.looks_of(many)
    one_by_one: dict = {}
    expected = [one_by_one.setdefault((f.event or f.layer or "", f.certainty, drawing.is_draft(f), None),
                                      len(one_by_one)) for f in many]
    assert values == list(one_by_one)
    assert codes.tolist() == expected
    table = FeatureTable.of(many)  # as the canvas passes a bundle's visible features: rows of its table
    chosen = np.arange(0, len(many), 3)
    codes, values = drawing.looks_of(FeatureRows(table, chosen))
    one_by_one.clear()
    expected = [one_by_one.setdefault((f.event or f.layer or "", f.certainty, drawing.is_draft(f), None),
                                      len(one_by_one)) for f in (many[i] for i in chosen)]
    assert values == list(one_by_one)
    assert codes.tolist() == expected


def test_a_launchs_features_are_drawn_over_another_files_of_the_same_kind():
    """A launch's flight path was drawn under another file's flight-path layer opened after it (groups were drawn
    in the order first met, and the launch's features come first), so only its arrows showed on top."""
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    launch = [Feature("l1", shapely.LineString([(124, 39), (125, 20)]), {"kind": "flight_path", "event": "e1"})]
    other = [Feature(f"o{i}", shapely.LineString([(120 + i, 30), (130, 25)]), {"kind": "flight_path"}, layer="paths")
             for i in range(3)]
    shown = Shown("flight_path", launch + other, cache, {"e1": "#FF0000", "paths": "#00FF00"})
    order = [[shown.features[i].id for i in members] for members in shown.groups().values()]
    assert order == [["o0", "o1", "o2"], ["l1"]]
