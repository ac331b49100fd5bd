"""Reading then writing a bundle keeps everything, including members launchmap does not know."""

import json

from shared_data import ARTICLE, small_bundle

from viewer.io import read_bundle, write_bundle
from viewer.model.citation import AnchorStatus


def test_round_trip_is_lossless_with_unknown_members(make_bundle, tmp_path):
    data = small_bundle()
    data["crs_note"] = "WGS84"  # foreign top-level member
    data["launchmap"]["generator"] = "hand"
    data["documents"][0]["url"] = "https://example.org/a"
    data["events"][0]["claims"] = [{"property": "outcome", "value": "success", "by": "KCNA", "confidence": 2,
                                    "reference": "launches.md S[9]"}]
    data["events"][0]["operator"] = "NATA"
    feature = data["features"][0]
    feature["bbox"] = [124.705, 39.66, 124.705, 39.66]
    feature["geometry"]["note"] = "geometry foreign member"
    feature["properties"]["analyst_note"] = {"checked": True, "by": ["ab", "cd"]}
    feature["properties"]["citations"][0]["note"] = "lead paragraph"
    data["features"].append({"type": "Feature", "id": 7, "geometry": None, "properties": {"kind": "reference_place"}})
    source = make_bundle(data)

    bundle, problems = read_bundle(source)
    assert problems == []
    out = tmp_path / "out.geojson"
    write_bundle(bundle, out)
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(source.read_text(encoding="utf-8"))

    again, problems = read_bundle(out)
    assert problems == []
    assert again.features.keys() == bundle.features.keys()
    assert again.features["f-site"].geometry.equals(bundle.features["f-site"].geometry)
    assert again.events["ev-1"].claims == bundle.events["ev-1"].claims


def test_citations_are_anchored_on_load(make_bundle):
    bundle, _ = read_bundle(make_bundle())
    statuses = {c.status for f in bundle.features.values() for c in f.citations}
    assert statuses == {AnchorStatus.ANCHORED}
    assert bundle.citations_for("f-path")[0].exact == "traveled 2,000 kilometers south"


def test_reanchored_offsets_are_written_back(make_bundle, tmp_path):
    bundle, problems = read_bundle(make_bundle(article="Breaking news.\n" + ARTICLE))
    assert len(problems) == 2
    assert all("re-anchored" in p.message and not p.is_error for p in problems)
    out = tmp_path / "fixed.geojson"
    write_bundle(bundle, out)
    _, problems = read_bundle(out)
    assert problems == []


def test_inline_text_stays_inline(make_bundle, tmp_path):
    data = small_bundle()
    document = data["documents"][0]
    del document["path"]
    document["text"] = ARTICLE
    bundle, problems = read_bundle(make_bundle(data))
    assert problems == []
    out = tmp_path / "out.geojson"
    write_bundle(bundle, out)
    assert json.loads(out.read_text())["documents"][0]["text"] == ARTICLE


def test_a_new_file_gets_the_usual_permissions(make_bundle, tmp_path):
    import os
    import stat

    bundle, _ = read_bundle(make_bundle())
    out = tmp_path / "new.geojson"
    write_bundle(bundle, out)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
