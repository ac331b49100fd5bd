"""Every launch and layer on the map has a colour no other one has, as far as the palette reaches."""

from __future__ import annotations

from viewer.model.view import MapView


def test_four_launches_and_five_files_get_nine_different_colours():
    """The sample's four launches with five files of other tools open: the ninth key, the last file, was drawn in
    the first launch's orange, and the legend showed two identical swatches."""
    keys = ["2016-02-07-kms4", "2023-05-31-chollima1", "2023-08-24-chollima1", "2023-11-21-chollima1",
            "lines_plain", "places", "merc3857", "two_layers", "google_earth", "a", "b", "c"]
    colours = MapView().colours(keys)
    assert len(set(colours.values())) == len(keys)
    assert colours["2016-02-07-kms4"] == "#D55E00"  # the launches keep the colours they have always had
