"""Fuzzed numbers: whatever number a file writes (huge, tiny, long, negative zero, exponent forms, integers past
64 bits), launchmap either refuses it in one line with its place or reads it, and writes what it read so that
it reads back the same."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io.bundle.writer import bundle_to_dict
from viewer.io.convert import convert
from viewer.io.load import open_path
from viewer.model.problem import BundleError

digits = st.text(alphabet="0123456789", min_size=1, max_size=400)
number_text = st.one_of(
    st.builds(lambda m, e: f"{m}e{e}", st.sampled_from(["1", "-1", "1.7976931348623157", "9.9", "0.5"]),
              st.integers(-400, 400)),
    st.builds(lambda i, f: f"{i}.{f}", digits, digits),
    st.builds(str, st.integers(-2**80, 2**80)),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
    st.sampled_from(["-0.0", "0", "1E309", "-1e400", "4.9e-324", "1e-400"]),
)


def finite_everywhere(value) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_everywhere(v) for v in value.values())
    if isinstance(value, list):
        return all(finite_everywhere(v) for v in value)
    return True


@given(in_property=number_text, as_z=number_text, as_lon=number_text)
@settings(max_examples=150, deadline=None)
def test_any_number_is_refused_in_one_line_or_read_and_written_back(in_property, as_z, as_lon):
    text = ('{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "f", '
            f'"geometry": {{"type": "Point", "coordinates": [{as_lon}, 39.66, {as_z}]}}, '
            f'"properties": {{"value": {in_property}, "nested": [{in_property}]}}}}]}}')
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "numbers.geojson"
        path.write_text(text)
        try:
            bundle, _ = open_path(path)
        except BundleError as error:
            refusal = str(error)
        else:
            refusal = ""
        if refusal:
            assert "\n" not in refusal
            assert refusal.startswith(f"{path}:")
            return
        data = bundle_to_dict(bundle)
        assert finite_everywhere(data)
        for suffix in (".geojson", ".gpkg", ".kml", ".csv"):
            out = Path(folder) / f"copy{suffix}"
            convert(path, out)
            again, _ = open_path(out)
            assert len(again.features) == 1
        assert json.loads((Path(folder) / "copy.geojson").read_text())["features"][0]["properties"]["value"] \
            == data["features"][0]["properties"]["value"]
