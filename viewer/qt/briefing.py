"""The briefing deck's maps: each slide's view drawn on an offscreen canvas, kept clear of the legend."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QFontMetricsF

from viewer.export.deck import SLIDE_PIXELS, Deck, MapImages, MapShot, Progress
from viewer.model.bookmark import Bookmark
from viewer.model.view import MapView
from viewer.model.workspace import Workspace
from viewer.qt.map.decorations import legend_layout

MAX_ZOOM_OUT = 1.6  # how much smaller a slide's map may be drawn to keep its data clear of the legend


def write_briefing(workspace: Workspace, bookmarks: list[Bookmark], path: str | Path, *, title: str = "",
                   crs: str = "regional", slide_pixels: int = SLIDE_PIXELS, progress: Progress | None = None) -> Deck:
    """Render every slide's map offscreen and write the deck (by suffix); the workspace itself is not changed.

    Raises ValueError for a projection that cannot be built, OSError when the file cannot be written,
    and viewer.io.progress.Cancelled when ``progress`` raises it.
    """
    from viewer.export import write_deck
    from viewer.export.deck import build_deck
    from viewer.geo.crs import DEFAULT_REGION, projection_from_name
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
    """The deck's image callback: render each slide's view offscreen and encode it as PNG."""
    from viewer.qt.render import ImageRequest

    def render(shot: MapShot) -> bytes:
        state = shot.view.view
        view = MapView(default_projection)
        view.restore(state, renderer.workspace.content, fallback=default_projection)
        view.set_decorations(legend=shot.legend)
        request = ImageRequest(view, width=shot.width, height=shot.height, dpi=shot.dpi)
        exact = state.map_rect is not None and view.projection is not default_projection
        if not exact and state.extent is not None and shot.legend:
            frame = clear_of_legend(renderer, request, state.extent)
            if frame is not None:
                view.set_frame(frame)
        image = renderer.image(request)
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError("PNG encoding of a slide's map failed")
        return bytes(data.data())

    return render


def clear_of_legend(renderer, request, extent) -> tuple[float, float, float, float] | None:
    """A map rect that shows ``extent`` beside or above the legend rather than under it.

    The legend sits in the bottom-right corner; on a slide it is large next to the map, and launches
    running north-south would pass beneath it. Of the two ways to keep the data clear of it, the one
    drawing the data larger wins, unless it would shrink the map by more than MAX_ZOOM_OUT: then None,
    and the extent is simply fitted.
    """
    renderer.prepare(request)  # sizes the canvas and decides what is visible, hence the legend's rows
    canvas = renderer.canvas
    legend_w, legend_h, band = legend_size(canvas)
    xmin, ymin, xmax, ymax = canvas.projection.project_extent(extent)
    width, height = request.width, request.height
    fitted = max((xmax - xmin) / width, (ymax - ymin) / height)  # map units per pixel, ignoring the legend
    best = None
    # beside the legend the data still keeps above the attribution band along the bottom
    for free_w, free_h, beside in ((width - legend_w, height - band, True), (width, height - legend_h, False)):
        if free_w < 0.25 * width or free_h < 0.25 * height:
            continue
        per_px = max((xmax - xmin) / free_w, (ymax - ymin) / free_h)
        if best is None or per_px < best[0]:
            best = (per_px, free_w, free_h, beside)
    if best is None or best[0] > fitted * MAX_ZOOM_OUT:
        return None
    per_px, free_w, free_h, beside = best
    cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
    left = cx - (free_w if beside else width) / 2 * per_px
    top = cy + free_h / 2 * per_px  # map y grows upwards: the image's top is the largest y
    return (left, top - height * per_px, left + width * per_px, top)


def legend_size(canvas) -> tuple[float, float, float]:
    """Pixels the legend and its margins take from the right edge and from the bottom edge (the attribution
    band included), and the band's height."""
    band = QFontMetricsF(canvas.context.font(7)).height() + canvas.context.px(4)
    layout = legend_layout(canvas.frame)
    if layout is None:
        return (0.0, 0.0, band)
    px = canvas.context.px
    return (layout.width + px(20), layout.height + px(20) + band, band)
