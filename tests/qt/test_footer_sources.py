"""An exported map's footer cuts the sources' titles, never the projection or the attribution: at 1920 px the
footer read 'Sources: North Korea launches rocket believed to carry a spy satellite....5°N, 37.5°N) centred 129°E'."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("width", [800, 1200])
def test_the_projection_and_attribution_stay_whole(tmp_path, monkeypatch, width):
    from viewer.cli import main
    from viewer.qt.draw.decorations import ATTRIBUTION, DecorationPainter

    footers = []
    footer_text = DecorationPainter._footer_text

    def keep(self, band):
        text = footer_text(self, band)
        footers.append((text, self.map_view.projection.name))
        return text

    monkeypatch.setattr(DecorationPainter, "_footer_text", keep)
    assert main(["export", "-o", str(tmp_path / "map.png"), "--width", str(width), "--height", "600"]) == 0
    text, projection = footers[-1]
    assert text.startswith("Sources: ")
    assert "…" in text  # the titles did not fit
    assert text.endswith(f"{projection}  ·  {ATTRIBUTION}")
