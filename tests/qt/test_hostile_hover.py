"""Hovering a feature whose label (or launch name) is written as HTML shows the characters, not a rendering of
them (Qt renders a tooltip that looks like HTML as HTML: '<img src=…>' loaded a local image); a label of
megabytes is shown cut, not laid out whole."""

from __future__ import annotations

import json
from typing import ClassVar

from PySide6.QtCore import QPointF

from viewer.qt.map import pointer as pointer_module


class Tips:
    shown: ClassVar[list[str]] = []

    @classmethod
    def showText(cls, pos, text, widget=None):
        cls.shown.append(text)

    @staticmethod
    def hideText():
        pass


def test_hovering_a_label_written_as_html_shows_its_characters(window, tmp_path, monkeypatch):
    path = tmp_path / "tricks.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [125.0, 37.0]},
         "properties": {"label": "<b>BOLD</b><img src='/etc/hosts'>"}},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [126.0, 37.0]},
         "properties": {"label": "z" * 2_000_000}}]}))
    window.open_files([str(path)])
    features = {f.label[:5]: f for f in window.workspace.content.features.values() if f.layer == "tricks"}
    monkeypatch.setattr(pointer_module, "QToolTip", Tips)
    Tips.shown = []
    window.canvas._show_tooltip(features["<b>BO"].id, QPointF(0, 0))
    window.canvas._show_tooltip(features["zzzzz"].id, QPointF(0, 0))
    html_tip, huge_tip = Tips.shown
    assert "<b>" not in html_tip
    assert "&lt;b&gt;BOLD&lt;/b&gt;&lt;img" in html_tip
    assert len(huge_tip) < 20_000
