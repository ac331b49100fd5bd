"""Message boxes and input dialogs that show their text as written. What they say names files, quotes articles,
repeats errors and names property keys, all from outside; Qt's own `QMessageBox.warning` and `question` (and
`QInputDialog`'s label) guess rich text from a leading tag, so a file named ``<h1>big.geojson`` would print a heading.
Call these through the module (``plain_box.warning``): tests answer them by replacing the module's functions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

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


def _asking(parent: QWidget | None, title: str, label: str) -> QInputDialog:
    """An input dialog whose label (it names a property key or a feature from a file) is plain text."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    for shown in dialog.findChildren(QLabel):
        shown.setTextFormat(Qt.TextFormat.PlainText)
    return dialog


def text(parent: QWidget | None, title: str, label: str, value: str = "") -> tuple[str, bool]:
    """A line of text typed, and whether it was given (as `QInputDialog.getText`)."""
    dialog = _asking(parent, title, label)
    dialog.setTextValue(value)
    given = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), given


def item(parent: QWidget | None, title: str, label: str, choices: list[str], current: int = 0) -> tuple[str, bool]:
    """One of ``choices`` picked, and whether it was given (as `QInputDialog.getItem`, not editable)."""
    dialog = _asking(parent, title, label)
    dialog.setComboBoxItems(choices)
    dialog.setComboBoxEditable(False)
    dialog.setTextValue(choices[current] if 0 <= current < len(choices) else "")
    given = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), given
