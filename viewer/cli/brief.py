"""Write a briefing deck, PPTX or PDF: a title slide, one slide per bookmark (per launch without a session),
each with its map, key facts and cited quotes, and a sources slide."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.cli.common import add_files_argument, load_workspace
from viewer.export.slides import SLIDE_PIXELS
from viewer.wording import visible_controls

DECK_SUFFIXES = (".pptx", ".pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_files_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.pptx or OUT.pdf")
    parser.add_argument("--session", metavar="SESSION",
                        help="a saved session: its bundles (besides any FILE) and its bookmarks, one slide each")
    parser.add_argument("--title", default="", help="the deck's title (default: named after the launches)")
    parser.add_argument("--crs", default="regional",
                        help="projection of slides whose bookmark has none: regional, mercator, platecarree, aeqd, "
                             "aeqd:LON,LAT or any CRS such as EPSG:32652")
    parser.add_argument("--resolution", type=int, default=SLIDE_PIXELS, metavar="PIXELS",
                        help=f"slide width in pixels the maps are rendered for (default {SLIDE_PIXELS}, 4K)")


def run(args: argparse.Namespace) -> int:
    from viewer.cli.errors import UsageError

    output = Path(args.output)
    if output.suffix.lower() not in DECK_SUFFIXES:
        raise UsageError(f"{output}: a deck is written as .pptx or .pdf, not {output.suffix or 'without suffix'}")
    if not 640 <= args.resolution <= 7680:
        raise UsageError(f"--resolution {args.resolution}: must be between 640 and 7680 pixels")
    from viewer.io.session.file import SESSION_SUFFIX

    # A session given as FILE is briefed as --session (the window opens one given as FILE too).
    sessions = [f for f in args.files if Path(f).suffix.lower() == SESSION_SUFFIX]
    files, bookmarks = [f for f in args.files if f not in sessions], []
    if len(sessions) + bool(args.session) > 1:
        raise UsageError(f"{', '.join(sessions + ([args.session] if args.session else []))}: a deck is made from "
                         "one session")
    session_path = args.session or (sessions[0] if sessions else None)
    if session_path:
        from viewer.io.session import load_session

        session = load_session(session_path)
        files += [str(p) for p in session.bundles if str(p) not in files]
        bookmarks = session.bookmarks
    workspace = load_workspace(files)
    from viewer.qt.briefing import write_briefing  # Qt renders the maps; loaded only now

    try:
        deck = write_briefing(workspace, bookmarks, output, title=args.title, crs=args.crs,
                              slide_pixels=args.resolution)
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(visible_controls(f"wrote {output} ({len(deck.slides)} slides)"))
    from viewer.export.deck_fonts import missing_font_warning

    if warning := missing_font_warning(deck, str(output)):
        print(visible_controls(warning), file=sys.stderr)
    return 0
