"""What `launchmap export` costs as a process: what it imports, and the PNG it writes."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QColor, QImage

from viewer.cli import main
from viewer.qt.image_formats import _opaque

PROBE = """
import sys
from viewer.cli import main
assert main(["export", "-o", sys.argv[1]]) == 0
loaded = set(sys.modules)
print("SUBCOMMANDS", sorted(m for m in loaded if m.startswith("viewer.cli.") and m != "viewer.cli.common"))
print("HEAVY", sorted(loaded & {"pyogrio", "pandas", "geopandas", "viewer.io.gpkg_io", "viewer.export.deck"}))
"""


def test_export_imports_only_what_it_draws_with(tmp_path):
    # pyogrio's __init__ imports geopandas and pandas (half a second); the other subcommands bring their own.
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "map.png")], capture_output=True,
                            text=True, timeout=120, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "SUBCOMMANDS ['viewer.cli.export']" in result.stdout
    assert "HEAVY []" in result.stdout


def test_an_opaque_map_is_written_without_alpha(tmp_path):
    path = tmp_path / "map.png"
    assert main(["export", "-o", str(path), "--width", "320", "--height", "200"]) == 0
    image = QImage(str(path))
    assert not image.hasAlphaChannel()  # smaller and faster to encode; every pixel was opaque anyway
    assert (image.width(), image.height()) == (320, 200)


def test_transparency_is_noticed():
    image = QImage(8, 4, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(10, 20, 30))
    assert _opaque(image)
    image.setPixelColor(7, 3, QColor(10, 20, 30, 254))
    assert not _opaque(image)

