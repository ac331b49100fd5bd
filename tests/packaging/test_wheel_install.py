"""The wheel carries resources/ and data/: installed into a fresh virtual environment, `launchmap` works away
from the checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Left out of the copy the wheel is built from: environments, build output and caches of the checkout.
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache",
                                    ".hypothesis", "out")


def pip(python: Path | str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    result = subprocess.run([str(python), "-m", "pip", *args], cwd=cwd, capture_output=True, text=True,
                            timeout=900, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Built from a copy, so the checkout gains no build/ folder and git status stays as it was."""
    tmp = tmp_path_factory.mktemp("wheel")
    shutil.copytree(ROOT, tmp / "src", ignore=NOT_SOURCE)
    pip(sys.executable, "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(tmp / "src"), cwd=tmp)
    (built,) = (tmp / "dist").glob("launchmap-*.whl")
    return built


@pytest.mark.slow
def test_wheel_carries_resources_and_sample_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for shipped in ("resources/basemap/basemap.gpkg", "resources/gazetteer/places.csv",
                    "resources/icons/launchmap.svg", "resources/icons/launchmap-256.png", "data/launches.geojson",
                    "data/articles/000_07ec046ded137453.txt"):
        assert f"viewer/_shipped/{shipped}" in names, shipped
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "launchmap = viewer.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.mark.slow
def test_installed_wheel_runs_headless_outside_the_checkout(wheel, tmp_path, check_headless_launchmap,
                                                             check_headless_geopackage):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / "bin" / "python"
    # The versions this environment was tested with (PySide6 is capped for a crash in 6.12.0); pip's cache and
    # the configured indexes serve them without a fresh download where they can.
    frozen = pip(sys.executable, "freeze", "--exclude-editable", cwd=tmp_path).stdout.splitlines()
    pins = [line for line in frozen if "==" in line and not line.lower().startswith("launchmap")]
    (tmp_path / "constraints.txt").write_text("\n".join(pins) + "\n")
    pip(python, "install", "-q", "-c", str(tmp_path / "constraints.txt"), str(wheel), cwd=tmp_path)

    probe = "import viewer.resources as r; print(r.__file__); print(r.sample_bundle())"
    where = subprocess.run([str(python), "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                           check=True).stdout.split()
    assert all(Path(path).is_relative_to(venv) for path in where), where  # the installed copy, not the checkout
    check_headless_launchmap([str(venv / "bin" / "launchmap")])
    # GeoPackages are read and written through pyogrio alone: an install has no geopandas (nor pandas), which
    # pyogrio would import on every GeoPackage read or write if it were there.
    spec = subprocess.run([str(python), "-c", "import importlib.util as u; print(u.find_spec('geopandas'))"],
                          capture_output=True, text=True, timeout=120, check=True).stdout.strip()
    assert spec == "None"
    check_headless_geopackage([str(venv / "bin" / "launchmap")])
