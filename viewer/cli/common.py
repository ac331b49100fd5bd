"""What headless subcommands share: loading FILE arguments into a workspace, parsing extents."""

from __future__ import annotations

import argparse
import os
import re

from viewer.io.load import open_path
from viewer.model.problem import BundleError, Problem
from viewer.model.workspace import Workspace
from viewer.resources import sample_bundle


def add_files_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="event bundles, GeoJSON, GeoPackage, KML, KMZ, CSV, Shapefile (also zipped), GPX, "
                             "FlatGeobuf or GML files (default: the sample bundle)")
    add_documents_root_argument(parser)


def add_documents_root_argument(parser: argparse.ArgumentParser) -> None:
    """--documents-root: the one way to let a bundle's documents point outside its own folder."""
    parser.add_argument("--documents-root", action="append", default=[], metavar="DIR",
                        help="also read documents' article files from inside DIR (repeatable); by default a "
                             "bundle's articles are read only from inside its own folder")


def load_workspace(files: list[str]) -> Workspace:
    """A workspace with every file loaded as the window opens it; raises BundleError on the first file that
    cannot be read.

    Warnings and recoverable errors (orphaned citations) do not stop an export; `validate` reports them.
    """
    from viewer.io.session.file import SESSION_SUFFIX

    workspace = Workspace()
    opened: set[str] = set()
    for file in files or [str(sample_bundle())]:
        same = os.path.realpath(file)
        if same in opened:  # named twice (relative and absolute, as FILE and in a session): opened once
            continue
        opened.add(same)
        if file.lower().endswith(SESSION_SUFFIX):  # read as geodata it was 'not a GeoJSON FeatureCollection'
            raise BundleError([Problem(file, "", "a session, not geodata: brief it with `launchmap brief --session`, "
                                                 "or open it in the window")])
        bundle, _ = open_path(file)
        try:
            workspace.add(bundle)
        except ValueError as error:
            raise BundleError([Problem(file, "", str(error))]) from None
    return workspace


def parse_extent(text: str) -> tuple[float, float, float, float]:
    from viewer.cli.errors import UsageError

    try:
        west, south, east, north = (float(part) for part in text.split(","))
    except ValueError:
        raise UsageError(f"--extent {text!r}: expected W,S,E,N in degrees, e.g. 115,15,145,42") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south < north <= 90):
        raise UsageError(f"--extent {text!r}: longitudes must be within ±180, latitudes within ±90, south < north")
    return west, south, east, north


def allow_negative_values(parser: argparse.ArgumentParser) -> None:
    """Let option values start with a minus and a digit (``--extent -180,-60,180,80``): argparse takes only plain
    negative numbers for values and anything else starting with '-' for an option. No option of launchmap starts
    with a digit, so nothing is lost."""
    parser._negative_number_matcher = re.compile(r"^-\d[\d.,\s-]*$|^-\.\d")
