"""File dialogs start where the user keeps files: the folder last used, else the documents folder — not the
folder the program was started from (a desktop launcher makes that / or the home folder's clutter)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def documents(tmp_path, monkeypatch):
    """A documents folder of the test's own, and a working directory elsewhere (where a dialog must not start)."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(folder)
                        if location == QStandardPaths.StandardLocation.DocumentsLocation else str(tmp_path))
    elsewhere = tmp_path / "started-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return folder


@pytest.fixture
def asked(monkeypatch, tmp_path):
    """The folders the dialogs were opened on; each dialog answers with the next file in ``answers``."""
    record: dict[str, list] = {"starts": [], "answers": []}

    def dialog(parent, caption, start, *args, **kwargs):
        record["starts"].append((caption, start))
        answer = record["answers"].pop(0) if record["answers"] else ""
        return answer, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return record


def test_session_dialogs_start_in_the_documents_folder_then_the_last_one_used(window, documents, asked, tmp_path):
    """Open session… and Save session as… opened on the working directory, wherever the program was started."""
    window.session._open_dialog()
    caption, start = asked["starts"][-1]
    assert caption == "Open session"
    assert Path(start) == documents
    briefings = tmp_path / "briefings"
    briefings.mkdir()
    asked["answers"].append(str(briefings / "korea.lmsession"))
    assert window.session.save_as()
    caption, start = asked["starts"][-1]
    assert caption == "Save session"
    assert Path(start).parent == documents
    assert Path(start).name.endswith(".lmsession")
    window.session.path = None  # a new session: the dialogs now start where the last one was saved
    window.session._open_dialog()
    assert Path(asked["starts"][-1][1]) == briefings
    window.session.save_as()
    assert Path(asked["starts"][-1][1]).parent == briefings


def test_a_saved_session_offers_its_own_file_and_folder(window, documents, asked, tmp_path):
    path = tmp_path / "kept" / "nov2023.lmsession"
    path.parent.mkdir()
    assert window.session.save_as(path)
    window.session.save_as()
    assert Path(asked["starts"][-1][1]) == path
    window.session._open_dialog()
    assert Path(asked["starts"][-1][1]) == path.parent


def test_briefing_and_image_export_start_in_the_documents_folder(window, documents, asked):
    from viewer.qt.export_dialog import ExportImageDialog, ask_and_export_briefing

    ask_and_export_briefing(window.workspace, [], window.shell)  # the dialog is cancelled: nothing is written
    assert Path(asked["starts"][-1][1]) == documents / "briefing.pptx"
    assert not (documents / "briefing.pptx").exists()
    dialog = ExportImageDialog()
    assert dialog.path == documents / "map.png"
    dialog.deleteLater()


def test_a_folder_since_removed_falls_back_to_the_documents_folder(documents, tmp_path):
    from viewer.qt.dialogs.folders import remember_folder, start_folder

    gone = tmp_path / "usb-stick"
    gone.mkdir()
    remember_folder(gone / "deck.pptx")
    assert start_folder() == gone
    gone.rmdir()
    assert start_folder() == documents


def test_file_open_starts_in_the_documents_folder_then_where_the_last_file_was(window, documents, monkeypatch,
                                                                              tmp_path):
    """File ▸ Open… opened on the working directory too; after opening a file it offers that file's folder."""
    starts = []
    kml = tmp_path / "from-google-earth" / "places.kml"
    kml.parent.mkdir()
    answers = [[]]

    def dialog(parent, caption, start, *args, **kwargs):
        starts.append(start)
        return answers.pop(0) if answers else [], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", dialog)
    monkeypatch.setattr(window, "open_files", lambda paths: None)
    window._open_dialog()
    assert Path(starts[-1]) == documents
    answers.append([str(kml)])
    window._open_dialog()
    window._open_dialog()
    assert Path(starts[-1]) == kml.parent
