"""Two layers from another tool whose long names differ only at their ends ('north_korea_launch_corridors_2023_east'
and '…_west') were cut alike at 1366x768 ('north_korea_launch_corrid…' twice): a user could not tell them apart.
As QGIS does, a name goes on to further lines (within a word, after '_' or '-', where it has no spaces) and what
must still be cut is cut in the middle, keeping both ends; the whole name is the row's tooltip."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtGui import QFontMetricsF

from viewer.qt.draw.legend import legend_layout
from viewer.qt.draw.style import RenderContext

NAMES = ("north_korea_launch_corridors_2023_from_other_tool_east",
         "north_korea_launch_corridors_2023_from_other_tool_west")


def _frame(*names: str):
    return SimpleNamespace(legend_rows=[("layer", name, "#336699") for name in names],
                           context=RenderContext(scale=1.0))


def test_long_names_wrap_within_words_and_stay_whole_with_height_to_spare(qapp):
    layout = legend_layout(_frame(*NAMES), 190, 1000, wrap=True)
    assert layout is not None
    texts = [text for _, text, _ in layout.rows]
    assert [text.replace("\n", "") for text in texts] == list(NAMES), texts
    assert all("\n" in text for text in texts)
    metrics = QFontMetricsF(layout.font)
    assert layout.width <= 190
    assert all(metrics.horizontalAdvance(line) <= 190 for text in texts for line in text.split("\n"))


def test_names_cut_to_one_line_keep_both_ends_so_they_differ(qapp):
    one_line = legend_layout(_frame(*NAMES), 190, 1000)  # no wrap: each row one line
    # height for one line each only (80 px had room for one row wrapped, which the first now is)
    short = legend_layout(_frame(*NAMES), 190, one_line.height + 1, wrap=True)
    for layout in (one_line, short):
        assert layout is not None
        texts = [text for _, text, _ in layout.rows]
        assert all("…" in text for text in texts), texts
        assert texts[0] != texts[1], texts
        assert texts[0].endswith("east")
        assert texts[1].endswith("west")
        assert all(text.startswith("north") for text in texts)
