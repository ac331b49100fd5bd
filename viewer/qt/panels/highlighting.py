"""Citation highlights in the article text: a light colour per feature kind, yellow for the passage in focus."""

from __future__ import annotations

import bisect
from itertools import accumulate

from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from viewer.model.bundle import Bundle
from viewer.model.kinds import KIND_TITLES, KINDS
from viewer.model.marks import Mark
from viewer.model.selection import Passage
from viewer.symbology import SELECTION

# Light tints (black text stays readable on them), none near the yellow of the passage in focus: salmon
# danger, pink warning, blue path, violet overflight, green impact, peach site. The map colours by event,
# so the text colours by kind: the two together answer "which launch" and "what sort of thing".
KIND_COLOURS: dict[str, str] = {
    "danger_zone": "#F6B3A8",
    "warning_area": "#F4C6E6",
    "flight_path": "#B7D7F4",
    "overflight": "#D5C4F1",
    "impact_point": "#BFE5C2",
    "launch_site": "#F9CFA0",
    "reference_place": "#DDDDDD",
}
EVENT_CLAIM_COLOUR = "#E4DCCB"  # passages only an event's claims cite (a time, an outcome)
EVENT_CLAIM_TITLE = "Launch (time, outcome…)"
FOCUS_COLOUR = SELECTION  # the passage in focus looks like the selection on the map
SELECTED_UNDERLINE = "#1A1A1A"


def mark_kind(mark: Mark, bundle: Bundle) -> str | None:
    """The kind whose colour a run gets: the most specific one (points before lines before areas).

    None when only launch events' claims cite it.
    """
    kinds = {bundle.features[f].kind for f in mark.features if f in bundle.features}
    for kind in reversed(KINDS):
        if kind in kinds:
            return kind
    return next(iter(sorted(kinds)), None)


def colour_of(kind: str | None) -> str:
    if kind is None:
        return EVENT_CLAIM_COLOUR
    return KIND_COLOURS.get(kind, KIND_COLOURS["reference_place"])


def title_of(kind: str | None) -> str:
    return EVENT_CLAIM_TITLE if kind is None else KIND_TITLES.get(kind, kind)


class QtOffsets:
    """Maps a Python string offset (code points, as citations count) to a position in a QTextDocument
    holding that text (UTF-16 units, with '\\r\\n' as one position) and back."""

    def __init__(self, text: str):
        if text.isascii() or ("\r" not in text and all(ord(ch) <= 0xFFFF for ch in text)):
            self._positions: list[int] | None = None  # the common case: the same numbers
            return
        steps = [
            0 if ch == "\r" and text[i + 1 : i + 2] == "\n" else (2 if ord(ch) > 0xFFFF else 1)
            for i, ch in enumerate(text)
        ]
        self._positions = [0, *accumulate(steps)]

    def to_qt(self, offset: int) -> int:
        if self._positions is None:
            return offset
        return self._positions[max(0, min(offset, len(self._positions) - 1))]

    def from_qt(self, position: int) -> int:
        if self._positions is None:
            return position
        return max(0, bisect.bisect_right(self._positions, position) - 1)


def span_cursor(document: QTextDocument, offsets: QtOffsets, start: int, end: int) -> QTextCursor:
    cursor = QTextCursor(document)
    last = document.characterCount() - 1
    cursor.setPosition(min(offsets.to_qt(start), last))
    cursor.setPosition(min(offsets.to_qt(end), last), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def extra_selections(
    document: QTextDocument,
    offsets: QtOffsets,
    marks: list[Mark],
    bundle: Bundle,
    selected: set[str],
    focus: Passage | None,
) -> list[QTextEdit.ExtraSelection]:
    """One highlight per run in its kind's colour; runs citing a selected feature are underlined, and the
    passage in focus drawn last, on top, in yellow and bold."""
    result = []
    for mark in marks:
        chosen = bool(selected.intersection(mark.features))
        result.append(_selection(document, offsets, mark.start, mark.end, colour_of(mark_kind(mark, bundle)), chosen))
    if focus is not None and focus.end > focus.start:
        focused = _selection(document, offsets, focus.start, focus.end, FOCUS_COLOUR, False)
        focused.format.setFontWeight(QFont.Weight.Bold)
        focused.format.setProperty(QTextFormat.Property.UserProperty, "focus")
        result.append(focused)
    return result


def _selection(document, offsets, start, end, colour, underline) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = span_cursor(document, offsets, start, end)
    text_format = QTextCharFormat()
    text_format.setBackground(QBrush(QColor(colour)))
    if underline:
        text_format.setFontUnderline(True)
        text_format.setUnderlineColor(QColor(SELECTED_UNDERLINE))
    selection.format = text_format
    return selection
