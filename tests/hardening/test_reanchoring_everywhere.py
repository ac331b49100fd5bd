"""A quote that occurs everywhere in a long article: validate re-anchors 200 citations quickly, near where each
pointed, and says the tie count is a lower bound when only some of the ties were counted."""

from __future__ import annotations

import json
import time

from viewer.cli import main

UNIT = "The missile flew east. "


def test_200_citations_into_5_mb_where_the_quote_is_everywhere(tmp_path, capsys):
    text = UNIT * (5_000_000 // len(UNIT))
    features = []
    for i in range(200):
        start = (130_000 + i * 50) * len(UNIT) + len("The ") + 1 + i % 5  # each a character or a few off its copy
        citation = {"document": "d", "start": start, "end": start + 17, "exact": "missile flew east",
                    "prefix": "The ", "suffix": ". The"}
        features.append({"type": "Feature", "id": f"f{i}", "geometry": {"type": "Point", "coordinates": [124, 39]},
                         "properties": {"kind": "launch_site", "citations": [citation]}})
    bundle = tmp_path / "everywhere.geojson"
    bundle.write_text(json.dumps({"type": "FeatureCollection", "launchmap": {"version": 1},
                                  "documents": [{"id": "d", "title": "t", "text": text}], "features": features}))
    started = time.process_time()
    assert main(["validate", str(bundle)]) == 0
    assert time.process_time() - started < 10  # reading 5 MB of JSON included; the re-anchoring alone is ~0.2 s
    lines = capsys.readouterr().out.splitlines()
    moved = [line for line in lines if "re-anchored from" in line]
    ties = [line for line in lines if "places equally well" in line]
    assert len(moved) == len(ties) == 200
    assert all("fits at least " in line for line in ties), ties[0]
    for line in moved:
        old, new = (int(n) for n in line.rsplit("re-anchored from ", 1)[1].split(" to "))
        assert abs(new - old) < len(UNIT), line
