"""`launchmap convert` and export_bundle: every format out and back, article paths kept valid, atomic writes."""

from __future__ import annotations

import argparse
import json

import pytest

from viewer.cli import convert as convert_command
from viewer.cli.validate import problems_in
from viewer.io.bundle.writer import bundle_to_dict
from viewer.io.convert import convert, export_bundle
from viewer.io.load import open_path
from viewer.resources import sample_bundle


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    convert_command.add_arguments(parser)
    return convert_command.run(parser.parse_args(list(argv)))


@pytest.mark.parametrize("suffix", [".gpkg", ".kml", ".kmz"])
def test_bundle_to_format_and_back_to_a_valid_bundle(tmp_path, capsys, suffix):
    middle = tmp_path / f"launches{suffix}"
    back = tmp_path / "elsewhere" / "launches.geojson"
    back.parent.mkdir()
    assert run(str(sample_bundle()), "-o", str(middle)) == 0
    assert run(str(middle), "-o", str(back)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"wrote {middle} (31 features, 4 events, 3 documents)",
                   f"wrote {back} (31 features, 4 events, 3 documents)"]
    assert problems_in(str(back)) == []  # what `launchmap validate` checks
    original = bundle_to_dict(open_path(sample_bundle())[0])
    again = bundle_to_dict(open_path(back)[0])
    assert [f["id"] for f in again["features"]] == [f["id"] for f in original["features"]]
    assert [f["properties"] for f in again["features"]] == [f["properties"] for f in original["features"]]
    assert again["events"] == original["events"]
    # the articles are not beside the new bundle: their text travels inside it
    assert all("text" in document for document in again["documents"])


def test_bundle_moved_to_another_folder_carries_its_articles(tmp_path):
    out = tmp_path / "copy.geojson"
    convert(sample_bundle(), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    # articles are read only from inside a bundle's folder: outside the new one, their text travels inline
    assert all("text" in d for d in data["documents"])
    assert problems_in(str(out)) == []


def test_bundle_written_beside_its_articles_points_at_them(tmp_path):
    import shutil

    shutil.copytree(sample_bundle().parent, tmp_path / "data")
    out = tmp_path / "data" / "copy.geojson"
    convert(tmp_path / "data" / sample_bundle().name, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"]
    assert all("text" not in d and d["path"].startswith("articles/") for d in data["documents"])
    assert problems_in(str(out)) == []


def test_csv_export_then_import(tmp_path):
    out = tmp_path / "launches.csv"
    bundle, _ = convert(sample_bundle(), out)
    again, problems = open_path(out)
    assert problems == []
    assert again.features.keys() == bundle.features.keys()


def test_unknown_output_format_is_refused_before_reading(tmp_path):
    with pytest.raises(ValueError, match=r"cannot write \.shp; use one of \.csv, \.geojson"):
        export_bundle(open_path(sample_bundle())[0], tmp_path / "out.shp")
    with pytest.raises(ValueError, match=r"cannot write \.shp"):
        convert(tmp_path / "does-not-exist.kml", tmp_path / "out.shp")


@pytest.mark.parametrize("suffix", [".kml", ".kmz"])
def test_kml_write_is_atomic(tmp_path, monkeypatch, suffix):
    from viewer.io.formats.kml import writer as kml_export

    bundle, _ = open_path(sample_bundle())
    path = tmp_path / f"launches{suffix}"
    export_bundle(bundle, path)
    before = path.read_bytes()
    calls = {"n": 0}
    geometry = kml_export.kml_geometry

    def failing(shape):
        calls["n"] += 1
        if calls["n"] == 10:
            raise OSError("disk full")
        return geometry(shape)

    monkeypatch.setattr(kml_export, "kml_geometry", failing)
    with pytest.raises(OSError, match="disk full"):
        export_bundle(bundle, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_convert_refuses_to_overwrite_its_input(tmp_path):
    from viewer.cli.errors import UsageError

    source = tmp_path / "a.kml"
    convert(sample_bundle(), source)
    with pytest.raises(UsageError, match="that is the input file"):
        run(str(source), "-o", str(source))
