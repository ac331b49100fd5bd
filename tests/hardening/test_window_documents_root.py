"""The window takes ``--documents-root DIR`` too. Only the command-line tools did: a bundle whose articles sit in a
shared folder could be checked and converted with the option, but the window, which reads files on worker threads,
had no way to allow the folder, so every citation came up orphaned."""

from __future__ import annotations

import json
import threading

import pytest

from viewer.cli import _parser
from viewer.io.bundle.articles import allow_everywhere, current_roots
from viewer.io.load import open_path

TEXT = "The missile was launched from Sohae at dawn."


def _bundle_citing_a_shared_folder(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "a.txt").write_text(TEXT)
    bundle = tmp_path / "bundles" / "b.geojson"
    bundle.parent.mkdir()
    bundle.write_text(json.dumps({
        "type": "FeatureCollection", "launchmap": {"version": 1},
        "documents": [{"id": "d1", "title": "t", "path": "../shared/a.txt"}],
        "features": [{"type": "Feature", "id": "f1", "geometry": {"type": "Point", "coordinates": [124.7, 39.66]},
                      "properties": {"kind": "launch_site", "citations": [
                          {"document": "d1", "start": 16, "end": 24, "exact": "launched"}]}}]}))
    return shared, bundle


def test_the_window_command_line_takes_documents_root():
    args = _parser(None).parse_args(["--documents-root", "/srv/articles", "b.geojson"])
    assert args.documents_root == ["/srv/articles"]
    assert args.files == ["b.geojson"]


@pytest.fixture
def restored_roots():
    yield
    allow_everywhere(())


def test_a_folder_allowed_everywhere_is_allowed_on_other_threads(tmp_path, restored_roots):
    shared, bundle = _bundle_citing_a_shared_folder(tmp_path)
    found = {}

    def load():
        found["roots"] = current_roots()
        found["bundle"], found["problems"] = open_path(bundle)

    allow_everywhere([shared])
    worker = threading.Thread(target=load)  # as the window loads: off the thread that set the option
    worker.start()
    worker.join()
    assert found["roots"] == (shared.resolve(),)
    assert found["bundle"].documents["d1"].text == TEXT
    assert not found["problems"], found["problems"]


def test_without_it_the_shared_folder_is_refused(tmp_path):
    _, bundle = _bundle_citing_a_shared_folder(tmp_path)
    _, problems = open_path(bundle)
    assert any("outside the bundle's folder" in str(p) for p in problems), problems
