"""Bundles merged into the workspace's one view: every document, event and feature, in order, the first one
winning on an id two bundles share."""

from __future__ import annotations

import shapely

from viewer.model.bundle import Bundle, merged
from viewer.model.event import LaunchEvent
from viewer.model.feature import Feature


def test_merged_keeps_order_and_the_first_of_a_shared_id():
    first = Bundle(features={"a": Feature("a", shapely.Point(1, 2), {"label": "first a"}),
                             "b": Feature("b", None)},
                   events={"e": LaunchEvent(id="e", name="first e")})
    second = Bundle(features={"c": Feature("c", None), "a": Feature("a", None, {"label": "second a"})},
                    events={"e": LaunchEvent(id="e", name="second e"), "f": LaunchEvent(id="f", name="f")})
    disjoint = Bundle(features={"d": Feature("d", None)})
    result = merged([first, second, disjoint])
    assert list(result.features) == ["a", "b", "c", "d"]
    assert result.features["a"].label == "first a"
    assert result.features["d"] is disjoint.features["d"]
    assert [(e.id, e.name) for e in result.events.values()] == [("e", "first e"), ("f", "f")]
    assert list(first.features) == ["a", "b"]  # the bundles themselves are left as they were
