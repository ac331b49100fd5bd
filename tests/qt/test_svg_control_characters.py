"""A label holding a control character (NUL, ESC, a form feed: seen in labels pasted from other tools) is exported
to SVG: the export stopped with a traceback (Qt writes the character into the SVG, where XML allows none of them,
and reading the pieces back failed). It is written as U+FFFD, and the rest of the label is kept."""

from __future__ import annotations

import json

import pytest
from defusedxml import ElementTree as SafeET

from viewer.cli import main

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x0c", "\x7f"], ids=["NUL", "ESC", "FF", "DEL"])
def test_a_control_character_in_a_label_is_exported_to_svg(tmp_path, capsys, character):
    data = tmp_path / "buoys.geojson"
    data.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"name": f"Buoy{character} Alpha tail"},
        "geometry": {"type": "Point", "coordinates": [127.5, 26.2]}}]}), encoding="utf-8")
    svg = tmp_path / "buoys.svg"
    assert main(["export", str(data), "-o", str(svg), "--extent", "126,25,129,27.5", "--width", "600",
                 "--height", "400"]) == 0, capsys.readouterr().err
    texts = ["".join(t.itertext()) for t in SafeET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")]
    assert any(t.startswith("Buoy") and t.endswith("Alpha tail") for t in texts), texts
