"""Review edits on a draft bundle: each applies, survives writing and reading, and reverts to what was there."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from viewer.ingest import ingest_files
from viewer.io.bundle.reader import read_bundle
from viewer.io.bundle.writer import write_bundle
from viewer.model.citation import AnchorStatus
from viewer.model.edits import (
    AcceptDraft,
    AcceptLaunch,
    EditError,
    EditProperty,
    LinkPassage,
    MovePoint,
    MoveVertex,
    RejectDraft,
)  # fmt: skip

ARTICLE = (
    "North Korea launched a rocket from the Sohae station on Sunday, February 7, 2016.\n\n"
    "Japan said the rocket traveled 2,000 kilometers south and passed over Okinawa.\n\n"
    "Japan issued a J-Alert for Okinawa Prefecture. An official said the object later entered orbit."
)


@pytest.fixture
def draft_path(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "draft.geojson"
    write_bundle(ingest_files([tmp_path / "article.txt"], base=tmp_path), path)
    return path


def reread(bundle, path):
    write_bundle(bundle, path)
    again, problems = read_bundle(path)
    assert [p for p in problems if p.is_error] == []
    return again


def site_of(bundle):
    return next(f for f in bundle.features.values() if f.kind == "launch_site")


def test_linking_a_passage_adds_a_citation_to_the_written_bundle_and_undo_removes_it(draft_path):
    bundle, _ = read_bundle(draft_path)
    site = site_of(bundle)
    before = list(site.citations)
    start = ARTICLE.index("passed over Okinawa")
    link = LinkPassage(site.id, "doc-article", start, start + len("passed over Okinawa"))
    link.apply(bundle)

    after = reread(bundle, draft_path)
    cited = [c for c in site_of(after).citations if c.exact == "passed over Okinawa"]
    assert len(cited) == 1
    assert cited[0].status is AnchorStatus.ANCHORED
    assert cited[0].start == start
    assert cited[0].prefix.endswith("kilometers south and ")
    assert site_of(after) in after.features_citing("doc-article", start + 3, start + 4)

    link.revert(bundle)
    undone = reread(bundle, draft_path)
    assert site_of(undone).citations == before
    assert not any(c.exact == "passed over Okinawa" for c in site_of(undone).citations)


def test_linking_nothing_or_twice_is_refused_and_changes_nothing(draft_path):
    bundle, _ = read_bundle(draft_path)
    site = site_of(bundle)
    count = len(site.citations)
    with pytest.raises(EditError, match="select some text"):
        LinkPassage(site.id, "doc-article", 10, 10).apply(bundle)
    with pytest.raises(EditError, match="no document 'doc-x'"):
        LinkPassage(site.id, "doc-x", 0, 5).apply(bundle)
    existing = site.citations[0]
    with pytest.raises(EditError, match="already cites"):
        LinkPassage(site.id, existing.document, existing.start, existing.end).apply(bundle)
    assert len(site.citations) == count


def test_accept_removes_the_draft_mark_and_undo_restores_it(draft_path):
    bundle, _ = read_bundle(draft_path)
    site = site_of(bundle)
    accept = AcceptDraft(site.id)
    accept.apply(bundle)
    assert "draft" not in site_of(reread(bundle, draft_path)).properties
    accept.revert(bundle)
    assert site_of(reread(bundle, draft_path)).properties["draft"] is True


def test_accepting_a_launch_accepts_its_drafts_and_its_name_no_longer_says_draft(draft_path):
    bundle, _ = read_bundle(draft_path)
    event = bundle.events[site_of(bundle).event]
    assert event.name.endswith(" (draft)")
    assert event.extra.get("draft")
    name, drafts = event.name, [f.id for f in bundle.features.values() if f.properties.get("draft")]
    accept = AcceptLaunch(event.id)
    accept.apply(bundle)
    after = reread(bundle, draft_path)
    accepted = after.events[event.id]
    assert accepted.name == name.removesuffix(" (draft)")
    assert "draft" not in accepted.extra
    assert not [f.id for f in after.features.values() if f.event == event.id and f.properties.get("draft")]
    accept.revert(bundle)
    restored = reread(bundle, draft_path)
    assert restored.events[event.id].name == name
    assert restored.events[event.id].extra.get("draft") is True
    assert [f.id for f in restored.features.values() if f.properties.get("draft")] == drafts


def test_accepting_a_launch_that_is_no_draft_is_refused(draft_path):
    bundle, _ = read_bundle(draft_path)
    event_id = site_of(bundle).event
    AcceptLaunch(event_id).apply(bundle)
    with pytest.raises(EditError, match="not a draft"):
        AcceptLaunch(event_id).apply(bundle)
    with pytest.raises(EditError, match="no launch"):
        AcceptLaunch("nowhere").apply(bundle)


def test_reject_removes_the_feature_and_undo_puts_it_back_in_place(draft_path):
    bundle, _ = read_bundle(draft_path)
    order = list(bundle.features)
    site = site_of(bundle)
    event = bundle.events[site.event]
    reject = RejectDraft(site.id)
    reject.apply(bundle)
    after = reread(bundle, draft_path)
    assert site.id not in after.features
    assert after.events[event.id].site is None
    reject.revert(bundle)
    restored = reread(bundle, draft_path)
    assert list(restored.features) == order
    assert restored.events[event.id].site == site.id


def test_edit_property_checks_the_vocabulary_and_undoes(draft_path):
    bundle, _ = read_bundle(draft_path)
    site = site_of(bundle)
    label = site.label
    edit = EditProperty(site.id, "label", "Sohae, original pad")
    edit.apply(bundle)
    assert site_of(reread(bundle, draft_path)).label == "Sohae, original pad"
    edit.revert(bundle)
    assert site_of(reread(bundle, draft_path)).label == label
    with pytest.raises(EditError, match="certainty must be one of"):
        EditProperty(site.id, "certainty", "sure").apply(bundle)
    with pytest.raises(EditError, match="edited by linking passages"):
        EditProperty(site.id, "citations", []).apply(bundle)
    note = EditProperty(site.id, "note", "checked against imagery")
    note.apply(bundle)
    note.revert(bundle)
    assert "note" not in site.properties


def test_moving_a_point_and_a_vertex_is_written_and_undone(draft_path):
    bundle, _ = read_bundle(draft_path)
    site = site_of(bundle)
    original = site.geometry
    move = MovePoint(site.id, 124.727, 39.643)
    move.apply(bundle)
    assert site_of(reread(bundle, draft_path)).geometry.equals(Point(124.727, 39.643))
    move.revert(bundle)
    assert site_of(reread(bundle, draft_path)).geometry.equals(original)

    area = next(f for f in bundle.features.values() if f.kind == "warning_area")
    ring = list(area.geometry.exterior.coords)
    vertex = MoveVertex(area.id, 0, ring[0][0] + 0.1, ring[0][1])
    vertex.apply(bundle)
    moved = next(f for f in reread(bundle, draft_path).features.values() if f.kind == "warning_area")
    assert moved.geometry.exterior.coords[0] == moved.geometry.exterior.coords[-1] == (ring[0][0] + 0.1, ring[0][1])
    vertex.revert(bundle)
    assert list(area.geometry.exterior.coords) == ring
    with pytest.raises(EditError, match="does not exist"):
        MoveVertex(area.id, len(ring), 0, 0).apply(bundle)
    with pytest.raises(EditError, match="cross itself"):
        MoveVertex(area.id, 1, ring[len(ring) // 2][0] + 5, ring[len(ring) // 2][1] + 5).apply(bundle)
    assert list(area.geometry.exterior.coords) == ring
