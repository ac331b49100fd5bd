"""Issue 17's bad input on the command line, one step beyond: a file that is not text (a stray binary or a file gone
since the folder was listed) among articles stopped the whole run, so a folder of 500 stories with one such file
drafted nothing. It is now left out with one line naming it, the others are drafted, and the exit is 1 as for any
other problem. The article is invented."""

from __future__ import annotations

from launch_articles import SOHAE_2031

from viewer.cli import main
from viewer.io import read_bundle


def test_a_file_that_is_not_text_is_left_out_and_the_others_drafted(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(SOHAE_2031, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"PK\x03\x04\x00\x00zipped")
    out = tmp_path / "out.geojson"
    assert main(["ingest", str(tmp_path), "-o", str(out)]) == 1
    bundle, _ = read_bundle(out)
    assert list(bundle.events) == ["draft-2031-12-10"]
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{tmp_path / 'b.txt'}: byte 4 is NUL; this is not a text file; nothing drafted from it"]


def test_when_no_file_is_text_nothing_is_written(tmp_path, capsys):
    (tmp_path / "b.txt").write_bytes(b"\0")
    out = tmp_path / "out.geojson"
    assert main(["ingest", str(tmp_path / "b.txt"), "-o", str(out)]) != 0
    assert capsys.readouterr().err == f"launchmap: {tmp_path / 'b.txt'}: byte 0 is NUL; this is not a text file; " \
                                      "nothing drafted from it\n"
    assert not out.exists()
