"""A save refused by the writer (a read-only file) is said in one line that names the file once: the writers' own
errors begin with the file's name, and the window put it before them again ("map.png: map.png: the file is
read-only…")."""

from __future__ import annotations

import pytest

from viewer.io.files import reason
from viewer.qt import plain_box
from viewer.qt.export_dialog import export_view

pytestmark = pytest.mark.gui


@pytest.fixture
def said(monkeypatch):
    messages: list[str] = []
    monkeypatch.setattr(plain_box, "warning", lambda parent, title, text, *rest: messages.append(text))
    return messages


def _read_only(path):
    path.write_bytes(b"kept")
    path.chmod(0o444)
    return path


def test_a_map_image_over_a_read_only_file(window, tmp_path, said):
    out = _read_only(tmp_path / "map.png")
    assert export_view(window.workspace, window.map_view, window.shell, out, 320, 200, 96, "") is None
    assert len(said) == 1
    assert said[0].count(str(out)) == 1, said[0]
    assert "read-only" in said[0]
    assert out.read_bytes() == b"kept"


def test_a_session_over_a_read_only_file(window, tmp_path, said):
    out = _read_only(tmp_path / "briefing.lmsession")
    assert window.session.save_as(out) is False
    assert len(said) == 1
    assert said[0].count(str(out)) == 1, said[0]
    assert "read-only" in said[0]


def test_the_reason_drops_the_name_its_words_begin_with(tmp_path):
    path = tmp_path / "a.geojson"
    assert reason(path, PermissionError(f"{path}: the file is read-only")) == "the file is read-only"
    assert reason(path, OSError(28, "No space left on device")) == "No space left on device"
    assert reason(path, ValueError("line 3: not JSON")) == "line 3: not JSON"
