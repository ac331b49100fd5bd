"""Candidates for a label beside a point at the map's edge or under a decoration: the usual boxes moved straight
inward until they fit, as a cartographer names a place at the neatline a little further in rather than not at all."""

from __future__ import annotations

from collections.abc import Sequence

Box = tuple[float, float, float, float]  # left, top, right, bottom (device pixels, y down)
STEPS = 6  # moves tried each way, each half the text's height


def near_edge(x: float, y: float, within: Box, fixed: Sequence[Box], reach: float) -> bool:
    """Whether a point at (x, y) is within ``reach`` of an edge of ``within`` or of a ``fixed`` box: the labels for
    which the usual boxes may all be refused (cheap: most labels of a large layer are nowhere near)."""
    left, top, right, bottom = within
    if x - left < reach or right - x < reach or y - top < reach or bottom - y < reach:
        return True
    return any(b[0] - reach < x < b[2] + reach and b[1] - reach < y < b[3] + reach for b in fixed)


def pulled_inside(boxes: Sequence[Box], within: Box, fixed: Sequence[Box], step: float) -> list[Box]:
    """For each of ``boxes`` that leaves ``within`` or meets a ``fixed`` box: the same moved up, down, left or right
    by up to `STEPS` ``step``s, where it lies inside and clear of them; nearest moves first, none repeated."""
    found: dict[Box, float] = {}
    for box in boxes:
        if _fits(box, within, fixed):
            continue
        for dx, dy in ((0, -1), (0, 1), (-1, 0), (1, 0)):
            for n in range(1, STEPS + 1):
                moved = (box[0] + dx * n * step, box[1] + dy * n * step, box[2] + dx * n * step, box[3] + dy * n * step)
                if _fits(moved, within, fixed):
                    found.setdefault(moved, n * step)
                    break
    return sorted(found, key=found.__getitem__)


def _fits(box: Box, within: Box, fixed: Sequence[Box]) -> bool:
    inside = box[0] >= within[0] and box[1] >= within[1] and box[2] <= within[2] and box[3] <= within[3]
    return inside and not any(box[0] < b[2] and box[2] > b[0] and box[1] < b[3] and box[3] > b[1] for b in fixed)
