"""An image's size in pixels and the scale of its decorations, from a physical size and dpi or from pixels.

The rules, the same for the command line and the export dialog:
- a physical size (``--paper A4``, ``--size 20x15cm``) with ``--dpi``: pixels = inches x dpi, and decorations are
  sized in points of that page, so text is the same physical size at any dpi;
- plain pixels (``--width/--height``): decorations are drawn as on a 1920x1080 screen and scaled up with larger
  images (twice as large at 3840x2160), never down; the dpi is only written into the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCREEN_DPI = 96.0
REFERENCE_PIXELS = (1920, 1080)  # the image size at which decorations are drawn as on screen
MM_PER_INCH = 25.4
PAPERS: dict[str, tuple[float, float]] = {  # portrait width, height in millimetres (ISO 216; ANSI)
    "A5": (148.0, 210.0), "A4": (210.0, 297.0), "A3": (297.0, 420.0), "A2": (420.0, 594.0),
    "Letter": (215.9, 279.4), "Legal": (215.9, 355.6), "Tabloid": (279.4, 431.8),
}
_UNITS = {"in": 1.0, "cm": 10.0 / MM_PER_INCH, "mm": 1.0 / MM_PER_INCH}
_SIZE = re.compile(r"^\s*([\d.]+)\s*[xX\u00d7]\s*([\d.]+)\s*(in|cm|mm)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PageSize:
    """Pixels, the dpi written into the file, and the factor every decoration size (pens, symbols, text) takes."""

    width: int
    height: int
    dpi: float
    decoration_scale: float


def paper_inches(name: str, landscape: bool = True) -> tuple[float, float]:
    """(width, height) in inches of a named paper; raises ValueError naming the known ones."""
    key = next((k for k in PAPERS if k.lower() == name.strip().lower()), None)
    if key is None:
        raise ValueError(f"unknown paper {name!r}: one of {', '.join(PAPERS)}")
    short, long = (v / MM_PER_INCH for v in PAPERS[key])
    return (long, short) if landscape else (short, long)


def size_inches(text: str) -> tuple[float, float]:
    """'20x15cm', '8.5x11in', '297x210mm' → (width, height) in inches; raises ValueError."""
    match = _SIZE.match(text)
    if not match:
        raise ValueError(f"size {text!r}: expected WIDTHxHEIGHT with a unit, e.g. 20x15cm, 11x8.5in, 297x210mm")
    factor = _UNITS[match[3].lower()]
    width, height = float(match[1]) * factor, float(match[2]) * factor
    if not (width > 0 and height > 0):
        raise ValueError(f"size {text!r}: width and height must be positive")
    return width, height


def physical(inches: tuple[float, float], dpi: float) -> PageSize:
    """A page of ``inches`` at ``dpi``: decorations in points of the page."""
    return PageSize(round(inches[0] * dpi), round(inches[1] * dpi), dpi, dpi / SCREEN_DPI)


def pixels(width: int, height: int, dpi: float = SCREEN_DPI) -> PageSize:
    """An image of so many pixels: decorations scale with the image beyond 1920x1080, never below screen size."""
    scale = max(1.0, min(width / REFERENCE_PIXELS[0], height / REFERENCE_PIXELS[1]))
    return PageSize(width, height, dpi, scale)
