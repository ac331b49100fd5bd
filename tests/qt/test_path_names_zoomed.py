"""A launch's name along its path is placed where the path is in view: an export of the Okinawa zoom at 1920x1545
named only the 2016 path, while the 686 px screen named the 2023 paths too (the candidates nearest 45 % of each
long path lay outside the image)."""

from __future__ import annotations

import pytest

OKINAWA_ZOOM = "120.22,23.04,128.44,29.10"


@pytest.mark.parametrize("size", [(1920, 1545), (3840, 2160)])
def test_a_zoomed_export_names_every_launch_path_in_view(tmp_path, exported_labels, size):
    png = tmp_path / "okinawa.png"
    labels = exported_labels(["-o", str(png), "--extent", OKINAWA_ZOOM, "--width", str(size[0]),
                              "--height", str(size[1])])
    texts = [text for text, _ in labels.placed]
    for name in ("Unha 2016-02-07", "Chollima-1 2023-08-24", "Chollima-1 2023-11-21"):
        assert texts.count(name) == 1, (name, texts)
