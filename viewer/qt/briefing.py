"""The briefing deck's maps: each slide's view drawn on an offscreen canvas, its data framed clear of the legend
and every other decoration."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from viewer.export.slides import SLIDE_PIXELS, Deck, MapImages, MapShot, Progress
from viewer.geo.crs import DEFAULT_REGION
from viewer.model.bookmark import Bookmark
from viewer.model.view import MapView, launch_features, visible_extent
from viewer.model.workspace import Workspace

MIN_LAUNCH_KM = 400.0  # a slide's data spans at least this much: a launch that ended at its site is not blown up


def write_briefing(workspace: Workspace, bookmarks: list[Bookmark], path: str | Path, *, title: str = "",
                   crs: str = "regional", slide_pixels: int = SLIDE_PIXELS, progress: Progress | None = None) -> Deck:
    """Render every slide's map offscreen and write the deck (by suffix); the workspace itself is not changed.

    Raises ValueError for a projection that cannot be built, OSError when the file cannot be written,
    and viewer.io.progress.Cancelled when ``progress`` raises it.
    """
    from viewer.export import write_deck
    from viewer.export.deck import build_deck
    from viewer.geo.crs import projection_from_name
    from viewer.qt.render import MapRenderer

    try:
        projection = projection_from_name(crs, workspace.extent() or DEFAULT_REGION)
    except ValueError as error:
        raise ValueError(f"--crs: {error}") from None
    renderer = MapRenderer(workspace)  # slides show their own views; the window's view is not touched
    try:
        deck = build_deck(workspace.content, bookmarks, map_images(renderer, projection), title=title,
                          slide_pixels=slide_pixels, progress=progress)
    finally:
        renderer.close()
    write_deck(deck, path)
    return deck


def map_images(renderer, default_projection) -> MapImages:
    """The deck's image callback: render each slide's view offscreen and encode it as PNG.

    A slide saved as an area (a launch's own slide, the overview) is drawn in the projection that suits it and
    framed clear of its decorations, the legend in a column beside the map; a bookmark with an exact frame is
    drawn as it was saved, with the legend where least data is."""
    from viewer.qt.render import ImageRequest

    def render(shot: MapShot) -> bytes:
        content = renderer.workspace.content
        state = shot.view.view
        view = MapView(default_projection)
        frame = view.restore(state, content, fallback=default_projection)
        exact = frame is not None and frame == state.map_rect
        if not exact:
            view.set_projection(_projection_for(content, view, state.extent, default_projection))
        view.set_decorations(legend=("outside" if not exact else "auto") if shot.legend else "none")
        request = ImageRequest(view, width=shot.width, height=shot.height, dpi=shot.dpi)
        if exact:  # as saved, above the slide map's footer (a larger share of it than the screen's was of its map)
            renderer.prepare(request)
            footer = renderer.scene.decorations.layout().boxes.get("footer")
            if footer is not None:
                view.set_frame(above_band(state.map_rect, shot.width, shot.height, shot.height - footer[1]))
        else:
            renderer.prepare(request)  # sizes the canvas and decides what is visible, hence the legend's rows
            framed = renderer.scene.data_frame(MIN_LAUNCH_KM, launch=state.filters.only_events is not None)
            if framed is None and state.extent is not None:
                framed = renderer.scene.room_frame(view.projection.project_extent(state.extent))
            if framed is not None:
                view.set_frame(framed)
        image = renderer.image(request)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError("PNG encoding of a slide's map failed")
        return bytes(data.data())

    return render


def above_band(rect, width: int, height: int, band: float):
    """The frame for a ``width`` x ``height`` image that shows ``rect`` whole in the pixels above a band ``band``
    pixels tall along its bottom (map units, y up)."""
    from viewer.qt.draw.scene import fitted

    band = min(max(0.0, band), height / 2)
    xmin, ymin, xmax, ymax = fitted(rect, width, max(1, round(height - band)))
    return xmin, ymin - (ymax - ymin) * band / max(1.0, height - band), xmax, ymax


def _projection_for(content, view: MapView, extent, default_projection):
    """One launch's slide: the projection that suits its extent; any other view: the deck's projection."""
    shown = {f.event for f in view.visible_features(content) if f.event}
    if len(shown) != 1 or default_projection.key != "regional":
        return default_projection
    from viewer.export.deck import launch_projection

    event = content.events.get(next(iter(shown)))
    if event is None:
        return default_projection
    return launch_projection(content, event, visible_extent(launch_features(view.visible_features(content))) or extent)
