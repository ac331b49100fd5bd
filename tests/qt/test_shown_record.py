"""A visual's record of what it drew tells a repeat request from a change, for any feature's geometry or look."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.crs import regional
from viewer.geo.projected import ProjectedFeatures
from viewer.model.feature import Feature
from viewer.model.feature_paint import paint_of
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
    """Beyond TABLE_ABOVE features the looks come from a FeatureTable: the same codes and looks, in the same order,
    their own paint too (a layer of more than TABLE_ABOVE styled features was drawn in the layer's colour)."""
    from viewer.qt.draw import features as drawing

    looks = [{"event": "e1"}, {"event": "e2", "certainty": "approximate"}, {"draft": True}, {"stroke": "#FFFF00"},
             {"event": "e1", "draft": True}, {"certainty": "derived", "marker-color": "#00FFFF"}]
    many = [Feature(f"f{i}", shapely.Point(120, 30), {"kind": "impact_point", **looks[(i * 7) % 5 + (i % 2)]})
            for i in range(drawing.TABLE_ABOVE + 500)]
    many[3].layer = "other.csv"
    codes, values = drawing.looks_of(many)
    one_by_one: dict = {}
    expected = [one_by_one.setdefault((f.event or f.layer or "", f.certainty, drawing.is_draft(f), paint_of(f.value)),
                                      len(one_by_one)) for f in many]
    assert values == list(one_by_one)
    assert codes.tolist() == expected
    table = FeatureTable.of(many)  # as the canvas passes a bundle's visible features: rows of its table
    chosen = np.arange(0, len(many), 3)
    codes, values = drawing.looks_of(FeatureRows(table, chosen))
    one_by_one.clear()
    expected = [one_by_one.setdefault((f.event or f.layer or "", f.certainty, drawing.is_draft(f), paint_of(f.value)),
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


def test_a_file_opened_beside_keeps_the_symbol_groups_of_looks_it_does_not_add(monkeypatch):
    """The points shown before and a new file's after them: the groups of looks the new file has none of are kept as
    made (no position of theirs read again), the others made afresh, and every group is what a fresh drawing makes,
    in the same order; so too when the file is closed again."""
    from viewer.qt.draw.point_symbols import point_symbols

    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    rng = np.random.default_rng(4)
    big = [Feature(f"b{i}", shapely.Point(x, y), {"kind": "impact_point"})
           for i, (x, y) in enumerate(zip(rng.uniform(116, 139, 5_000), rng.uniform(15, 41, 5_000), strict=True))]
    for feature in big:
        feature.layer = "big.csv"
    launch = points(20)  # a launch's points, drawn over other files'
    colours = {"big.csv": "#0000FF", "e1": "#FF0000", "small.geojson": "#00FF00"}
    before = Shown("impact_point", [*launch, *big], cache, colours)
    made = {group.look: group for group in point_symbols(before)}
    small = points(3)
    for feature in small:
        feature.properties.pop("event")
        feature.layer = "small.geojson"
    more_launch = [Feature("late", shapely.Point(131, 33), {"kind": "impact_point", "event": "e1"})]
    now = Shown("impact_point", [*launch, *big, *small, *more_launch], cache, colours)
    read: list[int] = []
    xy_of = cache.xy_of
    monkeypatch.setattr(cache, "xy_of", lambda rows: read.append(len(rows)) or xy_of(rows))
    groups = point_symbols(now, before, made)
    assert sum(read) == 20 + 3 + 1  # the launch's group (one more point) and the new file's, not the 5,000
    assert groups[0] is made[("#0000FF", "reported", False, None)]
    closed = Shown("impact_point", [*launch, *big], cache, colours)  # the new file closed again
    read.clear()
    again = point_symbols(closed, now, {group.look: group for group in groups})
    assert sum(read) == 20  # the launch's group (it lost its last point), not the 5,000
    assert again[0] is made[("#0000FF", "reported", False, None)]
    assert [(g.look, g.x.tolist()) for g in again] == [(g.look, g.x.tolist()) for g in point_symbols(closed)]
    monkeypatch.undo()
    fresh = point_symbols(now)
    assert [g.look for g in groups] == [g.look for g in fresh]
    for group, alike in zip(groups, fresh, strict=True):
        assert np.array_equal(group.x, alike.x)
        assert np.array_equal(group.y, alike.y)
        assert (group.colour, group.outline, group.outline_dash) == (alike.colour, alike.outline, alike.outline_dash)
