"""The path GDAL is given for a GeoPackage: the file's own, or a link to it when pyogrio would read the name as
another file's."""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

_MANGLED = re.compile("[\\t\\n\\r!]")  # what pyogrio's reading of a path as a URL changes


@contextlib.contextmanager
def as_gdal_reads_it(path: Path) -> Iterator[Path]:
    """``path``, or a link to it that GDAL reads as named: pyogrio takes a path for a URL first, and a tab or line
    break (which URL parsing drops) or a '!' (an archive's separator) in a file's name made it another file
    ('radarsites.gpkg: No such file or directory')."""
    if not _MANGLED.search(str(path)):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="launchmap-") as folder:
        link = Path(folder) / "source.gpkg"
        link.symlink_to(path.resolve())
        yield link
