"""Clip an SVG path's data to a box around the image, so no coordinate lies far outside it.

A map's land drawn in a projection centred far from most of it reaches millions of pixels out (13.9 million at a
Korea-centred conic): librsvg keeps coordinates in cairo's 24.8 fixed point (at most ±8,388,607), and past that
it filled the whole map with land, the sea gone. A filled subpath is clipped to the box as a closed ring
(Sutherland-Hodgman: inside a convex box every point keeps its winding number, so even-odd and non-zero fills
come out as before there); a line is cut where it leaves the box. The box reaches well beyond the image, so the
edges a clipped ring gains along it are never seen."""

from __future__ import annotations

import re

import numpy as np
import shapely

from viewer.export.svg_paths import plain_number

Box = tuple[float, float, float, float]  # xmin, ymin, xmax, ymax in the path's own units
_SUBPATH = re.compile(r"M[^M]*")
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def clipped_path_data(d: str, box: Box, filled: bool) -> str:
    """``d`` with every subpath clipped to ``box``; ``d`` itself when it lies inside the box or holds commands
    other than absolute M, L and Z (curves are not cut here)."""
    if re.search(r"[A-DF-KN-Ya-df-z]", d):
        return d
    numbers = np.array([float(n) for n in _NUMBER.findall(d)])
    if not len(numbers):
        return d
    xy = numbers[: len(numbers) // 2 * 2].reshape(-1, 2)
    if (xy[:, 0].min() >= box[0] and xy[:, 1].min() >= box[1] and xy[:, 0].max() <= box[2]
            and xy[:, 1].max() <= box[3]):
        return d
    parts = []
    for subpath in _SUBPATH.findall(d):
        values = np.array([float(n) for n in _NUMBER.findall(subpath)])
        points = values[: len(values) // 2 * 2].reshape(-1, 2)
        if filled:
            ring = clipped_ring(points, box)
            if len(ring) >= 3:
                parts.append(_written(ring) + " Z")
        else:
            if subpath.rstrip().endswith("Z") and len(points):
                points = np.vstack([points, points[:1]])
            parts += [_written(np.asarray(line.coords)) for line in _clipped_lines(points, box)]
    return " ".join(parts)


def clipped_ring(points: np.ndarray, box: Box) -> np.ndarray:
    """A closed ring's points clipped to ``box`` (Sutherland-Hodgman), as a closed ring's points."""
    ring = [tuple(p) for p in points]
    for axis, bound, keep_below in ((0, box[0], False), (0, box[2], True), (1, box[1], False), (1, box[3], True)):
        if not ring:
            break
        inside = [(p[axis] <= bound) if keep_below else (p[axis] >= bound) for p in ring]
        out: list[tuple[float, float]] = []
        for i, point in enumerate(ring):
            before, was_inside = ring[i - 1], inside[i - 1]
            if inside[i] != was_inside:  # the edge from the point before crosses the bound
                t = (bound - before[axis]) / (point[axis] - before[axis])
                crossing = [before[0] + t * (point[0] - before[0]), before[1] + t * (point[1] - before[1])]
                crossing[axis] = bound
                out.append((crossing[0], crossing[1]))
            if inside[i]:
                out.append(point)
        ring = out
    return np.array(ring, dtype=float).reshape(-1, 2)


def _clipped_lines(points: np.ndarray, box: Box) -> list[shapely.LineString]:
    if len(points) < 2:
        return []
    clipped = shapely.clip_by_rect(shapely.LineString(points), *box)
    return [part for part in shapely.get_parts(clipped) if isinstance(part, shapely.LineString) and not part.is_empty]


def _written(points: np.ndarray) -> str:
    return "M" + " L".join(f"{plain_number(x)},{plain_number(y)}" for x, y in points)
