"""Export a map image (PNG or JPEG with world file, layered SVG, or PDF) of bundles, headless."""

from __future__ import annotations

import argparse

from viewer.cli.common import add_files_argument, load_workspace, parse_extent
from viewer.geo.crs import DEFAULT_REGION, projection_from_name
from viewer.model.reports import default_title, sources_note
from viewer.model.view import MapView, padded, visible_extent


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.png, OUT.jpg, OUT.svg or OUT.pdf")
    parser.add_argument("--width", type=int, default=1920, help="pixels (default 1920)")
    parser.add_argument("--height", type=int, default=1080, help="pixels (default 1080)")
    parser.add_argument("--dpi", type=float, default=96.0, help="resolution: line widths and text scale with it")
    parser.add_argument("--extent", metavar="W,S,E,N", help="lon/lat extent fitted to the image")
    parser.add_argument("--crs", default="regional",
                        help="regional, mercator, platecarree, aeqd, aeqd:LON,LAT or any CRS such as EPSG:32652")
    parser.add_argument("--event", action="append", metavar="ID", help="show only this event (repeatable)")
    parser.add_argument("--title", default=None, help="title drawn on the map")
    parser.add_argument("--no-legend", action="store_true")
    parser.add_argument("--quality", type=int, default=90, help="JPEG quality, 1-100 (default 90)")


def run(args: argparse.Namespace) -> int:
    from viewer.cli.errors import UsageError
    from viewer.qt.render import ImageRequest, MapRenderer

    for name, value, limit in (("--width", args.width, 20000), ("--height", args.height, 20000)):
        if not 16 <= value <= limit:
            raise UsageError(f"{name} {value}: must be between 16 and {limit} pixels")
    if not 10 <= args.dpi <= 1200:
        raise UsageError(f"--dpi {args.dpi:g}: must be between 10 and 1200")
    if not 1 <= args.quality <= 100:
        raise UsageError(f"--quality {args.quality}: must be from 1 to 100")
    workspace = load_workspace(args.files)
    extent = parse_extent(args.extent) if args.extent else None
    view = MapView()
    content = workspace.content
    if args.event:
        unknown = [e for e in args.event if e not in content.events]
        if unknown:
            raise UsageError(f"--event {unknown[0]}: no such event (known: {', '.join(content.events)})")
        view.set_hidden(events=set(content.events) - set(args.event))
    visible = view.visible_features(content)
    data_extent = extent or visible_extent(visible) or DEFAULT_REGION
    try:
        projection = projection_from_name(args.crs, data_extent)
    except ValueError as error:
        raise UsageError(f"--crs: {error}") from None
    view.set_projection(projection)
    view.fit(extent or padded(data_extent))
    title = args.title if args.title is not None else _default_title(workspace, args.event)
    view.set_decorations(title=title, legend=not args.no_legend, footnote=sources_note(content, visible))
    renderer = MapRenderer(workspace)
    try:
        renderer.save(args.output, ImageRequest(view, width=args.width, height=args.height, dpi=args.dpi,
                                                   quality=args.quality))
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(f"wrote {args.output}")
    return 0


def _default_title(workspace, events) -> str:
    chosen = [workspace.content.events[e] for e in events] if events else workspace.content.events_in_time_order()
    if len(chosen) == 1:
        return f"{chosen[0].name}, {chosen[0].date_label}"
    if chosen:
        return default_title(workspace.content)
    return ", ".join(workspace.layers()) or "launchmap"  # files from other tools: named after them
