"""The PyInstaller one-folder build (packaging/build_frozen.sh) runs `--version`, `validate` and a headless export
without Python or the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_app_runs_headless_outside_the_checkout(tmp_path, check_headless_launchmap,
                                                      check_headless_geopackage):
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install 'pyinstaller>=6.10,<7')")
    dist, work = tmp_path / "dist", tmp_path / "work"
    result = subprocess.run([str(ROOT / "packaging" / "build_frozen.sh"), str(dist), str(work)], cwd=ROOT,
                            env={**os.environ, "PYTHON": sys.executable}, capture_output=True, text=True,
                            timeout=1200, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    app = dist / "launchmap"
    assert (app / "_internal" / "resources" / "basemap" / "basemap.gpkg").is_file()
    assert (app / "_internal" / "data" / "launches.geojson").is_file()
    check_headless_launchmap([str(app / "launchmap")])
    check_headless_geopackage([str(app / "launchmap")])  # the GeoPackage writer's Arrow columns (nanoarrow) ship
