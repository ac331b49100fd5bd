"""On a globe every name lies on the earth's disc: country names whose point was near the horizon (Libya, Sudan,
Kenya from Pyongyang) were centred there and ran off the disc onto the page."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.cli.common import load_workspace
from viewer.geo.crs import orthographic
from viewer.geo.earth_outline import globe_disc
from viewer.model.view import MapView
from viewer.qt.render import ImageRequest, MapRenderer
from viewer.resources import sample_bundle


def test_a_globes_names_keep_to_its_disc(qapp):
    projection = orthographic(125.7, 39.0)
    renderer = MapRenderer(load_workspace([str(sample_bundle())]))
    try:
        view = MapView(projection)
        view.fit((-180.0, -90.0, 180.0, 90.0))
        renderer.image(ImageRequest(view, 1200, 900))
        scene = renderer.scene
        placed = scene.labels.placed_shapes
        outline = np.asarray(globe_disc(projection).exterior.coords)
        device = [scene.map_to_pixel(x, y) for x, y in outline]
        disc = shapely.Polygon([(p.x(), p.y()) for p in device]).buffer(0.5)
    finally:
        renderer.close()
    names = {text for text, _ in placed}
    assert {"RUSSIA", "CHINA", "INDIA", "AUSTRALIA"} <= names  # the globe is still named
    off = [text for text, shape in placed if not disc.contains(shapely.box(*shape) if isinstance(shape, tuple)
                                                               else shapely.Polygon(shape.corners()))]
    assert off == []
