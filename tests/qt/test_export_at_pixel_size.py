"""An export densifies its large areas only as far as its pixels show (viewer.geo.area_detail): the image is the
one drawn from every area densified whole, within a pixel, from a fraction of the vertices."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import shapely
from hostile_geometry import jagged_star, round_area
from PySide6.QtGui import QImage
from shapely.geometry import Point

from viewer.geo import area_detail
from viewer.geo.crs import regional
from viewer.geo.densify import densified_area
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.render import ImageRequest, MapRenderer

REGION = (112.0, 12.0, 148.0, 38.0)
WIDTH, HEIGHT = 1280, 720


def areas() -> Workspace:
    """Areas with a solid outline (a dotted one's dots shift along it as its length changes by a hair): a star
    crossing itself (long spikes: geodesics that bend), a fine circle with an island of a few vertices
    in a hole, and a coast of short wiggles far from them."""
    circle = round_area(200_000)
    holed = shapely.Polygon(circle.exterior.coords, [Point(130, 25).buffer(3, 64).exterior.coords])
    rng = np.random.default_rng(5)
    x = np.linspace(114, 120, 60_000)
    coast = shapely.Polygon(np.column_stack([np.r_[x, 120, 114], np.r_[33 + 0.3 * np.sin(x * 9)
                                                                      + rng.normal(0, 0.002, len(x)), 36, 36]]))
    island = shapely.MultiPolygon([holed, Point(130, 25).buffer(0.5, 1)])
    features = {name: Feature(name, shape, {"kind": "area", "label": name})  # a solid outline: dots would shift
                for name, shape in (("star", jagged_star(20_000)), ("circle", island), ("coast", coast))}
    workspace = Workspace()
    workspace.add(Bundle(features=features, path=Path("areas.geojson")))
    return workspace


def image(workspace: Workspace, size: tuple[int, int] | None) -> np.ndarray:
    view = MapView()
    view.set_projection(regional(REGION))
    view.fit(REGION)
    view.set_decorations(labels=False)
    drawn = MapRenderer(workspace, view, size=size).image(ImageRequest(view, WIDTH, HEIGHT))
    drawn = drawn.convertToFormat(QImage.Format.Format_RGB32)
    return np.frombuffer(drawn.constBits(), np.uint8).reshape(HEIGHT, WIDTH, 4)[:, :, :3].astype(int).copy()


def unmatched(a: np.ndarray, b: np.ndarray, reach: int = 1, tolerance: int = 40) -> np.ndarray:
    """Pixels of ``a`` with no pixel of about their colour in ``b`` within ``reach`` pixels."""
    best = np.full(a.shape[:2], 10**6)
    padded = np.pad(b, ((reach, reach), (reach, reach), (0, 0)), mode="edge")
    for dy in range(2 * reach + 1):
        for dx in range(2 * reach + 1):
            shifted = padded[dy:dy + a.shape[0], dx:dx + a.shape[1]]
            best = np.minimum(best, np.abs(a - shifted).max(axis=2))
    return best > tolerance


def test_an_export_draws_its_large_areas_at_its_pixel_size_as_when_densified_whole(qapp, monkeypatch):
    workspace = areas()
    exact = image(workspace, None)
    made: list[int] = []
    real = area_detail.area_at_pixel_size

    def counted(area, projection, pixel):
        made.append(int(shapely.get_num_coordinates(out := real(area, projection, pixel))))
        return out

    monkeypatch.setattr(area_detail, "area_at_pixel_size", counted)
    at_size = image(workspace, (WIDTH, HEIGHT))
    assert len(made) == 3
    projection = regional(REGION)
    whole = sum(int(shapely.get_num_coordinates(densified_area(f.geometry, projection)))
                for f in workspace.content.features.values())
    assert sum(made) < whole / 2, (made, whole)
    assert (np.abs(exact - at_size).max(axis=2) > 40).any()  # not the same pixels: within a pixel of them
    for a, b in ((exact, at_size), (at_size, exact)):
        assert unmatched(a, b).mean() < 1e-4, unmatched(a, b).sum()


def test_an_image_finer_than_the_one_foreseen_is_drawn_from_areas_densified_whole(qapp):
    """A renderer told one size draws another image with pixels half as large: its areas are densified whole."""
    workspace = areas()
    view = MapView()
    view.set_projection(regional(REGION))
    view.fit(REGION)
    renderer = MapRenderer(workspace, view, size=(WIDTH // 2, HEIGHT // 2))
    assert renderer.scene._cache.pixel is not None
    renderer.image(ImageRequest(view, WIDTH, HEIGHT))
    assert renderer.scene._cache.pixel is None
