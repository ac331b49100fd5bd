"""Generated GeoJSON: any structure (geometry collections within collections, empty rings, rings of one point,
"type" missing or a number, nesting thousands deep) and any number a JSON parser might accept (NaN and Infinity
spelled every way, subnormals, -0.0, 1e308, integers of hundreds of digits) in coordinates, z, bbox and
properties is refused in one line naming the file and place, or opens and is written back readably."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from fuzzing import fuzz_settings, refused_or_read, written_back
from hypothesis import given
from hypothesis import strategies as st

NUMBER_WORDS = [
    "NaN",
    "-NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "+Infinity",
    "inf",
    "-inf",
    "Inf",
    "1e308",
    "-1e308",
    "1.7976931348623157e308",
    "1.8e308",
    "4.9e-324",
    "2.2250738585072014e-308",
    "1e-400",
    "-0.0",
    "-0",
    "0e0",
    "0E-0",
    "+1",
    ".5",
    "5.",
    "0x10",
    "01",
    "1_000",
    "1e+2",
    "-1E-2",
    "10" + "0" * 400,
    "-" + "9" * 500,  # past 4,300 digits: tests/hardening/test_long_integers.py
    "0." + "0" * 400 + "1",
    "1" * 30,
    "1.0e-7",
]
numbers = st.one_of(
    st.sampled_from(NUMBER_WORDS),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.floats(allow_subnormal=True, min_value=-1e-300, max_value=1e-300).map(repr),
    st.integers(-(2**70), 2**70).map(str),
    st.builds(lambda m, e: f"{m}e{e}", st.sampled_from(["1", "-1", "9.99", "1.5"]), st.integers(-330, 330)),
)


def position(n: int):
    return st.lists(
        numbers | st.sampled_from(["124.7", "39.6", "0", '"1"', "null", "true", "[]"]), min_size=0, max_size=n
    ).map(lambda items: "[" + ", ".join(items) + "]")


def listed(inner, min_size=0, max_size=4):
    return st.lists(inner, min_size=min_size, max_size=max_size).map(lambda items: "[" + ", ".join(items) + "]")


plain = position(4)
rings = listed(plain, 0, 5)  # empty rings, rings of one point, unclosed rings
coordinates = st.one_of(
    plain, rings, listed(rings), listed(listed(rings)), st.sampled_from(["null", "[]", "{}", '"x"', "1"])
)
KINDS = [
    '"Point"',
    '"MultiPoint"',
    '"LineString"',
    '"MultiLineString"',
    '"Polygon"',
    '"MultiPolygon"',
    '"GeometryCollection"',
    '"point"',
    '"Feature"',
    '""',
    "1",
    "null",
    "[]",
    '"Polyg\\u006fn"',
]


def geometry_object(children):
    kind = st.sampled_from(KINDS) | st.none()
    return st.builds(
        lambda k, c, g, bbox: (
            "{"
            + ", ".join(
                part
                for part in [
                    f'"type": {k}' if k is not None else "",
                    f'"coordinates": {c}' if c else "",
                    f'"geometries": {g}' if g else "",
                    f'"bbox": {bbox}' if bbox else "",
                ]
                if part
            )
            + "}"
        ),
        kind,
        st.none() | coordinates,
        st.none() | listed(children, 0, 3),
        st.none() | position(6),
    )


geometries = st.recursive(geometry_object(st.just("null")), geometry_object, max_leaves=8) | st.sampled_from(
    ["null", "{}", "[]", '"Point"', "0"]
)
STRINGS = ['"a"', '"\\ud800"', '"\\udc00x"', '"\\u0000"', '"a\\nb"', '"\\u202e"', '"=1+1"', '""']
properties = st.recursive(
    numbers | st.sampled_from(["null", "true", *STRINGS]),
    lambda inner: (
        listed(inner)
        | st.lists(st.tuples(st.sampled_from(['"z"', '"id"', *STRINGS]), inner), max_size=3).map(
            lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
        )
    ),
    max_leaves=6,
)
features = st.builds(
    lambda g, p, i: (
        '{"type": "Feature", ' + (f'"id": {i}, ' if i else "") + f'"geometry": {g}, "properties": {p}' + "}"
    ),
    geometries,
    properties | st.just("null"),
    st.none() | numbers | st.sampled_from(STRINGS),
)


def as_file(text: str, run) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.geojson"
        path.write_text(text)
        bundle = refused_or_read(path)
        if bundle is not None:
            written_back(bundle, Path(folder))
        run(bundle)


@given(features=st.lists(features, min_size=1, max_size=3), bbox=st.none() | position(6))
@fuzz_settings(40)
def test_generated_feature_collections(features, bbox):
    text = (
        '{"type": "FeatureCollection", '
        + (f'"bbox": {bbox}, ' if bbox else "")
        + '"features": ['
        + ",\n".join(features)
        + "]}"
    )
    as_file(text, lambda bundle: None)


@given(geometry=geometries)
@fuzz_settings(30)
def test_generated_bare_geometries(geometry):
    as_file(geometry, lambda bundle: None)


@given(lon=numbers, lat=numbers, z=numbers, value=numbers)
@fuzz_settings(40)
def test_generated_numbers_in_a_point(lon, lat, z, value):
    text = (
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
        f'"coordinates": [{lon}, {lat}, {z}]}}, "properties": {{"value": {value}}}, "bbox": [{lon}, {lat}, '
        f"{lon}, {lat}]}}]}}"
    )

    def check(bundle):
        if bundle is not None:
            # nothing non-finite was let in
            json.dumps([f.properties for f in bundle.features.values()], allow_nan=False)

    as_file(text, check)


DEEP = 10_000


@pytest.mark.parametrize(
    "text",
    [
        '{"type": "Point", "coordinates": ' + "[" * DEEP + "]" * DEEP + "}",
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": '
        + '{"type": "GeometryCollection", "geometries": [' * DEEP
        + "]}" * DEEP
        + ', "properties": {}}]}',
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties": '
        + '{"a": ' * DEEP
        + "1"
        + "}" * DEEP
        + "}]}",
        '{"type": "FeatureCollection", "features": ' + "[" * DEEP + "]" * DEEP + "}",
    ],
    ids=["coordinates", "collections", "properties", "features"],
)
def test_nesting_ten_thousand_deep(text):
    as_file(text, lambda bundle: None)
