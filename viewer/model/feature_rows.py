"""A plain layer's cells kept column by column: a feature read from them makes its properties dict on first use."""

from __future__ import annotations

from typing import Any

import numpy as np

from viewer.model.feature_table import Coded


class LayerColumns:
    """A batch of a plain layer (a catalogue from another tool), one list of cells per column, null cells None.

    Each `Feature` read from it holds the batch and its row number and makes its properties dict from its row
    the first time they are asked for; until then `Feature.value` reads single cells. A million-row layer so
    holds no million dicts until something wants them. The cells never change once the layer is read (an edit
    goes to the feature's own dict), so a copy of a feature shares them.
    """

    __slots__ = ("_coded", "_nulls", "by_name", "certainty", "columns", "event", "kind", "names", "size")

    def __init__(self, names: list[str], columns: list[list[Any]], size: int = 0):
        """``size``: the number of rows when there are no columns (features without properties)."""
        self.names, self.columns = names, columns
        count = len(columns[0]) if columns else size
        self.by_name = dict(zip(names, columns, strict=True))
        # The cells the window reads of every feature in each of its passes (drawing, filters, legend, tree), held
        # where `Feature` reaches them in two steps; a missing column reads as nulls.
        wanted = ("kind", "event", "certainty")
        nulls: list[Any] | None = None if all(map(self.by_name.__contains__, wanted)) else \
            [None] * count
        self._nulls = nulls
        missing = nulls if nulls is not None else []  # (not read: then every column is there)
        self.kind: list[Any] = self.by_name.get("kind", missing)
        self.event: list[Any] = self.by_name.get("event", missing)
        self.certainty: list[Any] = self.by_name.get("certainty", missing)
        self.size = count
        self._coded: dict[str, Coded] = {}

    def extend(self, other: LayerColumns) -> bool:
        """Add ``other``'s rows after its own (the next batch of the same layer), if it has the same columns; its
        features' row numbers stay theirs. False (nothing added) when the columns differ."""
        if other.names != self.names:
            return False
        for mine, more in zip(self.columns, other.columns, strict=True):
            mine.extend(more)
        if self._nulls is not None:
            self._nulls.extend([None] * other.size)
        self.size += other.size
        self._coded.clear()
        return True

    def coded(self, name: str) -> Coded:
        """Column ``name`` (all nulls when missing) as `Coded`, made once: its cells never change."""
        coded = self._coded.get(name)
        if coded is None:
            cells = self.by_name.get(name)
            coded = self._coded[name] = Coded.of(cells) if cells is not None else \
                Coded([None], np.zeros(self.size, dtype=np.int32))
        return coded

    def row(self, index: int) -> dict[str, Any]:
        """The row as a properties dict: its non-null cells, in column order."""
        return {name: cell for name, cell in zip(self.names, [column[index] for column in self.columns],
                                                 strict=True) if cell is not None}

    def __copy__(self) -> LayerColumns:
        return self

    def __deepcopy__(self, memo: dict) -> LayerColumns:
        return self
