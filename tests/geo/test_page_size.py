"""Physical sizes give pixels from the dpi with decorations in points; pixel sizes scale decorations to the image."""

from __future__ import annotations

import pytest

from viewer.geo.page_size import paper_inches, physical, pixels, size_inches


def test_a4_at_300_dpi_is_3508_by_2480_with_decorations_in_points():
    page = physical(paper_inches("A4"), 300)
    assert (page.width, page.height) == (3508, 2480)
    assert page.decoration_scale == pytest.approx(300 / 96)
    portrait = physical(paper_inches("a4", landscape=False), 150)
    assert (portrait.width, portrait.height) == (1240, 1754)


def test_sizes_in_any_unit():
    assert size_inches("20x15cm") == pytest.approx((20 / 2.54, 15 / 2.54))
    assert size_inches("11 x 8.5 in") == pytest.approx((11, 8.5))
    assert size_inches("297x210mm") == pytest.approx(paper_inches("A4"))
    for bad in ("20x15", "x5cm", "0x5in", "20x15km"):
        with pytest.raises(ValueError, match="size"):
            size_inches(bad)
    with pytest.raises(ValueError, match="A4"):
        paper_inches("B7")


def test_pixel_sizes_scale_decorations_with_the_image_never_below_the_screen():
    assert pixels(1920, 1080, 300).decoration_scale == 1.0
    assert pixels(3840, 2160).decoration_scale == 2.0
    assert pixels(800, 600).decoration_scale == 1.0
