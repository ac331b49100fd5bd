"""One visual per feature kind: areas, lines with direction arrows, and point symbols (built and drawn by
viewer.qt.draw, which the headless export shares)."""

from __future__ import annotations

import numpy as np

from viewer.geo.projected import ProjectedFeatures
from viewer.model.feature import Feature
from viewer.model.kinds import kind_style
from viewer.qt.draw.features import Shown, area_strokes, changed, line_strokes
from viewer.qt.draw.paths import Stroke
from viewer.qt.draw.point_symbols import point_symbols
from viewer.qt.map.annotation_layer import AnnotationVisual
from viewer.qt.map.painting import RenderContext
from viewer.qt.map.path_layer import PathLayer
from viewer.qt.map.symbol_layer import SymbolLayer

# Vertices of an area layer's strokes (fills and outlines each counted) past which its first drawing is on a worker
# too, as a layer's of any strokes past `paths.SLOW_ABOVE_VERTICES`: Qt fills and strokes a dashed outline several
# times slower than the thin lines that bound is made for. Four areas of 139,000 vertices drew in ~60 ms into a
# 1920x1080 image (fill 39, outline 21), 90-125 ms into the screen's image with its margin, on the GUI thread.
AREA_SLOW_ABOVE_VERTICES = 80_000


class AreaVisual(PathLayer):
    """Danger zones and warning areas: translucent fill in the event's colour, dashed outline."""

    def __init__(self, context: RenderContext):
        super().__init__(context)
        self.shown: Shown | None = None

    def set_strokes(self, strokes: list[Stroke], same_look: bool = False, keep_image: bool = False) -> None:
        super().set_strokes(strokes, same_look, keep_image)
        if sum(len(s.xy[0]) for s in strokes if s.xy is not None) > AREA_SLOW_ABOVE_VERTICES:
            self._screen.expect_slow(True, same_look or keep_image)

    def set_features(self, kind: str, features: list[Feature], cache: ProjectedFeatures,
                     colours: dict[str, str]) -> None:
        if (shown := changed(self, kind, features, cache, colours)) is not None:
            self._draw(shown)

    def follow_densified(self, taken: np.ndarray) -> None:
        """Draw the areas of the cache's rows ``taken`` as it holds them now (densified whole at rest, drawn from a
        stand-in until then), if any is shown: the same areas at another detail, so the screen shows its image of
        the stand-in until they are drawn (cleared, a million-spike star vanished for the seconds its drawing took)."""
        if (shown := densified_since(self, taken)) is not None:
            self._draw(shown, same_look=True)

    def _draw(self, shown: Shown, same_look: bool = False) -> None:
        self.set_strokes(area_strokes(shown), same_look=same_look)
        if shown.cache.pending_of(shown.rows).any():
            # A stand-in stands for an area too large to densify on opening; few as its vertices are, it may cross
            # itself thousands of times (a million-spike star's; Qt filled and stroked a 5,000-spike star in ~3 s)
            self._screen.expect_slow(True, same_look)


class LineVisual(PathLayer):
    """Flight paths (with arrows showing the direction of flight) and overflight segments."""

    def __init__(self, context: RenderContext):
        super().__init__(context)
        self.shown: Shown | None = None
        self.arrows = SymbolLayer(context)
        self.arrows.setParentItem(self)

    def set_features(self, kind: str, features: list[Feature], cache: ProjectedFeatures,
                     colours: dict[str, str]) -> None:
        if (shown := changed(self, kind, features, cache, colours)) is not None:
            self._draw(shown)

    def follow_densified(self, taken: np.ndarray) -> None:
        """Draw the lines of the cache's rows ``taken`` as it holds them now (densified at rest), if any is shown."""
        if (shown := densified_since(self, taken)) is not None:
            self._draw(shown)

    def _draw(self, shown: Shown) -> None:
        strokes, arrows = line_strokes(shown)
        self.set_strokes(strokes)
        self.arrows.set_symbols(arrows)


def densified_since(visual: AreaVisual | LineVisual, taken: np.ndarray) -> Shown | None:
    """What ``visual`` shows, at the cache's version now, if the cache took densified geometry since and any of its
    rows is among ``taken`` (another kind's were: nothing drawn changes here); else None."""
    shown = visual.shown
    if shown is None or shown.version == shown.cache.version:
        return None
    visual.shown = shown.at_current_version()
    return visual.shown if np.isin(shown.rows, taken).any() else None


class PointVisual(SymbolLayer):
    """Launch sites, impact points and reference places as symbols of a fixed screen size."""

    def __init__(self, context: RenderContext):
        super().__init__(context)
        self.shown: Shown | None = None

    def set_features(self, kind: str, features: list[Feature], cache: ProjectedFeatures,
                     colours: dict[str, str]) -> None:
        before = self.shown
        if (shown := changed(self, kind, features, cache, colours)) is not None:
            # groups kept as made when a file opened beside adds none of their look
            made = {group.look: group for group in self._groups if group.look is not None}
            self.set_symbols(point_symbols(shown, before, made))


# napari's layer_to_visual, for our kinds: which visual draws which geometry style.
VISUAL_FOR: dict[str, type[AreaVisual | LineVisual | PointVisual | AnnotationVisual]] = {
    "area": AreaVisual, "line": LineVisual, "point": PointVisual, "annotation": AnnotationVisual}


def visual_for(kind: str, context: RenderContext) -> AreaVisual | LineVisual | PointVisual | AnnotationVisual:
    return VISUAL_FOR[kind_style(kind).geometry](context)

