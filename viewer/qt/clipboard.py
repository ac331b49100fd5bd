"""Copy map (Ctrl+Shift+C): the view on screen as an image on the clipboard, drawn like an export (no selection
halo, no hover), to paste into a slide, a chat or an e-mail."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QImage

from viewer.model.view import MapView
from viewer.model.workspace import Workspace


def copy_map(workspace: Workspace, map_view: MapView, width: int, height: int) -> QImage:
    """Render ``map_view`` at ``width`` x ``height`` pixels and put it on the clipboard; returns the image."""
    from viewer.qt.render import ImageRequest, MapRenderer

    renderer = MapRenderer(workspace)
    try:
        image = renderer.image(ImageRequest(map_view.copy(), width=max(16, width), height=max(16, height)))
    finally:
        renderer.close()
    QGuiApplication.clipboard().setImage(image)
    return image
