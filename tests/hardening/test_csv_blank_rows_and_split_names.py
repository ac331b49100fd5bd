"""Two ways a CSV lost something without a word. A row whose every cell is empty (``,,``: a feature launchmap
wrote with nothing in it, or a spreadsheet's emptied row) was skipped like a blank line: it is still not made a
feature (it holds nothing to show), but the skip is said in one warning naming the lines. And a column name with
a line break inside its quotes (a property key holding a carriage return, written back as CSV) was cut at the
break when the header was first read, so every row then had one field more than the header."""

from __future__ import annotations

import json

from viewer.io.convert import export_bundle
from viewer.io.load import open_path


def test_rows_of_empty_cells_are_skipped_with_one_warning(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("lon,lat,name\n,,\n1,2,x\n\n , ,\n3,4,y\n")
    bundle, problems = open_path(path)
    assert len(bundle.features) == 2
    said = [str(p) for p in problems]
    assert said == [f"{path}:2: warning: 2 rows with every cell empty (lines 2, 5) skipped"], said


def test_a_feature_with_nothing_in_it_written_as_csv_is_said_when_read_back(tmp_path):
    source = tmp_path / "nothing.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": None, "properties": {}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}, "properties": {}}]}))
    bundle, _ = open_path(source)
    for feature_id in list(bundle.features):  # a feature without an id: its row is all empty cells
        if bundle.features[feature_id].geometry is None:
            bundle.features[feature_id].id = ""
    out = tmp_path / "out.csv"
    export_bundle(bundle, out)
    again, problems = open_path(out)
    assert len(again.features) == 1
    assert any("every cell empty" in str(p) for p in problems), problems


def test_a_column_name_with_a_line_break_reads_back(tmp_path):
    source = tmp_path / "keys.geojson"
    source.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
         "properties": {"a\rb": "x", "c\nd": "y", "ok": "z"}}]}))
    bundle, _ = open_path(source)
    out = tmp_path / "out.csv"
    export_bundle(bundle, out)
    again, problems = open_path(out)
    assert not problems, problems
    (feature,) = again.features.values()
    assert {k: feature.properties[k] for k in ("a\rb", "c\nd", "ok")} == {"a\rb": "x", "c\nd": "y", "ok": "z"}
