"""An area's label sits against its outline: 'J-Alert: Okinawa Prefecture' was placed beside the bounding box of
the diagonal J-Alert envelope, ~30 px east of the drawn area at 1366x768, past Naha."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely

from viewer.resources import sample_bundle

WARNING_TEXT = "J-Alert: Okinawa Prefecture"


def _outline_pixels(png, ring) -> shapely.LineString:
    """An area's outline in an exported PNG's pixels, through its world file and .prj, as QGIS places it."""
    import pyproj

    ring = shapely.segmentize(shapely.LineString(ring), 0.05)  # the map draws edges densified
    lon, lat = np.asarray(ring.coords).T
    crs = pyproj.CRS.from_wkt(png.with_suffix(".prj").read_text())
    x, y = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lon, lat)
    size_x, _, _, size_y, centre_x, centre_y = (float(v) for v in png.with_suffix(".pgw").read_text().split())
    return shapely.LineString(np.column_stack([(x - centre_x) / size_x, (y - centre_y) / size_y]))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_warning_areas_label_touches_its_outline(tmp_path, exported_labels, size):
    png = tmp_path / "map.png"
    labels = exported_labels(["-o", str(png), "--width", str(size[0]), "--height", str(size[1])])
    boxes = [box for text, box in labels.placed if text == WARNING_TEXT]
    assert boxes, "the warning area is named"
    features = json.loads(sample_bundle().read_text())["features"]
    outlines = [_outline_pixels(png, f["geometry"]["coordinates"][0]) for f in features
                if f["properties"]["kind"] == "warning_area"]
    gap = min(shapely.box(b.left(), b.top(), b.right(), b.bottom()).distance(outline)
              for b in boxes for outline in outlines)
    assert gap <= 8, gap  # the label's gap (4 px) and the outline's width, not the bounding box's reach
