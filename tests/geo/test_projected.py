"""Features densified and projected all at once give what one feature at a time gives."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.crs import regional
from viewer.geo.drawable import project_geometry
from viewer.geo.geodesic import densify
from viewer.geo.projected import ProjectedFeatures, densify_lines
from viewer.model.feature import Feature


def test_lines_densified_together_match_each_densified_alone():
    rng = np.random.default_rng(7)
    lines = [shapely.LineString(rng.uniform([100, 10], [180, 50], (rng.integers(2, 6), 2))) for _ in range(60)]
    lines += [shapely.LineString([(179.5, 10), (-179.5, 11), (-170, 12)]),  # over the antimeridian
              shapely.LineString([(124.7, 39.66), (124.71, 39.65)])]  # too short to densify
    together = densify_lines(np.array(lines, dtype=object), 25.0)
    for line, dense in zip(lines, together, strict=True):
        alone = shapely.get_coordinates(densify(line, 25.0))
        assert shapely.get_coordinates(dense).shape == alone.shape
        np.testing.assert_allclose(shapely.get_coordinates(dense), alone, rtol=0, atol=1e-9)


def test_segments_near_the_densify_length_are_measured_as_one_at_a_time():
    """Short segments are not measured on the ellipsoid (a bound says they are short): those just under and just
    over 25 km, at the equator and far north, densify as the one-at-a-time densify does."""
    rng = np.random.default_rng(11)
    lines = []
    for lat in (0.0, 45.0, 75.0):
        for step in (0.05, 0.11, 0.2, 0.23, 0.3):  # degrees: ~5 to ~33 km along a meridian
            turns = rng.uniform(0, 2 * np.pi, 30)
            lines.append(shapely.LineString(np.column_stack([130 + np.cumsum(step * np.cos(turns)),
                                                             lat + np.cumsum(step * np.sin(turns))])))
    together = densify_lines(np.array(lines, dtype=object), 25.0)
    added = 0
    for line, dense in zip(lines, together, strict=True):
        alone = shapely.get_coordinates(densify(line, 25.0))
        assert shapely.get_coordinates(dense).shape == alone.shape
        np.testing.assert_allclose(shapely.get_coordinates(dense), alone, rtol=0, atol=1e-9)
        added += len(alone) - len(line.coords)
    assert added > 0  # some segments were long enough to densify


def test_prepared_features_are_projected_as_one_at_a_time():
    projection = regional((115.0, 14.0, 140.0, 42.0))
    features = [Feature("p", shapely.Point(124.7, 39.66), {"kind": "launch_site"}),
                Feature("l", shapely.LineString([(124.7, 39.66), (127.0, 26.0)]), {"kind": "flight_path"}),
                Feature("a", shapely.box(125, 30, 128, 33), {"kind": "danger_zone"}),
                Feature("n", None, {"kind": "impact_point"})]
    cache = ProjectedFeatures(projection)
    cache.prepare(features)
    for feature in features[:3]:
        expected = project_geometry(densify(feature.geometry, 25.0), projection)
        assert shapely.equals_exact(cache.projected(feature), expected, tolerance=1e-3)
    assert cache.projected(features[3]) is None
