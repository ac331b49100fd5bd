"""Convert a file between GeoJSON (event bundle), GeoPackage, KML/KMZ and CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.cli.common import add_documents_root_argument
from viewer.io.convert import convert
from viewer.io.formats import write_suffixes, writer_for
from viewer.wording import visible_controls


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN", help="a bundle, GeoJSON, GeoPackage, KML, KMZ, CSV, Shapefile, GPX, "
                        "FlatGeobuf or GML file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="OUT.geojson, OUT.gpkg, OUT.kml, OUT.kmz or OUT.csv (the suffix picks the format)")
    add_documents_root_argument(parser)


def _state(path: Path) -> tuple[int, int, int] | None:
    """What tells whether ``path`` was replaced: its inode, size and time of change; None when there is none."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


def run(args: argparse.Namespace) -> int:
    from viewer.cli.errors import UsageError

    output = Path(args.output)
    if writer_for(output) is None:
        raise UsageError(f"-o {args.output}: the suffix must be one of {', '.join(write_suffixes())}")
    if not output.parent.is_dir():
        raise UsageError(f"-o {args.output}: folder {output.parent} does not exist")
    if Path(args.input).resolve() == output.resolve():
        raise UsageError(f"-o {args.output}: that is the input file; write to another name")
    before = _state(output)
    try:
        bundle, problems = convert(args.input, output)
    except KeyboardInterrupt:  # the writers write atomically: stopped before the end, the old file is as it was
        after = _state(output)
        raise KeyboardInterrupt(("nothing was written" if before is None else f"{output} is left as it was")
                                if after == before else f"{output} was written") from None
    for problem in problems:
        print(problem, file=sys.stderr)  # warnings only: errors stop the conversion with BundleError
    print(visible_controls(f"wrote {output} ({len(bundle.features)} features, {len(bundle.events)} events, "
                           f"{len(bundle.documents)} documents)"))
    return 0
