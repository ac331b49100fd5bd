"""A file name with a line break in it (made by a careless script, or sent on purpose) is shown on one line by
every command, its control characters as their pictures, as the problem lines already show them."""

from __future__ import annotations

import pytest

from viewer.cli import main
from viewer.resources import sample_bundle

SAMPLE = sample_bundle()


def test_convert_says_what_it_wrote_on_one_line(tmp_path, capsys):
    out = tmp_path / "new\nline.geojson"
    assert main(["convert", str(SAMPLE), "-o", str(out)]) == 0
    assert out.exists()
    printed = capsys.readouterr().out
    assert printed.count("\n") == 1
    assert printed.startswith(f"wrote {tmp_path}/new\u240aline.geojson (")


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_export_says_what_it_wrote_on_one_line(tmp_path, capsys, suffix):
    out = tmp_path / f"bell\a and\ttab{suffix}"
    assert main(["export", str(SAMPLE), "-o", str(out), "--width", "200", "--height", "150"]) == 0
    assert out.exists()
    assert capsys.readouterr().out == f"wrote {tmp_path}/bell\u2407 and\u2409tab{suffix}\n"


def test_a_failure_naming_such_a_file_is_one_line(tmp_path, capsys):
    out = tmp_path / "no\nsuch folder" / "map.png"
    assert main(["export", str(SAMPLE), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no\u240asuch folder" in err
