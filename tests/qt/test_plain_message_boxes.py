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


def test_no_box_guesses_rich_text_from_what_it_says():
    """QMessageBox's static warning/question/information/critical show text in Qt's AutoText: every box goes through
    viewer.qt.plain_box instead."""
    guessing = ("warning", "question", "information", "critical")
    found = []
    for path in VIEWER.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in guessing and isinstance(node.value, ast.Name) \
                    and node.value.id == "QMessageBox":
                found.append(f"{path.relative_to(VIEWER)}:{node.lineno}")
    assert found == []
