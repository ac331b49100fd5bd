"""A session or an autosave naming files that changed since (each now a FIFO, or gone): opening it replaced what was
open with nothing — the window came up empty, the files the user had opened closed — and recovery forgot the
autosave all the same. Now, when nothing it names can be opened, what was open stays, one message says why, and an
autosave that recovered nothing is moved aside (kept for whoever wants to look), not deleted."""

from __future__ import annotations

import json
import os

from tests.qt.test_recovery_as_seen import crash_with_an_edit
from viewer.io.session.autosave import UNREADABLE_SUFFIX
from viewer.io.session.edits import EDITED_KEY, edited_copies
from viewer.resources import sample_bundle

SITE = "2016-02-07-kms4/launch-site"


def _reported(monkeypatch) -> list[str]:
    from viewer.qt import plain_box

    said: list[str] = []
    monkeypatch.setattr(plain_box, "warning", lambda parent, title, text: said.append(text))
    return said


def test_a_session_whose_files_are_gone_keeps_what_was_open(window, tmp_path, monkeypatch):
    said = _reported(monkeypatch)
    pipe = tmp_path / "was_a_bundle.geojson"
    os.mkfifo(pipe)
    session = tmp_path / "brief.lmsession"
    session.write_text(json.dumps({"launchmap_session": 1, "bundles": [pipe.name, "gone.geojson"]}))
    before = list(window.workspace.bundles)
    assert window.session.open_session(session) is False
    assert window.workspace.bundles == before  # the sample, still open
    assert window.workspace.feature(SITE) is not None
    assert any(pipe.name in text for text in said), said  # the refused files, in the one message open_files gives
    status = window.statusBar().currentMessage()
    assert status.startswith(f"{session}: none of the files it names could be opened"), status


def test_an_autosave_whose_copy_is_gone_keeps_what_was_open_and_is_moved_aside(qtbot, window, monkeypatch):
    said = _reported(monkeypatch)
    session, left = crash_with_an_edit(qtbot, window, "edited")
    (copy,) = [c.copy for c in edited_copies(session.extra.get(EDITED_KEY))]
    copy.unlink()
    os.mkfifo(copy)  # the edited copy is now a FIFO

    from viewer.qt.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    again.open_files([str(sample_bundle())])
    before = list(again.workspace.bundles)
    assert again.session.offer_recovery(ask=lambda autosave: True) is False
    assert again.workspace.bundles == before
    assert not left.exists()
    assert left.with_name(left.name + UNREADABLE_SUFFIX).exists()  # kept, not offered at every start
    assert any(copy.name in text for text in said), said
    assert "moved aside" in again.statusBar().currentMessage()


def test_recovered_edits_of_a_file_changed_since_say_so(qtbot, tmp_path, monkeypatch):
    """The bundle was saved by someone else after the crash: the recovered edits are of the earlier file, and Save
    would replace the newer one without a word. Recovery says so, once, naming the file."""
    import shutil

    from viewer.qt.main_window import MainWindow

    said = _reported(monkeypatch)
    folder = tmp_path / "copy"
    shutil.copytree(sample_bundle().parent, folder)
    bundle_path = folder / sample_bundle().name
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_files([str(bundle_path)])
    crash_with_an_edit(qtbot, window, "edited")
    newer = bundle_path.read_text().replace("Sohae, original gantry pad", "Sohae, changed by a colleague")
    bundle_path.write_text(newer)
    os.utime(bundle_path, ns=(os.stat(bundle_path).st_atime_ns, os.stat(bundle_path).st_mtime_ns + 10**9))

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.session.offer_recovery(ask=lambda autosave: True)
    assert again.workspace.feature(SITE).label == "edited"
    assert bundle_path.read_text() == newer  # nothing written yet
    warned = [text for text in said if str(bundle_path) in text]
    assert len(warned) == 1, said
    assert "changed" in warned[0]
    assert "\n" not in warned[0]


def test_a_session_naming_a_session_is_refused_in_one_line(window, tmp_path, monkeypatch):
    """A session naming itself (or another session, which may name it back) opened sessions within sessions
    until Python's recursion limit: a RecursionError traceback. launchmap writes only bundles there."""
    said = _reported(monkeypatch)
    session = tmp_path / "loop.lmsession"
    session.write_text(json.dumps({"launchmap_session": 1, "bundles": ["other.geojson", "loop.lmsession"]}))
    before = list(window.workspace.bundles)
    assert window.session.open_session(session) is False
    assert window.workspace.bundles == before
    assert said == [f"{session}:bundles[1]: loop.lmsession is a session; a session lists bundles, not sessions"]


def test_an_autosave_naming_a_session_as_an_edited_copy_skips_it(tmp_path):
    from viewer.io.session.edits import edited_copies

    copies = edited_copies([{"origin": None, "copy": str(tmp_path / "a.lmsession")},
                            {"origin": None, "copy": str(tmp_path / "edited-1.geojson")}])
    assert [c.copy.name for c in copies] == ["edited-1.geojson"]
