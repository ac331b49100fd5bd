"""A bundle reads article files only from inside its own folder (or a --documents-root): no absolute paths,
no `..` or symlink out, no devices, FIFOs or directories; each refusal is one line, the citations orphaned."""

from __future__ import annotations

import json
import os
import string
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shared_data import ARTICLE, small_bundle

from viewer.cli import main
from viewer.io.bundle.reader import read_bundle
from viewer.io.formats.gpkg.writer import write_gpkg
from viewer.io.formats.kml.writer import write_kml
from viewer.io.load import open_path
from viewer.model.bundle import Bundle
from viewer.model.document import Document
from viewer.model.problem import BundleError

SECRET = "the receiver's private notes: Sohae station\n"


@pytest.fixture
def outside(tmp_path) -> Path:
    """A private file beside the bundle's folder, which no bundle may read."""
    (tmp_path / "private.txt").write_text(SECRET)
    (tmp_path / "bundle").mkdir()
    return tmp_path / "private.txt"


def bundle_citing(folder: Path, article_path: str, name: str = "bundle.geojson") -> Path:
    data = small_bundle()
    data["documents"][0]["path"] = article_path
    path = folder / name
    path.write_text(json.dumps(data))
    return path


def validate(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out.splitlines()


def assert_refused(capsys, bundle: Path, because: str) -> None:
    code, lines = validate(capsys, str(bundle))
    assert code == 1
    assert lines[0].startswith(f"{bundle}:documents[0].path: document 'doc-a': article "), lines
    assert because in lines[0]
    assert len(lines) == 3, lines
    assert all("orphaned citation" in line for line in lines[1:]), lines
    document = read_bundle(bundle)[0].documents["doc-a"]
    assert document.text is None


def test_a_path_out_of_the_folder_is_refused(capsys, outside):
    assert_refused(capsys, bundle_citing(outside.parent / "bundle", "../private.txt"),
                   "leads outside the bundle's folder; not read (allow a folder with --documents-root)")


@pytest.mark.parametrize("absolute", ["/etc/passwd", "/proc/self/environ", "C:\\Windows\\win.ini", "\\\\server\\x"])
def test_an_absolute_path_is_refused(capsys, tmp_path, absolute):
    assert_refused(capsys, bundle_citing(tmp_path, absolute), "is absolute; only files inside the bundle's folder")


def test_a_symlink_out_of_the_folder_is_refused(capsys, outside):
    folder = outside.parent / "bundle"
    (folder / "article.txt").symlink_to(outside)
    assert_refused(capsys, bundle_citing(folder, "article.txt"), "is a symlink to a file outside the bundle's folder")


def test_a_symlink_inside_the_folder_is_read(capsys, tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(ARTICLE)
    (tmp_path / "article.txt").symlink_to(tmp_path / "texts" / "a.txt")
    assert validate(capsys, str(bundle_citing(tmp_path, "article.txt"))) == (0, [])


def test_a_symlink_loop_is_one_line(capsys, tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert_refused(capsys, bundle_citing(tmp_path, "a.txt"), "a.txt is a symlink loop")


def test_a_fifo_is_refused_without_waiting(capsys, tmp_path):
    os.mkfifo(tmp_path / "article.txt")
    bundle = bundle_citing(tmp_path, "article.txt")
    # in a process of its own first, so that a regression fails here instead of hanging the test run
    result = subprocess.run([sys.executable, "-m", "viewer", "validate", str(bundle)], capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 1
    assert_refused(capsys, bundle, "article.txt is a FIFO (named pipe), not a regular")


def test_a_directory_is_refused(capsys, tmp_path):
    (tmp_path / "articles").mkdir()
    assert_refused(capsys, bundle_citing(tmp_path, "articles"), "articles is a directory, not a regular file")


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_inside_the_folder_is_refused(capsys, tmp_path):
    os.mknod(tmp_path / "zero", 0o600 | 0o020000, os.makedev(1, 5))  # a second /dev/zero
    assert_refused(capsys, bundle_citing(tmp_path, "zero"), "zero is a character device, not a regular file")


def test_documents_root_allows_a_shared_folder(capsys, tmp_path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "article.txt").write_text(ARTICLE)
    (tmp_path / "bundle").mkdir()
    bundle = bundle_citing(tmp_path / "bundle", "../shared/article.txt")
    assert validate(capsys, str(bundle))[0] == 1
    assert validate(capsys, "--documents-root", str(tmp_path / "shared"), str(bundle)) == (0, [])
    assert open_path(bundle, documents_roots=[tmp_path / "shared"])[0].documents["doc-a"].text == ARTICLE
    assert open_path(bundle)[0].documents["doc-a"].text is None  # the allowance ends with the call


def test_convert_does_not_carry_a_refused_file_away(capsys, outside):
    bundle = bundle_citing(outside.parent / "bundle", "../private.txt")
    for suffix in (".kml", ".kmz", ".gpkg", ".geojson", ".csv"):
        out = outside.parent / f"out{suffix}"
        assert main(["convert", str(bundle), "-o", str(out)]) == 0
        assert b"private notes" not in out.read_bytes()
    capsys.readouterr()


@pytest.mark.parametrize("suffix", [".kmz", ".kml", ".gpkg"])
def test_documents_embedded_in_kmz_and_geopackage_follow_the_same_rule(capsys, outside, suffix):
    bundle = Bundle(documents={"doc-a": Document(id="doc-a", title="x", path="../private.txt")})
    out = outside.parent / "bundle" / f"sent{suffix}"
    (write_gpkg if suffix == ".gpkg" else write_kml)(bundle, out)
    bundle, problems = open_path(out)
    errors = [p.message for p in problems if p.is_error]
    assert len(errors) == 1
    assert errors[0].endswith("document 'doc-a': article file ../private.txt leads outside the bundle's folder; "
                              "not read (allow a folder with --documents-root)")
    assert bundle.documents["doc-a"].text is None


paths = st.lists(st.sampled_from(["..", ".", "private.txt", "bundle", "", "/", "//", "\\", "~", "C:", "\x00", "a"])
                 | st.text(alphabet=string.printable, max_size=6), min_size=1, max_size=6).map("/".join)


@given(article_path=paths)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_no_document_path_reads_outside_the_folder(article_path):
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        (root / "private.txt").write_text(SECRET)
        (root / "bundle").mkdir()
        (root / "bundle" / "inside.txt").write_text(ARTICLE)
        try:
            bundle, _ = open_path(bundle_citing(root / "bundle", article_path))
        except BundleError:
            return
        text = bundle.documents["doc-a"].text if "doc-a" in bundle.documents else None
        assert text in (None, ARTICLE)
