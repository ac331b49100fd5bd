"""Citation highlights in the article text: a light colour per feature kind, yellow for the passage in focus."""

from __future__ import annotations

import bisect
from itertools import accumulate

from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from viewer.model.bundle import Bundle
from viewer.model.kinds import KIND_REGISTRY, kind_names, kind_title
from viewer.model.marks import Mark
from viewer.model.selection import Passage
from viewer.symbology import SELECTION

EVENT_CLAIM_COLOUR = "#E4DCCB"  # passages only an event's claims cite (a time, an outcome)
EVENT_CLAIM_TITLE = "Launch (time, outcome…)"
FOCUS_COLOUR = SELECTION  # the passage in focus looks like the selection on the map
SELECTED_UNDERLINE = "#1A1A1A"


def mark_kind(mark: Mark, bundle: Bundle) -> str | None:
    """The kind whose colour a run gets: the most specific one (points before lines before areas).

    None when only launch events' claims cite it.
    """
    kinds = {bundle.features[f].kind for f in mark.features if f in bundle.features}
    for kind in reversed(kind_names()):
        if kind in kinds:
            return kind
    return next(iter(sorted(kinds)), None)


def colour_of(kind: str | None) -> str:
    if kind is None:
        return EVENT_CLAIM_COLOUR
    return KIND_REGISTRY.get(kind).tint


def title_of(kind: str | None) -> str:
    return EVENT_CLAIM_TITLE if kind is None else kind_title(kind)


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


def paint_marks(document: QTextDocument, offsets: QtOffsets, marks: list[Mark], bundle: Bundle) -> None:
    """Give every cited run its kind's background in the document's own formats, once per opened text:
    extra selections are re-sent and re-scanned on every repaint, which a text cited thousands of times
    cannot afford, while the document's formats cost nothing once applied."""
    cursor = QTextCursor(document)
    last = document.characterCount() - 1
    formats: dict[str, QTextCharFormat] = {}
    cursor.beginEditBlock()  # one re-layout at the end, not one per run
    for mark in marks:
        colour = colour_of(mark_kind(mark, bundle))
        if colour not in formats:
            formats[colour] = QTextCharFormat()
            formats[colour].setBackground(QBrush(QColor(colour)))
        cursor.setPosition(min(offsets.to_qt(mark.start), last))
        cursor.setPosition(min(offsets.to_qt(mark.end), last), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(formats[colour])
    cursor.endEditBlock()


def extra_selections(
    document: QTextDocument,
    offsets: QtOffsets,
    marks: list[Mark],
    selected: set[str],
    focus: Passage | None,
) -> list[QTextEdit.ExtraSelection]:
    """Over the painted runs: those citing a selected feature underlined, and the passage in focus drawn
    last, on top, in yellow and bold. Only these change with the selection."""
    result = [
        _selection(document, offsets, mark.start, mark.end, underline=True)
        for mark in marks
        if selected and not selected.isdisjoint(mark.features)
    ]
    if focus is not None and focus.end > focus.start:
        focused = _selection(document, offsets, focus.start, focus.end, background=FOCUS_COLOUR)
        focused.format.setFontWeight(QFont.Weight.Bold)
        focused.format.setProperty(QTextFormat.Property.UserProperty, "focus")
        result.append(focused)
    return result


def _selection(document, offsets, start, end, *, background: str | None = None,
               underline: bool = False) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    selection.cursor = span_cursor(document, offsets, start, end)
    text_format = QTextCharFormat()
    if background:
        text_format.setBackground(QBrush(QColor(background)))
    if underline:
        text_format.setFontUnderline(True)
        text_format.setUnderlineColor(QColor(SELECTED_UNDERLINE))
    selection.format = text_format
    return selection
