"""JSON may escape half of a UTF-16 surrogate pair (``"\\ud800"``), which Python reads as a string no UTF-8 can
hold. Such a file opens (a GeoPackage already keeps these strings, escaped in its JSON cells); every file
launchmap writes of it (GeoJSON, its compact autosave copy, CSV, a session) is written and opens again, where it
once ended in a UnicodeEncodeError traceback. JSON keeps the string exactly, as an escape; CSV, which has no
escapes, shows U+FFFD in its place."""

from __future__ import annotations

import json

import pytest
from shared_data import small_bundle

from viewer.cli import main
from viewer.io.bundle.writer import write_bundle
from viewer.io.load import open_path
from viewer.io.session.autosave import recoverable_autosaves
from viewer.io.session.file import Session, load_session, save_session
from viewer.model.problem import BundleError

TEXT = (
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a\\ud800", "geometry": {"type": '
    '"Point", "coordinates": [124.7, 39.6]}, "properties": {"n\\udc00": "x\\ud800y", "label": "\\udfff"}}]}'
)


@pytest.fixture
def unpaired(tmp_path):
    path = tmp_path / "unpaired.geojson"
    path.write_text(TEXT)
    return path


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".kml", ".kmz", ".csv"])
def test_convert_writes_a_file_that_opens_again(unpaired, tmp_path, capsys, suffix):
    out = tmp_path / f"out{suffix}"
    assert main(["convert", str(unpaired), "-o", str(out)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    bundle, _ = open_path(out)
    assert len(bundle.features) == 1
    feature = next(iter(bundle.features.values()))
    if suffix == ".csv":
        assert feature.properties["n\ufffd"] == "x\ufffdy"
    else:
        assert feature.id == "a\ud800"
        assert feature.properties["n\udc00"] == "x\ud800y"


def test_the_compact_copy_an_autosave_keeps_opens_again(unpaired, tmp_path):
    bundle, _ = open_path(unpaired)
    out = tmp_path / "copy.geojson"
    write_bundle(bundle, out, compact=True)
    again, _ = open_path(out)
    assert next(iter(again.features.values())).properties["label"] == "\udfff"


def test_a_session_holding_one_saves_and_loads(tmp_path):
    path = tmp_path / "s.lmsession"
    save_session(Session(styles={"decorations": {"title": "T\ud800"}}), path)
    assert load_session(path).styles["decorations"]["title"] == "T\ud800"


@pytest.mark.parametrize("entry", ["a\\u0000b.geojson", "\\ud800.geojson", "sub/\\udfff"])
def test_a_session_naming_a_bundle_no_file_can_have_is_refused_in_one_line(tmp_path, entry):
    path = tmp_path / "s.lmsession"
    path.write_text('{"launchmap_session": 1, "bundles": ["ok.geojson", "' + entry + '"]}')
    with pytest.raises(BundleError) as raised:
        load_session(path)
    assert str(raised.value) == f"{path}:bundles[1]: not a file path (it holds a NUL or half of a surrogate pair)"


def test_an_autosave_whose_origin_no_file_can_have_is_offered_without_it(state):
    (state / "autosave-999999999.json").write_text(
        '{"launchmap_session": 1, "autosave": {"origin": "/home/\\ud800.lmsession", "pid": 999999999}}'
    )
    problems: list = []
    [autosave] = recoverable_autosaves(problems)
    assert autosave.origin is None
    assert problems == []


def test_a_document_path_no_file_can_have_is_one_line(tmp_path, capsys):
    data = small_bundle()
    data["documents"][0]["path"] = "\ud800.txt"
    path = tmp_path / "b.geojson"
    path.write_bytes(json.dumps(data).encode())  # ensure_ascii: written as the escape
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Traceback" not in out
    assert out.splitlines()[0].startswith(f"{path}:documents[0].path: document 'doc-a': article ")
