"""SVG export that edits cleanly in Inkscape or Illustrator: one group (``<g id="…">``, an Inkscape layer) per map
layer — basemap, each kind of feature (danger zones, flight paths, …, in the screen's order), place names, overlays,
annotations, decorations — and words as ``<text>``.

Why this way: QSvgGenerator alone writes one flat group. Writing SVG by hand from the layers would be a second
drawing of every layer to keep in step with the screen. So each layer is painted alone through QSvgGenerator (the
same drawing as the screen, with words drawn as text on vector devices) and the pieces are put together as groups.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import TYPE_CHECKING

import defusedxml.ElementTree as SafeET

from viewer.export.svg_clip import clipped_path_data
from viewer.export.svg_paths import LIMIT, elements, scaled_path_data, split_path_data
from viewer.model.annotation import ANNOTATION
from viewer.model.feature import Feature
from viewer.model.kinds import kind_title

if TYPE_CHECKING:
    from viewer.qt.draw.scene import MapScene
    from viewer.qt.render import ImageRequest, MapRenderer

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
INKSCAPE = "http://www.inkscape.org/namespaces/inkscape"
FONT_FAMILY = "DejaVu Sans, Verdana, sans-serif"  # the words' fallback where DejaVu is not installed
# Control characters XML 1.0 allows nowhere: Qt writes a label's as they are, and the piece could not be read back
# (a NUL in a label stopped the export). In UTF-8 these bytes are never part of another character.
_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
REPLACEMENT = "\ufffd".encode()


def svg_bytes(renderer: MapRenderer, request: ImageRequest) -> bytes:
    """The request's map as a layered SVG document."""
    renderer.prepare(request)
    scene = renderer.scene
    try:
        parts = [(layer_id, title, _painted(renderer, request, layers, keep, background))
                 for layer_id, title, layers, keep, background in _layers(scene)]
    finally:
        scene.draw_only(None)
    return _assembled(parts, request)


# -- the layers ------------------------------------------------------------------------------------
Layer = tuple[str, str, frozenset[str], Callable[[Feature], bool] | None, bool]


def _layers(scene: MapScene) -> list[Layer]:
    """(id, title, the scene's layers drawn, features drawn, sea drawn) per group, bottom to top."""
    features = frozenset({"features"})
    visible = scene.visible_features()
    layers: list[Layer] = [("basemap", "Basemap", frozenset({"basemap"}), None, True)]
    # One group per kind, in the screen's drawing order and drawn as the screen draws it (every launch's features of
    # the kind at once: casings, unions and what covers what as on screen); one group per launch drew a later
    # launch's areas over an earlier launch's paths and lost the casings between launches.
    shown_kinds = {f.kind for f in visible if f.kind != ANNOTATION}
    for kind in scene.layers:  # the scene's drawing order (bands under lines)
        if kind in shown_kinds:
            layers.append((f"kind-{_xml_id(kind)}", kind_title(kind), features, _of_kind(kind), False))
    layers += [("place-names", "Place names", frozenset({"labels"}), None, False),
               ("overlays", "Range rings and measurements", frozenset({"overlays"}), None, False),
               ("annotations", "Annotations", frozenset({"annotations"}), lambda f: f.kind == ANNOTATION, False),
               ("decorations", "Title, legend, scale, north arrow, attribution", frozenset({"decorations"}), None,
                False)]
    return layers


def _of_kind(kind: str) -> Callable[[Feature], bool]:
    return lambda feature: feature.kind == kind


def _painted(renderer: MapRenderer, request: ImageRequest, layers: frozenset[str], keep, background: bool) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    renderer.scene.draw_only(keep)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(request.width, request.height))
    generator.setViewBox(QRect(0, 0, request.width, request.height))
    generator.setResolution(round(request.dpi))
    painter = QPainter(generator)
    try:
        renderer.paint(painter, request, layers, sea=background)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


# -- putting the pieces together -------------------------------------------------------------------
def _assembled(parts: list[tuple[str, str, bytes]], request: ImageRequest) -> bytes:
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    ET.register_namespace("inkscape", INKSCAPE)
    root = ET.Element(f"{{{SVG}}}svg", {
        "width": f"{request.width}px", "height": f"{request.height}px",
        "viewBox": f"0 0 {request.width} {request.height}", "version": "1.1",
        "font-family": FONT_FAMILY})
    ET.SubElement(root, f"{{{SVG}}}title").text = request.view.decorations.title or "launchmap export"
    ET.SubElement(root, f"{{{SVG}}}desc").text = "Map exported by launchmap. Basemap: Natural Earth (public domain)."
    defs = ET.SubElement(root, f"{{{SVG}}}defs")
    for layer_id, title, data in parts:
        piece = SafeET.fromstring(_NOT_XML.sub(REPLACEMENT, data))  # our own output, without entity expansion
        group = ET.SubElement(root, f"{{{SVG}}}g", {"id": layer_id, f"{{{INKSCAPE}}}groupmode": "layer",
                                                     f"{{{INKSCAPE}}}label": title})
        for child in list(piece):
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "defs":
                defs.extend(list(child))
            elif tag not in ("title", "desc"):
                group.append(child)
    for group in list(root.iter(f"{{{SVG}}}g")):
        _scaled_strokes(group)
        _in_pixels(group)
        _clipped_to_image(group, request)
        _split_long_paths(group)
    _drop_empty_groups(root)
    for text in root.iter(f"{{{SVG}}}text"):  # fallbacks for machines without DejaVu Sans
        if text.get("font-family", "").strip('"') == "DejaVu Sans":
            text.set("font-family", FONT_FAMILY)
    if not len(defs):
        root.remove(defs)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def _scaled_strokes(group: ET.Element) -> None:
    """Pens of a fixed screen width (Qt's cosmetic pens) come out as ``vector-effect="non-scaling-stroke"`` inside a
    group scaled from map units; librsvg, Inkscape and print drivers ignore that effect and draw the stroke in map
    units (invisibly thin). The width and dashes are written in the group's own units instead, so every reader
    draws the width seen on screen."""
    match = re.fullmatch(r"matrix\(([^)]*)\)", group.get("transform", ""))
    paths = [p for p in group if p.get("vector-effect") == "non-scaling-stroke"]
    if not paths:
        return
    for path in paths:
        del path.attrib["vector-effect"]
    if match is None:
        return
    a, b, c, d, _, _ = (float(v) for v in match.group(1).replace(",", " ").split())
    scale = abs(a * d - b * c) ** 0.5
    if scale == 0 or abs(scale - 1) < 1e-9:
        return
    _scale_pen(group, 1 / scale)


def _in_pixels(group: ET.Element) -> None:
    """A group of paths drawn in map units (a scale far from 1: metres to pixels) is written in pixel units: its
    coordinates and pen widths multiplied by the scale, its transform keeping only the rotation and offset.

    In map units a coordinate is millions of metres, written with an exponent and six digits (``-2.27551e+06``),
    and a pen of a few pixels tens of thousands of units wide: QtSvg draws a pen wider than 32,767 as 1 unit, so
    the bands of overflown areas vanished in Qt programs while librsvg drew them."""
    match = re.fullmatch(r"matrix\(([^)]*)\)", group.get("transform", ""))
    if match is None or not len(group) or any(child.tag != f"{{{SVG}}}path" or child.get("d") is None
                                               for child in group):
        return
    a, b, c, d, e, f = (float(v) for v in match.group(1).replace(",", " ").split())
    scale = abs(a * d - b * c) ** 0.5
    if scale == 0 or 0.1 <= scale <= 10:
        return
    for path in group:
        path.set("d", scaled_path_data(path.get("d", ""), scale))
    _scale_pen(group, scale)
    group.set("transform", "matrix({})".format(",".join(
        f"{v:.6g}" for v in (a / scale, b / scale, c / scale, d / scale, e, f))))


def _clipped_to_image(group: ET.Element, request: ImageRequest) -> None:
    """A group's paths clipped to the image and as much again around it (`viewer.export.svg_clip`): the land of a
    conic map reached 13.9 million pixels out, and librsvg filled the whole map with it."""
    match = re.fullmatch(r"matrix\(([^)]*)\)", group.get("transform", "matrix(1,0,0,1,0,0)"))
    paths = [path for path in group if path.tag == f"{{{SVG}}}path" and path.get("d")]
    if match is None or not paths:
        return
    a, b, c, d, e, f = (float(v) for v in match.group(1).replace(",", " ").split())
    determinant = a * d - b * c
    if determinant == 0:
        return
    reach = request.width + request.height
    corners = [(x, y) for x in (-reach, request.width + reach) for y in (-reach, request.height + reach)]
    # the image's corners in the group's own units: the inverse of x' = a x + c y + e, y' = b x + d y + f
    inverse = [((d * (x - e) - c * (y - f)) / determinant, (a * (y - f) - b * (x - e)) / determinant)
               for x, y in corners]
    xs, ys = zip(*inverse, strict=True)
    box = (min(xs), min(ys), max(xs), max(ys))
    for path in paths:
        filled = path.get("fill", group.get("fill", "black")) != "none"
        path.set("d", clipped_path_data(path.get("d", ""), box, filled))


def _split_long_paths(group: ET.Element) -> None:
    """A path of more elements than QtSvg reads becomes several beside it (`viewer.export.svg_paths`)."""
    for index, path in reversed(list(enumerate(group))):
        d = path.get("d")
        if path.tag != f"{{{SVG}}}path" or d is None or elements(d) <= LIMIT:
            continue
        filled = path.get("fill", group.get("fill", "black")) != "none"
        pieces = split_path_data(d, filled)
        path.set("d", pieces[0])
        for offset, piece in enumerate(pieces[1:], start=1):
            copy = ET.Element(path.tag, dict(path.attrib))
            copy.set("d", piece)
            group.insert(index + offset, copy)


def _drop_empty_groups(root: ET.Element) -> None:
    """Qt opens a group for every change of pen, many of them never drawn in: they only clutter an editor's
    layer panel."""
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{{{SVG}}}g" and not len(child) and not child.get("id"):
                parent.remove(child)


def _xml_id(text: str) -> str:
    """``text`` as an XML id: letters, digits, '-', '_' and '.' kept, anything else as '-'."""
    return re.sub(r"[^A-Za-z0-9_.-]", "-", text) or "launch"


def _scale_pen(group: ET.Element, factor: float) -> None:
    """Multiply a group's pen width, dash pattern and dash offset by ``factor``."""
    for name in ("stroke-width", "stroke-dashoffset"):
        if group.get(name):
            group.set(name, f"{float(group.get(name, '0')) * factor:.6g}")
    if group.get("stroke-dasharray") not in (None, "none"):
        values = group.get("stroke-dasharray", "").replace(",", " ").split()
        group.set("stroke-dasharray", ",".join(f"{float(v) * factor:.6g}" for v in values))
