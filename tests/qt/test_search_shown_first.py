"""Search while the timeline shows one launch: Enter picked the first match, a 2016 overflight the map did not
show, and the map showed nothing selected. Features the map shows come first; the others say they are hidden."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_shown_features_come_first_and_hidden_ones_say_so(window):
    timeline = window.timeline
    timeline.show_event(len(timeline.events) - 1)  # Nov 2023 only
    nov = timeline.events[-1].id
    panel = window.search
    panel.field.setText("Okinawa")
    features = [m.feature for m in panel.matches if m.feature]
    assert len(features) > 2
    shown = [window.workspace.feature(f).event == nov for f in features]
    assert shown == sorted(shown, reverse=True)  # every shown one before every hidden one
    assert shown[0]
    panel.step(1)  # Enter
    picked = window.workspace.feature(window.workspace.selection.current)
    assert picked.event == nov
    texts = [panel.results.item(i).text() for i in range(panel.results.count())]
    hidden = [t for t in texts if "not shown on the map" in t]
    assert len(hidden) == shown.count(False)
    timeline.show_all()  # every launch shown again: no match is marked hidden
    texts = [panel.results.item(i).text() for i in range(panel.results.count())]
    assert not [t for t in texts if "not shown on the map" in t]
