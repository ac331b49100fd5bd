"""Citation highlights in the article text: a light colour per feature kind, yellow for the passage in focus."""

from __future__ import annotations

from PySide6.QtCore import QTextBoundaryFinder
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QTextEdit

from viewer.model.bundle import Bundle
from viewer.model.kinds import KIND_REGISTRY, kind_names, kind_title
from viewer.model.marks import Mark
from viewer.model.selection import Passage
from viewer.model.text_positions import TextPositions
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


class QtOffsets(TextPositions):
    """Text offsets and a QTextDocument's positions, under the names the Qt shell uses."""

    to_qt = TextPositions.to_position
    from_qt = TextPositions.to_offset


def whole_clusters(document: QTextDocument, start: int, end: int) -> tuple[int, int]:
    """Document positions ``start``/``end`` widened to grapheme-cluster boundaries, so a quote that cuts
    between a letter and its accent, or an emoji and its modifier, is drawn over the whole character
    (Qt's boundary finder follows the Unicode rules of the Qt release; no other library needed)."""
    return _boundary(document, start, forward=False), _boundary(document, max(start, end), forward=True)


def _boundary(document: QTextDocument, position: int, *, forward: bool) -> int:
    block = document.findBlock(position)
    if not block.isValid():
        return position
    text, local = block.text(), position - block.position()
    if local <= 0 or local >= len(text.encode("utf-16-le")) // 2:
        return position  # a block's start and end are always boundaries
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    finder.setPosition(local)
    if finder.isAtBoundary():
        return position
    moved = finder.toNextBoundary() if forward else finder.toPreviousBoundary()
    return position if moved < 0 else block.position() + moved


def span_cursor(document: QTextDocument, offsets: QtOffsets, start: int, end: int) -> QTextCursor:
    """A cursor selecting text offsets ``start``-``end``, widened to whole grapheme clusters."""
    cursor = QTextCursor(document)
    last = document.characterCount() - 1
    first, after = whole_clusters(document, *(min(p, last) for p in offsets.to_span(start, end)))
    cursor.setPosition(first)
    cursor.setPosition(after, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def paint_marks(document: QTextDocument, offsets: QtOffsets, marks: list[Mark], bundle: Bundle) -> None:
    """Give every cited run its kind's background in the document's own formats, once per opened text:
    extra selections are re-sent and re-scanned on every repaint, which a text cited thousands of times
    cannot afford, while the document's formats cost nothing once applied."""
    editing = QTextCursor(document)
    formats: dict[str, QTextCharFormat] = {}
    editing.beginEditBlock()  # one re-layout at the end, not one per run
    for mark in marks:
        colour = colour_of(mark_kind(mark, bundle))
        if colour not in formats:
            formats[colour] = QTextCharFormat()
            formats[colour].setBackground(QBrush(QColor(colour)))
        span_cursor(document, offsets, mark.start, mark.end).mergeCharFormat(formats[colour])
    editing.endEditBlock()


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
