"""A range ring's label goes where the ring crosses the view, not at its top when only a smaller ring is on screen."""

from __future__ import annotations

from viewer.geo.crs import DEFAULT_REGION, regional
from viewer.geo.geodesic import range_ring
from viewer.qt.map.analysis_layer import ring_label_position

SOHAE = (124.705, 39.66)


def test_a_ring_larger_than_the_view_is_named_where_it_crosses_the_view():
    projection = regional(DEFAULT_REGION)
    frame = projection.project_extent((120.0, 30.0, 135.0, 41.0))  # the ring crosses it, bottom right
    ring = range_ring(*SOHAE, 1000.0)
    x, y = ring_label_position(ring.exterior.coords, projection, frame)
    xmin, ymin, xmax, ymax = frame
    assert xmin < x < xmax
    assert ymin < y < ymax
    top = ring_label_position(ring.exterior.coords, projection, None)  # no frame: the ring's northernmost point
    assert top[1] > ymax  # which is off this view: the old label would not have been seen
