"""One kind's features as drawn without a scene: the strokes, arrows, symbols or annotations the screen's visual
of that kind would draw, painted in the same order."""

from __future__ import annotations

from PySide6.QtGui import QPainter

from viewer.geo.projected import ProjectedFeatures
from viewer.model.bundle import Bundle
from viewer.model.feature import Feature
from viewer.model.kinds import kind_style
from viewer.qt.draw.annotations import Mark, marks_of, paint_marks
from viewer.qt.draw.features import Shown, area_strokes, changed, line_strokes
from viewer.qt.draw.paths import Stroke, paint_strokes
from viewer.qt.draw.point_symbols import point_symbols
from viewer.qt.draw.style import RenderContext
from viewer.qt.draw.symbols import SymbolPainter, Symbols


class FeatureLayer:
    """What the features of one kind draw: areas and lines as strokes (lines with their arrows over them), points
    as symbols, annotations as marks; rebuilt only when what it shows changes."""

    def __init__(self, kind: str, context: RenderContext):
        self.kind = kind
        self.geometry = kind_style(kind).geometry
        self.context = context
        self.shown: Shown | None = None
        self.strokes: list[Stroke] = []
        self.symbols: list[Symbols] = []
        self.marks: list[Mark] = []
        self.content: Bundle | None = None  # for the names of quoted sources (annotations)
        self._symbols = SymbolPainter(context)

    @property
    def annotations(self) -> bool:
        return self.geometry == "annotation"

    def set_features(self, features: list[Feature], cache: ProjectedFeatures, colours: dict[str, str]) -> None:
        if self.annotations:  # as the screen's annotation visual: rebuilt every time, they are few
            self.marks = marks_of(features, cache, self.content)
            return
        shown = changed(self, self.kind, features, cache, colours)
        if shown is None:
            return
        if self.geometry == "area":
            self.strokes = area_strokes(shown)
        elif self.geometry == "line":
            self.strokes, self.symbols = line_strokes(shown)
        else:
            self.symbols = point_symbols(shown)
        self.symbols = [g for g in self.symbols if len(g.x)]

    def paint(self, painter: QPainter) -> None:
        """Draw under the painter's (map to device) transform."""
        if self.annotations:
            if self.marks:
                paint_marks(painter, self.context, self.marks)
            return
        if self.strokes:
            painter.save()
            paint_strokes(painter, self.context, self.strokes)
            painter.restore()
        if self.symbols:
            self._symbols.paint(painter, self.symbols)
