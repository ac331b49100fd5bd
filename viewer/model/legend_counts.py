"""What the legend says of the features shown (the launches, the kinds of each file's layer, the kinds, whether any is
approximate or a draft, and which rows a small layer's own colours are read from), counted from the table's columns:
of each file's table over all its rows once, kept with it and joined (`table_parts`), so a file opened beside a
large layer counts none of the large layer's rows again (~20-30 ms a million)."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

from viewer.model.feature_table import combined
from viewer.model.table_parts import pieces

if TYPE_CHECKING:
    from viewer.model.feature_table import FeatureTable


@dataclass(frozen=True)
class LegendCounts:
    """Of some rows: ``events`` the launches they belong to; ``layer_kinds`` the (layer, kind) of those of no launch;
    ``kinds``; whether any is ``approximate`` or a ``draft``; ``loose`` how many of no launch each layer holds; and
    ``few`` the rows of no launch of each layer holding at most the number asked (in row order)."""

    events: Set[Any]
    layer_kinds: Set[tuple[Any, Any]]
    kinds: Set[Any]
    approximate: bool
    draft: bool
    loose: dict[Any, int]
    few: dict[Any, np.ndarray]

    def few_rows(self) -> np.ndarray:
        """The rows of no launch of every layer of few, in row order."""
        rows = list(self.few.values())
        return np.sort(np.concatenate(rows)) if rows else np.zeros(0, dtype=np.intp)


def legend_counts(table: FeatureTable, rows: np.ndarray, few_up_to: int) -> LegendCounts:
    """`LegendCounts` of the table's ``rows`` (row numbers), ``few``: layers of at most ``few_up_to`` rows of no
    launch among them."""
    found = pieces(table, rows, f"legend {few_up_to}", partial(_counted, few_up_to=few_up_to))
    if len(found) == 1 and found[0][0] == 0:
        return found[0][1]
    loose: dict[Any, int] = {}
    for _, counts in found:
        for layer, count in counts.loose.items():
            loose[layer] = loose.get(layer, 0) + count
    few = {layer: np.concatenate([counts.few[layer] + first for first, counts in found if layer in counts.few])
           for layer, count in loose.items() if count <= few_up_to}
    return LegendCounts(frozenset().union(*(counts.events for _, counts in found)),
                        frozenset().union(*(counts.layer_kinds for _, counts in found)),
                        frozenset().union(*(counts.kinds for _, counts in found)),
                        any(counts.approximate for _, counts in found), any(counts.draft for _, counts in found),
                        loose, few)


def _counted(table: FeatureTable, at: np.ndarray, few_up_to: int) -> LegendCounts:
    """`legend_counts` of the table's rows ``at``, counted over them."""
    events = {event for event in table.event.counts(at) if event}
    loose = at[~table.event.where(bool)[at]]
    layer_kinds = set(combined([table.layer, table.kind], loose).values) if len(loose) else set()
    counts = table.layer.counts(loose)
    few = {layer for layer, count in counts.items() if count <= few_up_to}
    layer_of = table.layer.codes[loose]
    few_rows = {layer: loose[layer_of == code] for code, layer in enumerate(table.layer.values) if layer in few}
    return LegendCounts(frozenset(events), frozenset(layer_kinds), frozenset(table.kind.counts(at)),
                        "approximate" in table.certainty.counts(at), bool(table.draft[at].any()), counts, few_rows)
