"""A document path written as a URL, with percent-escapes or with Windows separators is refused in words that
say why, not as "not found" (which reads as though launchmap had looked for /etc/passwd and not found it)."""

from __future__ import annotations

import json

import pytest
from shared_data import ARTICLE, small_bundle

from viewer.cli import main
from viewer.io.bundle.reader import read_bundle


def validate_citing(tmp_path, capsys, article_path: str) -> list[str]:
    data = small_bundle()
    data["documents"][0]["path"] = article_path
    bundle = tmp_path / "bundle" / "sent.geojson"
    bundle.parent.mkdir(exist_ok=True)
    bundle.write_text(json.dumps(data))
    assert main(["validate", str(bundle)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert read_bundle(bundle)[0].documents["doc-a"].text is None
    assert lines[0].startswith(f"{bundle}:documents[0].path: document 'doc-a': article "), lines
    assert all("orphaned citation" in line for line in lines[1:]), lines
    return lines


@pytest.mark.parametrize("url", ["file:///etc/passwd", "FILE:/etc/passwd", "https://example.com/a.txt",
                                 "smb://server/share/a.txt"])
def test_a_url_is_refused_as_a_url(tmp_path, capsys, url):
    (tmp_path / "bundle").mkdir()
    lines = validate_citing(tmp_path, capsys, url)
    assert f"article path {url!r} is a URL, not a file path; only files inside the bundle's folder are read" \
        in lines[0]


def test_percent_escapes_are_said_to_be_taken_literally(tmp_path, capsys):
    (tmp_path / "private.txt").write_text("private")
    lines = validate_citing(tmp_path, capsys, "..%2Fprivate.txt")
    assert lines[0].endswith("article file ..%2Fprivate.txt not found (percent-escapes such as %2F are not decoded)")


def test_backslashes_are_said_not_to_separate_folders(tmp_path, capsys):
    (tmp_path / "private.txt").write_text("private")
    lines = validate_citing(tmp_path, capsys, "..\\private.txt")
    assert lines[0].endswith("article file ..\\private.txt not found (a backslash does not separate folders here; "
                             "write the path with /)")


def test_a_file_whose_name_looks_like_a_scheme_is_still_read(tmp_path, capsys):
    (tmp_path / "bundle").mkdir()
    (tmp_path / "bundle" / "notes:2016.txt").write_text(ARTICLE)
    data = small_bundle()
    data["documents"][0]["path"] = "notes:2016.txt"
    bundle = tmp_path / "bundle" / "sent.geojson"
    bundle.write_text(json.dumps(data))
    assert main(["validate", str(bundle)]) == 0
    assert read_bundle(bundle)[0].documents["doc-a"].text == ARTICLE
