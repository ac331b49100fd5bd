"""File ▸ Open in the window: other formats load as layers, a bad file changes nothing, sessions route."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from viewer.qt import plain_box

BAD = Path(__file__).parents[1] / "data" / "bad"


def test_a_bad_file_is_reported_and_nothing_is_lost(window, monkeypatch):
    reported = []
    monkeypatch.setattr(plain_box, "warning", lambda parent, title, text: reported.append(text))
    before = list(window.workspace.content.features)
    window.open_files([str(BAD / "kml" / "billion_laughs.kml"), str(BAD / "geojson" / "truncated.geojson")])
    assert list(window.workspace.content.features) == before
    assert len(reported) == 1  # one box for the files refused together, a line for each
    lines = reported[0].splitlines()
    assert "billion_laughs.kml" in lines[1]
    assert "truncated.geojson" in lines[2]


def test_a_csv_opens_as_a_layer_and_is_remembered(window, tmp_path):
    csv = tmp_path / "sites.csv"
    csv.write_text("name,lon,lat\nSinpo,128.18,40.02\nSunan,125.67,39.20\n", encoding="utf-8")
    before = len(window.workspace.content.features)
    window.open_files([str(csv)])
    assert len(window.workspace.content.features) == before + 2
    window._fill_recent_files()
    assert f"&1 {csv.resolve()}" in [a.text() for a in window._recent_files_menu.actions()]  # numbered for Alt


def test_dropping_a_file_opens_it(window, tmp_path, qtbot):
    csv = tmp_path / "dropped.csv"
    csv.write_text("name,lon,lat\nKusong,125.24,39.98\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(csv))])
    before = len(window.workspace.content.features)
    drop = QDropEvent(QPoint(10, 10).toPointF(), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert len(window.workspace.content.features) == before + 1


def test_a_session_file_opens_as_a_session(window, tmp_path):
    window.session.bookmarks.add(window.session.capture("Whole region"))
    session = tmp_path / "brief.lmsession"
    assert window.session.save_as(session)
    window.session.bookmarks.set_all([])
    window.open_files([str(session)])
    assert [b.name for b in window.session.bookmarks] == ["Whole region"]
