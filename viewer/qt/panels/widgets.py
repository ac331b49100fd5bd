"""Small widgets the source and details panels share; every one shows untrusted text as plain text."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel


def tooltip_html(text: str) -> str:
    """Tooltip markup showing ``text`` literally: Qt renders a tooltip as HTML whenever it looks like HTML,
    so the text is escaped and wrapped to force rich text (otherwise '&lt;' itself would show)."""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


SHOWN_UP_TO = 10_000  # characters a label shows: Qt lays out the whole text (a file's 60 MB cell: minutes)


def shown_text_of(text: str) -> str:
    """``text``, or its start and how much more there is when it is longer than a label shows."""
    if len(text) <= SHOWN_UP_TO:
        return text
    return f"{text[:SHOWN_UP_TO]}… ({len(text) - SHOWN_UP_TO:,} more characters)"


def plain_label(text: str = "", *, bold: bool = False, size: float | None = None, wrap: bool = True,
                colour: str | None = None) -> QLabel:
    """A label that never interprets its text, selectable with the mouse so quotes can be copied."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(shown_text_of(text))
    font = label.font()
    if bold:
        font.setBold(True)
    if size:
        font.setPointSizeF(size)
    label.setFont(font)
    if colour:
        label.setStyleSheet(f"color: {colour};")
    return label


def section_title(text: str) -> QLabel:
    label = plain_label(text, bold=True, wrap=False)
    label.setStyleSheet("margin-top: 6px; color: #444;")
    return label


class PassageLink(QLabel):
    """A wrapped, plain-text entry that acts like a button: click, Enter or Space activates it; Tab reaches it.

    Signals:
        activated(): the user chose this entry.
    """

    activated = Signal()

    STYLE = (
        "PassageLink { padding: 3px 4px; border: 1px solid transparent; border-radius: 3px; }"
        "PassageLink:hover { background: #EEF3F8; }"
        "PassageLink:focus { border: 1px solid palette(highlight); }"
        "PassageLink[current=\"true\"] { background: #FFF1A8; border-left: 3px solid #D4A800; }"
        "PassageLink[orphaned=\"true\"] { color: #A0001C; }"
    )

    def __init__(self, text: str, *, enabled: bool = True, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setText(text)
        self.setStyleSheet(self.STYLE)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._enabled = enabled
        if enabled:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_marked(self, name: str, on: bool) -> None:
        """Set a style property ('current', 'orphaned') and restyle."""
        if self.property(name) == on:
            return
        self.setProperty(name, on)
        self.style().unpolish(self)
        self.style().polish(self)

    def mouseReleaseEvent(self, event) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if self._enabled and inside and event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if self._enabled and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


WINDOW_SHARE = 0.35  # of the window's width a status bar note may take


class NoteButton(QLabel):
    """A note in the status bar that stays until the user clicks it away (a status message is replaced by the next
    one, often at once): the first line of the notes, all of them in its tooltip. A label, not a button: the status
    bar takes the height of every widget in it, shown or not, and a button's made it taller than the map's first
    frame expected.

    Signals:
        clicked(): the note was clicked (or Space or Enter pressed on it); it hides itself.
    """

    clicked = Signal()
    WIDEST = 640  # pixels of the status bar it may take at most; the rest of the text is in the tooltip
    STYLE = "NoteButton { background: #FFF4C2; border: 1px solid #D9B84A; border-radius: 3px; padding: 0 6px; }"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(self.STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.clicked.connect(self.hide)
        self.hide()

    def show_note(self, notes: list[str]) -> None:
        first = " ".join(notes[0].split())  # one line, whatever the file's text held
        more = f" (and {len(notes) - 1} more)" if len(notes) > 1 else ""
        metrics = self.fontMetrics()
        widest = min(self.WIDEST, round(self.window().width() * WINDOW_SHARE))  # the message beside keeps room
        self.setText(metrics.elidedText(f"\N{WARNING SIGN} {first}", Qt.TextElideMode.ElideRight,
                                        widest - metrics.horizontalAdvance(more) - 16) + more)
        self.setToolTip(tooltip_html("\n".join(notes) + "\n\nClick to hide this note."))
        self.show()

    def click(self) -> None:
        self.clicked.emit()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.click()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.click()
            return
        super().keyPressEvent(event)
