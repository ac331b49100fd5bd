"""An exported map's footer keeps its whole text, the sources' titles included, on as many lines as the image's
width needs: at 600x400 and 400x800 it read 'Sources: North Korea launches Kwangmyo…Basemap: Natural Earth', in the
PNG, the SVG and the PDF alike."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

pytestmark = pytest.mark.gui


def the_sources() -> str:
    from viewer.cli.common import load_workspace
    from viewer.model.reports import sources_note

    content = load_workspace([]).content
    return sources_note(content, content.features.values())


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def footers(monkeypatch):
    """The footers drawn from now on: (band, lines, widest line's pixels)."""
    from PySide6.QtGui import QFontMetricsF

    from viewer.qt.draw import decorations

    drawn = []
    draw = decorations.draw_footer

    def keep(painter, context, band, footer):
        metrics = QFontMetricsF(footer.font)
        drawn.append((band, footer.lines, max(metrics.horizontalAdvance(line) for line in footer.lines)))
        draw(painter, context, band, footer)

    monkeypatch.setattr(decorations, "draw_footer", keep)
    return drawn


@pytest.mark.parametrize("size", [(600, 400), (400, 800), (1920, 1080)])
@pytest.mark.parametrize("suffix", ["png", "svg", "pdf"])
def test_a_narrow_export_keeps_the_whole_footer(tmp_path, footers, size, suffix):
    from viewer.cli import main

    out = tmp_path / f"map.{suffix}"
    width, height = size
    assert main(["export", "-o", str(out), "--width", str(width), "--height", str(height),
                 "--title", "North Korean launches 2016-2023"]) == 0
    from viewer.qt.draw.decorations import ATTRIBUTION

    band, lines, widest = footers[-1]
    drawn = words(" ".join(lines))
    assert "…" not in drawn
    assert drawn.startswith(words(the_sources()) + " · ")
    assert "centred" in drawn
    assert drawn.endswith(" · " + ATTRIBUTION)
    assert widest <= band.width() - 16  # inside the band's margins, so nothing is cut at the image's edges
    assert band.bottom() == pytest.approx(height)
    assert band.height() < 0.2 * height
    if suffix == "svg":
        text = " ".join(re.findall(r">([^<>]+)</text>", out.read_text(encoding="utf-8")))
        assert drawn in words(text.replace("&amp;", "&").replace("&apos;", "'").replace("&#39;", "'"))
    if suffix == "pdf" and shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert drawn in words(text)


def test_sources_too_long_for_a_fifth_of_the_image_are_cut_and_the_rest_stays_whole():
    from viewer.qt.draw.footer import footer_text

    sources = "Sources: " + "; ".join(f"Article number {n} about a launch" for n in range(60))
    rest = ("Lambert Conformal Conic (15.5°N, 37.5°N) centred 129°E", "Basemap: Natural Earth (public domain)")
    footer = footer_text(sources, rest, 1.0, 400, 300)
    assert footer.height <= 0.2 * 300
    assert footer.lines[0].startswith("Sources: Article number 0")
    assert "…" in footer.text
    assert words(footer.text).endswith(words("  ·  ".join(rest)))


def test_a_footer_that_fits_is_one_line():
    from viewer.qt.draw.footer import footer_text

    footer = footer_text("", ("Web Mercator", "Basemap: Natural Earth (public domain)"), 1.0, 1200, 800)
    assert footer.lines == ("Web Mercator  ·  Basemap: Natural Earth (public domain)",)
