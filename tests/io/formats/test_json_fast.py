"""The quick parse (msgspec) gives what the exact one gives, or steps aside: a key given twice anywhere, even
after thousands of features were handed over or masked by an escaped colon, still gets its warning and place."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io.bundle import json_stream
from viewer.io.bundle.json_checks import CheckedDecoder
from viewer.io.bundle.json_fast import NotFast, parse_fast
from viewer.io.load import open_path
from viewer.model.problem import BundleError


@pytest.fixture(autouse=True)
def quick_parse_for_every_size(monkeypatch):
    """Files read here are small; the quick parse is what these tests are about (it is skipped below 1 MB)."""
    monkeypatch.setattr(json_stream, "QUICK_FROM_BYTES", 0)


class Collect:
    def __init__(self) -> None:
        self.features: list[Any] = []

    def start(self, root: dict[str, Any]) -> bool:
        return root.get("type") == "FeatureCollection"

    def feature(self, index: int, raw: Any) -> None:
        self.features.append(raw)


def points(count: int) -> list[str]:
    return [json.dumps({"type": "Feature", "id": f"p{i}", "geometry": {"type": "Point", "coordinates": [i % 90, 1]},
                        "properties": {"label": f"p {i}"}}) for i in range(count)]


def write(path: Path, features: list[str], before: str = '"type": "FeatureCollection"') -> Path:
    path.write_text("{" + before + ', "features": [\n' + ",\n".join(features) + "\n]}\n", encoding="utf-8")
    return path


def test_a_key_given_twice_after_thousands_of_features_is_still_warned_with_its_place(tmp_path):
    features = points(3000)
    features[2500] = features[2500].replace('"label"', '"label": "first", "label"')
    bundle, problems = open_path(write(tmp_path / "late.geojson", features))
    assert len(bundle.features) == 3000
    assert [(p.where, p.message) for p in problems] == [
        ("features[2500]", "key 'label' appears twice in one object; the last value is used")]
    assert bundle.features["p2500"].properties["label"] == "p 2500"


def test_an_escaped_colon_cannot_hide_a_key_given_twice(tmp_path):
    features = points(3)
    features[1] = features[1].replace('"label"', '"a\\u003ab": 1, "label": "x", "label"')
    _, problems = open_path(write(tmp_path / "escaped.geojson", features))
    assert [p.where for p in problems] == ["features[1]"]


def test_a_key_given_twice_at_the_top_is_warned(tmp_path):
    _, problems = open_path(write(tmp_path / "top.geojson", points(2), '"type": "x", "type": "FeatureCollection"'))
    assert [(p.where, p.message) for p in problems] == [
        ("", "key 'type' appears twice in one object; the last value is used")]


def test_a_number_beyond_range_late_in_the_file_is_refused_with_line_and_column(tmp_path):
    features = points(3000)
    features[2999] = features[2999].replace("[29, 1]", "[29, 1e999]")
    with pytest.raises(BundleError) as raised:
        open_path(write(tmp_path / "late_inf.geojson", features))
    column = features[2999].index("1e999") + 1  # line 1 opens the collection, features start on line 2
    assert str(raised.value.problems[0]).endswith(f"late_inf.geojson:3001:{column}: number 1e999 is beyond the "
                                                  "range of a double (it would be infinity); launchmap refuses it")


json_leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_trees = st.recursive(json_leaves, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.text(alphabet=":a\"\\é", max_size=3), inner, max_size=4), max_leaves=12)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(alphabet=":ab", max_size=3), json_trees, max_size=4), st.lists(json_trees, max_size=4),
       st.booleans())
def test_quick_parse_equals_the_exact_one_or_steps_aside(members, features, twice):
    text = json.dumps({**members, "type": "FeatureCollection", "features": features}, ensure_ascii=False)
    if twice:  # the same member again inside the first feature that is an object, if any
        text = text.replace('"features": [{}', '"features": [{"dup": 0, "dup": 1}', 1).replace(
            '"features": [{"', '"features": [{"dup": 0, "dup": 1, "', 1)
    exact = CheckedDecoder()
    expected = exact.decode(text)
    sink = Collect()
    try:
        root = parse_fast(text.encode(), sink, lambda done, total: None)
    except NotFast:
        return
    assert not exact.duplicates
    assert sink.features == expected["features"]
    assert root == {**expected, "features": []}


def test_a_file_with_nothing_to_report_takes_the_quick_way(tmp_path):
    path = write(tmp_path / "plain.geojson", points(5), '"type": "FeatureCollection", "name": "a:b \\u00e9"')
    sink = Collect()
    root = parse_fast(b"\xef\xbb\xbf" + path.read_bytes(), sink, lambda done, total: None)
    assert root == {"type": "FeatureCollection", "name": "a:b é", "features": []}
    assert [f["id"] for f in sink.features] == ["p0", "p1", "p2", "p3", "p4"]
