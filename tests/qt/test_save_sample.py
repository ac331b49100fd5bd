"""Saving edits made to the bundled sample asks where to keep the copy: File > Save edited bundles rewrote
launchmap's own data/launches.geojson (the sample every command opens given no file) and said only 'Saved'."""

from __future__ import annotations

import json

import pytest

from viewer.io.bundle.reader import read_bundle
from viewer.model.edits import EditProperties
from viewer.resources import sample_bundle

FEATURE = "2023-11-21-chollima1/flight-path"


@pytest.fixture(autouse=True)
def sample_kept():
    """Whatever the code under test does, the checkout's sample is as it was afterwards."""
    before = sample_bundle().read_bytes()
    yield
    if sample_bundle().read_bytes() != before:
        sample_bundle().write_bytes(before)


def test_saving_the_edited_sample_asks_for_a_new_file_and_leaves_the_sample_alone(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    before = sample_bundle().read_bytes()
    asked = []
    copy = tmp_path / "my briefing" / "launches-edited.geojson"
    copy.parent.mkdir()

    def answer(parent, caption, directory, *args, **kwargs):
        asked.append((caption, directory))
        return str(copy), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    assert window.review.run(FEATURE, EditProperties(FEATURE, {"label": "Nov 2023 track over Okinawa"}))
    assert window.review.save_edited()
    assert sample_bundle().read_bytes() == before  # the program's own file is untouched
    assert len(asked) == 1
    assert "sample" in asked[0][0].lower()
    saved, problems = read_bundle(copy)  # the copy reads back whole from its own folder, articles included
    assert not [p for p in problems if p.is_error]
    assert saved.features[FEATURE].label == "Nov 2023 track over Okinawa"
    assert all(d.text for d in saved.documents.values())
    assert not any(c.is_orphaned for f in saved.features.values() for c in f.citations)
    assert "launches-edited.geojson" in window.statusBar().currentMessage()
    # saved again: to the copy, without asking
    assert window.review.run(FEATURE, EditProperties(FEATURE, {"label": "Nov 2023 track"}))
    assert window.review.save_edited()
    assert len(asked) == 1
    assert json.loads(copy.read_text(encoding="utf-8"))["features"]
    assert read_bundle(copy)[0].features[FEATURE].label == "Nov 2023 track"
    assert sample_bundle().read_bytes() == before
