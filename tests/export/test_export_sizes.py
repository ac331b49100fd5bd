"""`launchmap export` refuses sizes it cannot draw, in one line, and writes nothing."""

from __future__ import annotations

import pytest

from viewer.cli import main


@pytest.mark.parametrize(("option", "value", "message"), [
    ("--width", "0", "width 0 pixels: must be between 16 and 20000"),
    ("--height", "0", "height 0 pixels: must be between 16 and 20000"),
])
def test_a_zero_size_is_refused_not_taken_for_the_default(tmp_path, capsys, option, value, message):
    """`export -o x.png --width 0` wrote a 1920 x 1080 image and said nothing: 0 was read as 'not given'."""
    out = tmp_path / "x.png"
    assert main(["export", "-o", str(out), option, value]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_pixels_and_paper_together_are_refused_even_when_the_pixels_are_zero(tmp_path, capsys):
    out = tmp_path / "x.png"
    assert main(["export", "-o", str(out), "--paper", "A4", "--width", "0"]) == 1
    assert "give pixels or a physical size, not both" in capsys.readouterr().err
    assert not out.exists()
