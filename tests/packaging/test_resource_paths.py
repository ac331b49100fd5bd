"""viewer.resources finds shipped files from a checkout, an installed wheel's viewer/_shipped and a frozen app."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import viewer.resources
from viewer.resources import asset, sample_bundle

CHECKOUT = Path(__file__).resolve().parents[2]
PROBE = "import viewer.resources as r; print(r.sample_bundle())"


def installed_layout(site: Path, *, shipped: bool) -> Path:
    """A site-packages-like folder holding the viewer package as a wheel installs it (no pyproject beside it)."""
    package = site / "viewer"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    shutil.copy(Path(viewer.resources.__file__), package / "resources.py")
    if shipped:
        (package / "_shipped" / "data").mkdir(parents=True)
        (package / "_shipped" / "data" / "launches.geojson").write_text("{}")
    return package


def probe(site: Path, cwd: Path) -> subprocess.CompletedProcess:
    # -S: no site-packages, so the development install of viewer cannot answer instead of the copy under test
    return subprocess.run([sys.executable, "-S", "-c", PROBE], cwd=cwd, env={"PYTHONPATH": str(site)},
                          capture_output=True, text=True, timeout=60, check=False)


def test_checkout_finds_top_level_folders():
    assert sample_bundle() == CHECKOUT / "data" / "launches.geojson"
    assert asset("resources", "icons", "launchmap.svg") == CHECKOUT / "resources" / "icons" / "launchmap.svg"


def test_installed_wheel_finds_files_inside_the_package(tmp_path):
    package = installed_layout(tmp_path / "site", shipped=True)
    result = probe(tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == package / "_shipped" / "data" / "launches.geojson"


def test_installed_wheel_ignores_stray_folders_beside_the_package(tmp_path):
    """Another distribution's data/ in site-packages is not ours: the error names where launchmap looked."""
    installed_layout(tmp_path / "site", shipped=False)
    (tmp_path / "site" / "data").mkdir()
    (tmp_path / "site" / "data" / "launches.geojson").write_text("{}")
    result = probe(tmp_path / "site", cwd=tmp_path)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert "shipped file data/launches.geojson not found" in last
    assert str(tmp_path / "site" / "viewer" / "_shipped" / "data" / "launches.geojson") in last


def test_frozen_app_looks_in_its_bundle_first(tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "launches.geojson").write_text("{}")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert sample_bundle() == tmp_path / "data" / "launches.geojson"
    # files the frozen bundle lacks still resolve to the next place rather than failing
    assert asset("resources", "gazetteer", "places.csv") == CHECKOUT / "resources" / "gazetteer" / "places.csv"


def test_missing_file_names_every_place_looked_in(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(FileNotFoundError) as error:
        asset("resources", "no-such-file.csv")
    message = str(error.value)
    assert "\n" not in message
    assert str(tmp_path / "resources" / "no-such-file.csv") in message
    assert str(CHECKOUT / "viewer" / "_shipped" / "resources" / "no-such-file.csv") in message
    assert str(CHECKOUT / "resources" / "no-such-file.csv") in message
