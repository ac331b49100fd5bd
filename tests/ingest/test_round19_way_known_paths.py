"""Issue 17, round 19: an article about a launch the bundle already draws does not add a second, cruder path beside
the known one. A heading drawn from the article's direction alone (no distance) that agrees with the known path's
way is cited on the known path; one that disagrees is added, as a conflict to review; a failed launch's impact area
(position not reported) is cited on the known impact point. Every story here was written for the test."""

from __future__ import annotations

from story import ingested

from viewer.ingest.merge import merge_draft
from viewer.io.bundle.reader import read_bundle
from viewer.resources import asset

KNOWN = "2023-08-24-chollima1"
FAILED_SOUTH = (
    "GENEVA, August 24, 2023 (Wire) - North Korea launched a rocket carrying a reconnaissance satellite from its "
    "Sohae station early on Thursday, and the rocket headed south before it failed during third-stage flight, "
    "officials said.\n"
)
FAILED_WEST = FAILED_SOUTH.replace("headed south", "headed west")


def _merged(tmp_path, text):
    known, _ = read_bundle(asset("data", "launches.geojson"))
    draft = ingested(tmp_path, text)
    merged, report = merge_draft([known], draft)
    assert report.attached == [(next(iter(draft.events)), KNOWN)]
    return known, merged, report


def test_a_heading_that_agrees_is_cited_on_the_known_path(tmp_path):
    known, merged, report = _merged(tmp_path, FAILED_SOUTH)
    added = [merged.features[f] for f in report.new_features]
    assert not [f for f in added if f.kind == "flight_path"]
    assert not [f for f in added if f.kind == "area"]  # (the known impact point says where it fell)
    path = next(f for f in merged.features_of(KNOWN) if f.kind == "flight_path")
    assert any(c.document.startswith("doc-") and c.document != "" for c in path.citations[len(
        next(f for f in known.features_of(KNOWN) if f.kind == "flight_path").citations):])


def test_a_heading_that_disagrees_is_added_to_review(tmp_path):
    _, merged, report = _merged(tmp_path, FAILED_WEST)
    added = [merged.features[f] for f in report.new_features]
    assert [f for f in added if f.kind == "flight_path"]


ALERTED = FAILED_SOUTH.replace("officials said.", "officials said. Japan sent an emergency alert to Okinawa.")


def test_an_alert_for_a_place_the_launch_already_shows_is_cited_there(tmp_path):
    """The sample's launch has its J-Alert area for Okinawa Prefecture (drawn from its sources); the article's alert
    for the same prefecture, drawn from the alert-area table, is a citation of that area, not a second one on top."""
    known, merged, report = _merged(tmp_path, ALERTED)
    added = [merged.features[f] for f in report.new_features]
    assert not [f for f in added if f.kind == "warning_area"]
    area = next(f for f in merged.features_of(KNOWN) if f.kind == "warning_area")
    before = next(f for f in known.features_of(KNOWN) if f.kind == "warning_area")
    assert len(area.citations) == len(before.citations) + 1
    assert "Okinawa" in area.citations[-1].exact


def test_an_alert_for_another_place_is_added(tmp_path):
    _, merged, report = _merged(tmp_path, ALERTED.replace("to Okinawa", "to Kagoshima Prefecture"))
    added = [merged.features[f] for f in report.new_features]
    assert [f.properties["label"] for f in added if f.kind == "warning_area"] == ["J-Alert: Kagoshima Prefecture"]
