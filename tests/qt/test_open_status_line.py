"""The status line after opening a file with problems says each thing once: the file, the counts, the first one."""

from __future__ import annotations


def test_a_warning_is_said_once(window, tmp_path):
    path = tmp_path / "dup.geojson"  # a duplicate key is a warning: the file opens
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
                    '"coordinates": [125.7, 39.0]}, "properties": {"name": "A", "name": "B"}}]}', encoding="utf-8")
    window.open_files([str(path)])
    message = window.statusBar().currentMessage()
    assert message.startswith("Opened dup.geojson")
    assert message.lower().count("warning") == 1, message
    assert message.count("dup.geojson") == 1, message
    note = window.file_notes.text()  # the problem itself is in the note beside, not said twice in one status bar
    assert "duplicate" in note.lower() or "name" in note, note
    assert "duplicate" not in message.lower(), message
