"""What controllers may ask of the window they serve: a parent for their dialogs, status messages, warnings, and
opening files. They get this, not the main window, so none of them reaches into another's widgets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QStatusBar, QWidget


class Shell:
    """The window's services for controllers (session, review, export, presentation)."""

    def __init__(self, parent: QWidget, status_bar: QStatusBar, open_files: Callable[[list[str]], None]):
        self.parent = parent
        self._status_bar = status_bar
        self._open_files = open_files

    def status(self, message: str, ms: int = 5000) -> None:
        self._status_bar.showMessage(message, ms)

    def clear_status(self) -> None:
        self._status_bar.clearMessage()

    def warn(self, title: str, message: str) -> None:
        """A problem the user must see: in the status bar and in a message box."""
        self._status_bar.showMessage(message, 20000)
        QMessageBox.warning(self.parent, title, message)

    def open_files(self, paths: list[str]) -> None:
        self._open_files(paths)


def add_action(menu: QMenu, text: str, slot: Callable, shortcut=None) -> QAction:
    """A menu entry (owned by the menu) that calls ``slot``, with an optional shortcut."""
    action = QAction(text, menu)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def with_mnemonic(text: str, taken: set[str]) -> str:
    """``text`` with an Alt letter no other entry of its menu has (``taken``, updated): a word's first letter if
    one is free, else a letter of its last word ("World: R&obinson"), else any; a '&' of the text is shown as one."""
    text = text.replace("&", "&&")
    starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())]
    last = starts[-1] if starts else 0
    for i in [*starts, *range(last, len(text)), *range(last)]:
        letter = text[i].lower()
        if text[i].isalnum() and letter not in taken and (i == 0 or text[i - 1] != "&"):
            taken.add(letter)
            return f"{text[:i]}&{text[i:]}"
    return text
