"""The auto legend (the corner with least data) counts the user's range rings, measurements and annotations as data:
it covered part of a 13,000 km ring on the azimuthal equidistant export, and an annotation's leader line on screen."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from viewer.geo.geodesic import GEOD
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature

PYONGYANG = (125.74, 39.02)


def _pixels_of(png, lons, lats):
    """Pixels of lon/lats in an exported PNG through its world file and .prj, as QGIS reads it (tests/qt/pixels.py's
    pixel_of, for many points at once)."""
    import pyproj

    crs = pyproj.CRS.from_wkt(png.with_suffix(".prj").read_text())
    x, y = pyproj.Transformer.from_crs("EPSG:4326", crs, always_xy=True).transform(lons, lats)
    size_x, _, _, size_y, centre_x, centre_y = (float(v) for v in png.with_suffix(".pgw").read_text().split())
    return np.round((np.asarray(x) - centre_x) / size_x), np.round((np.asarray(y) - centre_y) / size_y)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_the_exports_legend_is_not_over_a_range_ring(tmp_path, monkeypatch, size):
    from viewer.cli import main
    from viewer.qt.render import MapRenderer

    layouts = []
    save = MapRenderer.save

    def save_and_keep(self, path, request):
        times = save(self, path, request)
        layouts.append(self.scene.decorations.last_layout)
        return times

    monkeypatch.setattr(MapRenderer, "save", save_and_keep)
    png = tmp_path / "reach.png"
    assert main(["export", "-o", str(png), "--rings", f"{PYONGYANG[0]},{PYONGYANG[1]}:5500,13000",
                 "--width", str(size[0]), "--height", str(size[1])]) == 0
    legend = layouts[-1].legend_box
    assert legend is not None
    azimuths = np.arange(0.0, 360.0, 0.5)
    for radius_km in (5500, 13000):
        lons, lats, _ = GEOD.fwd(np.full(azimuths.size, PYONGYANG[0]), np.full(azimuths.size, PYONGYANG[1]),
                                 azimuths, np.full(azimuths.size, radius_km * 1000.0))
        px, py = _pixels_of(png, lons, lats)
        on_image = (px >= 0) & (px < size[0]) & (py >= 0) & (py < size[1])
        assert on_image.sum() > azimuths.size / 4
        under = (px >= legend[0] - 1) & (px <= legend[2] + 1) & (py >= legend[1] - 1) & (py <= legend[3] + 1)
        assert not under.any(), (radius_km, layouts[-1].legend_place, legend, px[under][:3], py[under][:3])


def _rest(canvas, qtbot):
    canvas.viewport().repaint()
    qtbot.wait(300)  # the auto legend moves once the view has rested
    canvas.viewport().repaint()
    qtbot.waitUntil(lambda: canvas.decorations.last_layout is not None, timeout=5_000)


def _empty_ocean(window, qtbot):
    """A view with no feature in it at 1366x768: every corner is free, the legend goes to the first (se)."""
    window.resize(1366, 768)
    canvas = window.canvas
    canvas.zoom_to_extent((150.0, 5.0, 175.0, 25.0))
    _rest(canvas, qtbot)
    layout = canvas.decorations.last_layout
    assert layout.legend_place == "se"
    assert canvas.frame.data_count(*canvas.map_view.frame) == 0
    return canvas, layout.legend_box


def _lonlat(canvas, px, py):
    x, y = canvas.frame.pixel_to_map(px, py)
    lon, lat = canvas.projection.inverse(x, y)
    return float(lon), float(lat)


def test_the_screens_legend_leaves_a_corner_a_measurement_crosses(window, qtbot):
    canvas, box = _empty_ocean(window, qtbot)
    canvas.set_measuring(True)
    canvas.add_measure_point(*_lonlat(canvas, box[0] - 40, box[1] - 40))
    canvas.add_measure_point(*_lonlat(canvas, box[2] - 10, box[3] - 10))
    canvas.set_measuring(False)
    _rest(canvas, qtbot)
    assert canvas.decorations.last_layout.legend_place != "se"


def test_the_screens_legend_leaves_a_corner_an_annotations_leader_line_crosses(window, qtbot):
    canvas, box = _empty_ocean(window, qtbot)
    # a callout above the legend's corner pointing past its far corner: only the leader line crosses the legend
    words = _lonlat(canvas, (box[0] + box[2]) / 2, box[1] - 60)
    anchor = _lonlat(canvas, box[2] - 5, box[3] - 5)
    window.workspace.add(Bundle(features={"note": Feature(
        "note", shapely.Point(*words),
        {"kind": "annotation", "style": "callout", "text": "Tokyo: no J-Alert issued", "anchor": list(anchor)})}))
    _rest(canvas, qtbot)
    marks = [m for visual in canvas.visuals.values() for m in getattr(visual, "marks", [])]
    assert [m.feature_id for m in marks] == ["note"]
    assert canvas.decorations.last_layout.legend_place != "se"
    shown = canvas.decorations.last_layout.legend_box
    leader = shapely.LineString([tuple(canvas.map_to_pixel(*canvas.projection.forward(*p)).toTuple())
                                 for p in (words, anchor)])
    assert not leader.intersects(shapely.box(*shown))
