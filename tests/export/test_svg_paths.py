"""Path data QtSvg would cut short is split into paths that draw the same; map-unit numbers become plain pixels."""

from __future__ import annotations

import itertools
import re

import pytest
import shapely

from viewer.export.svg_paths import elements, plain_number, scaled_path_data, split_path_data


def line(points) -> str:
    return "M" + " L".join(f"{x},{y}" for x, y in points)


def ring(points) -> str:
    return line(points) + " Z"


def coordinates(d: str) -> list[tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", d)]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def test_a_short_path_is_left_as_it_is():
    d = line([(0, 0), (1, 1), (2, 0)])
    assert split_path_data(d, filled=False, limit=10) == [d]


def test_a_long_line_is_cut_into_pieces_that_join_up():
    points = [(i, (i * 7) % 13) for i in range(95)]
    pieces = split_path_data(line(points), filled=False, limit=10)
    assert len(pieces) > 1
    assert all(elements(piece) <= 10 for piece in pieces)
    drawn = [coordinates(piece) for piece in pieces]
    for before, after in itertools.pairwise(drawn):
        assert after[0] == before[-1]  # each piece starts where the last one ended
    assert [p for piece in drawn for p in piece[1:]] == [(float(x), float(y)) for x, y in points[1:]]


def test_a_closed_line_cut_in_pieces_still_closes_on_its_start():
    points = [(i, i % 2) for i in range(30)]
    pieces = split_path_data(ring(points), filled=False, limit=8)
    assert all(elements(piece) <= 8 for piece in pieces)
    assert coordinates(pieces[-1])[-1] == (0.0, 0.0)
    assert "Z" not in "".join(pieces)


def test_a_filled_shape_keeps_its_hole_and_the_island_in_it():
    square = ring([(0, 0), (100, 0), (100, 100), (0, 100)])
    hole = ring([(20, 20), (80, 20), (80, 80), (20, 80)])
    island = ring([(40, 40), (60, 40), (60, 60), (40, 60)])
    others = [ring([(200 + 10 * i, 0), (205 + 10 * i, 0), (205 + 10 * i, 5)]) for i in range(6)]
    d = " ".join([*others[:3], square, hole, island, *others[3:]])
    pieces = split_path_data(d, filled=True, limit=16)  # the shape is 15 elements, each other ring 4
    assert len(pieces) > 1
    assert all(elements(piece) <= 16 for piece in pieces)
    holding = [piece for piece in pieces if square in piece]
    assert len(holding) == 1
    assert hole in holding[0]
    assert island in holding[0]
    assert sorted(" ".join(pieces).split(" M")) == sorted(d.split(" M"))  # every ring once


@pytest.mark.parametrize(("value", "text"), [(1e-05, "0"), (-1e-05, "0"), (123.45, "123.45"), (2e6, "2000000"),
                                             (-2275510.4, "-2275510.4"), (0.0004, "0"), (0.0006, "0.001")])
def test_plain_numbers_have_no_exponent(value, text):
    assert plain_number(value) == text


def test_map_units_scaled_to_pixels_have_no_exponent():
    d = "M-2.27551e+06,-3.12605e+06 L1e-05,3.03935e+07 L-1.90559e+06,-434008 Z"
    scaled = scaled_path_data(d, 0.000146664)
    assert "e" not in scaled
    expected = [v * 0.000146664 for point in coordinates(d) for v in point]
    assert [v for point in coordinates(scaled) for v in point] == pytest.approx(expected, abs=0.001)
    assert shapely.Polygon(coordinates(scaled)).is_valid
