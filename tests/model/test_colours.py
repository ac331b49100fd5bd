"""Every launch and layer on the map has a colour no other one has, as far as the palette reaches."""

from __future__ import annotations

from viewer.model.view import MapView


def test_four_launches_and_five_files_get_nine_different_colours():
    """The sample's four launches with five files of other tools open: the ninth key, the last file, was drawn in
    the first launch's orange, and the legend showed two identical swatches."""
    launches = ["2016-02-07-kms4", "2023-05-31-chollima1", "2023-08-24-chollima1", "2023-11-21-chollima1"]
    layers = ["lines_plain", "places", "merc3857", "two_layers", "google_earth", "a", "b", "c"]
    colours = MapView().colours(launches, layers)
    assert len(set(colours.values())) == len(launches) + len(layers)
    assert colours["2016-02-07-kms4"] == "#D55E00"  # the launches keep the colours they have always had


def test_a_launch_imported_beside_open_layers_recolours_none_of_them():
    """Layers took the palette after the launches: importing one article beside four files of other tools gave all
    four files new colours, and the legend no longer matched a map exported a minute before."""
    launches = ["2016-02-07-kms4", "2023-05-31-chollima1"]
    layers = ["ship_tracks", "radars", "merc3857", "google_earth"]
    before = MapView().colours(launches, layers)
    after = MapView().colours([*launches, "2023-08-24-chollima1"], layers)
    assert {layer: after[layer] for layer in layers} == {layer: before[layer] for layer in layers}
    assert {launch: after[launch] for launch in launches} == {launch: before[launch] for launch in launches}
    assert after["2023-08-24-chollima1"] not in {after[layer] for layer in layers}


def test_a_layer_s_chosen_colour_wins_over_the_palette():
    view = MapView()
    view.set_layer_colour("radars", "#112233")
    assert view.colours(["2016-02-07-kms4"], ["radars"])["radars"] == "#112233"
