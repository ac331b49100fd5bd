"""A large path is read in pieces (so other threads get the GIL between them): the same path as read whole."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.qt.draw import qpath


@pytest.mark.parametrize(("vertices", "gaps"), [(50_000, 0.02), (123_457, 0.3), (70_001, 0.0), (100, 0.1)])
def test_a_path_read_in_pieces_is_the_path_read_whole(qapp, monkeypatch, vertices, gaps):
    rng = np.random.default_rng(vertices)
    x, y = rng.uniform(0, 1000, vertices), rng.uniform(0, 1000, vertices)
    x[rng.uniform(size=vertices) < gaps] = np.nan
    x[:2] = np.nan  # leading gaps, and one at the end
    y[-1] = np.nan
    monkeypatch.setattr(qpath, "PIECE", 10**9)
    whole = qpath.xy_path(x, y)
    monkeypatch.setattr(qpath, "PIECE", 2_000)
    moves = np.r_[True, ~(np.isfinite(x) & np.isfinite(y))[:-1]]
    pieces = qpath._pieces(moves)
    assert (len(pieces) > 1) == (gaps > 0 and vertices > 2_000)  # one ring cannot be cut
    assert pieces[0][0] == 0
    assert pieces[-1][1] == vertices
    built = qpath.xy_path(x, y)
    finite = np.isfinite(x) & np.isfinite(y)
    dots = np.count_nonzero(~finite[2:] & finite[1:-1] & ~finite[:-2])  # a part of one vertex: its dot
    assert built.elementCount() == whole.elementCount() == np.count_nonzero(finite) + dots
    assert built == whole  # every element, its type and the fill rule
    assert built.boundingRect() == whole.boundingRect()


def test_a_gap_is_no_element_of_the_path_and_a_part_of_one_vertex_is_a_dot(qapp) -> None:
    nan = np.nan
    x = np.array([nan, 0.0, 10.0, 20.0, nan, 30.0, 40.0, nan, 50.0, nan, nan, 60.0, 70.0, nan])
    y = np.array([nan, 0.0, 5.0, 0.0, nan, 1.0, 2.0, nan, 3.0, nan, nan, 4.0, 5.0, nan])
    path = qpath.xy_path(x, y)
    elements = [path.elementAt(i) for i in range(path.elementCount())]
    assert [(e.type.value, e.x, e.y) for e in elements] == [
        (0, 0.0, 0.0), (1, 10.0, 5.0), (1, 20.0, 0.0),  # 0 move, 1 line
        (0, 30.0, 1.0), (1, 40.0, 2.0),
        (0, 50.0, 3.0), (1, 50.0, 3.0),  # one vertex: a line to itself, drawn as a dot
        (0, 60.0, 4.0), (1, 70.0, 5.0)]
