"""The colours of their own a file's features are drawn in (a KML's styles, a GeoJSON's simplestyle), as the layer
tree's swatches and the legend show them: from the table's kind and paint columns, each feature's by
`feature_paint.drawn_colour`."""

from __future__ import annotations

import numpy as np

from viewer.model.feature_paint import drawn_colour
from viewer.model.feature_table import FeatureTable, combined
from viewer.model.kinds import kind_style


def colours_drawn(table: FeatureTable, rows: np.ndarray) -> list[str | None]:
    """The colours of their own the ``rows`` of ``table`` are drawn in (`drawn_colour`), each once in the order first
    met; None among them where some are drawn in their launch's or layer's colour. From the table's kind and paint
    columns (each read once per table), not feature by feature."""
    if not len(rows):
        return []
    pairs = combined([table.kind, table.paints()], np.asarray(rows, dtype=np.intp))
    return list(dict.fromkeys(drawn_colour(paint, kind_style(kind).geometry) for kind, paint in pairs.values))
