"""Check files as the window opens them (bundles, GeoJSON, GeoPackage, KML, KMZ, CSV, Shapefile…): exit 0 when
valid, else 1 with one `FILE:WHERE: message` line per problem; warnings print but do not fail."""

from __future__ import annotations

import argparse

from viewer.cli.common import add_documents_root_argument
from viewer.io.load import open_path
from viewer.model.problem import BundleError, Problem
from viewer.resources import sample_bundle


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="files to check: bundles, GeoJSON, GeoPackage, KML, KMZ, CSV, Shapefile (also zipped), "
                             "GPX, FlatGeobuf, GML (default: the sample)")
    add_documents_root_argument(parser)


def run(args: argparse.Namespace) -> int:
    files = args.files or [str(sample_bundle())]
    failed = False
    for file in files:
        problems = problems_in(file)
        for problem in problems:
            print(problem)
        failed = failed or any(p.is_error for p in problems)
    return 1 if failed else 0


def problems_in(file: str) -> list[Problem]:
    """What `validate` prints for ``file``: the problems the window reports when it opens it."""
    try:
        _, problems = open_path(file, shown_as=file)
    except BundleError as error:
        return error.problems
    return problems
