"""Closing with an edited label: the question names the edited file and Save writes the edit. It asked 'Save the
changes to this session and its bookmarks?', Save wrote a session pointing at the unedited sample, and the window
closed: the edit was lost."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from viewer.model.edits import EditProperties
from viewer.qt import plain_box
from viewer.resources import sample_bundle

pytestmark = pytest.mark.gui

FALL = "2023-11-21-chollima1/impact-point"


def _edit(window) -> None:
    assert window.review.run(FALL, EditProperties(FALL, {"label": "2nd stage debris"}))


def test_save_on_closing_writes_the_edited_bundle(window, monkeypatch, tmp_path):
    _edit(window)
    asked = []
    monkeypatch.setattr(plain_box, "question", lambda *args, **kwargs: asked.append(args[2]) or
                        QMessageBox.StandardButton.Save)
    copy = tmp_path / "briefing" / "launches-edited.geojson"
    copy.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(copy), ""))
    before = sample_bundle().read_bytes()
    assert window.session.confirm_close()
    assert asked == ["Save the changes to launches.geojson?"]
    saved = json.loads(copy.read_text(encoding="utf-8"))
    labels = {f["id"]: f["properties"]["label"] for f in saved["features"]}
    assert labels[FALL] == "2nd stage debris"
    assert sample_bundle().read_bytes() == before  # launchmap's own sample is never rewritten


def test_cancelling_where_to_save_keeps_the_window_and_the_edit(window, monkeypatch):
    _edit(window)
    monkeypatch.setattr(plain_box, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: ("", ""))
    window.close()
    assert window.isVisible()
    assert window.workspace.feature(FALL).label == "2nd stage debris"


def test_an_edit_and_a_saved_session_are_both_named_and_saved(window, monkeypatch, tmp_path):
    session = tmp_path / "nov2023.lmsession"
    assert window.session.save_as(session)
    _edit(window)
    asked = []
    monkeypatch.setattr(plain_box, "question", lambda *args, **kwargs: asked.append(args[2]) or
                        QMessageBox.StandardButton.Save)
    copy = tmp_path / "launches.geojson"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(copy), ""))
    assert window.session.confirm_close()
    assert asked == ["Save the changes to launches.geojson and to nov2023.lmsession?"]
    saved = json.loads(session.read_text(encoding="utf-8"))
    assert [(session.parent / p).resolve() for p in saved["bundles"]] == [copy.resolve()]  # the edited copy
