"""Search over labels and texts: hits that share a label are told apart by their launch."""

from __future__ import annotations

from viewer.cli.common import load_workspace
from viewer.model.search import search


def test_hits_with_one_label_name_their_launch():
    content = load_workspace([]).content
    hits = [m.context for m in search(content, "J-Alert") if m.feature]
    assert hits == [
        "J-Alert: Okinawa Prefecture (warning area, launch of 2016-02-07)",
        "J-Alert: Okinawa Prefecture (warning area, launch of 2023-05-31)",
        "J-Alert: Okinawa Prefecture (warning area, launch of 2023-08-24)",
        "J-Alert: Okinawa Prefecture (warning area, launch of 2023-11-21)",
    ]
    assert len(set(hits)) == len(hits)
