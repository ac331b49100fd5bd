"""A corner a human reads without doubt despite a typo: a letter O for a zero or an I for a one among its figures
('36-2ON'), or a wrong letter where its hemisphere goes ('33-16M 123-52E', M beside N on the keyboard). It is read
only when the mended figure is one another corner of the same area gives (a box lists each latitude and each
longitude twice), so the notice itself confirms the reading, and the reading is said; otherwise the corner stays
unreadable and its area is not drafted."""

from __future__ import annotations

import re

from viewer.geo.coordinates import FoundPosition, find_positions

# half a position: degrees, then minutes (and seconds) after a hyphen, a degree sign or a space
_HALF = r"\d{1,3}(?:[-\u00b0 ][\dOoIl]{2}(?:\.\d+)?[\u2032']?)+\s?"
# a half whose hemisphere letter is no hemisphere, beside a half that reads: '33-16M 123-52E', '36-20N 124-00R'
WRONG_HEMISPHERE = re.compile(rf"(?<![\w.]){_HALF}[A-DF-MO-RT-VX-Z](?![A-Za-z])(?=\s+{_HALF}[EW](?![A-Za-z]))"
                              rf"|(?<=[NS]\s){_HALF}[A-DF-MO-RT-VX-Z](?![A-Za-z])")
_LOOKALIKE = {"O": "0", "o": "0", "I": "1", "l": "1"}
_SAME = 1e-6  # degrees: the same figure


def mended_corners(text: str, bad: list[tuple[int, int]], begin: int,
                   end: int) -> tuple[list[FoundPosition], dict[int, str]] | None:
    """The corners of the area ``text[begin:end]`` with its ``bad`` coordinate texts read despite a typo, and a
    note on each corner so read (by its offset); None when any of them cannot be read without doubt."""
    mended, readings = text, []
    for start, stop in bad:
        if any(p.start <= start < p.end for p in find_positions(mended, begin, end)):
            continue  # the other half of a corner already mended ('123-52E' after '33-16M 123-52E')
        tried = [_tried(mended, start, stop, candidate, begin, end) for candidate in _candidates(mended, start, stop)]
        confirmed = [t for t in tried if t is not None]
        if len(confirmed) == 1:
            mended, position = confirmed[0]
            readings.append((start, stop, position))
    corners = find_positions(mended, begin, end)
    if not all(any(p.start <= start < p.end for p in corners) for start, _ in bad):
        return None
    notes = {}
    for start, stop, position in readings:
        axis = "latitude" if _is_latitude(mended[start:stop]) else "longitude"
        notes[position.start] = (f"read the corner {text[start:stop].strip()!r} as {mended[start:stop].strip()!r} "
                                 f"(a typo: another corner of the area gives that {axis}); check it")
    return corners, notes


def _candidates(text: str, start: int, stop: int) -> list[str]:
    """The coordinate text ``text[start:stop]`` as it was meant, once per hemisphere letter it could have had."""
    written = text[start:stop]
    figures = re.sub(r"(?<=[\d\-\u00b0 ])[OoIl]|[OoIl](?=\d)", lambda m: _LOOKALIKE[m.group()], written)
    letter = re.search(r"[A-Z](?=[\u2032'\s]*$)", figures)
    if letter and letter.group() not in "NSEW":
        return [figures[: letter.start()] + h + figures[letter.end() :] for h in "NSEW"]
    return [figures] if figures != written else []


def _tried(text: str, start: int, stop: int, candidate: str, begin: int,
           end: int) -> tuple[str, FoundPosition] | None:
    """``text`` with ``candidate`` written in, and the corner it makes, when another corner gives its figure."""
    mended = text[:start] + candidate + text[stop:]
    positions = find_positions(mended, begin, end)
    position = next((p for p in positions if p.start <= start < p.end), None)
    if position is None:
        return None
    latitude = _is_latitude(candidate)
    value = position.lat if latitude else position.lon
    others = [p for p in positions if p is not position]
    if any(abs((p.lat if latitude else p.lon) - value) < _SAME for p in others):
        return mended, position
    return None


def _is_latitude(coordinate: str) -> bool:
    hemisphere = re.search(r"[NSEW]", coordinate)
    return hemisphere is not None and hemisphere.group() in "NS"
