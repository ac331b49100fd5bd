"""A line of one position or a ring of too few is reported in the file's words, not GEOS's."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("raw", "expected"), [
    ({"type": "LineString", "coordinates": [[125.7, 39.0]]}, "a line has 1 position; it needs at least 2"),
    ({"type": "MultiLineString", "coordinates": [[[125.7, 39.0], [126, 39]], [[127, 40]]]},
     "a line has 1 position; it needs at least 2"),
    ({"type": "Polygon", "coordinates": [[[125, 39], [126, 39]]]},
     "a polygon ring has 2 distinct positions; it needs at least 3"),
])
def test_a_line_or_ring_with_too_few_positions_is_said_in_the_files_words(raw, expected):
    from viewer.geo.geometry_check import GeometryError, checked_geometry

    with pytest.raises(GeometryError) as raised:
        checked_geometry(raw)
    assert str(raised.value) == f"malformed {raw['type']} coordinates ({expected})"


def test_an_open_triangle_ring_is_still_read():
    from viewer.geo.geometry_check import checked_geometry

    assert checked_geometry({"type": "Polygon", "coordinates": [[[125, 39], [126, 39], [126, 40]]]}).geometry.area > 0
