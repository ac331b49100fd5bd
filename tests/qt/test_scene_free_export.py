"""What the screen shows is what the export shows: the scene-free renderer's image of a view equals the window
canvas's own drawing of it, pixel for pixel within anti-aliasing."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QImage

from viewer.geo.basemap import load_basemap
from viewer.geo.crs import projection_from_name
from viewer.geo.gazetteer import load_places
from viewer.qt.map import render_jobs
from viewer.qt.map.canvas import MapCanvas
from viewer.qt.map.screen_cache import SETTLE_MS
from viewer.qt.render import ImageRequest, MapRenderer

WIDTH, HEIGHT = 900, 640


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes()).reshape(image.height(), -1)
    return data[:, :image.width() * 4].reshape(image.height(), image.width(), 4)[:, :, :3].astype(int)


@pytest.mark.parametrize("projection", ["regional", "globe"])
def test_the_export_draws_what_the_window_canvas_draws(qtbot, request, sample_workspace, projection):
    workspace = sample_workspace
    canvas = MapCanvas(workspace, load_basemap(), load_places(), selection=None)
    request.addfinalizer(lambda: (canvas.hide(), canvas.deleteLater()))  # not close(): see MapRenderer's history
    canvas.resize(WIDTH, HEIGHT)
    canvas.show()
    qtbot.waitExposed(canvas)
    canvas.set_projection(projection_from_name(projection, workspace.extent()), keep_view=False)
    canvas.map_view.set_decorations(title="Same drawing", graticule_labels=True)
    canvas.map_view.fit(workspace.extent(), margin=0.05)
    canvas.workspace.overlays.set_rings([])
    canvas.show_range_rings(124.705, 39.66, [500, 1500], "Sohae")
    for _ in range(3):  # layers slow to draw, and finer basemap levels, are made on worker threads: let them finish
        canvas.grab()
        render_jobs.wait_for_all()
        qtbot.waitUntil(lambda: not canvas.basemap_layer.building, timeout=120_000)  # slow on a loaded machine
        qtbot.wait(SETTLE_MS + 50)
    window = canvas.grab().toImage()
    assert (window.width(), window.height()) == (WIDTH, HEIGHT)

    renderer = MapRenderer(workspace, canvas.map_view)
    try:
        exported = renderer.image(ImageRequest(canvas.map_view.copy(), WIDTH, HEIGHT))
        rect = renderer.view_rect()
    finally:
        renderer.close()
    shown = canvas.view.viewRect()
    assert np.allclose([rect.left(), rect.top(), rect.width(), rect.height()],
                       [shown.left(), shown.top(), shown.width(), shown.height()], rtol=1e-9)
    a, b = pixels(window), pixels(exported)
    differ = np.abs(a - b).max(axis=2) > 48  # anti-aliased edges may round differently; a shape moved would not
    assert differ.mean() < 0.002, f"{differ.sum()} pixels differ"
    assert len(np.unique(b.reshape(-1, 3), axis=0)) > 500  # a map was drawn, not two empty images
