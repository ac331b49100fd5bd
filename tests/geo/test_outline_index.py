"""Lines and polygons of very many vertices are picked and counted by the stretches of their outline near the
question, with GEOS's answers: checked against GEOS on ordinary shapes (holes, several parts, a star crossing
itself, a wandering line), and the whole index with outlines against the index without them."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hostile_geometry import jagged_star
from shapely.geometry import LineString, MultiPolygon, Point, box

from viewer.geo import picking
from viewer.geo.outline_index import Outline
from viewer.geo.picking import FeatureIndex

RNG_SEED = 20261207


def ordinary_shapes() -> list[shapely.Geometry]:
    rng = np.random.default_rng(RNG_SEED)
    return [
        jagged_star(3000),  # crosses itself everywhere
        box(0, 0, 10, 10).difference(box(2, 2, 4, 4)),  # a hole
        MultiPolygon([box(0, 0, 1, 1), box(3, 3, 5, 5).difference(box(3.5, 3.5, 4, 4))]),
        LineString(rng.uniform(0, 10, (500, 2))),
        shapely.MultiLineString([[(0, 0), (5, 5)], [(5, 0), (0, 5), (2, 7)]]),
        Point(0, 0).buffer(5, 200),
    ]


@pytest.mark.parametrize("shape", ordinary_shapes(), ids=lambda g: g.geom_type)
def test_an_outline_answers_as_geos(shape) -> None:
    outline = Outline(shape)
    areal = shape.geom_type in ("Polygon", "MultiPolygon")
    rng = np.random.default_rng(RNG_SEED)
    xmin, ymin, xmax, ymax = shape.bounds
    width = xmax - xmin
    for _ in range(1500):
        x, y = rng.uniform(xmin - width / 10, xmax + width / 10), rng.uniform(ymin - width / 10, ymax + width / 10)
        assert outline.contains(x, y) == (areal and shapely.contains_xy(shape, x, y)), (x, y)
        reach = width * rng.uniform(0.001, 0.05)
        exact = shapely.distance(shape.boundary if areal else shape, Point(x, y))
        found = outline.distance(x, y, reach)
        assert np.isfinite(found) == (exact <= reach), (x, y, reach)
        if exact <= reach:
            assert found == pytest.approx(exact, abs=width * 1e-9)
        side = width * rng.uniform(0.001, 0.3)
        rect = (x, y, x + side, y + side * rng.uniform(0.2, 2))
        assert outline.meets(*rect) == shapely.intersects(shape, box(*rect)), rect


def test_an_index_with_outlines_answers_as_one_without(monkeypatch) -> None:
    """Every line and polygon through its outline (from 4 vertices up) against GEOS over the whole geometry: the
    same picks in the same order, the same counts and the same rectangles' features."""
    rng = np.random.default_rng(RNG_SEED)
    shapes = [*ordinary_shapes()[1:], box(4, 4, 6, 6), Point(5, 5).buffer(1.0), Point(5, 5), Point(7, 2),
              LineString([(0, 5), (10, 5)])]
    ids = [f"f{i}" for i in range(len(shapes))]
    plain = FeatureIndex(ids, shapes)
    monkeypatch.setattr(picking, "OUTLINE_FROM", 4)
    outlined = FeatureIndex(ids, shapes)
    assert len(outlined._outlines) >= 6
    for _ in range(1000):
        x, y = rng.uniform(-2, 12, 2)
        tolerance = rng.uniform(0.01, 0.5)
        assert outlined.pick(x, y, tolerance) == plain.pick(x, y, tolerance), (x, y, tolerance)
        w, h = rng.uniform(0.01, 4, 2)
        assert outlined.count_in_rect(x, y, x + w, y + h) == plain.count_in_rect(x, y, x + w, y + h)
        assert outlined.in_rect(x, y, x + w, y + h) == plain.in_rect(x, y, x + w, y + h)


def test_a_million_vertex_star_is_never_handed_whole_to_geos(monkeypatch) -> None:
    """Hovering and the legend's room search ask about the star at every mouse move and repaint: GEOS over its
    whole outline took 0.1-0.25 s a question (projected, 2.8 million vertices), a frozen window."""
    star = jagged_star(1_000_000)
    index = FeatureIndex(["star", "site"], [star, Point(130, 25)])
    handed: list[int] = []
    for name in ("distance", "contains_xy", "intersects", "area", "dwithin"):
        real = getattr(shapely, name)

        def watched(geometry, *args, _real=real, **kwargs):
            handed.append(int(np.max(shapely.get_num_coordinates(geometry), initial=0)))
            return _real(geometry, *args, **kwargs)

        monkeypatch.setattr(picking.shapely, name, watched)
    xmin, ymin, xmax, ymax = star.bounds
    for fx, fy in ((0.5, 0.5), (0.3, 0.3), (0.05, 0.5), (0.99, 0.99)):
        x, y = xmin + fx * (xmax - xmin), ymin + fy * (ymax - ymin)
        index.pick(x, y, 0.01)
        index.count_in_rect(x, y, x + 1, y + 1)
        index.count_in_rect(x - 3, y - 3, x, y)
    assert index.pick(130, 25, 0.01) == ["site", "star"]  # the centre is inside: every spike starts further out
    assert index.count_in_rect(xmax + 1, ymax + 1, xmax + 2, ymax + 2) == 0
    assert max(handed) < picking.OUTLINE_FROM


def test_a_rectangle_crowded_by_boxes_counts_as_met_beyond_the_budget() -> None:
    """Long segments side by side (a star's spikes) all have boxes over a small rectangle none of them meets:
    within the budget the answer is exact; beyond it, the crowd of boxes counts as the shape being there."""
    k = np.arange(30_000)
    zigzag = LineString(np.column_stack([np.where(k % 2, 100.0, 0.0), k * 1e-4 + np.where(k % 2, 100.0, 0.0)]))
    outline = Outline(zigzag)
    assert not outline.meets(10, 60, 11, 61)
    assert not shapely.intersects(zigzag, box(10, 60, 11, 61))
    assert outline.meets(10, 60, 11, 61, budget=1000)
    assert not outline.meets(10, 60, 11, 61, budget=50_000)
    assert outline.meets(40, 40, 41, 41, budget=1000)  # on the line


def test_an_outline_is_made_once_per_geometry(monkeypatch) -> None:
    """A refresh indexes the same projected shapes again: their runs are made once for each geometry object (a
    version of the drawing), again for a new one (densified, edited), and forgotten with the geometry."""
    import gc

    from viewer.geo import outline_index

    made: list[int] = []
    real = outline_index.Outline.__init__

    def counted(self, geometry):
        made.append(id(geometry))
        real(self, geometry)

    monkeypatch.setattr(outline_index.Outline, "__init__", counted)
    star = jagged_star(30_000)
    first = FeatureIndex(["star"], [star])
    again = FeatureIndex(["star"], [star])
    assert len(made) == 1
    assert again._outlines[0] is first._outlines[0]
    changed = shapely.transform(star, lambda xy: xy)  # the same outline, another geometry object
    assert FeatureIndex(["star"], [changed])._outlines[0] is not first._outlines[0]
    assert len(made) == 2
    key = id(changed)
    del changed
    gc.collect()
    assert key not in outline_index._MADE
