"""The command line and the window open files through one loader: the same files, the same warnings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.io.bundle import BundleParser
from viewer.io.load import open_path
from viewer.model.problem import BundleError
from viewer.resources import sample_bundle

BAD = Path(__file__).parents[1] / "data" / "bad"
CORPUS = sorted(p for p in BAD.rglob("*") if p.is_file())


def window_problems(path: Path) -> list[str]:
    """What the window's open worker reports: it calls `open_path(path, progress)` and shows every problem."""
    try:
        _, problems = open_path(path, lambda done, total: None)
    except BundleError as error:
        problems = error.problems
    return [str(p) for p in problems]


@pytest.mark.parametrize("path", CORPUS, ids=[str(p.relative_to(BAD)) for p in CORPUS])
def test_validate_reports_what_the_window_reports(capsys, path):
    code = main(["validate", str(path)])
    out, err = capsys.readouterr()
    expected = window_problems(path)
    assert out.splitlines() == expected
    assert err == ""
    assert expected, "every file of the corpus has something to say"
    assert code == (1 if any(": warning: " not in line for line in expected) else 0)


def test_validate_warns_about_the_antimeridian_as_the_window_does(capsys):
    path = BAD / "geojson" / "antimeridian.geojson"
    assert main(["validate", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert f"{path}:features[0]: warning: crosses the antimeridian" in out


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, Path]:
    """The sample as `launchmap convert` writes it in every format but its own."""
    folder = tmp_path_factory.mktemp("converted")
    paths = {}
    for suffix in (".kml", ".kmz", ".gpkg", ".csv"):
        paths[suffix] = folder / f"sample{suffix}"
        assert main(["convert", str(sample_bundle()), "-o", str(paths[suffix])]) == 0
    return paths


@pytest.mark.parametrize("suffix", [".kml", ".kmz", ".gpkg", ".csv"])
def test_validate_accepts_what_convert_writes(capsys, converted, suffix):
    capsys.readouterr()
    assert main(["validate", str(converted[suffix])]) == 0
    out, _ = capsys.readouterr()
    assert "invalid JSON" not in out
    assert [line for line in out.splitlines() if ": warning: " not in line] == []


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".kml", ".gpkg", ".csv"])
def test_export_draws_what_convert_writes(converted, tmp_path, suffix):
    image = tmp_path / "map.png"
    result = subprocess.run([sys.executable, "-m", "viewer", "export", str(converted[suffix]), "-o", str(image),
                             "--width", "400", "--height", "300"], capture_output=True, text=True, timeout=300,
                            check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {image}"
    assert image.stat().st_size > 1000
    assert image.with_suffix(".pgw").exists()


@pytest.mark.parametrize("suffix", [".kml", ".kmz", ".gpkg", ".csv"])
def test_export_and_brief_load_files_as_the_window_does(converted, suffix):
    from viewer.cli.common import load_workspace

    workspace = load_workspace([str(converted[suffix])])
    assert set(workspace.content.features) == set(open_path(converted[suffix])[0].features)
    assert len(workspace.content.features) == len(open_path(sample_bundle())[0].features)


def test_the_parser_creates_its_attributes_when_it_is_made(make_bundle):
    path = make_bundle()
    parser = BundleParser(path, str(path))
    before = set(vars(parser))
    parser.read(json.loads(path.read_text()))
    assert set(vars(parser)) == before
