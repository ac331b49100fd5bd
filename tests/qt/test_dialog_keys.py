"""Every field of the export, coordinates and property dialogs is reached from the keyboard with Alt and a letter
of its label (found as a new user: none had one; Tab through nine fields was the only way), no two fields of a
dialog share a letter, and a property name from a file is shown as written ('R&D' showed as 'RD' with the D
underlined: its '&' was taken for a mnemonic)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QWidget

from viewer.cli.common import load_workspace

pytestmark = pytest.mark.gui


def _letters(dialog: QWidget, files_names: frozenset[str] = frozenset()) -> list[str]:
    """The Alt letter of every field label and button of ``dialog``; fails on an input field without one (but for
    the rows named by a file, ``files_names``, as drawn)."""
    letters, unreached = [], []
    for form in dialog.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or isinstance(field.widget(), QLabel):
                continue  # a row of shown text, not an input
            inner = field.layout()
            if inner is not None and all(isinstance(inner.itemAt(i).widget(), QAbstractButton)
                                         for i in range(inner.count())):
                continue  # a row of check boxes: each has its own letter
            text = label.widget().text()
            if text in files_names:
                continue
            mnemonic = QKeySequence.mnemonic(text)
            if mnemonic.isEmpty() or label.widget().buddy() is None:
                unreached.append(text)
            else:
                letters.append(mnemonic.toString())
    for button in dialog.findChildren(QAbstractButton):
        mnemonic = QKeySequence.mnemonic(button.text())
        if not mnemonic.isEmpty():
            letters.append(mnemonic.toString())
    assert not unreached, unreached
    return letters


def test_the_export_dialog_fields_have_letters_of_their_own(qtbot):
    from viewer.qt.export_dialog import ExportImageDialog

    dialog = ExportImageDialog(None, None, (600, 480))
    qtbot.addWidget(dialog)
    letters = _letters(dialog)
    assert len(letters) == len(set(letters)), letters
    assert len(letters) >= 10  # eight fields, three decorations, Browse and Export


def test_the_coordinates_dialog_fields_have_letters_of_their_own(qtbot):
    from viewer.qt.dialogs.coordinates_dialog import CoordinatesDialog

    dialog = CoordinatesDialog(load_workspace([]).content)
    qtbot.addWidget(dialog)
    letters = _letters(dialog)
    assert len(letters) == len(set(letters)), letters


def test_the_property_sheet_fields_have_letters_and_a_files_names_are_shown_as_written(qtbot):
    from viewer.qt.dialogs.property_sheet import PropertySheet

    dialog = PropertySheet({"kind": "line", "name": "Lane A", "R&D": "yes", "speed": 12}, load_workspace([]).content)
    qtbot.addWidget(dialog)
    letters = _letters(dialog, frozenset({"name", "R&&D", "speed"}))
    assert len(letters) == len(set(letters)), letters
    names = [label.text() for label in dialog.findChildren(QLabel)]
    assert "R&&D" in names, names  # drawn as 'R&D'
