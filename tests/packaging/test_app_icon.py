"""The application icon: Qt draws the SVG, and the committed PNG, .ico and .icns files are renders of it."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "render_icons.py"


@pytest.fixture(scope="module")
def render_icons():
    spec = importlib.util.spec_from_file_location("render_icons", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pixels(png: bytes) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage.fromData(png).convertToFormat(QImage.Format.Format_RGBA8888)
    assert not image.isNull()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(int)


@pytest.mark.parametrize("size", [16, 64, 512])
def test_committed_pngs_are_renders_of_the_svg(qapp, render_icons, size):
    """Fails when the SVG was edited without running tools/render_icons.py."""
    committed = pixels(render_icons.png_path(size).read_bytes())
    fresh = pixels(render_icons.render_png(size))
    assert committed.shape == (size, size, 4)
    assert np.abs(committed - fresh).mean() < 2.0  # another Qt release may antialias a little differently


def test_icon_is_opaque_inside_and_transparent_at_the_corners(qapp, render_icons):
    image = pixels(render_icons.png_path(256).read_bytes())
    assert image[0, 0, 3] == 0
    assert image[-1, -1, 3] == 0
    assert image[128, 20, 3] == 255
    # the map pin, in the first event colour (#D55E00), is there
    assert ((np.abs(image[..., :3] - (0xD5, 0x5E, 0x00)).sum(axis=2) < 30) & (image[..., 3] == 255)).sum() > 1000


def test_windows_ico_holds_every_size_as_png(render_icons):
    data = (ROOT / "resources" / "icons" / "launchmap.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(render_icons.ICO_SIZES))
    sizes = []
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * i)
        assert data[offset:offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == sorted(render_icons.ICO_SIZES)


def test_macos_icns_records_are_pngs(render_icons):
    data = (ROOT / "resources" / "icons" / "launchmap.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kind, length = data[offset:offset + 4], struct.unpack_from(">I", data, offset + 4)[0]
        assert data[offset + 8:offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    assert kinds == [kind for kind, _ in render_icons.ICNS_TYPES]
