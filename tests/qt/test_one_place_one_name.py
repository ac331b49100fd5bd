"""One place, one name: zoomed on the Sakishima islands the map wrote 'Miyakojima' (the city) beside 'Miyako' (its
island, 4 km away), and put a town's dot at the island group's label point in open sea."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui

MIYAKO = ["--extent", "123.5,23.5,128.5,27.5", "--width", "1200", "--height", "900"]


def test_the_island_is_named_once(tmp_path, exported_labels):
    drawing = exported_labels(["-o", str(tmp_path / "miyako.png"), *MIYAKO])
    placed = [text for text, _ in drawing.placed_shapes]
    assert "Miyako" in placed
    assert "Miyakojima" not in placed
    assert "Naha" in placed  # a different place on a key island keeps its name
    assert "Okinawa" in placed


def test_an_island_group_has_no_dot(tmp_path, exported_labels):
    drawing = exported_labels(["-o", str(tmp_path / "miyako.png"), *MIYAKO])
    assert "Sakishima Islands" in [text for text, _ in drawing.placed_shapes]
    dotted = [name for name, _, _ in drawing.placed_dots]
    assert "Sakishima Islands" not in dotted
    assert "Naha" in dotted
