"""Property-based fuzzing of the bundle reader: any JSON-ish input is a bundle or a BundleError, never a crash."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from json_members import places, set_member
from shared_data import ARTICLE, small_bundle

from viewer.io.bundle.reader import read_bundle
from viewer.io.formats.geojson.reader import read_geojson
from viewer.model.problem import BundleError

FIELDS = ("type", "features", "documents", "events", "launchmap", "version", "id", "geometry", "properties",
          "coordinates", "geometries", "kind", "event", "label", "certainty", "citations", "claims", "document",
          "start", "end", "exact", "prefix", "suffix", "property", "value", "by", "reference", "text", "path",
          "sha256", "time", "site", "name", "title", "published", "crs")
WORDS = ("FeatureCollection", "Feature", "Point", "LineString", "Polygon", "MultiPolygon", "GeometryCollection",
         "doc-a", "ev-1", "f-site", "launch_site", "flight_path", "reported", "2016-02-07T00:30:00Z",
         "2016-02-07", "article.txt", "Sohae", "", "x")

scalars = (st.none() | st.booleans() | st.integers(min_value=-2**1100, max_value=2**1100)
           | st.floats(allow_nan=False, allow_infinity=False) | st.sampled_from(WORDS) | st.text(max_size=8))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=4),
                                                                inner, max_size=6),
    max_leaves=30,
)


PLACES = places(small_bundle())[1:]


def changed(path: tuple, value, delete: bool, extra: tuple[str, object] | None) -> dict:
    """The small valid bundle with one member replaced (or deleted) and perhaps one member added."""
    data = small_bundle()
    holder = set_member(data, path, value, delete)
    if extra is not None and isinstance(holder, dict):
        holder[extra[0]] = extra[1]
    return data


# One change at a time to a valid bundle reaches every branch of the reader far more often than random JSON.
bundles = st.builds(changed, st.sampled_from(PLACES), json_values, st.booleans(),
                    st.none() | st.tuples(st.sampled_from(FIELDS), json_values))


def problems_of(path: Path) -> list[list]:
    """What each reader says about the file: [] when it opens, else the problems; any other exception escapes."""
    found = []
    for read in (read_bundle, read_geojson):
        try:
            read(path)
            found.append([])
        except BundleError as error:
            found.append(error.problems or ["a BundleError without a problem"])
    return found


def read_both(data) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.geojson"
        (Path(folder) / "article.txt").write_text(ARTICLE, encoding="utf-8")
        path.write_text(json.dumps(data), encoding="utf-8")
        for problems in problems_of(path):
            assert all(getattr(p, "file", None) == str(path) for p in problems), problems


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bundles)
def test_mutated_bundles_never_crash_the_readers(data):
    read_both(data)


@pytest.mark.slow
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_never_crashes_the_readers(data):
    read_both(data)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_never_crash_the_readers(raw):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.geojson"
        path.write_bytes(raw)
        for problems in problems_of(path):
            assert all(getattr(p, "file", None) == str(path) for p in problems), problems
