"""A plain GeoJSON layer's cells kept column by column, where a null cell is a property the file gives as null."""

from __future__ import annotations

from typing import Any

from viewer.model.feature_rows import LayerColumns


class JsonColumns(LayerColumns):
    """`LayerColumns` of features whose properties all had the same keys in the same order: each row's properties
    dict is every cell in column order, nulls included (``"name": null`` is read back as given), except in the
    ``optional`` columns (a label launchmap took from a name-like property), where a null cell is no property."""

    __slots__ = ("optional",)

    def __init__(self, names: list[str], columns: list[list[Any]], optional: frozenset[str] = frozenset(),
                 size: int = 0):
        """``size``: the number of rows when there are no columns (features without properties)."""
        super().__init__(names, columns, size)
        self.optional = optional

    def extend(self, other: LayerColumns) -> bool:
        if not isinstance(other, JsonColumns) or other.optional != self.optional:
            return False
        return super().extend(other)

    def row(self, index: int) -> dict[str, Any]:
        cells = [column[index] for column in self.columns]
        if not self.optional:
            return dict(zip(self.names, cells, strict=True))
        optional = self.optional
        return {name: cell for name, cell in zip(self.names, cells, strict=True)
                if cell is not None or name not in optional}

    def rows(self, indices: list[int]) -> list[dict[str, Any]]:
        """The properties dicts of ``indices`` (`row` of each), made a column at a time."""
        if self.optional:
            return list(map(self.row, indices))
        names = self.names
        cells = [[column[i] for i in indices] for column in self.columns]
        return [dict(zip(names, row, strict=True)) for row in zip(*cells, strict=True)] if cells else \
            [{} for _ in indices]
