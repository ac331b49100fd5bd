"""A defect in launchmap while opening one file is said in one line naming the file, and the window keeps what it
had and opens the other files (it was printed to the terminal only, and the files after it were not opened)."""

from __future__ import annotations

from pathlib import Path

from viewer.qt import window_files

SAMPLE_LINES = (
    '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
    '"geometry": {"type": "LineString", "coordinates": [[124.7, 39.7], [125.5, 38.0]]}}]}'
)


def test_an_unexpected_error_names_the_file_and_the_rest_opens(window, tmp_path, monkeypatch):
    reported: list[str] = []
    monkeypatch.setattr(type(window), "_report", lambda self, message: reported.append(message))
    broken, good = tmp_path / "broken.geojson", tmp_path / "good.geojson"
    broken.write_text(SAMPLE_LINES, encoding="utf-8")
    good.write_text(SAMPLE_LINES, encoding="utf-8")
    real_open = window_files.open_path

    def open_with_a_defect(path, progress):
        if Path(path).name == "broken.geojson":
            raise KeyError("geometry_column")  # stands for a bug in a reader, which no file should reach
        return real_open(path, progress)

    monkeypatch.setattr(window_files, "open_path", open_with_a_defect)
    before = len(window.workspace.bundles)
    window.open_files([str(broken), str(good)])
    assert len(window.workspace.bundles) == before + 1
    assert len(reported) == 1
    assert "broken.geojson" in reported[0]
    assert "KeyError" in reported[0]
    assert "\n" not in reported[0]
