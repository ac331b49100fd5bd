"""Generated session and autosave files: a valid one with any member replaced by any JSON value (a wrong type,
huge, deep, NaN spelled as JSON parsers accept it) or removed, is refused in one line naming the file and the
member, or loads; what loads saves and loads again the same. An autosave that cannot be read is set aside with
one line, never a traceback at start-up."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from fuzzing import bounded, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st
from json_members import places, set_member

from viewer.io.session.autosave import recoverable_autosaves
from viewer.io.session.file import load_session, save_session, session_to_dict
from viewer.model.problem import BundleError

VALID = {
    "launchmap_session": 1,
    "bundles": ["a.geojson", "sub/b.gpkg"],
    "view": {
        "name": "",
        "map_rect": [1.3e7, 4.6e6, 1.45e7, 5.2e6],
        "extent": [120.0, 38.0, 130.0, 42.0],
        "projection": {"key": "lcc", "name": "Lambert", "definition": "EPSG:3857", "seam_lon": 180.0, "max_lat": 85.0},
        "events": ["ev-1"],
        "hidden_events": ["ev-2"],
        "hidden_kinds": ["flight_path"],
        "hidden_layers": ["a.geojson"],
        "time_window": ["2016-02-07T00:00:00+00:00", "2016-02-08T00:00:00+00:00"],
        "selection": ["f-site"],
    },
    "bookmarks": [{"name": "Sohae", "map_rect": [1.38e7, 4.7e6, 1.39e7, 4.8e6]}],
    "styles": {"decorations": {"title": "Launches", "legend": True}},
    "overlays": {
        "range_rings": [{"centre": [124.7, 39.66], "radii_km": [500, 1000], "label": "Sohae"}],
        "measurements": [{"points": [[124.7, 39.66], [127.0, 37.5]]}],
    },
    "autosave": {"origin": "/home/u/s.lmsession", "saved_at": "2026-12-07T10:00:00+00:00", "pid": 999_999_999},
}
SPELLINGS = [
    "NaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e400",
    "4.9e-324",
    "-0.0",
    "1" * 500,
    "9" * 4400,
    '"\\u0000"',
    '"\\ud800"',
    "[" * 3000 + "]" * 3000,
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**300), 2**300)
    | st.floats(allow_nan=False)
    | st.text(max_size=6)
    | st.sampled_from(["", "EPSG:4326", "2016-02-07", "\x00", "../../etc", "a" * 5000])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12,
)


PLACES = places(VALID)[1:]
MARK = "\x01REPLACED\x01"


def changed(path: tuple, value, delete: bool) -> dict:
    data = json.loads(json.dumps(VALID))
    set_member(data, path, value, delete)
    return data


sessions = st.builds(
    changed, st.sampled_from(PLACES), values | st.sampled_from(SPELLINGS).map(lambda s: MARK + s), st.booleans()
)


def text_of(data: dict) -> str:
    """JSON text; a value marked as a spelling is written as that raw token."""
    text = json.dumps(data)
    for value in [v for v in _leaves(data) if isinstance(v, str) and v.startswith(MARK)]:
        text = text.replace(json.dumps(value), value[len(MARK) :])
    return text


def _leaves(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _leaves(value)
    elif isinstance(data, list):
        for value in data:
            yield from _leaves(value)
    else:
        yield data


@given(data=sessions)
@fuzz_settings(60)
def test_generated_session_files(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.lmsession"
        path.write_text(text_of(data))
        with bounded():
            try:
                session = load_session(path)
            except BundleError as error:
                refusal = str(error)
            else:
                refusal = ""
        if refusal:
            assert "\n" not in refusal
            assert refusal.startswith(str(path))
            return
        with bounded():
            again = Path(folder) / "again.lmsession"
            save_session(session, again)
            reread = load_session(again)
        assert session_to_dict(reread, None) == session_to_dict(session, None)


@given(data=sessions)
@fuzz_settings(40)
def test_generated_autosaves(data, monkeypatch):
    with tempfile.TemporaryDirectory() as folder:
        monkeypatch.setenv("XDG_STATE_HOME", folder)
        state = Path(folder) / "launchmap"
        state.mkdir()
        path = state / "autosave-999999999.json"
        path.write_text(text_of(data))
        problems: list = []
        with bounded():
            found = recoverable_autosaves(problems)
        for problem in problems:
            assert "\n" not in str(problem)
        assert len(found) + len(problems) <= 1
        if problems:
            assert not path.exists() or "newer launchmap" in problems[0].message
        for autosave in found:
            assert isinstance(autosave.saved_at, str)
            assert autosave.origin is None or isinstance(autosave.origin, Path)
            save_session(autosave.session, Path(folder) / "again.lmsession")
            load_session(Path(folder) / "again.lmsession")


def test_an_integer_of_hundreds_of_digits_in_a_view_is_refused_in_one_line(tmp_path):
    path = tmp_path / "s.lmsession"
    path.write_text('{"launchmap_session": 1, "view": {"map_rect": [' + "1" * 400 + ", 0, 1, 1]}}")
    try:
        load_session(path)
    except BundleError as error:
        refusal = str(error)
    assert refusal == f"{path}:view.map_rect: numbers must be finite and within ±1e+10"


def test_an_integer_of_hundreds_of_digits_in_an_overlay_is_refused_in_one_line(tmp_path):
    path = tmp_path / "s.lmsession"
    path.write_text('{"launchmap_session": 1, "overlays": {"range_rings": [{"centre": [' + "1" * 400
                    + ', 39.6], "radii_km": [500]}]}}')
    try:
        load_session(path)
    except BundleError as error:
        refusal = str(error)
    assert refusal == (f"{path}:overlays.range_rings[0].centre: must be a position [longitude, latitude] within "
                       "±180 and ±90")
