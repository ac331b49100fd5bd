"""Presentation mode driven by the keys presenter clickers send: one bookmark per step, captions, Esc leaves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from viewer.model.bookmark import Bookmark
from viewer.qt.presentation import PresentationWindow

KMS4, NOV_2023 = "2016-02-07-kms4", "2023-11-21-chollima1"


@pytest.fixture
def bookmarks():
    return [Bookmark.framing("Region", (115.0, 10.0, 145.0, 43.0)),
            Bookmark.framing("Kwangmyongsong-4", (118.0, 12.0, 134.0, 41.0), events=(KMS4,)),
            Bookmark.framing("Sohae in November", (124.3, 39.4, 125.1, 39.9), events=(NOV_2023,),
                     selection=(f"{NOV_2023}/launch-site",))]


@pytest.fixture
def presentation(qtbot, sample_workspace, bookmarks):
    window = PresentationWindow(sample_workspace, bookmarks)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    window.setFocus()
    return window


def test_keys_step_through_the_bookmarks(qtbot, presentation):
    assert presentation.index == 0
    with qtbot.waitSignal(presentation.step_changed) as moved:
        qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert moved.args == [1]
    qtbot.keyClick(presentation, Qt.Key.Key_PageDown)
    assert presentation.index == 2
    qtbot.keyClick(presentation, Qt.Key.Key_Space)  # past the end: stays on the last
    assert presentation.index == 2
    qtbot.keyClick(presentation, Qt.Key.Key_PageUp)
    assert presentation.index == 1
    qtbot.keyClick(presentation, Qt.Key.Key_Left)
    assert presentation.index == 0
    qtbot.keyClick(presentation, Qt.Key.Key_End)
    assert presentation.index == 2
    qtbot.keyClick(presentation, Qt.Key.Key_Home)
    assert presentation.index == 0


def test_each_step_shows_its_view_and_caption(qtbot, presentation, sample_workspace):
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    shown = {f.event for f in presentation.canvas.visible_features()}
    assert shown == {KMS4}
    caption = presentation.caption.text()
    assert "Kwangmyongsong-4" in caption
    assert "2016-02-07 00:30 UTC" in caption
    assert "believes the launch was a success" in caption
    assert "North Korea launches Kwangmyongsong-4 rocket; UN Security Council meets" in caption  # the source
    assert "2 / 3" in presentation.counter.text()

    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    west, south, east, north = presentation.canvas.visible_extent_lonlat()
    assert west <= 124.3 and east >= 125.1 and south <= 39.4 and north >= 39.9  # noqa: PT018
    assert east - west < 5  # zoomed in on Sohae, not the region
    assert presentation.selection.features == (f"{NOV_2023}/launch-site",)
    assert sample_workspace.selection.features == ()  # the window's selection is not the presentation's
    # the main window's workspace is not touched by presenting
    assert sample_workspace.selection.features == ()


def test_b_blanks_the_screen_and_any_key_brings_it_back(qtbot, presentation):
    qtbot.keyClick(presentation, Qt.Key.Key_B)
    assert presentation.blanked
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert not presentation.blanked
    assert presentation.index == 0  # the key only unblanked


def test_escape_leaves(qtbot, presentation):
    with qtbot.waitSignal(presentation.finished):
        qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert not presentation.isVisible()


def test_without_bookmarks_one_step_per_launch_in_time_order(qtbot, sample_workspace):
    window = PresentationWindow(sample_workspace, [])
    qtbot.addWidget(window)
    window.show()
    names = [e.name for e in sample_workspace.content.events_in_time_order()]
    assert [s.name for s in window.steps] == names
    for number, name in enumerate(names):
        assert name in window.caption.text()
        assert {f.event for f in window.canvas.visible_features()} == {sample_workspace.content.
                                                                           events_in_time_order()[number].id}
        qtbot.keyClick(window, Qt.Key.Key_Down)


def test_captions_show_quoted_markup_as_text(qtbot, make_bundle):
    from viewer.cli.common import load_workspace

    article = "Officials said <b>it</b> & <img src=x> fell.\n"
    start = article.index("<b>")
    end = article.index(" fell")
    site = {"type": "Feature", "id": "site", "geometry": {"type": "Point", "coordinates": [124.705, 39.66]},
            "properties": {"event": "ev-1", "kind": "launch_site", "label": "Sohae", "certainty": "reported",
                           "citations": [{"document": "doc-a", "start": start, "end": end,
                                          "exact": article[start:end]}]}}
    data = {"type": "FeatureCollection", "launchmap": {"version": 1},
            "documents": [{"id": "doc-a", "title": "Test article", "path": "article.txt"}],
            "events": [{"id": "ev-1", "name": "Test launch", "time": "2016-02-07T00:30:00Z", "site": "site"}],
            "features": [site]}
    workspace = load_workspace([str(make_bundle(data, article=article))])
    window = PresentationWindow(workspace, [])
    qtbot.addWidget(window)
    html = window.caption.text()
    assert "&lt;b&gt;it&lt;/b&gt; &amp; &lt;img src=x&gt;" in html
    assert "<img" not in html


def test_the_caption_shrinks_to_fit_a_small_screen(qtbot, presentation):
    presentation.resize(1024, 576)
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    label = presentation.caption
    assert label.heightForWidth(label.width()) <= presentation.height() - 90
    assert "believes the launch was a success" in label.text()


def test_f5_without_bookmarks_presents_each_launch(window, qtbot):
    """F5 on the sample said 'Add a bookmark first' and showed nothing, though the deck (brief) makes a slide per
    launch without bookmarks: presentation mode now steps through the launches in time order as well."""
    from PySide6.QtWidgets import QApplication

    assert not len(window.session.bookmarks)
    window.present()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, PresentationWindow) and w.isVisible()]
    assert len(shown) == 1
    presentation = shown[0]
    qtbot.addWidget(presentation)
    events = window.workspace.content.events_in_time_order()
    assert [step.view.filters.only_events for step in presentation.steps] == [frozenset({e.id}) for e in events]
    assert events[0].name in presentation.caption.text()
    presentation.close()


def test_a_launchs_step_is_drawn_in_the_projection_its_deck_slide_uses(qtbot, sample_workspace):
    """Presented without bookmarks, the 2023 launches were drawn in the window's regional conic while their deck
    slides (and `export --event`) use the azimuthal equidistant on the launch site: the same launch, two maps."""
    from viewer.export.deck import launch_projection

    window = PresentationWindow(sample_workspace, [])
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitExposed(window)
    content = sample_workspace.content
    for index, event in enumerate(content.events_in_time_order()):
        window.go(index)
        expected = launch_projection(content, event)
        assert window.canvas.projection.name == expected.name, event.id
    assert "Azimuthal Equidistant" in launch_projection(content, content.events[NOV_2023]).name


def test_the_mouse_steps_through_and_leaves(qtbot, presentation):
    """With no keyboard at hand (a mouse at the lectern, a window that lost the keyboard) there was no way on, back
    or out: the caption's buttons step and leave, and keep the keys working (they take no focus)."""
    assert presentation.index == 0
    assert not presentation.back_button.isEnabled()  # nothing before the first step
    qtbot.mouseClick(presentation.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(presentation.next_button, Qt.MouseButton.LeftButton)
    assert presentation.index == 2
    assert not presentation.next_button.isEnabled()  # nothing after the last
    qtbot.mouseClick(presentation.back_button, Qt.MouseButton.LeftButton)
    assert presentation.index == 1
    qtbot.keyClick(presentation, Qt.Key.Key_Right)  # the keys still step
    assert presentation.index == 2
    with qtbot.waitSignal(presentation.finished):
        qtbot.mouseClick(presentation.leave_button, Qt.MouseButton.LeftButton)


def test_every_launchs_caption_is_whole_on_a_laptop_screen(qtbot, sample_workspace):
    """At 1366x768 the 2023-08-24 caption's last line (its confidence) was cut off at the panel's bottom: its type
    was sized for the label's width before the panel's layout had given it its own (the window shown at one size,
    then made full screen)."""
    window = PresentationWindow(sample_workspace, [], 2)
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.resize(1366, 768)
    for step in [2, *range(len(window.steps))]:
        window.go(step)
        qtbot.wait(20)
        label = window.caption
        assert label.heightForWidth(label.width()) <= label.height(), step
    assert window.counter.sizeHint().width() <= window.counter.width()  # the step counter is not cut either
