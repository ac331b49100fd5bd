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
    assert built.elementCount() == whole.elementCount() == vertices
    assert built == whole  # every element, its type and the fill rule
    assert built.boundingRect() == whole.boundingRect()
