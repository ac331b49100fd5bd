"""The map legend fits the view: long launch names are elided, kinds give way to launches, then it goes."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from viewer.qt.map.decorations import legend_layout


def test_a_roomy_view_lists_launches_then_kinds_in_full(window):
    layout = legend_layout(window.canvas.frame, 1000, 1000)
    kinds = [kind for kind, _, _ in layout.rows]
    assert kinds[:4] == ["event"] * 4
    assert "launch_site" in kinds
    assert "danger_zone" in kinds
    assert layout.rows == window.canvas.frame.legend_rows


def test_a_narrow_view_elides_long_launch_names_rather_than_dropping_the_legend(window):
    full = legend_layout(window.canvas.frame)
    layout = legend_layout(window.canvas.frame, full.width * 0.7, 1000)
    assert layout is not None
    assert layout.width <= full.width * 0.7
    longest = max(layout.rows, key=lambda row: len(row[1]))
    assert longest[1].endswith("…")
    assert any(text.startswith(longest[1][:-1]) for _, text, _ in full.rows)
    metrics = QFontMetricsF(layout.font)
    assert all(metrics.horizontalAdvance(text) <= full.width * 0.7 for _, text, _ in layout.rows)


def test_a_short_view_keeps_the_launches_and_a_tiny_one_has_no_legend(window):
    full = legend_layout(window.canvas.frame)
    launches = legend_layout(window.canvas.frame, 1000, full.row * 4 + 20)
    assert [kind for kind, _, _ in launches.rows] == ["event"] * 4
    assert legend_layout(window.canvas.frame, 1000, full.row * 2) is None
    assert legend_layout(window.canvas.frame, 60, 1000) is None
