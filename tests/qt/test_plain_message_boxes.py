"""A message box shows its text as written: a file named like markup is named, not rendered (the window's boxes
name files, quote articles and repeat errors, all from outside)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

VIEWER = Path(__file__).parents[2] / "viewer"


def test_a_file_named_like_markup_is_named_in_plain_text(window, tmp_path, monkeypatch):
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or QMessageBox.StandardButton.Ok)
    hostile = tmp_path / "<h1>BIG<b>bold.geojson"
    hostile.write_text("{ not json", encoding="utf-8")
    window.open_files([str(hostile)])
    assert len(shown) == 1
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert "<h1>BIG<b>bold.geojson" in shown[0].text()


def test_a_property_key_like_markup_is_asked_for_in_plain_text(qtbot, monkeypatch):
    """Edit feature asks for a property by its key, which comes from the file."""
    from PySide6.QtWidgets import QInputDialog, QLabel

    from viewer.qt import plain_box

    asked: list[QInputDialog] = []
    monkeypatch.setattr(QInputDialog, "exec", lambda dialog: asked.append(dialog) or QInputDialog.DialogCode.Accepted)
    assert plain_box.text(None, "Edit feature", "<h1>range_km:", "800") == ("800", True)
    assert plain_box.item(None, "Edit feature", "<b>kind:", ["launch_site", "danger_zone"], 1) == ("danger_zone", True)
    for dialog in asked:
        labels = dialog.findChildren(QLabel)
        assert labels
        assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert asked[0].findChildren(QLabel)[0].text() == "<h1>range_km:"


def test_no_box_guesses_rich_text_from_what_it_says():
    """QMessageBox's static warning/question/information/critical and QInputDialog's getText/getItem show text in
    Qt's AutoText: every box and question goes through viewer.qt.plain_box instead."""
    guessing = {"QMessageBox": ("warning", "question", "information", "critical"),
                "QInputDialog": ("getText", "getItem", "getInt", "getDouble", "getMultiLineText")}
    found = []
    for path in VIEWER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and node.attr in guessing.get(node.value.id, ()):
                found.append(f"{path.relative_to(VIEWER)}:{node.lineno}")
    assert found == []
