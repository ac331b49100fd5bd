"""The details panel on real bundles: who reports a feature, stepping through them, sources side by side."""

from __future__ import annotations

import itertools
import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel

from viewer.cli.common import load_workspace
from viewer.io.bundle.reader import read_bundle
from viewer.model.reports import reports_for
from viewer.model.workspace import Workspace
from viewer.qt.panels.details_panel import DetailsPanel
from viewer.qt.panels.source_panel import SourcePanel

SITE_AUG = "2023-08-24-chollima1/launch-site"
WARNING_AUG = "2023-08-24-chollima1/warning-area"


@pytest.fixture
def workspace():
    return load_workspace([])


@pytest.fixture
def details(qtbot, workspace):
    panel = DetailsPanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(380, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def texts(panel: DetailsPanel) -> list[str]:
    return [label.text() for label in panel.body.findChildren(QLabel)]


def test_nothing_selected_says_what_to_do(details):
    assert any(text.startswith("Select a feature") for text in texts(details))


def test_august_2023_outcome_claims_are_shown_side_by_side(details, workspace):
    workspace.selection.select([SITE_AUG])
    assert details.title.text() == "Sohae, coastal launch pad (approx.)"
    assert details.banner.isVisible()
    assert "Sources disagree on outcome (launch)" in details.banner.text()
    outcome = [row for row in details.claims.rows if row.property == "outcome"]
    assert [(row.value, row.disagree) for row in outcome] == [("success", True), ("failure", True)]
    assert outcome[0].by == "the article (unattributed)"
    assert "“successfully launching a space rocket”" in outcome[0].where
    assert outcome[1].where == "Reference: Arab News Japan; Britain Herald"
    labels = details.claims.findChildren(QLabel)
    reference = next(label for label in labels if label.text().startswith("Reference: Arab"))
    assert "https://britainherald.com/" in reference.toolTip()  # the full citation on hover
    shown = texts(details)
    assert "success" in shown
    assert "failure" in shown
    assert "⚠ Sources disagree" in shown


def test_a_claims_passage_is_a_link_to_it(details, workspace, qtbot):
    workspace.selection.select([SITE_AUG])
    link = next(link for link in details.claims.links if "this successful launch" in link.text())
    with qtbot.waitSignal(workspace.selection.changed):
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    passage = workspace.selection.passage
    assert workspace.document("doc-002").text[passage.start:passage.end] == "this successful launch"


def test_agreeing_claims_show_on_request(details, workspace, qtbot):
    workspace.selection.select(["2016-02-07-kms4/launch-site"])
    assert details.claims is None  # 19:29 ET and 00:30 UTC agree to the minute: nothing to alarm about
    assert details.banner is None
    (toggle,) = details.body.findChildren(QCheckBox)
    assert toggle.text() == "Also show the 3 points sources agree on"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    outcome = [row for row in details.claims.rows if row.property == "outcome"]
    assert len(outcome) == 3
    assert not any(row.disagree for row in details.claims.rows)
    assert "sources agree (±1 min)" in texts(details)


def test_the_august_outcome_disagreement_stays_prominent(details, workspace):
    workspace.selection.select([SITE_AUG])
    assert details.banner is not None
    assert details.banner.text().startswith("⚠ Sources disagree on outcome (launch)")
    assert {row.property for row in details.claims.rows if row.disagree} == {"outcome", "date"}


def test_event_and_properties_and_derivation_are_shown(details, workspace):
    workspace.selection.select(["2016-02-07-kms4/danger-zone-1"])
    shown = texts(details)
    assert "Kwangmyongsong-4 launch" in shown
    assert "2016-02-07 00:30 UTC\n2016-02-07 09:30 UTC+09:00" in shown
    assert "Unha" in shown
    assert "orbit" in shown
    assert any(text.startswith("The DPRK notice's corners as published (Tongil News, Feb 2016)") for text in shown)
    assert "• Tongil News, Feb 2016, http://www.tongilnews.com/news/articleView.html?idxno=115401" in [
        t.replace("\u200b", "") for t in shown]
    assert not any("§" in text or "S[" in text or "launches.md" in text for text in shown)
    assert "window:" in shown
    assert "Danger zone · certainty: reported" in shown


def test_stepping_through_reported_by(details, workspace, qtbot):
    workspace.selection.select([WARNING_AUG])
    reports = reports_for(workspace.content, WARNING_AUG)
    assert len(details.report_links) == 3
    assert details.summary.text() == "reported by: North Korea's second satellite launch attempt… ¶2"
    assert details.report_links[0].text().startswith(
        "North Korea's second satellite launch attempt of 2023; Okinawa warned, paragraph 2 — “")
    assert details.position.text() == "passage 1 of 3"
    assert not details.previous_button.isEnabled()
    qtbot.mouseClick(details.next_button, Qt.MouseButton.LeftButton)
    assert workspace.selection.passage == reports[1].passage
    assert details.position.text() == "passage 2 of 3"
    assert details.report_links[1].property("current")
    qtbot.mouseClick(details.next_button, Qt.MouseButton.LeftButton)
    assert workspace.selection.passage == reports[2].passage
    assert not details.next_button.isEnabled()
    qtbot.mouseClick(details.previous_button, Qt.MouseButton.LeftButton)
    assert workspace.selection.passage == reports[1].passage
    assert workspace.selection.features == (WARNING_AUG,)  # stepping keeps the selection


def test_enter_on_a_reported_by_entry_focuses_its_passage_in_the_source_panel(details, workspace, qtbot):
    source = SourcePanel(workspace)
    qtbot.addWidget(source)
    source.show()
    workspace.selection.select([WARNING_AUG])
    last = details.report_links[2]
    last.setFocus()
    qtbot.keyClick(last, Qt.Key.Key_Return)
    assert source.focused_text() == "the warning was lifted"
    assert details.position.text() == "passage 3 of 3"


def test_tab_reaches_the_reported_by_entries(details, workspace, qtbot):
    workspace.selection.select([WARNING_AUG])
    details.next_button.setFocus()
    qtbot.keyClick(details.next_button, Qt.Key.Key_Tab)
    assert details.focusWidget() is details.report_links[0]


def test_several_selected_are_listed_and_one_can_be_made_current(details, workspace, qtbot):
    workspace.selection.select([SITE_AUG, WARNING_AUG])
    assert details.title.text() == "Sohae, coastal launch pad (approx.)"
    assert "2 features selected; showing the first. Others:" in texts(details)
    other = next(label for label in details.body.findChildren(QLabel) if label.text() == "Warning area: "
                 "J-Alert: Okinawa Prefecture")
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)
    assert workspace.selection.features == (WARNING_AUG, SITE_AUG)
    assert details.title.text() == "J-Alert: Okinawa Prefecture"


def test_orphaned_citations_are_marked_and_skipped_when_stepping(qtbot, make_bundle):
    data = json.loads(make_bundle().read_text(encoding="utf-8"))
    site = data["features"][0]["properties"]
    site["citations"].append({"document": "doc-a", "start": 0, "end": 4, "exact": "words not in it",
                              "prefix": "", "suffix": ""})
    site["note"] = "<b>not bold</b>"
    workspace = Workspace()
    workspace.add(read_bundle(make_bundle(data))[0])
    panel = DetailsPanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    workspace.selection.select(["f-site"])
    orphan = panel.report_links[-1]
    assert orphan.text() == "⚠ Orphaned: Test article — “words not in it” (quote not found in the article)"
    assert orphan.property("orphaned")
    assert panel.summary.text() == "reported by: Test article ¶1, quote not found"
    assert panel.position.text() == "passage 1 of 1"
    assert not panel.next_button.isEnabled()
    qtbot.mouseClick(orphan, Qt.MouseButton.LeftButton)
    assert workspace.selection.passage is None  # nothing to show for it, and nothing breaks
    note = next(label for label in panel.body.findChildren(QLabel) if "not bold" in label.text())
    assert note.text().replace("\u200b", "") == "<b>not bold</b>"  # wrap points are invisible
    assert note.textFormat() == Qt.TextFormat.PlainText


def test_a_new_bundle_keeps_the_details_of_the_selection(details, workspace, make_bundle):
    workspace.selection.select([SITE_AUG])
    workspace.add(read_bundle(make_bundle())[0])
    assert details.title.text() == "Sohae, coastal launch pad (approx.)"


def test_switching_features_from_the_keyboard_keeps_the_focus_in_the_panel(details, workspace, qtbot):
    workspace.selection.select([SITE_AUG, WARNING_AUG])
    other = next(label for label in details.body.findChildren(QLabel) if label.text().startswith("Warning area: "))
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_Return)
    assert workspace.selection.current == WARNING_AUG
    assert details.focusWidget() is details.report_links[0]


def test_a_feature_of_another_tools_file_is_not_called_reported(qtbot, tmp_path):
    """A line from a plain GeoJSON (no certainty, no citation) showed 'Line · certainty: reported' above 'Reported
    by (0 passage(s))', and 'reported' in the tree: nothing reported it. Its certainty is 'not stated'; the sample's
    features keep theirs, and the user's annotation is their own mark."""
    from viewer.model.view import MapView
    from viewer.qt.panels.event_tree import FEATURE_ROLE, EventTree
    from viewer.resources import sample_bundle

    lines = tmp_path / "shipping.geojson"
    lines.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "lane", "properties": {"name": "Shipping lane A"},
         "geometry": {"type": "LineString", "coordinates": [[124.0, 37.0], [129.0, 31.0]]}},
        {"type": "Feature", "id": "note", "properties": {"kind": "annotation", "style": "text", "text": "Look here",
                                                         "certainty": "reported"},
         "geometry": {"type": "Point", "coordinates": [130.0, 30.0]}}]}))
    workspace = load_workspace([str(sample_bundle()), str(lines)])
    panel = DetailsPanel(workspace)
    qtbot.addWidget(panel)
    tree = EventTree(workspace, MapView())
    qtbot.addWidget(tree)
    lane = next(f for f in workspace.content.features.values() if f.label == "Shipping lane A")
    note = next(f for f in workspace.content.features.values() if f.properties.get("text") == "Look here")

    def badge() -> str:
        return texts(panel)[1]

    workspace.selection.select([lane.id])
    assert badge() == "Line · certainty not stated"
    workspace.selection.select([note.id])
    assert badge() == "Annotation · your mark"
    workspace.selection.select(["2016-02-07-kms4/launch-site"])
    assert badge() == "Launch site · certainty: reported"
    rows = {}
    model = tree.tree
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        if index.data(FEATURE_ROLE):
            rows[index.data(FEATURE_ROLE)] = index.siblingAtColumn(1).data()
        stack += [model.index(r, 0, index) for r in range(model.rowCount(index))]
    assert rows[lane.id] == ""
    assert rows["2016-02-07-kms4/launch-site"] == "reported"


def test_an_annotation_shows_its_words_and_where_it_points_as_a_reader_writes_them(qtbot, tmp_path):
    """A callout's details listed 'Other properties: style: callout, anchor: [139.64083710975157,
    35.756439742542845], text: …' — the bundle's raw members. They read as the property sheet writes them."""
    from viewer.resources import sample_bundle

    notes = tmp_path / "notes.geojson"
    notes.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "note", "properties": {
            "kind": "annotation", "style": "callout", "text": "Tokyo: no J-Alert issued",
            "anchor": [139.64083710975157, 35.756439742542845], "color": "#C2185B", "size": 12, "reviewer": "AB"},
         "geometry": {"type": "Point", "coordinates": [152.0, 12.0]}}]}))
    workspace = load_workspace([str(sample_bundle()), str(notes)])
    panel = DetailsPanel(workspace)
    qtbot.addWidget(panel)
    note = next(f for f in workspace.content.features.values() if f.properties.get("text", "").startswith("Tokyo"))
    workspace.selection.select([note.id])
    shown = texts(panel)
    assert panel.title.text() == "Tokyo: no J-Alert issued"  # not its id, 'note'
    assert "Annotation" in shown
    rows = dict(itertools.pairwise(shown))
    assert rows["Words:"] == "Tokyo: no J-Alert issued"
    assert rows["Style:"] == "callout"
    assert rows["Points at:"] == "35.7564, 139.6408 (lat, lon)"
    assert rows["Colour:"] == "#C2185B"
    assert rows["Size:"] == "12 pt"
    assert rows["reviewer:"] == "AB"  # a property launchmap does not know is still shown as it is
    assert not any("139.64083710975157" in text for text in shown)


def test_counts_read_as_words_not_with_a_plural_in_brackets(details, workspace, qtbot):
    """The panel said 'Reported by (0 passage(s))' and 'Also show the 2 point(s) sources agree on'."""
    workspace.selection.select(["2016-02-07-kms4/launch-site"])
    headings = [label.text() for label in details.body.findChildren(QLabel)]
    assert not any("(s)" in text for text in headings), headings
    assert any(text.startswith("Reported by (") and "passage" in text for text in headings)
