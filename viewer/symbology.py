"""Cartographic colours shared by the screen, image export and KML: the palette per launch, land, sea, labels.
Styles per feature kind live with the kinds (viewer.model.kinds)."""

from __future__ import annotations

# Colour-blind-safe qualitative palette (Okabe-Ito, without yellow, which vanishes on light land), then Paul Tol's
# muted colours unlike those: with four launches and five files open the ninth key wrapped round to the first
# launch's orange. Beyond twelve, colours repeat (a layer's colour can be chosen from its right-click menu).
EVENT_COLOURS = ("#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#882255", "#44AA99",
                 "#332288", "#999933", "#AA4499", "#661100")
NO_EVENT_COLOUR = "#555555"

LAND = "#EFEBE3"
SEA = "#C9DDEB"
PAGE = "#FFFFFF"  # where a map shows no place: beyond a globe's horizon, past the poles
COAST = "#8E9AA6"
BORDER = "#9C8E9C"
GRATICULE = "#8FA6B8"
LABEL = "#2B2B2B"
HALO = "#FFFFFF"
SELECTION = "#FFD400"
SELECTION_EDGE = "#1A1A1A"  # the selection glow's outline, and its core under a feature drawn near its own colour
HOVER = "#00E5FF"


# Certainty shows as the line's look: approximate geometry is dashed and thinner in its launch's own hue (fading
# it washed two launches' colours into the same grey where they cross); derived is slightly lighter.
CERTAINTY_ALPHA = {"reported": 255, "derived": 225, "approximate": 235}
APPROXIMATE_DASH = (5, 3)
APPROXIMATE_WIDTH = 0.7  # times the kind's line width

# Drafted by ingest and not yet reviewed: a magenta dotted outline over the event's own styling.
DRAFT_COLOUR = "#C2185B"
DRAFT_DASH = (1, 2)


class Colours(dict[str, str]):
    """A colour per launch id and layer name, and which layers' colours the user chose (``chosen``): a colour
    chosen for a layer is drawn over its features' own (a KML's styles), as QGIS's layer style is."""

    def __init__(self, colours: dict[str, str], chosen: frozenset[str] = frozenset()):
        super().__init__(colours)
        self.chosen = chosen


def chosen_layers(colours: dict[str, str]) -> frozenset[str]:
    """The layers whose colour the user chose, of a `Colours` (none of a plain dict)."""
    return colours.chosen if isinstance(colours, Colours) else frozenset()


def event_colours(event_ids: list[str], layers: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """A colour per launch, the palette in the order given (time order keeps colours stable as later launches are
    added), and per source layer the palette from its end, backwards: a launch imported beside open layers recolours
    none of them. They share a colour only past the palette's twelve."""
    count = len(EVENT_COLOURS)
    colours = {event_id: EVENT_COLOURS[i % count] for i, event_id in enumerate(event_ids)}
    colours.update({layer: EVENT_COLOURS[(count - 1 - i) % count] for i, layer in enumerate(layers)})
    return colours



def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2) of ``#RRGGBB``."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white)."""
    a, b = sorted((luminance(first), luminance(second)))
    return (b + 0.05) / (a + 0.05)
