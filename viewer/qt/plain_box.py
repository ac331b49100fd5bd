"""Message boxes that show their text as written. What they say names files, quotes articles and repeats errors,
all from outside; Qt's own `QMessageBox.warning` and `question` guess rich text from a leading tag, so a file named
``<h1>big.geojson`` would print a heading. Call these through the module (``plain_box.warning``): tests answer them
by replacing the module's functions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
        buttons: Button = Button.Ok, default: Button = Button.NoButton) -> QMessageBox:
    """The box, not yet shown: ``text`` is plain text."""
    made = QMessageBox(icon, title, text, buttons, parent)
    made.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        made.setDefaultButton(default)
    return made


def warning(parent: QWidget | None, title: str, text: str) -> Button:
    return Button(box(parent, QMessageBox.Icon.Warning, title, text).exec())


def question(parent: QWidget | None, title: str, text: str, buttons: Button = Button.Yes | Button.No,
             default: Button = Button.NoButton) -> Button:
    return Button(box(parent, QMessageBox.Icon.Question, title, text, buttons, default).exec())
