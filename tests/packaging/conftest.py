"""What the wheel and the frozen-app tests share: running an installed launchmap headless, away from the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import numpy as np
import pytest

from viewer.symbology import LAND, SEA

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]


def headless_env() -> dict[str, str]:
    """The environment of a user's terminal with no display: nothing points at the checkout or at a screen."""
    dropped = {"PYTHONPATH", "PYTHONHOME", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "VIRTUAL_ENV"}
    return {key: value for key, value in os.environ.items() if key not in dropped}


def share_of_colour(rgb: np.ndarray, colour: str, tolerance: int = 12) -> float:
    target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    return float((np.abs(rgb - target).max(axis=2) <= tolerance).mean())


def check_map_png(path: Path, width: int, height: int) -> None:
    """A real map image: the size asked for, both land and sea, a world file and a .prj beside it."""
    from PySide6.QtGui import QImage

    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    assert (image.width(), image.height()) == (width, height)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    rgb = rows[:, : width * 3].reshape(height, width, 3).astype(int)
    assert share_of_colour(rgb, SEA) > 0.2, "no sea: the basemap did not draw"
    assert share_of_colour(rgb, LAND) > 0.05, "no land: the basemap did not draw"
    assert len(path.with_suffix(".pgw").read_text().split()) == 6
    assert "PROJCS" in path.with_suffix(".prj").read_text()


@pytest.fixture
def check_headless_launchmap(tmp_path):
    """Returns check(command): runs `launchmap --version`, `validate` and `export` from a folder outside the
    checkout with no display, and checks what they print and write."""

    def check(command: list[str]) -> None:
        work = tmp_path / "elsewhere"
        work.mkdir(exist_ok=True)

        def run(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([*command, *args], cwd=work, env=headless_env(), capture_output=True, text=True,
                                  timeout=300, check=False)

        version = run("--version")
        assert version.returncode == 0, version.stderr
        assert version.stdout.strip() == f"launchmap {VERSION}"
        validate = run("validate")  # no FILE: the bundled sample, with its articles found beside it
        assert validate.returncode == 0, validate.stdout + validate.stderr
        export = run("export", "-o", "map.png", "--width", "800", "--height", "500")
        assert export.returncode == 0, export.stderr
        check_map_png(work / "map.png", 800, 500)

    return check


@pytest.fixture
def check_headless_geopackage(tmp_path):
    """Returns check(command): converts the sample bundle (a copy of data/, articles included) to a GeoPackage
    and validates it, from a terminal with no display."""

    def check(command: list[str]) -> None:
        work = tmp_path / "geopackage"
        shutil.copytree(ROOT / "data", work)
        for args in (["convert", "launches.geojson", "-o", "launches.gpkg"], ["validate", "launches.gpkg"]):
            run = subprocess.run([*command, *args], cwd=work, env=headless_env(), capture_output=True, text=True,
                                 timeout=300, check=False)
            assert run.returncode == 0, run.stdout + run.stderr

    return check
