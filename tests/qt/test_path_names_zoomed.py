"""A launch's name along its path is placed where the path is in view: an export of the Okinawa zoom at 1920x1545
named only the 2016 path, while the 686 px screen named the 2023 paths too (the candidates nearest 45 % of each
long path lay outside the image)."""

from __future__ import annotations

import pytest

OKINAWA_ZOOM = "120.22,23.04,128.44,29.10"


@pytest.mark.parametrize("size", [(1920, 1545), (3840, 2160)])
def test_a_zoomed_export_names_every_launch_path_in_view(tmp_path, monkeypatch, size):
    from viewer.cli import main
    from viewer.qt.render import MapRenderer

    drawn = []
    save = MapRenderer.save

    def save_and_keep(self, path, request):
        times = save(self, path, request)
        drawn.append(self.scene.labels)
        return times

    monkeypatch.setattr(MapRenderer, "save", save_and_keep)
    png = tmp_path / "okinawa.png"
    assert main(["export", "-o", str(png), "--extent", OKINAWA_ZOOM, "--width", str(size[0]),
                 "--height", str(size[1])]) == 0
    texts = [text for text, _ in drawn[-1].placed]
    for name in ("Unha 2016-02-07", "Chollima-1 2023-08-24", "Chollima-1 2023-11-21"):
        assert texts.count(name) == 1, (name, texts)
