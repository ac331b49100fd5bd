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
    controller.autosaver.edit_timer.setInterval(50)
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


def test_an_unreadable_autosave_is_reported_in_the_window_once(window):
    from viewer.io.session.autosave import state_folder

    state_folder().mkdir(parents=True, exist_ok=True)
    corrupt = state_folder() / "autosave-999999999.json"
    corrupt.write_text('{"launchmap_session": 1, "view": {"map_rect": [-1e308, -1e308, 1e308, 1e308]}}')
    assert window.session.offer_recovery(ask=lambda autosave: True) is False  # nothing to recover, no crash
    message = window.statusBar().currentMessage()
    assert str(corrupt) in message
    assert "cannot be recovered" in message
    window.statusBar().clearMessage()
    assert window.session.offer_recovery(ask=lambda autosave: True) is False
    assert window.statusBar().currentMessage() == ""  # moved aside: said once


def test_several_unreadable_autosaves_are_all_named_in_one_message(window):
    """Each was said in the status bar in turn, each replacing the last: only the final one could be read."""
    from viewer.io.session.autosave import state_folder

    state_folder().mkdir(parents=True, exist_ok=True)
    corrupt = [state_folder() / f"autosave-99999999{n}.json" for n in range(3)]
    for path in corrupt:
        path.write_text('{"launchmap_session": 1, "view": {"map_rect": [-1e308, -1e308, 1e308, 1e308]}}')
    assert window.session.offer_recovery(ask=lambda autosave: True) is False
    message = window.statusBar().currentMessage()
    assert "\n" not in message
    assert all(path.name in message for path in corrupt), message


def test_the_autosave_rewrites_an_edited_bundle_only_after_it_changed_again(window, monkeypatch):
    """Every 30 s the autosave wrote each edited bundle whole, changed or not: after one edit to a layer of a million
    points that was a million features written on the GUI thread every 30 s, the window busy all the while."""
    import viewer.io.session.edits as edits

    written = []
    real = edits.write_bundle
    monkeypatch.setattr(edits, "write_bundle",
                        lambda bundle, path, **how: (written.append(path), real(bundle, path, **how)))
    controller = window.session
    assert window.review.run(SITE, EditProperty(SITE, "label", "Sohae (first edit)"))
    assert controller.autosave() is not None
    controller.autosaver.wait()  # written off the GUI thread
    assert len(written) == 1
    assert controller.autosave() is not None  # nothing changed since: the session only, not the bundle again
    controller.autosaver.wait()
    assert len(written) == 1
    assert window.review.run(SITE, EditProperty(SITE, "label", "Sohae (second edit)"))
    controller.autosave()
    controller.autosaver.wait()
    assert len(written) == 2
    written[-1].unlink()  # a copy removed behind its back (e.g. discarded) is written again
    controller.autosave()
    controller.autosaver.wait()
    assert len(written) == 3
    assert load_session(autosave_path()).extra  # the session names its copy
