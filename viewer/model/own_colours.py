"""The colours of their own a file's features are drawn in (a KML's styles, a GeoJSON's simplestyle), as the layer
tree's swatches and the legend show them: from the table's kind and paint columns, each feature's by
`feature_paint.drawn_colour`."""

from __future__ import annotations

from typing import Any

import numpy as np

from viewer.model.feature_paint import drawn_colour
from viewer.model.feature_table import FeatureTable, combined
from viewer.model.kinds import kind_style
from viewer.model.table_parts import pieces


def colours_drawn(table: FeatureTable, rows: np.ndarray) -> list[str | None]:
    """The colours of their own the ``rows`` of ``table`` are drawn in (`drawn_colour`), each once in the order first
    met; None among them where some are drawn in their launch's or layer's colour. From the table's kind and paint
    columns, each file's of all its rows worked out once and kept (`table_parts.pieces`): a file opened beside a
    large layer does not look at the large layer's rows again."""
    if not len(rows):
        return []
    found = pieces(table, np.asarray(rows, dtype=np.intp), "colours drawn", _colours_drawn)
    return list(dict.fromkeys(colour for _, colours in found for colour in colours))


def layer_colours(table: FeatureTable, rows: np.ndarray) -> dict[Any, list[str | None]]:
    """`colours_drawn` of each layer's rows of no launch among ``rows`` (what the legend's row of a file shows), each
    file's kept as `colours_drawn`'s are."""
    found = pieces(table, np.asarray(rows, dtype=np.intp), "layer colours", _layer_colours)
    joined: dict[Any, dict[str | None, None]] = {}
    for _, colours in found:
        for layer, drawn in colours.items():
            joined.setdefault(layer, {}).update(dict.fromkeys(drawn))
    return {layer: list(drawn) for layer, drawn in joined.items()}


def _colours_drawn(table: FeatureTable, rows: np.ndarray) -> tuple[str | None, ...]:
    pairs = combined([table.kind, table.paints()], rows)
    return tuple(dict.fromkeys(drawn_colour(paint, kind_style(kind).geometry) for kind, paint in pairs.values))


def _layer_colours(table: FeatureTable, rows: np.ndarray) -> dict[Any, tuple[str | None, ...]]:
    loose = rows[~table.event.where(bool)[rows]]
    if not len(loose):
        return {}
    found: dict[Any, dict[str | None, None]] = {}
    for layer, kind, paint in combined([table.layer, table.kind, table.paints()], loose).values:
        found.setdefault(layer, {})[drawn_colour(paint, kind_style(kind).geometry)] = None
    return {layer: tuple(drawn) for layer, drawn in found.items()}
