"""A bundle's features as columns: each column reads as `Feature` reads it, for plain-layer rows and features with
their own properties alike, and every edit makes the table again."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon

from viewer.model.bundle import Bundle
from viewer.model.edits import (
    AcceptDraft,
    AddFeature,
    EditProperties,
    EditProperty,
    MovePoint,
    RejectDraft,
)  # fmt: skip
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature, features_of_rows
from viewer.model.feature_rows import LayerColumns
from viewer.model.feature_table import Coded, FeatureTable, columns_of, combined
from viewer.model.workspace import Workspace

SQUARE = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])


def mixed_features() -> list[Feature]:
    """Features with their own properties and rows of two plain-layer batches, one row's dict made on use."""
    own = [
        Feature("site", Point(1, 2), {"kind": "launch_site", "event": "e1", "certainty": "derived", "draft": True}),
        Feature("path", LineString([(0, 0), (1, 1)]), {"kind": "flight_path", "event": "e1"}),
        Feature("zone", SQUARE, {"event": "e2", "certainty": "approximate", "draft": False}),
        Feature("odd", None, {"kind": ["not", "text"], "certainty": 3}),
        Feature("blank", Point(0, 0), {"kind": "", "event": ""}),
    ]
    batch = LayerColumns(["kind", "event", "certainty", "draft"],
                         [["impact_point", None, "launch_site", None], ["e1", None, None, "e2"],
                          [None, "approximate", None, ""], [None, 1, None, 0]])
    rows = features_of_rows(["r0", "r1", "r2", "r3"], [Point(3, 3), SQUARE, Point(4, 4), None], batch)
    rows[2].properties["label"] = "made its dict"  # this row now reads its own dict
    other = LayerColumns(["name"], [["x", "y"]])  # a batch with none of the columns the table reads
    more = features_of_rows(["s0", "s1"], [LineString([(0, 0), (2, 2)]), shapely.MultiPoint([(0, 0)])], other)
    return [own[0], *rows[:2], own[1], rows[2], own[2], rows[3], own[3], *more, own[4]]


def column_as_features_read_it(features: list[Feature]) -> dict[str, list]:
    return {"kind": [f.kind for f in features], "event": [f.event for f in features],
            "certainty": [f.certainty for f in features], "layer": [f.layer for f in features],
            "draft": [bool(f.value("draft")) for f in features]}


def read_columns(table: FeatureTable) -> dict[str, list]:
    return {"kind": [table.kind[i] for i in range(len(table))], "event": [table.event[i] for i in range(len(table))],
            "certainty": [table.certainty[i] for i in range(len(table))],
            "layer": [table.layer[i] for i in range(len(table))], "draft": table.draft.tolist()}


def test_each_column_reads_as_the_features_do():
    features = mixed_features()
    features[1].layer = "catalogue"
    expected = column_as_features_read_it(features)
    table = FeatureTable.of(features)
    assert read_columns(table) == expected
    assert expected["kind"][:4] == ["launch_site", "impact_point", "area", "flight_path"]  # the test covers both
    assert table.rows() == features
    assert [g is f.geometry for g, f in zip(table.geometries, features, strict=True)] == [True] * len(features)
    assert table.geometry_type.tolist() == [0, 0, 3, 1, 0, 3, -1, -1, 1, 4, 0]


def test_a_table_of_nothing():
    table = FeatureTable.of([])
    assert len(table) == 0
    assert table.rows() == []
    assert table.kind.counts() == {}
    assert table.kind.isin({"point"}).tolist() == []


def test_coded_columns_count_filter_and_join():
    coded = Coded.of(["a", None, "b", "a", "a"])
    assert coded.values == ["a", None, "b"]
    assert coded.counts() == {"a": 3, None: 1, "b": 1}
    assert coded.counts(np.array([False, True, True, False, False])) == {None: 1, "b": 1}
    assert coded.isin(["b", None]).tolist() == [False, True, True, False, False]
    joined = Coded.concatenated([coded, Coded.of(["c", "b"])])
    assert [joined[i] for i in range(len(joined))] == ["a", None, "b", "a", "a", "c", "b"]
    assert joined.mapped(lambda v: v or "none").counts() == {"a": 3, "none": 1, "b": 2, "c": 1}


def test_a_column_of_one_value_is_coded_as_any_other():
    """Cells of one value (equal texts, not one object) and columns that differ only far down, or only in a NaN
    (unequal to itself), code as the general way does."""
    same = ["".join(["re", "ported"]) for _ in range(1000)]
    coded = Coded.of(same)
    assert coded.values == ["reported"]
    assert coded.codes.tolist() == [0] * 1000
    late = [*same, "approximate", "reported"]
    coded = Coded.of(late)
    assert coded.values == ["reported", "approximate"]
    assert coded.counts() == {"reported": 1001, "approximate": 1}
    nan = float("nan")
    coded = Coded.of([nan] * 100 + [float("nan")])
    assert len(coded.values) == 2
    assert coded.codes.tolist() == [0] * 100 + [1]
    assert Coded.of([]).values == []
    assert Coded.of([[1, 2]] * 3).values == ["[1, 2]"]  # unhashable cells by their text, as before
    assert Coded.of([1, 1.0, True]).values == [1]  # equal values are one (as dict keys are)

@pytest.fixture
def bundle() -> Bundle:
    return Bundle(events={"e1": LaunchEvent(id="e1", name="One")},
                  features={"site": Feature("site", Point(1, 2), {"kind": "launch_site", "event": "e1",
                                                                  "draft": True}),
                            "zone": Feature("zone", SQUARE, {"kind": "danger_zone", "event": "e1", "draft": True})})


def assert_current(bundle: Bundle) -> None:
    """The table (kept or made again) reads as the features do now."""
    features = list(bundle.features.values())
    assert bundle.table.rows() == features
    assert read_columns(bundle.table) == column_as_features_read_it(features)
    assert [g is f.geometry for g, f in zip(bundle.table.geometries, features, strict=True)] == [True] * len(features)


def test_the_table_is_kept_until_an_edit(bundle):
    table = bundle.table
    assert bundle.table is table
    EditProperty("site", "certainty", "approximate").apply(bundle)
    assert bundle.table is not table


@pytest.mark.parametrize("edit", [
    EditProperty("site", "kind", "impact_point"),
    EditProperty("zone", "certainty", "approximate"),
    EditProperty("zone", "event", None),
    AcceptDraft("site"),
    RejectDraft("site"),
    EditProperties("zone", {"kind": "warning_area", "draft": None}),
    MovePoint("site", 5, 6),
    AddFeature(Feature("new", Point(7, 8), {"kind": "impact_point", "event": "e1", "draft": True})),
], ids=lambda edit: type(edit).__name__)
def test_every_edit_and_its_undo_make_the_table_again(bundle, edit):
    assert_current(bundle)
    edit.apply(bundle)
    assert_current(bundle)
    edit.revert(bundle)
    assert_current(bundle)


def test_the_workspace_content_table_follows_bundles_added_removed_and_edited(bundle):
    workspace = Workspace()
    layer = Bundle(features={"plain": Feature("plain", Point(0, 0), {"name": "a place"})}, extra={"name": "places"})
    workspace.add(bundle)
    assert workspace.content.table.kind.counts() == {"launch_site": 1, "danger_zone": 1}
    workspace.add(layer)
    assert workspace.content.table.layer.counts() == {None: 2, "places": 1}
    assert_current(workspace.content)
    bundle.features["zone"].properties["kind"] = "warning_area"  # an edit made in place, then said
    workspace.edited(bundle)
    assert workspace.content.table.kind.counts() == {"launch_site": 1, "warning_area": 1, "point": 1}
    assert_current(bundle)
    content = workspace.content
    shown = content.table.rows()
    EditProperty("site", "kind", "impact_point").apply(bundle)  # the merged content follows its bundles' edits
    assert content.table.kind.counts() == {"impact_point": 1, "warning_area": 1, "point": 1}
    assert columns_of(shown) is None
    workspace.remove(layer)
    assert len(workspace.content.table) == 2
    assert workspace.content.table is not bundle.table  # its own, whose columns follow the bundle's


def test_rows_grouped_by_the_look_of_several_columns():
    features = mixed_features()
    features[8].layer = features[9].layer = "catalogue"
    table = FeatureTable.of(features)
    looks = combined([table.colour_keys(), table.certainty, Coded.of(table.draft.tolist())])
    expected = [(f.event or f.layer or "", f.certainty, bool(f.value("draft"))) for f in features]
    assert [looks[i] for i in range(len(looks))] == expected
    assert looks.values == list(dict.fromkeys(expected))  # in the order first met
    some = np.array([i % 3 == 0 for i in range(len(features))])
    assert [combined([table.kind], some)[i] for i in range(int(some.sum()))] == \
        [(f.kind,) for f, kept in zip(features, some, strict=True) if kept]
    rows = np.array([5, 1])
    assert [combined([table.kind, table.event], rows)[i] for i in range(2)] == [("area", "e2"), ("impact_point", "e1")]


def test_a_view_shows_the_same_features_from_the_table_as_feature_by_feature():
    from datetime import UTC, datetime

    from viewer.model.filters import Filters
    from viewer.model.kinds import by_kind
    from viewer.model.view import visible_extent

    features = mixed_features()
    features[8].layer = features[9].layer = "catalogue"
    features[10].layer = "other"
    content = Bundle(events={"e1": LaunchEvent(id="e1", name="One", time="2016-02-07T00:30:00Z"),
                             "e2": LaunchEvent(id="e2", name="Two", time="2017-05-14T00:00:00Z")},
                     features={f.id: f for f in features})
    window = (datetime(2016, 1, 1, tzinfo=UTC), datetime(2016, 12, 31, tzinfo=UTC))
    for filters in (Filters(), Filters(hidden_kinds=frozenset({"area", "point"})),
                    Filters(hidden_events=frozenset({"e1"})), Filters(only_events=frozenset({"e2"})),
                    Filters(hidden_layers=frozenset({"catalogue"})), Filters(time_window=window),
                    Filters(hidden_layers=frozenset({"other"}), hidden_kinds=frozenset({"launch_site"}))):
        shown = filters.features(content)
        assert shown == [f for f in features if filters.shows(f, content)], filters
        groups = by_kind(shown, ["area", "launch_site", "point", "line", "danger_zone"])
        assert groups == by_kind(list(shown), ["area", "launch_site", "point", "line", "danger_zone"])
        assert [len(g) for g in groups.values()] != [0] * 5 or not shown
        assert visible_extent(shown) == visible_extent(list(shown))
    assert Filters(hidden_layers=frozenset({"catalogue"})).mask(content).sum() == len(features) - 2
    assert visible_extent(Filters(hidden_kinds=frozenset({"area", "line", "point", "launch_site", "impact_point",
                                                          "flight_path", "reference_place"})).features(content)) \
        is None


def test_rows_of_a_table_no_longer_current_are_read_one_by_one(bundle):
    shown = bundle.table.rows()
    assert columns_of(shown) is not None
    AcceptDraft("site").apply(bundle)
    assert columns_of(shown) is None
    again = bundle.table.rows(np.array([True, False]))
    again.append(bundle.features["zone"])
    assert columns_of(again) is None


def test_a_table_of_rows_of_a_current_table_is_taken_from_its_columns():
    features = mixed_features()
    bundle = Bundle(features={f.id: f for f in features})
    bundle.table.with_layer("catalogue", np.arange(len(features)) % 2 == 0)
    for feature in bundle.table.features[::2].tolist():
        feature.layer = "catalogue"  # as the workspace says it
    picked = np.array([9, 0, 4, 5, 2])
    shown = bundle.table.rows(picked)
    taken = FeatureTable.of(shown)
    assert taken is not bundle.table
    assert taken.current
    assert read_columns(taken) == column_as_features_read_it(shown)
    assert taken.rows() == shown
    assert taken.geometry_type.tolist() == bundle.table.geometry_type[picked].tolist()
    assert FeatureTable.of(bundle.table.rows()) is bundle.table  # all rows in order: the table itself
    AcceptDraft("site").apply(bundle)
    assert not taken.current
    again = FeatureTable.of(shown)  # no longer current: read feature by feature, as they are now
    assert again is not taken
    assert read_columns(again) == column_as_features_read_it(shown)


def test_the_content_of_one_bundle_counts_its_passages_once(bundle):
    workspace = Workspace()
    workspace.add(bundle)
    content, own = workspace.content.table, bundle.table
    assert content is not own
    counted = content.passages()
    assert counted.tolist() == [len(f.all_citations) for f in own.features.tolist()]
    assert own.passages() is counted  # the bundle's own table was counted for it, not counted again
