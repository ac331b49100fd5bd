"""Clipping SVG path data to a box around the image: fills keep their winding inside it, lines are cut at it."""

from __future__ import annotations

import re

import numpy as np
import shapely

from viewer.export.svg_clip import clipped_path_data, clipped_ring

BOX = (-100.0, -100.0, 100.0, 100.0)


def _coordinates(d: str) -> np.ndarray:
    return np.array([float(n) for n in re.findall(r"[-+]?\d+\.?\d*(?:[eE][-+]?\d+)?", d)]).reshape(-1, 2)


def test_a_far_reaching_fill_is_clipped_and_keeps_its_area_inside_the_box():
    # a continent reaching 13.9 million units out, with a lake (a hole, even-odd) inside the box
    outer = "M-50,-50 L13900000,-60 L13900000,9000000 L-40,80 Z"
    lake = "M0,0 L20,0 L20,20 L0,20 Z"
    clipped = clipped_path_data(f"{outer} {lake}", BOX, filled=True)
    assert np.abs(_coordinates(clipped)).max() <= 100
    rings = [shapely.Polygon(_coordinates(part)) for part in re.findall(r"M[^M]*", clipped)]
    box = shapely.box(*BOX)
    original = shapely.Polygon(_coordinates(outer)).intersection(box)
    assert abs(rings[0].area - original.area) < 1e-6 * original.area
    assert rings[1].equals(shapely.Polygon(_coordinates(lake)))  # inside the box: as it was


def test_paths_inside_the_box_and_curves_are_left_as_written():
    inside = "M0,0 L10,0 L10,10 Z"
    assert clipped_path_data(inside, BOX, filled=True) == inside
    curve = "M0,0 C1000,0 1000,1000 0,1000"
    assert clipped_path_data(curve, BOX, filled=False) == curve


def test_a_line_is_cut_where_it_leaves_the_box():
    clipped = clipped_path_data("M0,0 L5000000,0 M-5000000,50 L50,50", BOX, filled=False)
    assert clipped == "M0,0 L100,0 M-100,50 L50,50"


def test_a_ring_wholly_outside_goes():
    assert len(clipped_ring(np.array([[200.0, 200], [300, 200], [300, 300]]), BOX)) == 0
    assert clipped_path_data("M0,0 L1,0 L1,1 Z M200,200 L300,200 L300,300 Z", BOX, filled=True) == \
        "M0,0 L1,0 L1,1 Z"
