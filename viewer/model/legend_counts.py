"""What the legend says of the features shown (the launches, the kinds of each file's layer, the kinds, whether any is
approximate or a draft), counted from the table's columns:
of each file's table over all its rows once, kept with it and joined (`table_parts`), so a file opened beside a
large layer counts none of the large layer's rows again (~20-30 ms a million)."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from viewer.model.feature_table import combined
from viewer.model.table_parts import pieces

if TYPE_CHECKING:
    from viewer.model.feature_table import FeatureTable


@dataclass(frozen=True)
class LegendCounts:
    """Of some rows: ``events`` the launches they belong to; ``layer_kinds`` the (layer, kind) of those of no launch;
    ``kinds``; whether any is ``approximate`` or a ``draft``. (A layer's own colours: `own_colours.layer_colours`.)"""

    events: Set[Any]
    layer_kinds: Set[tuple[Any, Any]]
    kinds: Set[Any]
    approximate: bool
    draft: bool


def legend_counts(table: FeatureTable, rows: np.ndarray) -> LegendCounts:
    """`LegendCounts` of the table's ``rows`` (row numbers)."""
    found = pieces(table, rows, "legend", _counted)
    if len(found) == 1 and found[0][0] == 0:
        return found[0][1]
    return LegendCounts(frozenset().union(*(counts.events for _, counts in found)),
                        frozenset().union(*(counts.layer_kinds for _, counts in found)),
                        frozenset().union(*(counts.kinds for _, counts in found)),
                        any(counts.approximate for _, counts in found), any(counts.draft for _, counts in found))


def _counted(table: FeatureTable, at: np.ndarray) -> LegendCounts:
    """`legend_counts` of the table's rows ``at``, counted over them."""
    events = {event for event in table.event.counts(at) if event}
    loose = at[~table.event.where(bool)[at]]
    layer_kinds = set(combined([table.layer, table.kind], loose).values) if len(loose) else set()
    return LegendCounts(frozenset(events), frozenset(layer_kinds), frozenset(table.kind.counts(at)),
                        "approximate" in table.certainty.counts(at), bool(table.draft[at].any()))
