"""Split an SVG path too long for QtSvg into several paths that draw the same.

QtSvg stops reading a path's data after 32,767 elements ("Invalid path data; path truncated") and draws what it
read: an exported map's land, or a layer of many lines, lost most of itself when the SVG was opened in a Qt
program, while librsvg, browsers and Inkscape drew it whole. Each long path is cut at its subpaths (``M``): a
filled shape keeps its holes (and islands in those) in the same path, so even-odd and non-zero fills come out as
before; a line with no fill is also cut between its points, each piece starting where the last one ended.
"""

from __future__ import annotations

import re

import numpy as np
import shapely

QT_PATH_ELEMENTS = 32_767  # QtSvg's limit per path (qsvghandler.cpp: "Assume file corruption if more")
LIMIT = 30_000  # elements per path written, with room to spare
_COMMAND = re.compile(r"[A-DF-Za-df-z]")  # a path command: any letter but the exponent's e
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def elements(d: str) -> int:
    """How many elements QtSvg counts in path data ``d``: one per command."""
    return len(_COMMAND.findall(d))


def split_path_data(d: str, filled: bool, limit: int = LIMIT) -> list[str]:
    """``d`` as pieces of at most ``limit`` elements each, or ``[d]`` when it is short enough or cannot be cut
    safely (relative commands; a filled shape whose one ring is longer than ``limit``)."""
    if elements(d) <= limit or re.search(r"[a-df-z]", d):
        return [d]
    subpaths = [part.strip() for part in re.split(r"(?=M)", d) if part.strip()]
    units = _shapes(subpaths) if filled else [[s] for s in subpaths]
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for unit in units:
        size = sum(map(elements, unit))
        if size > limit and not filled:
            for subpath in unit:
                for part in _cut_line(subpath, limit):
                    if count + elements(part) > limit and current:
                        pieces.append(" ".join(current))
                        current, count = [], 0
                    current.append(part)
                    count += elements(part)
            continue
        if count + size > limit and current:
            pieces.append(" ".join(current))
            current, count = [], 0
        current.extend(unit)
        count += size
    if current:
        pieces.append(" ".join(current))
    return pieces


def _shapes(subpaths: list[str]) -> list[list[str]]:
    """The subpaths grouped as shapes: a subpath that starts inside the ring opening the group (a hole, an island
    in a lake) stays with it; any other opens a group of its own."""
    groups: list[list[str]] = []
    ring = None
    for subpath in subpaths:
        points = _points(subpath)
        if ring is not None and len(points) and shapely.contains_xy(ring, *points[0]):
            groups[-1].append(subpath)
            continue
        groups.append([subpath])
        ring = shapely.Polygon(points) if len(points) >= 3 else None
        if ring is not None:
            shapely.prepare(ring)
    return groups


def _points(subpath: str) -> np.ndarray:
    numbers = np.array([float(n) for n in _NUMBER.findall(subpath)])
    return numbers[: len(numbers) // 2 * 2].reshape(-1, 2)


def _cut_line(subpath: str, limit: int) -> list[str]:
    """A subpath with no fill cut into pieces of at most ``limit`` elements, each from where the last ended."""
    if subpath.endswith("Z"):  # closed back to its start, which a later piece does not begin at
        x, y = _NUMBER.findall(subpath)[:2]
        subpath = f"{subpath[:-1].rstrip()} L{x},{y}"
    commands = [m.start() for m in _COMMAND.finditer(subpath)]
    pieces = []
    for first in range(0, len(commands), limit - 1):
        text = subpath[commands[first]: commands[first + limit - 1] if first + limit - 1 < len(commands) else None]
        if first:
            x, y = _last_point(subpath[: commands[first]])
            text = f"M{x},{y} {text}"
        pieces.append(text.strip())
    return pieces


def _last_point(text: str) -> tuple[str, str]:
    numbers = _NUMBER.findall(text)
    return numbers[-2], numbers[-1]


def scaled_path_data(d: str, scale: float) -> str:
    """Path data ``d`` with every coordinate multiplied by ``scale``, written in plain decimals (to 1/1000)."""
    return _NUMBER.sub(lambda match: plain_number(float(match.group()) * scale), d)


def plain_number(value: float) -> str:
    """``value`` to three decimals, without an exponent or trailing zeros: 1e-05 -> 0, 123.4500 -> 123.45."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
