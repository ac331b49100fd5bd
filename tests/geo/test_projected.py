"""Features densified and projected all at once give what one feature at a time gives."""

from __future__ import annotations

import tracemalloc

import numpy as np
import shapely

from viewer.geo.crs import regional, web_mercator
from viewer.geo.densify import densify_all
from viewer.geo.drawable import project_geometry, to_xy_arrays
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
        alone = densify_all(np.array([feature.geometry], dtype=object), projection)[0]
        assert shapely.equals_exact(cache.densified(feature), alone, tolerance=1e-9)
        assert shapely.equals_exact(cache.projected(feature), project_geometry(alone, projection), tolerance=1e-3)
    assert cache.projected(features[3]) is None
    assert cache.densified(features[3]) is None


def plain_points(count: int, seed: int = 3) -> list[Feature]:
    rng = np.random.default_rng(seed)
    points = shapely.points(rng.uniform(115, 140, count), rng.uniform(14, 42, count))
    return [Feature(f"p{i}", point, {"name": f"p{i}"}) for i, point in enumerate(points)]


def test_points_are_projected_as_shapely_would_and_redone_when_they_move():
    projection = regional((115.0, 14.0, 140.0, 42.0))
    features = plain_points(1000)
    cache = ProjectedFeatures(projection)
    cache.prepare(features)
    expected = shapely.get_coordinates(project_geometry(np.array([f.geometry for f in features]), projection))
    np.testing.assert_allclose(cache.positions(features), expected, rtol=0, atol=1e-6)
    assert shapely.equals_exact(cache.projected(features[7]), shapely.Point(expected[7]), tolerance=1e-6)
    features[7].geometry = shapely.Point(130.0, 35.0)  # moved: an edit gives the feature a new geometry
    moved = project_geometry(features[7].geometry, projection)
    assert shapely.equals_exact(cache.projected(features[7]), moved, tolerance=1e-6)
    features[8].geometry = shapely.LineString([(130.0, 35.0), (131.0, 36.0)])  # no longer a point
    assert cache.projected(features[8]).geom_type == "LineString"
    features[8].geometry = shapely.Point(131.0, 36.0)  # and a point again
    np.testing.assert_allclose(cache.positions(features[7:9]),
                               shapely.get_coordinates([moved, project_geometry(features[8].geometry, projection)]),
                               rtol=0, atol=1e-6)
    assert [i for i in cache.index(features).pick(*shapely.get_coordinates(moved)[0], 1.0)] == ["p7"]


def test_reprojected_cache_gives_the_new_projections_positions():
    features = plain_points(500)
    regional_map = regional((115.0, 14.0, 140.0, 42.0))
    other = regional((100.0, -10.0, 160.0, 60.0))
    cache = ProjectedFeatures(regional_map)
    cache.prepare(features)
    before = cache.positions(features)
    again = cache.reprojected(other)
    after = again.positions(features)
    expected = shapely.get_coordinates(project_geometry(np.array([f.geometry for f in features]), other))
    assert not np.allclose(before, after)
    np.testing.assert_allclose(after, expected, rtol=0, atol=1e-6)
    xmin, ymin, xmax, ymax = again.bounds(features)
    assert (xmin, ymin, xmax, ymax) == (*expected.min(axis=0), *expected.max(axis=0))
    index = again.index(features)
    assert index.pick(*expected[42], 1.0) == ["p42"]


def test_positions_of_other_geometries_and_of_none():
    projection = regional((115.0, 14.0, 140.0, 42.0))
    features = [Feature("m", shapely.MultiPoint([(120, 30), (121, 31)]), {}), Feature("n", None, {}),
                Feature("e", shapely.Point(), {}), Feature("p", shapely.Point(125, 35), {})]
    xy = ProjectedFeatures(projection).positions(features)
    assert np.isfinite(xy[[0, 3]]).all()
    assert np.isnan(xy[[1, 2]]).all()
    assert shapely.Point(xy[0]).distance(project_geometry(features[0].geometry, projection)) < 1e-6  # one of its points


def test_a_projected_point_costs_far_less_than_a_shapely_point():
    """Bytes a point the cache allocates through Python (GEOS's own allocations are not counted): ~90 as rows of a
    coordinate table; a (source, projected Point) pair per feature took ~145 here, and its GEOS point as much again.
    A wide bound, not a measurement."""
    count = 30_000
    features = plain_points(count)
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        cache.prepare(features)
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(cache.index(features)) == count
    assert held / count < 120, f"{held / count:.0f} bytes a point"


def test_rows_asked_again_are_the_same_and_a_new_geometry_gets_its_own():
    projection = regional((115.0, 14.0, 140.0, 42.0))
    features = plain_points(300)
    cache = ProjectedFeatures(projection)
    first = cache.rows(features)
    assert np.array_equal(cache.rows(list(features)), first)
    features[5].geometry = shapely.Point(130.0, 35.0)
    again = cache.rows(features)
    assert again[5] not in first
    assert np.array_equal(np.delete(again, 5), np.delete(first, 5))
    np.testing.assert_allclose(cache.positions(features[5:6]),
                               shapely.get_coordinates(project_geometry(features[5].geometry, projection)), atol=1e-6)
    shared = [Feature("a", features[0].geometry, {}), Feature("b", None, {})]
    assert cache.rows(shared).tolist() == [first[0], -1]


def test_a_file_added_to_a_large_cache_sorts_only_its_own_keys(monkeypatch):
    """A few areas opened after a large catalogue find their rows, and the catalogue's stay found, with only the
    new keys sorted: sorting every row held again made each add cost as much as the largest file ever shown."""
    projection = regional((115.0, 14.0, 140.0, 42.0))
    held = plain_points(5_000)
    cache = ProjectedFeatures(projection)
    held_rows = cache.rows(held)
    sorted_sizes: list[int] = []
    argsort = np.argsort

    def counted(values, *args, **kwargs):
        sorted_sizes.append(int(np.size(values)))
        return argsort(values, *args, **kwargs)

    monkeypatch.setattr(np, "argsort", counted)
    areas = [Feature(f"area{i}", shapely.Point(120 + i, 30).buffer(1.0), {}) for i in range(4)]
    points = plain_points(3)
    shared = [*areas, *points, Feature("again", areas[0].geometry, {})]  # one geometry twice: np.unique's way
    rows = cache.rows(shared)
    assert sum(sorted_sizes) <= 3 * len(shared)  # not the 5,000 rows held
    assert len(set(rows[:7].tolist())) == 7
    assert rows[7] == rows[0]
    assert not set(rows.tolist()) & set(held_rows.tolist())
    monkeypatch.undo()
    assert np.array_equal(cache.rows(held), held_rows)
    assert np.array_equal(cache.rows(shared), rows)
    assert np.array_equal(cache.held_rows(np.array([f.geometry for f in shared], dtype=object)), rows)


def test_lines_are_drawn_as_their_densified_lon_lat_lines_would_be():
    """The cache keeps no lon/lat copy of a line (made again when asked): what it draws, from the projected lines
    or from those copies where a seam cuts one, is what to_xy_arrays gives of the densified lines."""
    projection = web_mercator()  # seam at 180°, latitudes to 85°
    geometries = np.array([shapely.LineString([(124.7, 39.66), (127.0, 26.0), (140, 20)]),
                           shapely.LineString([(179.0, 30.0), (-179.0, 31.0)]), None, shapely.Point(125, 40),
                           shapely.box(125, 30, 128, 33), shapely.LineString([(10, 80), (20, 89.5)])], dtype=object)
    cache = ProjectedFeatures(projection)
    rows = cache.rows_of_geometries(geometries)
    dense = densify_all(geometries, projection)
    for chosen in ([0], [0, 1], [0, 2, 3], [0, 4], [5], [0, 2]):
        made = cache.dense_of(rows[chosen])
        assert all(a is b or shapely.equals_exact(a, b, tolerance=0) for a, b in zip(made, dense[chosen],
                                                                                    strict=True))
        expected = to_xy_arrays(dense[chosen], projection, project_geometry(dense[chosen], projection))
        np.testing.assert_array_equal(cache.drawn_xy(rows[chosen]), expected)


def test_rows_of_a_bundles_table_are_found_as_the_features_are():
    """Features passed as rows of their bundle's table (as the canvas passes them) are read from its columns:
    the same rows as the features listed one by one, shared geometries once, and after an edit the new geometry."""
    from viewer.model.bundle import Bundle

    shared = shapely.LineString([(125, 30), (128, 27)])
    features = {f"f{i}": Feature(f"f{i}", g, {"kind": "reference_place"}) for i, g in enumerate(
        [shapely.Point(125, 30), shared, None, shared, shapely.Point(126, 31)])}
    bundle = Bundle(features=features)
    table = bundle.table
    cache = ProjectedFeatures(regional((115.0, 14.0, 140.0, 42.0)))
    every, some = table.rows(), table.rows(np.array([True, False, True, True, True]))
    rows = cache.rows(every)
    assert rows[1] == rows[3] >= 0
    assert rows[2] == -1
    assert len(set(rows.tolist())) == 4
    np.testing.assert_array_equal(cache.rows(some), rows[[0, 2, 3, 4]])
    np.testing.assert_array_equal(cache.rows(list(features.values())), rows)
    features["f4"].geometry = shapely.Point(127, 32)
    bundle.features_changed()
    moved = cache.rows(bundle.table.rows())
    assert moved[4] not in rows
    assert moved[0] == rows[0]
    assert cache.projected(features["f4"]).equals(project_geometry(features["f4"].geometry, cache.projection))


def test_lines_drawn_straight_first_are_drawn_as_an_exports_once_their_densified_lines_are_taken():
    """The screen's cache (`straight_first`) projects a large layer's lines vertex for vertex; a line densifying
    would not cut is final at once, a longer one is drawn straight until `projected_lines` of it (on a worker) is
    taken. Then every row draws exactly what an export's cache (densified at once) draws."""
    from viewer.geo.densify import projected_lines

    projection = web_mercator()  # seam at 180°
    rng = np.random.default_rng(5)
    starts = rng.uniform([120, 20], [140, 40], (40, 2))
    geometries = [shapely.LineString(start + np.array([(0.0, 0.0), (2.0, -1.5), (3.0, -4.0)])) for start in starts]
    geometries += [shapely.LineString([(125.0, 30.0), (125.05, 30.05), (125.1, 30.0)]),  # short segments: final
                   shapely.LineString([(124.7, 39.66), (170.0, 10.0)]),  # ~5,000 km: curves
                   shapely.LineString([(179.0, 30.0), (-179.0, 31.0)])]  # across the seam: densified at once
    geometries = np.array(geometries, dtype=object)
    screen, export = ProjectedFeatures(projection, straight_first=0), ProjectedFeatures(projection)
    rows, everything = screen.rows_of_geometries(geometries), export.rows_of_geometries(geometries)
    pending, lines = screen.pending_lines()
    assert sorted(pending.tolist()) == sorted(rows[[*range(40), 41]].tolist())
    straight = to_xy_arrays(geometries[41], projection)
    np.testing.assert_array_equal(screen.drawn_xy(rows[[41]]), straight)  # for now
    assert len(straight[0]) == 2
    for row in (40, 42):  # final at once
        np.testing.assert_array_equal(screen.drawn_xy(rows[[row]]), export.drawn_xy(everything[[row]]))
    shapes, plain = projected_lines(lines, projection)
    version = screen.version
    assert screen.take_densified(pending, lines, shapes, plain)
    assert screen.version == version + 1
    assert not len(screen.pending_lines()[0])
    assert not screen.take_densified(pending, lines, shapes, plain)  # taken once
    np.testing.assert_array_equal(screen.drawn_xy(rows), export.drawn_xy(everything))
    assert len(screen.drawn_xy(rows[[41]])[0]) > 100  # the long path curves
    np.testing.assert_array_equal(screen.xy_of(rows), export.xy_of(everything))
    assert screen.bounds_of(rows) == export.bounds_of(everything)


def test_a_screens_lines_are_picked_and_bounded_as_an_exports_before_and_after_densifying():
    """The screen's cache keeps its straight lines, then their densified ones, as flat arrays (no LineString each);
    its picking index, bounds and the shapes it hands out answer as the LineStrings would: before densifying as
    the straight lines', after it as an export's (densified at once)."""
    projection = regional((115.0, 14.0, 140.0, 42.0))
    rng = np.random.default_rng(11)
    starts = rng.uniform([120, 20], [135, 38], (300, 2))
    geometries = np.array([shapely.LineString(s + np.array([(0.0, 0.0), (1.0, -1.0), (2.0, -3.0)])) for s in starts]
                          + [shapely.Point(127.0, 30.0)], dtype=object)
    features = [Feature(f"f{i}", g, {"kind": "flight_path"}) for i, g in enumerate(geometries)]
    screen, export = ProjectedFeatures(projection, straight_first=0), ProjectedFeatures(projection)
    rows, everything = screen.rows_of_geometries(geometries), export.rows_of_geometries(geometries)
    straight = project_geometry(geometries, projection)  # vertex for vertex, as drawn before densifying
    np.testing.assert_array_equal(shapely.get_coordinates(screen.shapes_of(rows[:-1])),
                                  shapely.get_coordinates(straight[:-1]))
    index = screen.index(features)
    assert len(index.line_positions) == 300  # all kept flat
    from viewer.geo.picking import FeatureIndex

    by_shapes = FeatureIndex([f.id for f in features], straight)
    x0, y0, x1, y1 = by_shapes.bounds()
    assert screen.bounds(features) == (x0, y0, x1, y1) == index.bounds()
    places = rng.uniform([x0, y0], [x1, y1], (40, 2))
    for x, y in places:
        assert index.pick(x, y, 20_000.0) == by_shapes.pick(x, y, 20_000.0)
        assert index.count_in_rect(x, y, x + 50_000, y + 50_000) == by_shapes.count_in_rect(x, y, x + 50_000,
                                                                                          y + 50_000)
    pending, lines = screen.pending_lines()
    *made, flat = screen.densify_pending(lines)
    assert len(flat[0]) == len(lines)
    assert all(shape is None for shape in made[0])
    assert screen.take_densified(pending, lines, *made, flat)
    index, exported = screen.reindexed(index), export.index(features)
    assert screen.bounds(features) == export.bounds(features) == index.bounds() == exported.bounds()
    for x, y in places:
        assert index.pick(x, y, 20_000.0) == exported.pick(x, y, 20_000.0)
        assert index.in_rect(x, y, x + 50_000, y + 50_000) == exported.in_rect(x, y, x + 50_000, y + 50_000)
    assert shapely.equals_exact(screen.shapes_of(rows[:-1]), export.shapes_of(everything[:-1]), tolerance=0).all()
    np.testing.assert_array_equal(screen.drawn_xy(rows), export.drawn_xy(everything))


def test_files_added_one_after_another_copy_only_their_own_rows():
    """The table's columns grow as a list does: a few small files opened beside 5,000 rows copy those rows once at
    most (joining every column on each add copied all of them each time), and every row is still found."""
    projection = regional((115.0, 14.0, 140.0, 42.0))
    held = plain_points(5_000)
    cache = ProjectedFeatures(projection)
    held_rows = cache.rows(held)
    table = cache._table
    files = [plain_points(3, seed=10 + i) for i in range(12)]
    for features in files:
        cache.prepare(features)
    assert table.copied <= len(held) + 12 * 3  # one growth (5,000 rows copied into twice the room)
    assert table.key_rows.copied <= 2 * 12 * 3  # the small files' keys merged among themselves, not into the 5,000
    assert len(cache) == len(held) + 12 * 3
    assert np.array_equal(cache.rows(held), held_rows)
    for features in files:
        np.testing.assert_allclose(cache.positions(features), shapely.get_coordinates(project_geometry(
            np.array([f.geometry for f in features]), projection)), rtol=0, atol=1e-6)


def test_a_closed_files_rows_are_let_go_and_the_table_compacted_once_they_are_half_of_it():
    projection = regional((115.0, 14.0, 140.0, 42.0))
    catalogue = plain_points(2_000)
    lines = [Feature(f"l{i}", shapely.LineString([(120 + i * 0.1, 30), (121 + i * 0.1, 31)]), {}) for i in range(50)]
    areas = [Feature("a", shapely.box(125, 30, 128, 33), {})]
    small = plain_points(10, seed=9)
    cache = ProjectedFeatures(projection, straight_first=10)
    cache.prepare([*catalogue, *lines, *areas, *small])
    shown = np.array([f.geometry for f in [*lines, *areas, *small]], dtype=object)
    before = cache.version
    kept = cache.projected(areas[0]), cache.positions(small), cache.shapes_of(cache.rows(lines))
    cache.keep_only(np.array([f.geometry for f in [*catalogue, *lines, *areas]], dtype=object))  # small closed
    assert (cache._table.dropped, len(cache), cache.version) == (10, 2_061, before)
    assert (cache.held_rows(np.array([f.geometry for f in small], dtype=object)) == -1).all()
    cache.keep_only(shown[:-10])  # the catalogue closed: more than half the table gone
    assert (len(cache), cache._table.dropped, cache.version) == (51, 0, before + 1)
    assert cache._table.copied <= 51
    assert (cache.held_rows(np.array([f.geometry for f in catalogue], dtype=object)) == -1).all()
    assert sorted(cache.rows([*lines, *areas]).tolist()) == list(range(51))
    assert shapely.equals_exact(cache.projected(areas[0]), kept[0], tolerance=1e-6)
    for line, shape in zip(cache.shapes_of(cache.rows(lines)), kept[2], strict=True):
        assert shapely.equals_exact(line, shape, tolerance=1e-6)
    index = cache.index([*lines, *areas])
    x, y = shapely.get_coordinates(cache.projected(lines[7]))[0]
    assert index.pick(x, y, 1.0)[0] == "l7"
    assert cache.bounds(lines) is not None
    np.testing.assert_allclose(cache.positions(small), kept[1], rtol=0, atol=1e-6)  # opened again: made again


def test_the_features_shown_before_and_a_new_files_after_them_search_only_the_new_files_keys():
    """A small file opened beside a large one: the refresh asks for the rows of the features shown before and the
    new file's after them; only the new file's keys are searched, and every row is the one asked alone."""
    projection = regional((115.0, 14.0, 140.0, 42.0))
    held = plain_points(5_000)
    cache = ProjectedFeatures(projection)
    held_rows = cache.rows(held)
    before = cache.searched
    small = plain_points(3, seed=11)
    rows = cache.rows([*held, *small])
    assert cache.searched - before == 3
    assert np.array_equal(rows[:5_000], held_rows)
    assert np.array_equal(rows[5_000:], cache.rows(small))
    before = cache.searched
    shuffled = [*small, *held]  # not those shown before, then others: searched whole
    assert np.array_equal(cache.rows(shuffled), np.concatenate([rows[5_000:], held_rows]))
    assert cache.searched - before == 5_003


def test_the_keys_of_geometries_are_their_ids():
    from viewer.geo.key_rows import keys_of

    geometries = np.array([f.geometry for f in plain_points(1_000)] + [None], dtype=object)
    for array in (geometries, geometries[::7], geometries[::-1], geometries[:0]):
        assert np.array_equal(keys_of(array), np.fromiter(map(id, array), dtype=np.int64, count=len(array)))


def test_a_small_files_points_are_indexed_beside_the_points_indexed_before_and_picked_alike(monkeypatch):
    """The picking index of the features shown before and a new file's after them sorts only the new file's points
    into a grid (the million shown before were sorted again on every add), and picks, counts and bounds as an index
    made afresh."""
    from viewer.geo import point_grid

    projection = regional((115.0, 14.0, 140.0, 42.0))
    held = plain_points(5_000)
    cache = ProjectedFeatures(projection)
    cache.index(held)
    sorted_sizes: list[int] = []
    key_order = point_grid._key_order

    def counted(column, fraction):
        sorted_sizes.append(len(column))
        return key_order(column, fraction)

    monkeypatch.setattr(point_grid, "_key_order", counted)
    files = [plain_points(3, seed=20 + i) for i in range(6)]
    shown = list(held)
    for features in files:
        shown = [*shown, *features, Feature(f"none{len(shown)}", None, {})]  # (one with no geometry: no row)
        index = cache.index(shown)
    assert sum(sorted_sizes) <= 4 * 6 * 3  # the new files' points, merged among themselves, never the 5,000
    monkeypatch.undo()
    afresh = ProjectedFeatures(projection).index(shown)
    assert index.bounds() == afresh.bounds()
    for x, y in cache.positions(shown[4_990:])[::2]:
        assert sorted(index.pick(x, y, 20_000.0)) == sorted(afresh.pick(x, y, 20_000.0))
        box = (x - 1e5, y - 1e5, x + 1e5, y + 1e5)
        assert sorted(index.in_rect(*box)) == sorted(afresh.in_rect(*box))
        assert index.count_in_rect(*box) == afresh.count_in_rect(*box)


def test_a_small_file_closed_beside_a_large_one_searches_no_key():
    """The features shown before but the last file's: their rows are the first of the last call's, found with no
    search, also once the closed file's rows are let go (the refresh's own calls are kept)."""
    projection = regional((115.0, 14.0, 140.0, 42.0))
    held, small = plain_points(5_000), plain_points(3, seed=11)
    cache = ProjectedFeatures(projection)
    held_rows = cache.rows(held)
    cache.rows([*held, *small])
    before = cache.searched
    shown = np.array([f.geometry for f in held], dtype=object)
    assert np.array_equal(cache.rows_of_geometries(shown), held_rows)
    cache.keep_only(shown)
    assert len(cache) == 5_000 + 3  # (let go, not compacted)
    assert np.array_equal(cache.rows(held), held_rows)
    assert cache.searched == before
    assert (cache.held_rows(np.array([f.geometry for f in small], dtype=object)) == -1).all()


def test_a_call_for_one_feature_keeps_the_large_calls_remembered():
    projection = regional((115.0, 14.0, 140.0, 42.0))
    held, small = plain_points(5_000), plain_points(3, seed=11)
    cache = ProjectedFeatures(projection)
    cache.rows(held)
    for count in (1, 2, 3):
        cache.rows(held[:count])  # (a label's, a highlight's: the first features of a large call)
    before = cache.searched
    cache.rows([*held, *small])
    assert cache.searched - before == 3


def test_small_files_opened_after_a_large_one_copy_none_of_its_rows():
    """A large file opened after a small one leaves room: the small files opened beside it copy none of its rows."""
    projection = regional((115.0, 14.0, 140.0, 42.0))
    cache = ProjectedFeatures(projection)
    cache.prepare(plain_points(30, seed=1))
    held = plain_points(5_000)
    cache.prepare(held)
    table = cache._table
    copied = table.copied
    for i in range(6):
        cache.prepare(plain_points(3, seed=10 + i))
    assert table.copied == copied
    assert len(cache) == 30 + 5_000 + 18


def test_the_rows_of_a_call_asked_again_are_handed_out_as_kept_not_copied():
    """A refresh asks for a million features' rows several times (prepare, drawing, picking): the rows remembered are
    handed out as they are kept (read-only), not widened into a copy each time; a small call's are its own."""
    projection = regional((115.0, 14.0, 140.0, 42.0))
    held, small = plain_points(5_000), plain_points(3, seed=11)
    cache = ProjectedFeatures(projection)
    first = cache.rows(held)
    again = cache.rows(held)
    assert np.shares_memory(first, again)  # one array: no copy made for the second call
    assert not again.flags.writeable
    beside = cache.rows([*held, *small])
    assert not beside.flags.writeable
    assert np.shares_memory(beside, cache.rows([*held, *small]))
    assert np.array_equal(beside[:5_000], first)
    assert np.shares_memory(cache.rows(held), first)  # the small file closed: the rows kept for the large call
    one = cache.rows(small[:1])
    assert one.flags.writeable
    assert one[0] == beside[5_000]
