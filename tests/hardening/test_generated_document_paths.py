"""Generated document paths, against a folder that holds symlinks out, a symlink loop, a FIFO and a name with an
accent: ``..`` in every place, NUL, Unicode look-alikes and other normalisations of a name, names of thousands of
characters, other letter cases, Windows drive and UNC paths and device names. Whatever the path, the article read
is the one inside the folder or none, a refusal is one line naming the bundle, and what opens is written back."""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from pathlib import Path

import pytest
from fuzzing import fuzz_settings, refused_or_read, written_back
from hypothesis import given
from hypothesis import strategies as st
from shared_data import ARTICLE, small_bundle

from viewer.cli import main
from viewer.io.bundle.reader import read_bundle

SECRET = "the receiver's private notes: Sohae station\n"
SEGMENTS = ["..", ".", "", "inside.txt", "INSIDE.TXT", "Inside.txt", "inside.txt.", "inside.txt ", "inside.txt::$DATA",
            "café.txt", unicodedata.normalize("NFD", "café.txt"), "\uff49\uff4e\uff53\uff49\uff44\uff45.txt",
            "inside\u200b.txt", "inside\u2024txt",
            "link_out", "dir_link", "loop", "fifo", "private.txt", "bundle", "C:", "c:\\", "\\\\server\\share", "CON",
            "NUL", "aux.txt", "~", "$HOME", "%2e%2e", "\x00", "\ud800", "a" * 300, "é" * 200, "\u202e", "\n"]
paths = st.lists(st.sampled_from(SEGMENTS) | st.text(max_size=4), min_size=1, max_size=6).map(
    lambda parts: "/".join(parts)) | st.sampled_from(["/".join(["a"] * 2100), "../" * 200 + "private.txt",
                                                      "C:\\Users\\private.txt", "//server/share/private.txt"])


def folder_with_traps(root: Path) -> Path:
    (root / "private.txt").write_text(SECRET)
    bundle = root / "bundle"
    bundle.mkdir()
    (bundle / "inside.txt").write_text(ARTICLE)
    (bundle / "café.txt").write_text(ARTICLE)
    (bundle / "link_out").symlink_to(root / "private.txt")
    (bundle / "dir_link").symlink_to(root)
    (bundle / "loop").symlink_to(bundle / "loop")
    os.mkfifo(bundle / "fifo")
    return bundle


@given(article_path=paths)
@fuzz_settings(25)
def test_generated_document_paths(article_path):
    with tempfile.TemporaryDirectory() as temporary:
        folder = folder_with_traps(Path(temporary))
        data = small_bundle()
        data["documents"][0]["path"] = article_path
        path = folder / "sent.geojson"
        path.write_text(json.dumps(data))
        bundle = refused_or_read(path)
        if bundle is None:
            return
        document = bundle.documents.get("doc-a")
        assert document is None or document.text in (None, ARTICLE)
        out = Path(temporary) / "out"
        out.mkdir()
        written_back(bundle, out)


@pytest.mark.parametrize("article_path", ["/".join(["a"] * 2100), "b" * 300 + ".txt", "\ud800.txt"])
def test_a_bundle_citing_a_path_too_long_to_open_is_written_again(tmp_path, capsys, article_path):
    """The article is refused as not found; converting the bundle once stat()ed the path again, unguarded, and
    ended in "OSError: File name too long"."""
    data = small_bundle()
    data["documents"][0]["path"] = article_path
    path = tmp_path / "sent.geojson"
    path.write_text(json.dumps(data))
    assert main(["convert", str(path), "-o", str(tmp_path / "out.geojson")]) == 0
    assert "Traceback" not in capsys.readouterr().err
    again = read_bundle(tmp_path / "out.geojson")[0]
    assert again.documents["doc-a"].path == article_path
