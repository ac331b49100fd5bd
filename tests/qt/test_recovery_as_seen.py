"""Recovering after a crash as the user sees it: the offer names the edited file and a readable time, and after it
the window title and File ▸ Open recent name the user's file, not the autosave's copy. Open recent listed a path's
characters ('/', 'w', 'o', …) once a single file had been opened before."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from viewer.io.session import autosave_path, discard_autosave, load_session, write_autosave
from viewer.model.edits import EditProperty
from viewer.resources import sample_bundle

pytestmark = pytest.mark.gui

SITE = "2016-02-07-kms4/launch-site"


def crash_with_an_edit(qtbot, window, label: str = "Sohae, gantry pad (edited)"):
    """Edit the sample's launch site's label, wait for the autosave, then leave it as a crashed process would (its
    pid one that has exited): the session the autosave holds and the autosave file left behind."""
    window.session.autosaver.edit_timer.setInterval(50)
    assert window.review.run(SITE, EditProperty(SITE, "label", label))
    qtbot.waitUntil(autosave_path().exists, timeout=5000)
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True).stdout)
    session = load_session(autosave_path())
    left = write_autosave(session, None, pid=dead)
    discard_autosave()
    return session, left


def test_the_offer_names_the_edited_file_and_a_readable_time(qtbot, window):
    from viewer.qt.main_window import MainWindow
    from viewer.qt.session_autosave import recovery_question

    crash_with_an_edit(qtbot, window)
    again = MainWindow()
    qtbot.addWidget(again)
    asked = []
    assert again.session.offer_recovery(ask=lambda autosave: asked.append(recovery_question(autosave)) or True)
    # was: "Recover an unsaved session autosaved at 2026-12-06T23:26:32+00:00 (no bookmark, no bundle file)?"
    assert "launches.geojson, edited" in asked[0]
    assert not re.search(r"\d{4}-\d\d-\d\dT", asked[0])  # no ISO timestamp
    assert " UTC (" in asked[0]
    assert "no bundle file" not in asked[0]
    assert again.windowTitle().startswith("launches.geojson")  # was "edited-1.geojson — launchmap"
    assert "Recovered" in again.statusBar().currentMessage()
    recent = QSettings().value("files/recent")
    assert not any("edited-" in path for path in ([recent] if isinstance(recent, str) else recent or []))


def test_open_recent_lists_paths_not_characters(window, tmp_path):
    from viewer.qt.window_files import recent_files

    settings = QSettings()
    settings.setValue("files/recent", str(sample_bundle().resolve()))  # what QSettings gives back for a list of one
    other = tmp_path / "places.geojson"
    other.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    window.open_files([str(other)])
    assert recent_files() == [str(other.resolve()), str(sample_bundle().resolve())]
    window._fill_recent_files()
    texts = [action.text().partition(" ")[2] for action in window._recent_files_menu.actions()]  # after "&1 "
    assert texts == [str(other.resolve()), str(sample_bundle().resolve())]
