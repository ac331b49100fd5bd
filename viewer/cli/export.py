"""Export a map image (PNG with world file, SVG or PDF) of bundles, headless."""

from __future__ import annotations

import argparse

from viewer.cli.common import add_files_argument, allow_negative_values, load_workspace, parse_extent
from viewer.geo.crs import DEFAULT_REGION, azimuthal_equidistant, projection_from_name, suited
from viewer.geo.page_size import PAPERS, PageSize, paper_inches, physical, pixels, size_inches
from viewer.geo.room import LEGEND_PLACES
from viewer.model.reports import default_title, sources_note
from viewer.model.view import MapView, launch_features, padded, visible_extent
from viewer.wording import visible_controls

PHYSICAL_DPI = 150.0  # a page's resolution when --paper or --size is given without --dpi
MIN_LAUNCH_KM = 400.0  # a launch framed alone spans at least this much, so a single point is not blown up


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files_argument(parser)
    allow_negative_values(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.png, OUT.jpg, OUT.svg or OUT.pdf")
    parser.add_argument("--quality", type=int, default=90, help="JPEG quality, 1-100 (default 90)")
    parser.add_argument("--width", type=int, default=None, help="pixels (default 1920); decorations scale with "
                                                                "images larger than 1920x1080")
    parser.add_argument("--height", type=int, default=None, help="pixels (default 1080)")
    parser.add_argument("--paper", metavar="NAME", help=f"page size: {', '.join(PAPERS)}; pixels follow from --dpi")
    parser.add_argument("--size", metavar="WxH{in,cm,mm}", help="physical size, e.g. 20x15cm or 11x8.5in")
    orientation = parser.add_mutually_exclusive_group()
    orientation.add_argument("--landscape", dest="landscape", action="store_true", default=True,
                             help="with --paper: the long side across (default)")
    orientation.add_argument("--portrait", dest="landscape", action="store_false")
    parser.add_argument("--dpi", type=float, default=None,
                        help=f"dots per inch of --paper or --size (default {PHYSICAL_DPI:g}; text keeps its size in "
                             "points); with pixel sizes only written into the file (default 96)")
    parser.add_argument("--extent", metavar="W,S,E,N", help="lon/lat extent fitted to the image; negative values "
                                                            "as written, e.g. -180,-60,180,80")
    parser.add_argument("--crs", default=None,
                        help="regional (default), mercator, platecarree, aeqd, aeqd:LON,LAT, globe, globe:LON,LAT, "
                             "robinson, equalearth or any CRS such as EPSG:32652 (default for --event: the "
                             "projection that suits the launch)")
    parser.add_argument("--event", action="append", metavar="ID", help="show only this event (repeatable)")
    parser.add_argument("--title", default=None, help="title drawn on the map")
    parser.add_argument("--legend", choices=LEGEND_PLACES, default="auto",
                        help="where the legend goes: auto (the corner with least data, or beside the map), outside "
                             "(a column beside the map), none, or a corner nw, ne, sw, se")
    parser.add_argument("--no-legend", dest="legend", action="store_const", const="none", help="same as --legend none")
    parser.add_argument("--no-labels", action="store_true", help="no country, place or feature labels")
    parser.add_argument("--rings", metavar="LON,LAT:KM[,KM…]", help="range rings (geodesic circles) around a point, "
                                                                    "e.g. 125.74,39.02:5500,13000 around Pyongyang; "
                                                                    "without --crs and --extent the map is the "
                                                                    "azimuthal equidistant on it, framed to the rings")


def page_size(args: argparse.Namespace) -> PageSize:
    """Pixels and decoration scale from --paper/--size and --dpi, or from --width/--height."""
    from viewer.cli.errors import UsageError

    if args.paper and args.size:
        raise UsageError("--paper and --size: give one of them")
    given = args.width is not None or args.height is not None  # 0 is given too: it is refused below, not ignored
    if (args.paper or args.size) and given:
        raise UsageError("--width/--height and --paper/--size: give pixels or a physical size, not both")
    dpi = args.dpi
    if dpi is not None and not 10 <= dpi <= 1200:
        raise UsageError(f"--dpi {dpi:g}: must be between 10 and 1200")
    if args.paper or args.size:
        try:
            inches = paper_inches(args.paper, args.landscape) if args.paper else size_inches(args.size)
        except ValueError as error:
            raise UsageError(f"{'--paper' if args.paper else '--size'}: {error}") from None
        size = physical(inches, dpi or PHYSICAL_DPI)
    else:
        size = pixels(1920 if args.width is None else args.width, 1080 if args.height is None else args.height,
                      dpi or 96.0)
    for name, value in (("width", size.width), ("height", size.height)):
        if not 16 <= value <= 20000:
            raise UsageError(f"{name} {value} pixels: must be between 16 and 20000")
    return size


def run(args: argparse.Namespace) -> int:
    from viewer.cli.errors import UsageError
    from viewer.qt.render import ImageRequest, MapRenderer

    size = page_size(args)
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
    data_extent = extent or visible_extent(launch_features(visible) if args.event else visible) or DEFAULT_REGION
    rings = _rings(args.rings) if args.rings else None
    try:
        if args.crs is None and rings is not None and not extent:  # every ring a true circle, as Range rings view
            projection = azimuthal_equidistant(rings[0], rings[1])
        elif args.crs is None and args.event and not extent:
            projection = suited(padded(data_extent), _site(workspace, args.event))
        else:
            projection = projection_from_name(args.crs or "regional", data_extent)
    except ValueError as error:
        raise UsageError(f"--crs: {error}") from None
    view.set_projection(projection)
    try:
        view.fit(extent or padded(data_extent))
    except ValueError as error:
        raise UsageError(f"--extent: {error}") from None
    title = args.title if args.title is not None else _default_title(workspace, args.event)
    view.set_decorations(title=title, legend=args.legend, labels=not args.no_labels,
                         footnote=sources_note(content, visible))
    renderer = MapRenderer(workspace, view, size=(size.width, size.height))
    if rings is not None:
        renderer.scene.show_range_rings(*rings)
    request = ImageRequest(view, width=size.width, height=size.height, dpi=size.dpi,
                           decoration_scale=size.decoration_scale, quality=args.quality)
    try:
        if extent is None and (visible or rings):  # the data and rings, as large as they go clear of decorations
            renderer.prepare(request)
            frame = renderer.scene.data_frame(MIN_LAUNCH_KM if args.event else 0.0, overlays=rings is not None,
                                              launch=bool(args.event))
            if frame is not None:
                view.set_frame(frame)
        renderer.save(args.output, request)
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(visible_controls(f"wrote {args.output}"))
    return 0


def _rings(text: str) -> tuple[float, float, list[float]]:
    from viewer.cli.errors import UsageError

    try:
        centre, radii = text.split(":")
        lon, lat = (float(v) for v in centre.split(","))
        kms = [float(v) for v in radii.split(",")]
    except ValueError:
        raise UsageError(f"--rings {text!r}: expected LON,LAT:KM[,KM…], e.g. 125.74,39.02:5500,13000") from None
    if not (-180 <= lon <= 180 and -90 <= lat <= 90) or not all(0 < km < 20000 for km in kms):
        raise UsageError(f"--rings {text!r}: the centre must be on the earth and radii between 0 and 20,000 km")
    return lon, lat, kms


def _site(workspace, events) -> tuple[float, float] | None:
    """The launch site of the first of ``events`` that has one, as (lon, lat)."""
    for event_id in events:
        event = workspace.content.events[event_id]
        site = workspace.feature(event.site or "")
        if site is not None and site.geometry is not None:
            point = site.geometry.centroid
            return (point.x, point.y)
    return None


def _default_title(workspace, events) -> str:
    chosen = [workspace.content.events[e] for e in events] if events else workspace.content.events_in_time_order()
    if len(chosen) == 1:
        return f"{chosen[0].name}, {chosen[0].date_label}"
    if chosen:
        return default_title(workspace.content)
    return ", ".join(workspace.layers()) or "launchmap"  # files from other tools: named after them
