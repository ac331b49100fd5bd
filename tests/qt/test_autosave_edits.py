"""Edits survive a crash: an edited label is autosaved (with a copy of its bundle) once editing pauses, and a new
window offered the autosave after the crash gets the edit back, unsaved and bound for the original file."""

from __future__ import annotations

import subprocess
import sys

from viewer.io.session import autosave_path, discard_autosave, load_session, write_autosave
from viewer.model.edits import EditProperty
from viewer.resources import sample_bundle

SITE = "2016-02-07-kms4/launch-site"


def test_an_edited_label_comes_back_after_a_crash(qtbot, window):
    controller = window.session
    controller.edit_timer.setInterval(50)
    assert not controller.worth_saving
    assert window.review.run(SITE, EditProperty(SITE, "label", "Sohae, gantry pad (edited)"))
    assert controller.worth_saving  # a session with nothing but an edit is worth keeping
    qtbot.waitUntil(autosave_path().exists, timeout=5000)

    # The crash: this window's autosave is left behind by a process that no longer runs.
    dead = int(subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True, check=True).stdout)
    write_autosave(load_session(autosave_path()), None, pid=dead)
    discard_autosave()

    from viewer.qt.main_window import MainWindow

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.session.offer_recovery(ask=lambda autosave: True)
    feature = again.workspace.feature(SITE)
    assert feature is not None
    assert feature.label == "Sohae, gantry pad (edited)"
    bundle = again.workspace.bundle_of(SITE)
    assert bundle.modified  # still to be saved…
    assert bundle.path.resolve() == sample_bundle().resolve()  # …back to the file it came from
    assert all(d.path and not d.text_inline for d in bundle.documents.values())  # pointing at its articles
