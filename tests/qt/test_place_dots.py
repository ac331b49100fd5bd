"""No label covers a place's dot: on the deck's May 2023 slide 'San Policarpo' was drawn across Mercedes' dot, and
'Manila' began at Baler's dot."""

from __future__ import annotations

import pytest
import shapely

from viewer.geo.labels import shape_of


def _dots_under_labels(drawing) -> list[tuple[str, str]]:
    from viewer.qt.draw.labels import DOT

    r = drawing.context.px(DOT) / 2
    found = []
    for name, x, y in drawing.placed_dots:
        dot = shapely.box(x - r, y - r, x + r, y + r)
        for text, candidate in drawing.placed_shapes:
            if text != name and shape_of(candidate).intersects(dot):
                found.append((name, text))
    return found


@pytest.mark.parametrize("args", [["--event", "2023-05-31-chollima1", "--width", "1930", "--height", "1440",
                                   "--dpi", "290", "--legend", "outside"],
                                  ["--width", "1600", "--height", "900"], ["--width", "800", "--height", "600"],
                                  ["--paper", "A4"]])
def test_no_label_covers_a_places_dot(tmp_path, exported_labels, args):
    drawing = exported_labels(["-o", str(tmp_path / "map.png"), *args])
    assert len(drawing.placed_dots) > 5
    assert _dots_under_labels(drawing) == []
