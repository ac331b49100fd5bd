"""The source panel on real bundles: a feature opens its passage; clicking a passage selects its features."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QPlainTextDocumentLayout, QToolTip

from viewer.cli.common import load_workspace
from viewer.io.bundle.reader import read_bundle
from viewer.model.marks import mark_at
from viewer.model.selection import Passage
from viewer.model.workspace import Workspace
from viewer.qt.panels.highlighting import colour_of
from viewer.qt.panels.source_panel import SourcePanel

SITE_2016 = "2016-02-07-kms4/launch-site"
HOSTILE = 'Officials said <script>alert(1)</script> and <img src=x onerror=alert(1)> then the rocket flew south.\n'


@pytest.fixture
def panel(qtbot):
    workspace = load_workspace([])
    source = SourcePanel(workspace)
    qtbot.addWidget(source)
    source.resize(380, 700)
    source.show()
    qtbot.waitExposed(source)
    return source


def point_of(panel: SourcePanel, offset: int) -> QPoint:
    """A viewport point on the character at ``offset`` (just right of the caret position before it)."""
    cursor = QTextCursor(panel.text.document())
    cursor.setPosition(panel.text.offsets.to_qt(offset))
    rect = panel.text.cursorRect(cursor)
    return QPoint(rect.x() + 3, rect.center().y())


def fragments(panel: SourcePanel):
    """(format, start, end) of each run of the shown document's text formatted alike."""
    found = []
    block = panel.text.document().begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            start, end = fragment.position(), fragment.position() + fragment.length()
            found.append((fragment.charFormat(), panel.text.offsets.from_qt(start), panel.text.offsets.from_qt(end)))
            iterator += 1
        block = block.next()
    return found


def bundle_file(make_bundle, article: str, quotes: dict[str, str], title: str = "Test article") -> str:
    """The shared small bundle with its own article text, title and site/path quotes (written as given,
    so a quote missing from the text is an orphan)."""
    data = json.loads(make_bundle().read_text(encoding="utf-8"))
    data["documents"][0]["title"] = title
    del data["documents"][0]["sha256"]
    for feature in data["features"]:
        exact = quotes[feature["id"]]
        start = max(article.find(exact), 0)
        feature["properties"]["citations"] = [{"document": "doc-a", "start": start, "end": start + len(exact),
                                               "exact": exact, "prefix": "", "suffix": ""}]
    return str(make_bundle(data, article=article))


def test_selecting_the_2016_launch_site_opens_its_article_at_the_passage(panel):
    feature = panel.workspace.feature(SITE_2016)
    panel.workspace.selection.select([SITE_2016])
    assert panel.document_id == "doc-000"
    assert panel.chooser.currentData() == "doc-000"
    assert panel.title.text() == panel.workspace.document("doc-000").title
    assert panel.focused_text() == feature.citations[0].exact == "launched from western North Korea"
    assert panel.text.is_visible(panel.focus.start, panel.focus.end)
    focused = [s for s in panel.text.extraSelections() if s.format.fontWeight() > 500]
    assert [s.cursor.selectedText() for s in focused] == ["launched from western North Korea"]


def test_a_passage_of_another_article_switches_the_document(panel):
    passage = Passage("doc-001", 259, 303)
    panel.workspace.selection.select(["2023-11-21-chollima1/launch-site"], passage)
    assert panel.document_id == "doc-001"
    assert panel.focused_text() == "successfully launched a satellite into orbit"


def test_clicking_a_highlighted_passage_selects_the_features_citing_it(panel, qtbot):
    bundle = panel.workspace.content
    text = bundle.documents["doc-000"].text
    at = text.index("traveled distance of 2,000 kilometers south") + 10
    panel.text.scroll_to(at, at + 1)
    with qtbot.waitSignal(panel.workspace.selection.changed):
        qtbot.mouseClick(panel.text.viewport(), Qt.MouseButton.LeftButton, pos=point_of(panel, at))
    selection = panel.workspace.selection
    citing = {f.id for f in bundle.features_citing("doc-000", at, at)}
    assert len(citing) >= 5  # flight path, overflight, danger zones, impact point
    assert set(selection.features) == citing
    assert text[selection.passage.start:selection.passage.end] == "traveled distance of 2,000 kilometers south"
    assert panel.focused_text() == "traveled distance of 2,000 kilometers south"


def test_clicking_plain_text_leaves_the_selection_alone(panel, qtbot):
    panel.workspace.selection.select([SITE_2016])
    text = panel.workspace.content.documents["doc-000"].text
    at = text.index("David Wright")
    panel.text.scroll_to(at, at + 1)
    qtbot.mouseClick(panel.text.viewport(), Qt.MouseButton.LeftButton, pos=point_of(panel, at))
    assert panel.workspace.selection.features == (SITE_2016,)


def test_enter_on_a_highlight_selects_it_and_alt_down_steps_between_highlights(panel, qtbot):
    panel.show_document("doc-001")
    panel.text.setFocus()
    qtbot.keyClick(panel.text, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    at = panel.text.offsets.from_qt(panel.text.textCursor().position())
    mark = mark_at(panel.marks, at)
    assert mark is not None
    assert mark_at(panel.marks, at - 1) is None  # the start of a highlighted stretch
    with qtbot.waitSignal(panel.workspace.selection.changed):
        qtbot.keyClick(panel.text, Qt.Key.Key_Return)
    assert panel.workspace.selection.passage.document == "doc-001"


def test_a_passage_only_a_launch_claim_cites_selects_that_launch_site(panel, qtbot):
    panel.show_document("doc-002")
    at = panel.workspace.document("doc-002").text.index("date 2023-11-15") + 3
    mark = mark_at(panel.marks, at)
    assert mark.features == ()
    panel.activate(mark)
    assert panel.workspace.selection.features == ("2023-08-24-chollima1/launch-site",)
    assert panel.focused_text() == "date 2023-11-15"


def test_hovering_a_highlight_names_the_features_it_supports(panel, qtbot):
    panel.workspace.selection.select([SITE_2016])
    at = panel.focus.start + 2
    point = point_of(panel, at)
    event = QHelpEvent(QEvent.Type.ToolTip, point, panel.text.viewport().mapToGlobal(point))
    QApplication.sendEvent(panel.text.viewport(), event)
    assert "Launch site: Sohae, original gantry pad (2016-02-07)" in QToolTip.text()
    QToolTip.hideText()


def test_every_cited_kind_gets_its_own_colour_and_the_legend_names_it(panel):
    panel.show_document("doc-002")
    text = panel.workspace.document("doc-002").text
    coloured = {}
    for fragment_format, start, end in fragments(panel):
        if fragment_format.background().style() != Qt.BrushStyle.NoBrush:
            coloured.setdefault(fragment_format.background().color().name(), []).append(text[start:end])
    assert len(coloured) >= 5
    assert "residents of Okinawa prefecture" in coloured[colour_of("overflight").lower()]
    assert "the warning was lifted" in coloured[colour_of("warning_area").lower()]
    assert not any("showcased" in run for runs in coloured.values() for run in runs)  # uncited text stays plain
    legend = QTextDocumentFragment.fromHtml(panel.legend.text()).toPlainText().replace("\xa0", " ")
    assert "Warning area" in legend
    assert "Overflight" in legend
    assert "in focus" in legend


def test_an_orphaned_citation_is_listed_not_highlighted(qtbot, make_bundle):
    article = "North Korea launched a rocket from the Sohae station.\n\nIt flew south.\n"
    path = bundle_file(make_bundle, article, {"f-site": "the Sohae station", "f-path": "2,000 km over Okinawa"})
    workspace = Workspace()
    bundle, problems = read_bundle(path)
    assert any("orphaned" in str(p) for p in problems)
    workspace.add(bundle)
    panel = SourcePanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.orphans.count() == 1
    assert panel.orphans.item(0).text() == "Orphaned: “2,000 km over Okinawa” (feature Path)"
    assert panel.orphans.isVisibleTo(panel)
    assert "1 orphaned" in panel.chooser.currentText()
    assert [article[m.start:m.end] for m in panel.marks] == ["the Sohae station"]
    panel.orphans.setCurrentRow(0)
    qtbot.keyClick(panel.orphans, Qt.Key.Key_Return)
    assert workspace.selection.features == ("f-path",)


def test_markup_in_an_article_is_shown_literally_never_rendered(qtbot, make_bundle):
    path = bundle_file(make_bundle, HOSTILE, {"f-site": "<script>alert(1)</script>", "f-path": "flew south"},
                       title="<b>Bold</b> <img src=x>")

    requested = []

    class RecordingDocument(QTextDocument):
        def loadResource(self, kind, name):
            requested.append(name)
            return super().loadResource(kind, name)

    workspace = Workspace()
    panel = SourcePanel(workspace)
    qtbot.addWidget(panel)
    document = RecordingDocument(panel.text)
    document.setDocumentLayout(QPlainTextDocumentLayout(document))
    panel.text.setDocument(document)
    workspace.add(read_bundle(path)[0])
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.text.toPlainText() == HOSTILE
    assert "<script>alert(1)</script>" in panel.text.toPlainText()
    assert "<img src=x onerror=alert(1)>" in panel.text.toPlainText()
    assert panel.title.text() == "<b>Bold</b> <img src=x>"
    assert panel.title.textFormat() == Qt.TextFormat.PlainText
    formats = [fragment_format for fragment_format, _, _ in fragments(panel)]
    assert formats
    assert not any(f.isImageFormat() or f.isAnchor() for f in formats)
    assert requested == []
    workspace.selection.select(["f-site"])
    assert panel.focused_text() == "<script>alert(1)</script>"


def test_offsets_count_code_points_even_with_emoji_and_crlf(qtbot, make_bundle):
    article = "Launch 🚀 day.\r\nThe rocket 🛰 left the Sohae station at dawn.\r\n\r\nIt flew south.\r\n"
    path = bundle_file(make_bundle, article, {"f-site": "the Sohae station", "f-path": "flew south"})
    workspace = Workspace()
    workspace.add(read_bundle(path)[0])
    panel = SourcePanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    workspace.selection.select(["f-site"])
    assert panel.focused_text() == "the Sohae station"
    workspace.selection.select(["f-path"])
    assert panel.focused_text() == "flew south"


def test_opening_another_bundle_adds_its_article_to_the_chooser(panel, make_bundle):
    before = panel.chooser.count()
    path = bundle_file(make_bundle, "A rocket rose from the Sohae station.\n",
                       {"f-site": "the Sohae station", "f-path": "rocket"})
    panel.workspace.add(read_bundle(path)[0])
    assert panel.chooser.count() == before + 1
    assert panel.document_id == "doc-000"  # what the user was reading stays open


def test_an_article_whose_file_is_missing_says_so_and_lists_every_citation(qtbot, make_bundle):
    bundle, _ = read_bundle(make_bundle(article=None))
    assert bundle.documents["doc-a"].text is None
    workspace = Workspace()
    workspace.add(bundle)
    panel = SourcePanel(workspace)
    qtbot.addWidget(panel)
    assert panel.text.toPlainText() == ""
    assert panel.text.placeholderText().startswith("The text of this article could not be read (article.txt)")
    assert panel.orphans.count() == 2
    assert panel.marks == []


def coloured_runs(panel: SourcePanel) -> list[tuple[int, int]]:
    """(start, end) text offsets of every run painted with a background colour."""
    return [(start, end) for fmt, start, end in fragments(panel)
            if fmt.background().style() != Qt.BrushStyle.NoBrush and end > start]


def assert_only_cited_spans_coloured(panel: SourcePanel) -> None:
    runs = coloured_runs(panel)
    assert runs, "the cited passages are coloured"
    cited = {offset for m in panel.marks for offset in range(m.start, m.end)}
    for start, end in runs:  # adjacent marks of one colour make one run
        assert cited.issuperset(range(start, end)), (start, end)


def test_switching_article_after_clicking_a_passage_colours_only_cited_spans(panel, qtbot):
    text = panel.workspace.document("doc-000").text
    at = text.index("left an object in space") + 4
    panel.text.scroll_to(at, at + 1)
    with qtbot.waitSignal(panel.workspace.selection.changed):
        qtbot.mouseClick(panel.text.viewport(), Qt.MouseButton.LeftButton, pos=point_of(panel, at))
    for document_id in ("doc-001", "doc-002", "doc-000"):
        index = panel.chooser.findData(document_id)
        panel.chooser.setCurrentIndex(index)
        panel.chooser.activated.emit(index)
        assert panel.document_id == document_id
        assert_only_cited_spans_coloured(panel)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n", "\u2028", "\u2029"])
def test_line_breaks_of_every_kind_leave_highlights_on_their_words(qtbot, make_bundle, newline):
    article = newline.join(["The launch.", "", "It rose from Tongchang-ri.", "Then it flew south."]) + newline
    path = bundle_file(make_bundle, article, {"f-site": "Tongchang-ri", "f-path": "flew south"})
    workspace = Workspace()
    workspace.add(read_bundle(path)[0])
    panel = SourcePanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    painted = sorted(article[start:end] for start, end in coloured_runs(panel))
    assert painted == ["Tongchang-ri", "flew south"]
    document = panel.text.document()
    for mark in panel.marks:
        start, end = panel.text.offsets.to_span(mark.start, mark.end)
        shown = "".join(document.characterAt(i) for i in range(start, end))
        assert shown == article[mark.start:mark.end]
    workspace.selection.select(["f-site"])
    assert panel.focused_text() == "Tongchang-ri"


def test_a_quote_splitting_a_combining_sequence_or_an_emoji_is_highlighted_whole(qtbot, make_bundle):
    article = "Cafe\u0301 owners saw it 👍🏽 fly from Sohae.\r\n"
    # the quotes cut between 'e' and its accent, and between the thumb and its skin tone
    path = bundle_file(make_bundle, article, {"f-site": "Cafe", "f-path": "it 👍"})
    workspace = Workspace()
    workspace.add(read_bundle(path)[0])
    panel = SourcePanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    painted = sorted(article[start:end] for start, end in coloured_runs(panel))
    assert painted == ["Cafe\u0301", "it 👍🏽"]
    workspace.selection.select(["f-path"])
    assert panel.focused_text() == "it 👍🏽"


def test_the_article_header_names_what_is_known_and_says_date_unknown_only_when_it_is(panel):
    panel.show_document("doc-002")
    assert panel.meta.text() == "15 Nov 2023"
    panel.show_document("doc-000")
    assert panel.meta.text() == "date unknown (reports the launch of 7 Feb 2016)"
    assert "not given" not in panel.meta.text()
    assert "000_07ec046ded137453.txt" in panel.meta.toolTip()  # the file, for whoever needs it


def test_with_no_article_at_all_the_panel_says_so_and_lists_no_orphans(qtbot, tmp_path):
    """Another tool's file alone (a CSV of places): the panel said nothing and showed an empty list under the empty
    text, where orphaned citations go."""
    places = tmp_path / "places.csv"
    places.write_text("name,latitude,longitude\nBusan,35.18,129.08\n", encoding="utf-8")
    workspace = load_workspace([str(places)])
    panel = SourcePanel(workspace)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.title.text() == "No article open"
    assert not panel.orphans.isVisible()
    assert not panel.orphan_title.isVisible()
