"""The article's text, read-only and plain: hovering a highlight names what it supports, clicking selects it."""

from __future__ import annotations

import inspect
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from viewer.model.marks import Mark, mark_at
from viewer.qt.panels.highlighting import QtOffsets
from viewer.qt.panels.widgets import tooltip_html

CLICK_SLOP = 4  # pixels a press may move and still count as a click, not a drag to select text


class ArticleView(QPlainTextEdit):
    """Shows one text with ``setPlainText`` only, so markup inside an article is shown, never rendered.

    Signals:
        mark_activated(object): the Mark clicked, or under the caret when Enter was pressed.
    """

    mark_activated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.05)
        self.setFont(font)
        self.document().setDocumentMargin(8)
        self.marks: list[Mark] = []
        self.starts: list[int] = []
        self.offsets = QtOffsets("")
        self._describe: Callable[[], Callable[[Mark], str] | None] = lambda: None  # see set_describe
        self._pressed_at: QPoint | None = None
        self._kept: tuple[int, int] | None = None  # the span scroll_to brought into view, kept there on resize
        self.verticalScrollBar().actionTriggered.connect(self._let_go)
        self.viewport().installEventFilter(self)
        self.viewport().setMouseTracking(True)

    def set_describe(self, describe: Callable[[Mark], str]) -> None:
        """What a highlight's tooltip says. A panel's method is held weakly: the view is the panel's child, and
        a strong reference back would make a cycle that outlives the panel."""
        if inspect.ismethod(describe):
            self._describe = weakref.WeakMethod(describe)
        else:
            self._describe = lambda: describe

    def describe(self, mark: Mark) -> str:
        describe = self._describe()
        return describe(mark) if describe is not None else ""

    def show_text(self, text: str, marks: list[Mark]) -> None:
        self._kept = None
        # setPlainText formats the new text with the caret's format, which is a highlight's after a click
        # in a cited passage: reset it, so no colour leaks into the next article.
        self.setCurrentCharFormat(QTextCharFormat())
        self.setPlainText(text)
        self.offsets = QtOffsets(text)
        self.marks = marks
        self.starts = [m.start for m in marks]

    # -- where things are -------------------------------------------------------------------------
    def offset_at(self, point: QPoint) -> int:
        """Python offset of the character under a viewport point (the nearest caret position lies after it
        when the point is on its right half, so step back then)."""
        cursor = self.cursorForPosition(point)
        position = cursor.position()
        if position > 0 and point.x() < self.cursorRect(cursor).x() and not cursor.atBlockStart():
            position -= 1
        return self.offsets.from_qt(position)

    def mark_under(self, point: QPoint) -> Mark | None:
        return mark_at(self.marks, self.offset_at(point), self.starts)

    def is_visible(self, start: int, end: int) -> bool:
        """Whether the span is in view with a line to spare above and below (the context one reads it in)."""
        line = self.fontMetrics().lineSpacing()
        view = self.viewport().rect().adjusted(0, line, 0, -line)
        return all(view.contains(self._caret_rect(offset).center()) for offset in (start, end))

    def scroll_to(self, start: int, end: int) -> None:
        """Bring the span into view, centred, unless it is already wholly visible (no jump under a click)."""
        self._kept = (start, end)
        if self.is_visible(start, end):
            return
        cursor = self.textCursor()
        cursor.setPosition(min(self.offsets.to_qt(start), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.centerCursor()

    def resizeEvent(self, event) -> None:
        """Re-wrapping moves text: keep the passage in focus in view (a dock resized, the window laid out)."""
        super().resizeEvent(event)
        if self._kept is not None:
            self.scroll_to(*self._kept)

    def wheelEvent(self, event) -> None:
        self._let_go()
        super().wheelEvent(event)

    def _let_go(self, *_) -> None:
        """The reader scrolled: stop holding the focused passage in view."""
        self._kept = None

    def _caret_rect(self, offset: int):
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.offsets.to_qt(offset), self.document().characterCount() - 1))
        return self.cursorRect(cursor)

    # -- mouse and keyboard -----------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is not self.viewport():
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            mark = self.mark_under(event.pos())
            text = self.describe(mark) if mark else ""
            if text:
                QToolTip.showText(event.globalPos(), tooltip_html(text), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._pressed_at = event.position().toPoint()
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            pressed, self._pressed_at = self._pressed_at, None
            point = event.position().toPoint()
            if pressed is not None and (point - pressed).manhattanLength() <= CLICK_SLOP:
                mark = self.mark_under(point)
                if mark is not None:
                    self.mark_activated.emit(mark)
        elif kind == QEvent.Type.MouseMove:
            over = self.mark_under(event.position().toPoint()) is not None
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor)
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        key, alt = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mark = mark_at(self.marks, self.offsets.from_qt(self.textCursor().position()), self.starts)
            if mark is not None:
                self.mark_activated.emit(mark)
            return
        if alt and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step_mark(1 if key == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)

    def step_mark(self, direction: int) -> int | None:
        """Move the caret to the start of the next (or previous) highlighted stretch; Enter then selects it."""
        here = self.offsets.from_qt(self.textCursor().position())
        stretches = [m.start for m in self.marks if mark_at(self.marks, m.start - 1, self.starts) is None]
        ahead = [s for s in stretches if (s > here if direction > 0 else s < here)]
        if not ahead:
            return None
        start = ahead[0] if direction > 0 else ahead[-1]
        cursor = self.textCursor()
        cursor.setPosition(self.offsets.to_qt(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return start
