"""Point icons shipped inside a KMZ (Google Earth then needs no network): white shapes that the style's colour
tints, drawn here with numpy and written as PNG, so nothing is fetched and no image library is needed."""

from __future__ import annotations

import functools
import struct
import zlib

import numpy as np

SIZE = 64  # pixels; Google Earth scales icons to ~32 px at scale 1
SUPERSAMPLE = 4  # sub-pixels per pixel and axis, for smooth edges
OUTLINE = 0.09  # a dark rim (fraction of the size), so a light colour stays visible on imagery


def icon_path(symbol: str) -> str:
    """Where the icon sits inside the KMZ, as its Style's href names it."""
    return f"files/{symbol}.png"


@functools.cache
def icon_png(symbol: str) -> bytes:
    """The symbol (triangle, cross, circle, diamond) as a white RGBA PNG with a dark outline."""
    n = SIZE * SUPERSAMPLE
    centre = (n - 1) / 2
    y, x = (np.mgrid[0:n, 0:n] - centre) / n  # -0.5..0.5, y down
    inside = _shape(symbol, x, y, 0.0)
    core = _shape(symbol, x, y, OUTLINE)
    alpha = inside.reshape(SIZE, SUPERSAMPLE, SIZE, SUPERSAMPLE).mean(axis=(1, 3))
    white = core.reshape(SIZE, SUPERSAMPLE, SIZE, SUPERSAMPLE).mean(axis=(1, 3))
    grey = np.where(alpha > 0, white / np.maximum(alpha, 1e-9), 0.0)  # white inside, dark on the rim
    level = (40 + grey * 215).clip(0, 255).astype(np.uint8)
    rgba = np.dstack([level, level, level, (alpha * 255).round().astype(np.uint8)])
    return _png(rgba)


def _shape(symbol: str, x: np.ndarray, y: np.ndarray, inset: float) -> np.ndarray:
    r = 0.46 - inset
    if symbol == "triangle":
        h = r * 1.5
        top, bottom = -h * 2 / 3 + 0.04, h / 3 + 0.04
        half_width = (y - top) / (bottom - top) * r * 0.95
        return (y >= top) & (y <= bottom) & (np.abs(x) <= half_width)
    if symbol == "cross":
        bar = 0.11 - inset / 2
        u, v = (x + y) / np.sqrt(2), (x - y) / np.sqrt(2)
        return ((np.abs(u) <= bar) & (np.abs(v) <= r)) | ((np.abs(v) <= bar) & (np.abs(u) <= r))
    if symbol == "diamond":
        return np.abs(x) + np.abs(y) <= r
    return x * x + y * y <= (r * 0.8) ** 2  # circle, and the fallback


def _png(rgba: np.ndarray) -> bytes:
    height, width, _ = rgba.shape
    rows = np.zeros((height, 1 + width * 4), np.uint8)  # filter type 0 per row
    rows[:, 1:] = rgba.reshape(height, width * 4)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"".join([b"\x89PNG\r\n\x1a\n", chunk(b"IHDR", header), chunk(b"IDAT", zlib.compress(rows.tobytes(), 9)),
                     chunk(b"IEND", b"")])
