"""What `launchmap export` costs as a process: what it imports, and the PNG it writes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from viewer.cli import main
from viewer.qt.image_formats import _opaque, png_bytes

PROBE = """
import sys
from viewer.cli import main
assert main(["export", "-o", sys.argv[1]]) == 0
loaded = set(sys.modules)
shared = ("viewer.cli.common", "viewer.cli.errors")
print("SUBCOMMANDS", sorted(m for m in loaded if m.startswith("viewer.cli.") and m not in shared))
print("HEAVY", sorted(loaded & {"pyogrio", "pandas", "geopandas", "viewer.io.formats.gpkg.reader",
                               "viewer.export.deck", "pyqtgraph", "PySide6.QtWidgets"}))
check = getattr(sys.modules.get("shibokensupport.feature"), "_mod_uses_pyside", None)
print("QUICK CHECK", check is None or hasattr(check, "pyside_check"))
"""


def test_export_imports_only_what_it_draws_with(tmp_path):
    # pyogrio's __init__ imports geopandas and pandas (half a second); the other subcommands bring their own. The
    # map is drawn without a scene graph: no pyqtgraph (~0.25-0.45 s to import) and no QtWidgets.
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "map.png")], capture_output=True,
                            text=True, timeout=120, check=False, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert "SUBCOMMANDS ['viewer.cli.export']" in result.stdout
    assert "HEAVY []" in result.stdout
    # PySide6's check of each module imported after it reads the module's file (viewer.qt.pyside_check), not its
    # source through inspect (~15 ms of an export)
    assert "QUICK CHECK True" in result.stdout


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



def qt_png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.mark.parametrize("alpha", [255, 90])
def test_png_holds_the_pixels_qt_would_write(alpha):
    """Odd sizes (rows not a multiple of 4 bytes), translucent pixels unpremultiplied as Qt's writer does, and
    the resolution: read back, our PNG and Qt's are the same image."""
    image = QImage(37, 23, QImage.Format.Format_ARGB32_Premultiplied)
    for x in range(37):
        for y in range(23):
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 11) % 256, (x * y) % 256, alpha if x % 3 else 255))
    image.setDotsPerMeterX(11811)
    image.setDotsPerMeterY(11811)
    ours, qts = QImage.fromData(png_bytes(image, 1)), QImage.fromData(qt_png(image))
    assert ours.hasAlphaChannel() == (alpha < 255)
    assert ours.convertToFormat(QImage.Format.Format_RGBA8888) == qts.convertToFormat(QImage.Format.Format_RGBA8888)
    assert (ours.dotsPerMeterX(), ours.dotsPerMeterY()) == (11811, 11811)
