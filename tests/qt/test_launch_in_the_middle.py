"""A launch's own frame puts it in the middle of the map, not at one side of the room a decoration leaves:
'export --event 2023-11-21-chollima1' at 1600x900 drew the launch right of centre with a third of the frame on
Indochina, centred in the strip right of the title."""

from __future__ import annotations

import pytest
import shapely
from pixels import pixel_of

from viewer.cli import main
from viewer.cli.common import load_workspace

pytestmark = pytest.mark.gui


def _launch_pixels(png, event_id):
    workspace = load_workspace([])
    points = []
    for feature in workspace.content.features_of(event_id):
        for lon, lat in shapely.get_coordinates(feature.geometry):
            points.append(pixel_of(png, float(lon), float(lat)))
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


@pytest.mark.parametrize(("event_id", "width", "height"), [("2023-11-21-chollima1", 1600, 900),
                                                           ("2016-02-07-kms4", 1920, 1080)])
def test_a_north_south_launch_is_framed_in_the_middle(tmp_path, event_id, width, height):
    png = tmp_path / "launch.png"
    assert main(["export", "--event", event_id, "--width", str(width), "--height", str(height), "-o", str(png)]) == 0
    left, top, right, bottom = _launch_pixels(png, event_id)
    assert left >= 0  # all of it in the frame
    assert top >= 0
    assert right < width
    assert bottom < height
    middle = (left + right) / 2
    assert abs(middle - width / 2) < 0.03 * width, (left, right)
