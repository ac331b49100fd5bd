"""How a selected feature stands out whatever its own colour: a yellow glow outlined dark (as QGIS outlines a
selection), and a dark core under a feature drawn in a colour the glow would swallow (a KML's yellow or white)."""

from __future__ import annotations

from viewer.model.feature import Feature
from viewer.model.feature_paint import drawn_colour as own_colour
from viewer.model.feature_paint import paint_of
from viewer.model.kinds import kind_style
from viewer.symbology import NO_EVENT_COLOUR, SELECTION, chosen_layers, contrast

LOW_CONTRAST = 1.6  # below this ratio to the glow's yellow a feature's colour gets the dark core


def drawn_colour(feature: Feature, colours: dict[str, str]) -> str:
    """The colour a feature is drawn in: its own (a KML's style) unless the user chose its layer's, else its launch's
    or layer's."""
    paint = paint_of(feature.value)
    own = None if paint is None or (not feature.event and feature.layer in chosen_layers(colours)) else \
        own_colour(paint, kind_style(feature.kind).geometry)  # as the map, the tree and the legend take it
    return own or colours.get(feature.event or feature.layer or "", NO_EVENT_COLOUR)


def needs_core(feature: Feature, colours: dict[str, str]) -> bool:
    """Whether the feature's colour is too near the glow's to be seen on it."""
    return contrast(drawn_colour(feature, colours), SELECTION) < LOW_CONTRAST
