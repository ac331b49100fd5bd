"""Each kind of bad bundle gets one `FILE:WHERE: message` line and the right exit code, no traceback."""

import pytest
from shared_data import ARTICLE, small_bundle

from viewer.cli import main


def validate(capsys, path) -> tuple[int, list[str], str]:
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def assert_one_line(capsys, path, code: int, where: str, message: str):
    exit_code, lines, err = validate(capsys, path)
    assert "Traceback" not in err
    assert exit_code == code
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{path}:{where}: ")
    assert message in lines[0]


def test_valid_bundle_exits_zero(capsys, make_bundle):
    assert validate(capsys, make_bundle()) == (0, [], "")


def test_empty_file(capsys, tmp_path):
    (tmp_path / "empty.geojson").write_text("")
    assert_one_line(capsys, tmp_path / "empty.geojson", 1, "1:1", "empty file")


def test_truncated_json(capsys, make_bundle):
    path = make_bundle()
    path.write_text(path.read_text()[:200])
    assert_one_line(capsys, path, 1, "1:201", "truncated JSON")


def test_invalid_json_names_line_and_column(capsys, tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text('{"type": "FeatureCollection",\n "features": [,]}')
    assert_one_line(capsys, path, 1, "2:15", "invalid JSON")


def test_not_a_feature_collection(capsys, tmp_path):
    path = tmp_path / "topology.geojson"
    path.write_text('{"type": "Topology", "objects": {}}')
    assert_one_line(capsys, path, 1, "type", "not a GeoJSON FeatureCollection (found 'Topology')")


def test_a_bare_feature_validates_as_the_window_opens_it(capsys, tmp_path):
    path = tmp_path / "feature.geojson"
    path.write_text('{"type": "Feature", "geometry": {"type": "Point", "coordinates": [124.7, 39.7]}, '
                    '"properties": {"name": "Sohae"}}')
    assert validate(capsys, path) == (0, [], "")


def test_missing_member(capsys, make_bundle):
    data = small_bundle()
    del data["features"][1]["geometry"]
    assert_one_line(capsys, make_bundle(data), 1, "features[1]", "missing member 'geometry'")


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (lambda d: d["events"][0].__setitem__("time", 20160207), "events[0].time", "must be a string, not an integer"),
        (lambda d: d["features"][0]["properties"]["citations"][0].__setitem__("start", "12"),
         "features[0].properties.citations[0].start", "must be an integer, not a string"),
        (lambda d: d["features"][0].__setitem__("properties", [1, 2]), "features[0].properties",
         "must be an object or null, not a list"),
        (lambda d: d.__setitem__("documents", {"id": "x"}), "documents", "must be a list, not an object"),
        (lambda d: d["events"][0].__setitem__("time", "2016-02-07T00:30:00"), "events[0].time", "has no offset"),
    ],
)
def test_wrong_typed_members(capsys, make_bundle, edit, where, message):
    data = small_bundle()
    edit(data)
    code, lines, _ = validate(capsys, make_bundle(data))
    assert code == 1
    matching = [line for line in lines if f":{where}: " in line]
    assert matching, lines
    assert message in matching[0]


def test_unknown_document_in_citation(capsys, make_bundle):
    data = small_bundle()
    data["features"][1]["properties"]["citations"][0]["document"] = "doc-zz"
    assert_one_line(capsys, make_bundle(data), 1, "features[1].properties.citations[0].document",
                    "unknown document 'doc-zz'")


def test_duplicate_ids(capsys, make_bundle):
    data = small_bundle()
    data["features"][1]["id"] = "f-site"
    assert_one_line(capsys, make_bundle(data), 1, "features[1].id", "duplicate id 'f-site'")


@pytest.mark.parametrize(("coords", "message"), [([200.0, 39.0], "longitude 200 out of range"),
                                                 ([39.66, 124.705], "latitude 124.705 out of range")])
def test_coordinates_out_of_range(capsys, make_bundle, coords, message):
    data = small_bundle()
    data["features"][0]["geometry"]["coordinates"] = coords
    assert_one_line(capsys, make_bundle(data), 1, "features[0].geometry", message)


def test_self_intersecting_polygon_is_repaired_with_a_warning(capsys, make_bundle):
    data = small_bundle()
    bowtie = [[124, 35], [125, 36], [125, 35], [124, 36], [124, 35]]
    data["features"][1]["geometry"] = {"type": "Polygon", "coordinates": [bowtie]}
    code, lines, _ = validate(capsys, make_bundle(data))
    assert code == 0
    assert len(lines) == 1
    assert ":features[1].geometry: warning: invalid Polygon repaired (Self-intersection[124.5 35.5])" in lines[0]


def test_offset_past_the_end_of_the_text(capsys, make_bundle):
    data = small_bundle()
    data["features"][0]["properties"]["citations"][0].update(start=9000, end=9017)
    assert_one_line(capsys, make_bundle(data), 1, "features[0].properties.citations[0].end",
                    f"offset 9017 is past the end of 'doc-a' ({len(ARTICLE)} characters); "
                    f"quote found at {ARTICLE.index('the Sohae station')}")


def test_quote_mismatch_reanchors_with_a_warning(capsys, make_bundle):
    data = small_bundle()
    data["features"][0]["properties"]["citations"][0].update(start=3, end=20)
    code, lines, _ = validate(capsys, make_bundle(data))
    assert code == 0
    assert len(lines) == 1
    start = ARTICLE.index("the Sohae station")
    assert f"citations[0]: warning: quote 'the Sohae station' re-anchored from 3 to {start}" in lines[0]


def test_a_wrong_end_offset_says_the_end_moved_not_the_start(capsys, make_bundle):
    data = small_bundle()
    start = ARTICLE.index("the Sohae station")
    data["features"][0]["properties"]["citations"][0].update(start=start, end=start + 5)
    code, lines, _ = validate(capsys, make_bundle(data))
    assert code == 0
    assert len(lines) == 1
    assert lines[0].endswith(f"citations[0]: warning: quote 'the Sohae station' is at {start} as said, but ends at "
                             f"{start + 17}, not {start + 5}: end offset corrected")


def test_quote_gone_is_orphaned_and_fails(capsys, make_bundle):
    path = make_bundle(article=ARTICLE.replace("Sohae", "Sohay"))
    assert_one_line(capsys, path, 1, "features[0].properties.citations[0]",
                    "orphaned citation: quote 'the Sohae station' not found in 'doc-a'")


def test_missing_article_file(capsys, make_bundle, tmp_path):
    path = make_bundle()
    (tmp_path / "article.txt").unlink()
    code, lines, _ = validate(capsys, path)
    assert code == 1
    assert lines[0] == f"{path}:documents[0].path: document 'doc-a': article file article.txt not found"
    assert len(lines) == 3
    assert all("orphaned" in line for line in lines[1:])


def test_non_utf8_article(capsys, make_bundle):
    path = make_bundle(article=ARTICLE.encode("utf-16"))
    code, lines, _ = validate(capsys, path)
    assert code == 1
    assert lines[0] == f"{path}:documents[0].path: article file article.txt is not UTF-8 (byte 0)"


def test_non_utf8_bundle(capsys, tmp_path):
    path = tmp_path / "latin1.geojson"
    path.write_bytes('{"type": "FeatureCollection", "features": [], "x": "Pyŏngyang"}'.encode("latin-1", "replace")
                     + b"\xff")
    assert_one_line(capsys, path, 1, "byte 63", "not UTF-8 text (byte 0xff)")


def test_sha256_mismatch(capsys, make_bundle, tmp_path):
    path = make_bundle()
    (tmp_path / "article.txt").write_text(ARTICLE + "Corrected on Monday.\n")
    assert_one_line(capsys, path, 1, "documents[0].sha256", "sha256 mismatch for article.txt")


def test_every_problem_is_listed(capsys, make_bundle):
    data = small_bundle()
    data["features"][0]["id"] = "f-path"
    data["features"][1]["geometry"]["coordinates"][1] = [124.4, 95.0]
    code, lines, _ = validate(capsys, make_bundle(data))
    assert code == 1
    assert [line.split(": ", 1)[0].rpartition(":")[2] for line in lines] == [
        "features[1].geometry", "features[1].id", "events[0].site"]  # in file order, each problem once


def test_several_files_one_bad(capsys, make_bundle, tmp_path):
    good = make_bundle()
    bad = tmp_path / "bad.geojson"
    bad.write_text("[]")
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{bad}:type: not a GeoJSON FeatureCollection")
