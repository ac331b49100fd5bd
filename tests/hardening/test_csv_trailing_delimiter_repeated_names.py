"""A row with a trailing delimiter (one empty field more than the header, as many spreadsheets write) is read as its
header's fields. Where the header names a column twice, each row is read as a feature of its own, and that path
required the row to be exactly as long as the header: the extra empty field ended in a traceback (found by the
generated CSV tables of tests/hardening, deep profile)."""

from __future__ import annotations

from viewer.io.load import open_path


def test_a_trailing_delimiter_under_a_header_naming_a_column_twice(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("lon,lon,lon,lat\n124.7,124.7,124.7,38.5,\n")
    bundle, problems = open_path(path)
    assert len(bundle.features) == 1
    (feature,) = bundle.features.values()
    assert feature.geometry is not None
    assert (feature.geometry.x, feature.geometry.y) == (124.7, 38.5)
    assert not [p for p in problems if "warning" not in str(p)], problems


def test_a_trailing_delimiter_under_plain_names(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("lon,lat,name\n124.7,38.5,a,\n")
    bundle, problems = open_path(path)
    assert [f.properties.get("name") for f in bundle.features.values()] == ["a"]
    assert not [p for p in problems if "warning" not in str(p)], problems
