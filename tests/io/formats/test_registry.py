"""One table of formats: the dialogs' filters, the loader and `convert` all follow it, so a format is one entry."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely

from viewer import cli
from viewer.io import formats
from viewer.io.convert import convert
from viewer.io.formats import FORMATS, Format, export_filter, open_filter
from viewer.io.formats.layer import LayerBuilder
from viewer.io.load import format_of, open_path
from viewer.io.progress import Progress
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.model.problem import Problem
from viewer.resources import sample_bundle


def read_points(path: Path, progress: Progress, shown_as: str) -> tuple[Bundle, list[Problem]]:
    builder = LayerBuilder(path, shown_as)
    for line, text in enumerate(path.read_text().splitlines(), start=1):
        lon, lat = (float(part) for part in text.split())
        usable, point = builder.checked(str(line), shapely.Point(lon, lat))
        if usable:
            builder.add(str(line), Feature(id=builder.unique_id(None, f"line{line}"), geometry=point))
    return builder.finish()


def write_points(bundle: Bundle, path: Path, progress: Progress) -> None:
    path.write_text("".join(f"{f.geometry.x} {f.geometry.y}\n" for f in bundle.features.values()
                            if f.geometry is not None and f.geometry.geom_type == "Point"))


@pytest.fixture
def with_points_format(monkeypatch):
    """A format known only to this test, added as one entry."""
    entry = Format("points", "Points, one 'lon lat' a line", (".pts",), read_points, write_points, writes=(".pts",))
    monkeypatch.setattr(formats, "FORMATS", (*FORMATS, entry))
    return entry


def test_a_format_added_as_one_entry_is_opened_written_and_offered(with_points_format, tmp_path, capsys):
    assert "Points, one 'lon lat' a line (*.pts)" in open_filter().split(";;")
    assert "*.pts" in open_filter().split(";;")[0]
    assert "Points, one 'lon lat' a line (*.pts)" in export_filter().split(";;")
    out = tmp_path / "sites.pts"
    assert cli.main(["convert", str(sample_bundle()), "-o", str(out)]) == 0
    assert format_of(out) is with_points_format
    bundle, problems = open_path(out)
    assert problems == []
    assert len(bundle.features) == out.read_text().count("\n") > 0
    convert(out, tmp_path / "again.pts")
    assert (tmp_path / "again.pts").read_text() == out.read_text()
    assert cli.main(["validate", str(out)]) == 0


def test_the_dialog_filters_list_every_format():
    opened = open_filter().split(";;")
    assert opened[0] == ("All supported files (*.geojson *.json *.gpkg *.kml *.kmz *.csv *.tsv *.txt *.shp *.zip *.gpx "
                         "*.fgb *.gml)")
    assert "ESRI Shapefile (*.shp *.zip)" in opened
    assert "GPS eXchange Format (*.gpx)" in opened
    assert opened[-1] == "All files (*)"
    assert "GeoPackage (*.gpkg)" in opened
    saved = export_filter().split(";;")
    assert saved[0] == "GeoPackage (*.gpkg)"  # the export dialog suggests launches.gpkg
    assert {entry.rpartition("(")[2].rstrip(")") for entry in saved} == {
        "*.gpkg", "*.geojson *.json", "*.kml", "*.kmz", "*.csv"}


def test_every_format_reads_what_it_writes(tmp_path):
    for entry in FORMATS:
        if entry.writer is None:
            continue
        out = tmp_path / f"sample{entry.writes[0]}"
        convert(sample_bundle(), out)
        assert format_of(out) is entry
        assert len(open_path(out)[0].features) == len(open_path(sample_bundle())[0].features)


def test_the_gpkg_warning_about_its_suffix_is_not_silenced_for_everyone(tmp_path):
    import warnings

    out = tmp_path / "really_a_geopackage.json"
    convert(sample_bundle(), tmp_path / "sample.gpkg")
    (tmp_path / "sample.gpkg").rename(out)
    before = list(warnings.filters)
    _, problems = open_path(out)
    assert [str(p) for p in problems if "GDAL" in p.message] == []  # expected: the loader looks at the content
    assert warnings.filters == before
    assert not any("non conformant" in str(f[1].pattern if f[1] else "") for f in warnings.filters)
